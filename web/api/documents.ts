/** The GraphQL documents the web app sends, with the shapes they return. */

export interface ActorSummary {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  sector: string;
}

export interface RelationSummary {
  actors: { id: string }[];
  strength: number;
  reasons: string[];
}

export const NETWORK_QUERY = /* GraphQL */ `
  query Network {
    actors(first: 500) { totalCount edges { node { id name shortName kind sector } } }
    workingRelations(first: 500) { totalCount edges { node { actors { id } strength reasons } } }
  }
`;
export interface NetworkData {
  actors: { totalCount: number; edges: { node: ActorSummary }[] };
  workingRelations: { totalCount: number; edges: { node: RelationSummary }[] };
}

export const ACTOR_DETAIL_QUERY = /* GraphQL */ `
  query ActorDetail($id: ID!) {
    node(id: $id) {
      ... on Actor {
        id name kind sector
        forums { role forum { id name } }
        workingRelations { actors { id name } strength reasons }
      }
    }
  }
`;
export interface ActorDetail {
  node: {
    id: string;
    name: string;
    kind: string;
    sector: string;
    forums: { role: string; forum: { id: string; name: string } }[];
    workingRelations: { actors: { id: string; name: string }[]; strength: number; reasons: string[] }[];
  } | null;
}
