import type { EditableActivity } from '../edit/activity.ts';

/** The GraphQL documents the web app sends, with the shapes they return. */

export interface Named {
  id: string;
  name: string;
}

/** Källa: what a seeded fact rests on. None for a fact an editor entered (the audit trail says who and when). */
export interface SourceData {
  /** The document's title. */
  document: string;
  section: string | null;
  /** Verbatim as the document's text prints it. */
  quote: string | null;
  /** INFERRED: read into the quote, as `note` explains. */
  basis: 'STATED' | 'INFERRED' | null;
  note: string | null;
  proposed: boolean;
}
const SOURCE = 'source { document section quote basis note proposed }';

/** Whether a fact is read into its quote rather than stated by it: drawn dashed, labelled "härlett". */
export const isInferred = (source: SourceData | null | undefined): boolean => source?.basis === 'INFERRED';

export interface ActorSummary extends Named {
  shortName: string | null;
  kind: string;
  sector: string;
}

export interface SharedContext {
  kind: 'FORUM' | 'ACTIVITY' | 'COLLABORATION';
  name: string;
}

export interface RelationSummary {
  actors: { id: string }[];
  strength: number;
  reasons: string[];
  shared: SharedContext[];
  /** Shared contexts the filter left out of reasons and strength. */
  sharedOutsideFilter: number;
}

/** Filters the server applies to actors; null means no filter. */
export interface NetworkFilter {
  targetArea: string | null;
  area: string | null;
  sector: string | null;
  kind: string | null;
}

/** Every page is read in turn (see `allNodes`): a region has more actors than one page holds. */
export const ACTORS_PAGE = /* GraphQL */ `
  query Actors($filter: ActorFilter, $first: Int!, $after: String, $asOf: Date) {
    page: actors(first: $first, after: $after, filter: $filter, asOf: $asOf) {
      edges { node { id name shortName kind sector } } pageInfo { hasNextPage endCursor }
    }
  }
`;
export const RELATIONS_PAGE = /* GraphQL */ `
  query Relations($filter: ActorFilter, $first: Int!, $after: String, $asOf: Date) {
    page: workingRelations(first: $first, after: $after, filter: $filter, asOf: $asOf) {
      edges { node { actors { id } strength reasons shared { kind name } sharedOutsideFilter } } pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Målområden and områden: the choices of the filters in several views. */
export const PLACES_QUERY = /* GraphQL */ `
  query Places($asOf: Date) { targetAreas(asOf: $asOf) { id name } areas(asOf: $asOf) { id name } }
`;
export interface PlacesData {
  targetAreas: Named[];
  areas: Named[];
}

export const ACTOR_DETAIL_QUERY = /* GraphQL */ `
  query ActorDetail($id: ID!, $filter: ActorFilter) {
    node(id: $id) {
      ... on Actor {
        id name shortName kind sector version ${SOURCE}
        partOf { id name }
        activities { id }
        collaborations { id }
        forums { role forum { id name } ${SOURCE} }
        workingRelations(filter: $filter) { actors { id name } strength shared { kind name } sharedOutsideFilter }
        everyRelation: workingRelations { strength }
      }
    }
  }
`;
/** An actor with what its panel shows and its form edits. */
export interface ActorRecord extends ActorSummary {
  /** Given back when the actor is edited or deleted. */
  version: number;
  partOf: Named[];
  /** What a delete takes along: its ansvar and its parts in collaborations. */
  activities: { id: string }[];
  collaborations: { id: string }[];
  source: SourceData | null;
  forums: { role: string; forum: Named; source: SourceData | null }[];
  /** Under the view's filter. */
  workingRelations: { actors: Named[]; strength: number; shared: SharedContext[]; sharedOutsideFilter: number }[];
  /** Every relation, whatever the filter: the partners it leaves out are the difference. */
  everyRelation: { strength: number }[];
}
export interface ActorDetail {
  node: ActorRecord | null;
}

/** One collaboration as the taxonomy shows it. */
export interface TaxonomyCollaboration extends Named {
  type: string | null;
  /** The current overall level; null when never assessed. */
  level: string | null;
  targetLevel: string | null;
  /** Every placement, oldest first, the last being the current one. */
  history: { date: string; level: string; provisional: boolean }[];
  belowTarget: boolean;
  /** Drifting to the left at its latest assessment. */
  drifting: boolean;
  /** The latest assessment has too few respondents to be firm. */
  provisional: boolean;
  /** The latest assessment is invented example data. */
  isDemo: boolean;
  /** How level and target were reached, in Swedish. */
  evidence: string;
  driftFindings: { title: string; evidence: string; current: boolean }[];
  /** The A/B/C profile of the latest survey: high A with low C is form without substance. */
  layers: LayerScore[];
  /** Where two organisations see a layer two levels or more apart, in Swedish. */
  perceptionGaps: string[];
  participants: Named[];
  /** The participants with what each part rests on. */
  participations: Participation[];
  source: SourceData | null;
}

export interface Participation {
  actor: Named;
  role: string | null;
  source: SourceData | null;
}

export interface LayerScore {
  layer: string;
  name: string;
  score: number;
  target: number | null;
  gap: number | null;
}

/** A group of the taxonomy as the server forms it: a målområde or a collaboration type, its collaborations by id. */
export interface TaxonomyGroupData {
  key: string;
  label: string;
  ids: string[];
}

const PLACEMENT_GROUP = 'key label placements { collaboration { id } }';
export const TAXONOMY_QUERY = /* GraphQL */ `
  query Taxonomy($asOf: Date) {
    taxonomy(asOf: $asOf) {
      demoAssessments notAssessedCount belowTargetCount driftCount
      collaborations {
        level targetLevel belowTarget driftFlagged provisional isDemo evidence
        trajectory { date level provisional }
        collaboration {
          id name type ${SOURCE} participants { id name } participations { actor { id name } role ${SOURCE} } drift { findings { title evidence current } }
          layers { layer name score target gap } perceptionGaps { evidence }
        }
      }
      byTargetArea { ${PLACEMENT_GROUP} }
      byType { ${PLACEMENT_GROUP} }
    }
  }
`;
export interface TaxonomyPlacementData {
  level: string | null;
  targetLevel: string | null;
  belowTarget: boolean;
  driftFlagged: boolean;
  provisional: boolean;
  isDemo: boolean;
  evidence: string;
  trajectory: { date: string; level: string; provisional: boolean }[];
  collaboration: Named & {
    type: string | null;
    source: SourceData | null;
    participants: Named[];
    participations: Participation[];
    drift: { findings: { title: string; evidence: string; current: boolean }[] } | null;
    layers: LayerScore[];
    perceptionGaps: { evidence: string }[];
  };
}
type GroupData = { key: string; label: string; placements: { collaboration: { id: string } }[] };
export interface TaxonomyData {
  taxonomy: {
    demoAssessments: number;
    notAssessedCount: number;
    belowTargetCount: number;
    driftCount: number;
    collaborations: TaxonomyPlacementData[];
    byTargetArea: GroupData[];
    byType: GroupData[];
  };
}

export interface FindingPart {
  key: string;
  label: string;
  action: string;
}

export interface Finding {
  id: string;
  rule: string;
  title: string;
  severity: string;
  evidence: string;
  action: string | null;
  subjectIds: string[];
  /** A grouped finding's items (an activity's empty cells); empty for one of a kind. */
  parts: FindingPart[];
}

/** How many findings one rule gave, named by the server. */
export interface RuleCount {
  rule: string;
  label: string;
  count: number;
}

const FINDING_FIELDS = 'id rule title severity evidence action subjectIds parts { key label action }';

export const FINDINGS_QUERY = /* GraphQL */ `
  query Findings($filter: FindingFilter, $gaps: Boolean!, $overlaps: Boolean!, $asOf: Date) {
    gaps(filter: $filter, asOf: $asOf) @include(if: $gaps) { findings { ${FINDING_FIELDS} } byRule { rule label count } }
    overlaps(filter: $filter, asOf: $asOf) @include(if: $overlaps) { findings { ${FINDING_FIELDS} } byRule { rule label count } }
  }
`;
export interface FindingsData {
  gaps?: { findings: Finding[]; byRule: RuleCount[] };
  overlaps?: { findings: Finding[]; byRule: RuleCount[] };
}

/** Every rule, with the Swedish name and explanation the server keeps for it. */
export const FINDING_RULES_QUERY = /* GraphQL */ `
  query FindingRules { findingRules { id label explanation report } }
`;
export interface FindingRule {
  id: string;
  label: string;
  explanation: string;
  report: 'GAP' | 'OVERLAP';
}
export interface FindingRulesData {
  findingRules: FindingRule[];
}

type Ref = { id: string; name: string };
type ActorRef = Ref & { sector: string; kind: string };

/** A finding's subject with its neighbours, by type: enough to draw the subgraph around it. */
export type SubjectNode =
  | { __typename: 'Actor'; id: string; name: string; sector: string; kind: string; forums: { forum: Ref }[]; activities: Ref[] }
  | { __typename: 'Forum'; id: string; name: string; convenor: ActorRef | null; members: { actor: ActorRef }[]; goals: { id: string; text: string }[] }
  | { __typename: 'Activity'; id: string; name: string; responsible: ActorRef[]; goals: { id: string; text: string; targetArea?: { id: string } }[]; forums: Ref[] }
  | { __typename: 'Goal'; id: string; text: string; targetArea: Ref; activities: Ref[]; forums: Ref[] }
  | { __typename: 'Collaboration'; id: string; name: string; participants: ActorRef[]; forums: Ref[]; activities: Ref[] }
  | { __typename: 'Strategy'; id: string; name: string; strategyArea: Ref | null; activities: Ref[] }
  | { __typename: 'TargetArea'; id: string; name: string; goals: { id: string; text: string }[] }
  | { __typename: 'PolicyDocument'; id: string; title: string; owner: ActorRef | null }
  | { __typename: 'Area'; id: string; name: string };

const ACTOR_REF = 'id name sector kind';
export const SUBJECTS_QUERY = /* GraphQL */ `
  query Subjects($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename id
      ... on Actor { name sector kind forums { forum { id name } } activities { id name } }
      ... on Forum { name convenor { ${ACTOR_REF} } members { actor { ${ACTOR_REF} } } goals { id text } }
      ... on Activity { name responsible { ${ACTOR_REF} } goals { id text targetArea { id } } forums { id name } }
      ... on Goal { text targetArea { id name } activities { id name } forums { id name } }
      ... on Collaboration { name participants { ${ACTOR_REF} } forums { id name } activities { id name } }
      ... on Strategy { name strategyArea: targetArea { id name } activities { id name } }
      ... on TargetArea { name goals { id text } }
      ... on PolicyDocument { title owner { ${ACTOR_REF} } }
      ... on Area { name }
    }
  }
`;
export interface SubjectsData {
  nodes: (SubjectNode | null)[];
}

/** A row of an effektkedja: the activity with every link its row edits, and what each rests on. */
export interface ChainActivity extends EditableActivity {
  responsible: (Named & { shortName: string | null })[];
  /** Ansvar, each actor with the Ansvar cell it is read from. */
  responsibility: { actor: Named & { shortName: string | null }; source: SourceData | null }[];
  /** What the Ansvar cell names besides actors ("samtliga förvaltningar & bolag"). */
  responsibleOthers: string | null;
  /** Its effektmål, each link with what it rests on. */
  goalLinks: { goal: { id: string }; source: SourceData | null }[];
  source: SourceData | null;
}
export interface ChainGoal {
  id: string;
  text: string;
  /** Given back when the goal is edited or deleted. */
  version: number;
  activities: ChainActivity[];
  /** The forums working on it: what a delete takes along, with its activities. */
  forums: { id: string }[];
  source: SourceData | null;
}
/** A person who answers for a målområde (seed 001: "Ansvariga"). */
export interface Official {
  role: string;
  person: { name: string; title: string | null };
  source: SourceData | null;
}
export interface ChainTargetArea extends Named {
  goals: ChainGoal[];
  officials: Official[];
}

export const CHAINS_QUERY = /* GraphQL */ `
  query Chains($asOf: Date) {
    targetAreas(asOf: $asOf) {
      id name officials { role person { name title } ${SOURCE} }
      goals {
        id text version forums { id } ${SOURCE}
        activities {
          id name kind output shortTermEffect period resources version responsibleOthers ${SOURCE}
          responsible { id name shortName } goals { id } strategies { id } areas { id } forums { id } policyDocuments { id }
          responsibility { actor { id name shortName } ${SOURCE} } goalLinks { goal { id } ${SOURCE} }
        }
      }
    }
  }
`;

/** What the cells of an effektkedja offer beyond actors and effektmål: strategies, områden, forums, styrdokument; each read page by page. */
export const STRATEGIES_PAGE = /* GraphQL */ `
  query Strategies($first: Int!, $after: String) {
    page: strategies(first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
  }
`;
/** Every styrdokument with what its form edits. */
export const POLICY_DOCUMENTS_PAGE = /* GraphQL */ `
  query PolicyDocuments($first: Int!, $after: String, $asOf: Date) {
    page: policyDocuments(first: $first, after: $after, asOf: $asOf) {
      edges { node { id title type adopted validUntil version owner { id name } } } pageInfo { hasNextPage endCursor }
    }
  }
`;
export interface PolicyDocumentSummary {
  id: string;
  title: string;
  /** program, plan, policy, riktlinje, vision, strategi or annat. */
  type: string | null;
  adopted: string | null;
  validUntil: string | null;
  version: number;
  owner: Named | null;
}
export const ACTIVITY_NAMES_PAGE = /* GraphQL */ `
  query ActivityNames($first: Int!, $after: String) {
    page: activities(first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
  }
`;

/** One collaboration with what its form edits, and what a delete takes along (its assessments). */
export const COLLABORATION_QUERY = /* GraphQL */ `
  query Collaboration($id: ID!) {
    node(id: $id) {
      ... on Collaboration {
        id name type description targetLevel version
        participations { role from to actor { id name } }
        forums { id } activities { id } assessments { id }
      }
    }
  }
`;
export interface CollaborationRecord extends Named {
  type: string | null;
  description: string | null;
  targetLevel: string | null;
  version: number;
  /** from and to: the part's dates, given back by a save so that it keeps them. */
  participations: { role: string | null; from?: string | null; to?: string | null; actor: Named }[];
  forums: { id: string }[];
  activities: { id: string }[];
  assessments: { id: string }[];
}
export interface CollaborationData {
  node: CollaborationRecord | null;
}
/** What styrdokument govern, read from the governed side: forums and activities page by page, effektmål by målområde. */
export const GOVERNED_FORUMS_PAGE = /* GraphQL */ `
  query GovernedForums($first: Int!, $after: String) {
    page: forums(first: $first, after: $after) { edges { node { id name policyDocuments { id } } } pageInfo { hasNextPage endCursor } }
  }
`;
export const GOVERNED_ACTIVITIES_PAGE = /* GraphQL */ `
  query GovernedActivities($first: Int!, $after: String) {
    page: activities(first: $first, after: $after) { edges { node { id name policyDocuments { id } } } pageInfo { hasNextPage endCursor } }
  }
`;
export const GOVERNED_GOALS_QUERY = /* GraphQL */ `
  query GovernedGoals { targetAreas { id name goals { id text policyDocuments { id } } } }
`;
export type Governed = Named & { policyDocuments: { id: string }[] };
export interface GovernedGoalsData {
  targetAreas: (Named & { goals: { id: string; text: string; policyDocuments: { id: string }[] }[] })[];
}
export const FORUM_NAMES_PAGE = /* GraphQL */ `
  query ForumNames($first: Int!, $after: String) {
    page: forums(first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
  }
`;
export interface ChainsData {
  targetAreas: ChainTargetArea[];
}

export interface ForumSummary extends Named {
  purpose: string | null;
  level: string | null;
  meetingFrequency: string | null;
  /** Kontaktperson/uppgiftslämnare, as the Forumkartläggning gives it. */
  contact?: string | null;
  convenor: Named | null;
  /** Each seat with its own version, given back when the seat is edited, and what it rests on. */
  members: { role: string; version: number; from: string | null; to: string | null; actor: ActorSummary; source?: SourceData | null }[];
  goals: { id: string; text: string }[];
  /** Målgrupper, as codes (BARN_OCH_UNGA). */
  targetGroups: string[];
  /** When it started and ended (ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD), when known. */
  validFrom?: string | null;
  validTo?: string | null;
  /** Given back when the forum is edited or confirmed. */
  version: number;
  /** When its convenor last confirmed its data (ISO 8601), and who. */
  confirmedAt: string | null;
  confirmedBy: string | null;
  /** When it must be confirmed again; null when never confirmed, so now. */
  confirmationDueAt: string | null;
  source?: SourceData | null;
}

/** The Forum view's filters, as ForumFilter names them; null means no filter. */
export interface ForumFilter {
  text: string | null;
  targetGroup: string | null;
  targetArea: string | null;
  level: string | null;
  convenor: string | null;
  actor: string | null;
  confirmationDue: boolean | null;
}

export const FORUMS_PAGE = /* GraphQL */ `
  query Forums($first: Int!, $after: String, $filter: ForumFilter, $order: ForumOrder, $asOf: Date) {
    page: forums(first: $first, after: $after, filter: $filter, order: $order, asOf: $asOf) {
      edges { node { id name purpose level meetingFrequency targetGroups contact validFrom validTo version confirmedAt confirmedBy confirmationDueAt ${SOURCE} convenor { id name } members { role version from to ${SOURCE} actor { id name shortName kind sector } } goals { id text } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
export const FORUM_OVERLAPS_QUERY = /* GraphQL */ `
  query ForumOverlaps($asOf: Date) { overlaps(filter: { rules: ["forum-merge-candidate"] }, asOf: $asOf) { findings { id evidence action subjectIds } } }
`;
export type ForumOverlap = Pick<Finding, 'id' | 'evidence' | 'action' | 'subjectIds'>;
export interface ForumOverlapsData {
  overlaps: { findings: ForumOverlap[] };
}

/** The choices of the forum form: every actor and every effektmål, by målområde. */
export const FORUM_CHOICES_QUERY = /* GraphQL */ `
  query ForumChoices { targetAreas { id name goals { id text } } }
`;
export interface ForumChoicesData {
  targetAreas: (Named & { goals: { id: string; text: string }[] })[];
}

/** One write in the audit trail, as the history panel shows it. */
export interface ChangeEntry {
  id: string;
  at: string;
  byName: string | null;
  operation: string;
  before: string | null;
  after: string | null;
}
export const CHANGES_QUERY = /* GraphQL */ `
  query Changes($id: ID!, $first: Int!) {
    changes(nodeId: $id, first: $first) { totalCount edges { node { id at byName operation before after } } }
  }
`;
export interface ChangesData {
  changes: { totalCount: number; edges: { node: ChangeEntry }[] };
}

/** The assessment instrument: items with their five statements, the target question, the early-warning signals. */
export interface Instrument {
  name: string;
  description: string;
  targetQuestion: string;
  layers: { layer: string; name: string; items: { id: string; name: string; statements: string[] }[] }[];
  levels: { level: string; name: string; value: number }[];
  signals: { code: string; text: string }[];
}
export const INSTRUMENT_QUERY = /* GraphQL */ `
  query Instrument {
    taxonomyInstrument { name description targetQuestion layers { layer name items { id name statements } } levels { level name value } signals { code text } }
  }
`;
export interface InstrumentData {
  taxonomyInstrument: Instrument;
}

/** Jämför: what changed on the map from one day to another, each change naming its nodes. */
export const CHANGES_BETWEEN_QUERY = /* GraphQL */ `
  query ChangesBetween($from: Date!, $to: Date!) { changesBetween(from: $from, to: $to) { kind description subjectIds } }
`;
export interface MapChangeEntry {
  kind: string;
  description: string;
  subjectIds: string[];
}
export interface ChangesBetweenData {
  changesBetween: MapChangeEntry[];
}
