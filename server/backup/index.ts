import type { GraphStore, Row, WriteStep } from '../store/port.ts';
import type { RelationshipType } from '../store/graph-schema.ts';
import { linkStatement } from '../write/relations.ts';

/*
 * A whole database as one JSON file — every node, relationship, change,
 * assessment and sign-in key — and back: a restore into an empty store gives
 * the same graph, in one transaction.
 */

export const BACKUP_FORMAT = 'samverkanskartan-backup';

export interface BackupNode {
  labels: string[];
  props: Row;
  /** A Response's assessment and organisation: it has no id, so its links travel with it. */
  assessment?: string | null;
  organisation?: string | null;
}

export interface BackupRelationship {
  type: string;
  from: string;
  to: string;
  props: Row;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  nodes: BackupNode[];
  relationships: BackupRelationship[];
}

export async function backupOf(store: GraphStore): Promise<Backup> {
  const [nodes, relationships] = await Promise.all([
    store.read<BackupNode>('backup/list-nodes'),
    store.read<BackupRelationship>('backup/list-relationships'),
  ]);
  const sorted = <T>(list: T[]) => list.map((x) => [JSON.stringify(x), x] as const).sort(([a], [b]) => a.localeCompare(b)).map(([, x]) => x);
  return {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    nodes: sorted(nodes.map(({ labels, props, assessment, organisation }) => ({ labels: [...labels].sort(), props, ...(props.id === undefined && assessment ? { assessment, organisation } : {}) }))),
    relationships: sorted(relationships),
  };
}

/** How each kind of domain node is created: the seed loader's upserts, which keep the properties given. */
const UPSERT: Record<string, string> = {
  Actor: 'actor/upsert-actors',
  Forum: 'forum/upsert-forums',
  Activity: 'activity/upsert-activities',
  Goal: 'goal/upsert-goals',
  TargetArea: 'target-area/upsert-target-areas',
  OverarchingGoal: 'target-area/upsert-overarching-goals',
  Strategy: 'strategy/upsert-strategies',
  PolicyDocument: 'policy-document/upsert-policy-documents',
  Area: 'area/upsert-areas',
  Collaboration: 'collaboration/upsert-collaborations',
  Funding: 'target-area/upsert-funding',
  Person: 'person/upsert-people',
};

const OTHERS: Record<string, string> = {
  Change: 'backup/create-changes',
  ApiKey: 'backup/create-api-keys',
  Setting: 'backup/create-settings',
  EndedSession: 'backup/create-ended-sessions',
  SurveyRound: 'backup/create-survey-rounds',
  Respondent: 'backup/create-respondents',
};

/** Relationships whose ends are not all domain nodes, so the cypher/link/ statements (Entity to Entity) cannot make them. */
const OWN_LINKS: Record<string, string> = {
  CHANGED: 'backup/link-changed',
  SURVEYS: 'backup/link-surveys',
  ASKED_IN: 'backup/link-asked-in',
  ANSWERS_FOR: 'backup/link-answers-for',
};

/** Kinds restored by their own steps below: an assessment with its collaboration, a response with both its ends. */
const WITH_OWN_STEPS = new Set(['Assessment', 'Response']);

/** Every kind of node a backup may hold: a kind outside it would be dropped, so it is refused instead. */
export const RESTORABLE_KINDS = new Set([...Object.keys(UPSERT), ...Object.keys(OTHERS), ...WITH_OWN_STEPS]);

/** Relationships made with their nodes: an assessment's OF, a response's two. */
const MADE_WITH_NODES = new Set(['OF', 'RESPONDS_TO', 'ON_BEHALF_OF']);

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Checks a parsed file is a backup; the message says what is wrong. */
export function asBackup(value: unknown): Backup {
  const b = value as Partial<Backup> | null;
  if (!b || b.format !== BACKUP_FORMAT) throw new BackupError(`filen är ingen säkerhetskopia från Samverkanskartan (format ska vara "${BACKUP_FORMAT}")`);
  if (b.version !== 1) throw new BackupError(`säkerhetskopians version ${String(b.version)} kan inte läsas; den här versionen läser version 1`);
  if (!Array.isArray(b.nodes) || !Array.isArray(b.relationships)) throw new BackupError('säkerhetskopian saknar nodes eller relationships');
  return b as Backup;
}

/** The write steps that put a backup into an empty store. */
export function restoreSteps(backup: Backup): WriteStep[] {
  const steps: WriteStep[] = [];
  const kind = (n: BackupNode) => n.labels.find((l) => l !== 'Entity') ?? n.labels[0]!;
  const byKind = Map.groupBy(backup.nodes, kind);
  const unknown = [...byKind.keys()].filter((k) => !RESTORABLE_KINDS.has(k));
  if (unknown.length) throw new BackupError(`säkerhetskopian har noder av slag som inte kan återställas: ${unknown.join(', ')}; inget har skrivits`);
  for (const [label, query] of Object.entries(UPSERT)) {
    const rows = (byKind.get(label) ?? []).map(({ props: { id, ...props } }) => ({ id, props }));
    if (rows.length) steps.push({ query, params: { rows } });
  }
  const collaborationOf = new Map(backup.relationships.filter((r) => r.type === 'OF').map((r) => [r.from, r.to]));
  for (const { props: { id, ...props } } of byKind.get('Assessment') ?? []) {
    steps.push({ query: 'assessment/create-assessment', params: { id, collaboration: collaborationOf.get(String(id)) ?? null, props } });
  }
  for (const [assessment, rows] of Map.groupBy(byKind.get('Response') ?? [], (r) => r.assessment!)) {
    steps.push({ query: 'assessment/create-responses', params: { assessment, rows: rows.map((r) => ({ organisation: r.organisation!, props: r.props })) } });
  }
  for (const [label, query] of Object.entries(OTHERS)) {
    const rows = (byKind.get(label) ?? []).map(({ props }) => ({ props }));
    if (rows.length) steps.push({ query, params: { rows } });
  }
  for (const [type, rels] of Map.groupBy(backup.relationships.filter((r) => !MADE_WITH_NODES.has(r.type)), (r) => r.type)) {
    const rows = rels.map(({ from, to, props }) => ({ from, to, props }));
    steps.push({ query: OWN_LINKS[type] ?? linkStatement(type as RelationshipType), params: { rows } });
  }
  return steps;
}

/** Restores a backup in one transaction; refuses a store that holds anything, unless `force` empties it first. */
export async function restore(store: GraphStore, backup: Backup, force: boolean): Promise<void> {
  const [row] = await store.read<{ count: number }>('backup/count-nodes');
  const count = Number(row?.count ?? 0);
  if (count > 0 && !force) {
    throw new BackupError(`databasen är inte tom (${count} noder): en återställning ersätter allt i den. Kör \`npm run restore -- FIL --force\` om det är meningen.`);
  }
  await store.write([...(count > 0 ? [{ query: 'node/delete-all' }] : []), ...restoreSteps(backup)]);
}
