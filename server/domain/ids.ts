/**
 * Every domain node's id starts with its type's prefix (`actor:ska`), so an id
 * alone says which type it is: GraphQL's `node(id)` and the web app's links
 * rely on that.
 */
export const ID_PREFIXES = {
  Actor: 'actor',
  Forum: 'forum',
  Activity: 'activity',
  Goal: 'goal',
  TargetArea: 'target-area',
  OverarchingGoal: 'overarching-goal',
  Strategy: 'strategy',
  PolicyDocument: 'policy-document',
  Area: 'area',
  Collaboration: 'collaboration',
  Assessment: 'assessment',
  Funding: 'funding',
  Person: 'person',
  Change: 'change',
} as const;

export type DomainType = keyof typeof ID_PREFIXES;

const TYPE_BY_PREFIX = new Map<string, DomainType>(Object.entries(ID_PREFIXES).map(([type, prefix]) => [prefix, type as DomainType]));

/** The type an id names, or undefined for an id of no known type. */
export function typeOfId(id: string): DomainType | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? TYPE_BY_PREFIX.get(id.slice(0, colon)) : undefined;
}

export function isIdOf(type: DomainType, value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
    && typeOfId((value as { id: string }).id) === type;
}

/**
 * A fresh id for a new node of `type`. Made here rather than in Cypher: the
 * embedded engine has no randomUUID().
 */
export function newId(type: DomainType): string {
  return `${ID_PREFIXES[type]}:${crypto.randomUUID()}`;
}
