import type { ActorSummary } from './documents.ts';

/** A large graph as groups: the one query Nätverk draws it from (see `workingRelationSummary` in schema.graphql). */
export const GROUP_BY = ['MUNICIPALITY', 'SECTOR', 'KIND'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface SummaryGroup {
  id: string;
  key: string | null;
  name: string | null;
  actorCount: number;
  relationCount: number;
  strength: number;
  expanded: boolean;
  members: { actor: ActorSummary; evidence: string }[];
}

export interface SummaryData {
  workingRelationSummary: {
    actorCount: number;
    groups: SummaryGroup[];
    groupRelations: { source: string; target: string; relationCount: number; strength: number }[];
    relations: { actors: { id: string }[]; strength: number; reasons: string[] }[];
  };
}

export const SUMMARY_QUERY = /* GraphQL */ `
  query RelationSummary($groupBy: RelationGroupBy!, $expand: [ID!], $asOf: Date) {
    workingRelationSummary(groupBy: $groupBy, expand: $expand, asOf: $asOf) {
      actorCount
      groups { id key name actorCount relationCount strength expanded members { actor { id name shortName kind sector } evidence } }
      groupRelations { source target relationCount strength }
      relations { actors { id } strength reasons }
    }
  }
`;

/** How many actors there are: whether Nätverk draws them one by one or in groups. */
export const ACTOR_COUNT_QUERY = /* GraphQL */ `query ActorCount { actors(first: 0) { totalCount } }`;
export interface ActorCountData {
  actors: { totalCount: number };
}

/** The first actors whose name matches a search, for jumping to one in a grouped graph. */
export const ACTOR_SEARCH_QUERY = /* GraphQL */ `
  query ActorSearch($text: String!) { actors(first: 10, filter: { text: $text }) { totalCount edges { node { id name shortName kind sector } } } }
`;
export interface ActorSearchData {
  actors: { totalCount: number; edges: { node: ActorSummary }[] };
}
