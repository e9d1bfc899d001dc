/**
 * The names of the graph's node labels and relationship types (DESIGN.md):
 * the contract every `.cypher` file is checked against.
 */
export const NODE_LABELS = [
  // Every domain node also carries Entity: one unique, indexed id across all types.
  'Entity',
  'Actor',
  'Forum',
  'Activity',
  'Goal',
  'TargetArea',
  'OverarchingGoal',
  'Strategy',
  'PolicyDocument',
  'Area',
  'Collaboration',
  'Assessment',
  'Funding',
  // An official named with a målområde (seed 001: "Ansvariga").
  'Person',
  'Change',
  // Not domain nodes (no Entity label): sign-in keys, stored as hashes,
  // service settings such as the session-signing secret, and ended sessions.
  'ApiKey',
  'Setting',
  // Web sessions ended by signing out, kept until their cookies expire.
  'EndedSession',
  // One respondent's answers to an assessment; owned by it, so not an Entity.
  'Response',
  // A skattningsomgång and the people asked in it. Not Entities: they hold
  // names and e-mail addresses, so they stay out of node(id), exports and
  // the public audit trail of the collaboration (server/schema/survey-round.ts).
  'SurveyRound',
  'Respondent',
] as const;

export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'MEMBER_OF',
  'CONVENES',
  'RESPONSIBLE_FOR',
  'CONTRIBUTES_TO',
  'IMPLEMENTS',
  'IN_TARGET_AREA',
  'SERVES',
  'WORKS_ON',
  'COORDINATES',
  'IN_AREA',
  'GOVERNED_BY',
  'OWNS',
  'PART_OF',
  'PARTICIPATES_IN',
  'THROUGH',
  'ON',
  'OF',
  'FUNDS',
  // (Person)-[:OFFICIAL_OF {role}]->(TargetArea|OverarchingGoal): who answers for a målområde.
  'OFFICIAL_OF',
  // (Change)-[:CHANGED {version}]->(node): the audit trail.
  'CHANGED',
  // A document says these must be coordinated ("för att undvika dubbelarbete").
  'SHOULD_COORDINATE_WITH',
  // (Response)-[:RESPONDS_TO]->(Assessment), (Response)-[:ON_BEHALF_OF]->(Actor).
  'RESPONDS_TO',
  'ON_BEHALF_OF',
  // (SurveyRound)-[:SURVEYS]->(Collaboration), (Respondent)-[:ASKED_IN]->(SurveyRound),
  // (Respondent)-[:ANSWERS_FOR]->(Actor). A closed round names its assessment by id.
  'SURVEYS',
  'ASKED_IN',
  'ANSWERS_FOR',
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
