import type { GraphStore } from '../store/port.ts';
import type { RelationshipType } from '../store/graph-schema.ts';
import { typeOfId } from '../domain/ids.ts';
import type { ActorKind } from '../domain/sectors.ts';
import type { ActorTie } from './working-relations.ts';
import { codeUnits, sortRange } from './sort.ts';

/** The properties of a node the rules read (a subset of what is stored). */
export type NodeProps = { id: string; [key: string]: unknown };

export interface ActorRow { node: NodeProps & { name: string; kind: ActorKind }; parents: string[] }
export interface GoalRow { node: NodeProps & { text: string }; targetAreas: string[] }
export interface ActivityRow {
  node: NodeProps & { name: string; kind: string; period?: string | null; resources?: string | null; shortTermEffect?: string | null };
  responsible: string[];
  goals: string[];
  strategies: string[];
  areas: string[];
  forums: string[];
  coordinateWith: string[];
}
export interface ForumRow {
  node: NodeProps & { name: string; confirmedAt?: string | null; targetGroups?: string[] | null };
  members: string[];
  convenors: string[];
  goals: string[];
  activities: string[];
  coordinateWith: string[];
}
export interface StrategyRow { node: NodeProps & { name: string }; targetAreas: string[] }
export interface PolicyDocumentRow { node: NodeProps & { title: string }; governs: string[]; owners: string[] }
export interface CollaborationRow {
  node: NodeProps & { name: string; targetLevel?: string | null };
  participants: string[];
  forums: string[];
  activities: string[];
  assessments: string[];
}
export interface NamedRow { node: NodeProps & { name: string } }

/** Everything the gap and overlap rules look at: one read of the graph, then pure code. */
export interface GraphSnapshot {
  actors: ActorRow[];
  goals: GoalRow[];
  activities: ActivityRow[];
  forums: ForumRow[];
  strategies: StrategyRow[];
  policyDocuments: PolicyDocumentRow[];
  collaborations: CollaborationRow[];
  targetAreas: NamedRow[];
  areas: NamedRow[];
  ties: ActorTie[];
}

export interface Edge {
  from: string;
  type: RelationshipType;
  to: string;
}

/**
 * Reads the graph as a node list and an edge list (two linear scans), and assembles the rows;
 * given `asOf` (ÅÅÅÅ-MM-DD), only the nodes and links that held that day.
 */
export async function readSnapshot(store: GraphStore, asOf: string | null = null): Promise<GraphSnapshot> {
  const { nodes, edges } = await readGraphLists(store, asOf);
  return snapshotOf(nodes, edges);
}

/** The node and edge lists a snapshot is assembled from (as of `asOf`, when given). */
export async function readGraphLists(store: GraphStore, asOf: string | null = null): Promise<{ nodes: NodeProps[]; edges: Edge[] }> {
  const [nodes, edges] = await Promise.all([
    store.read<NodeProps>('analysis/list-analysis-nodes', { asOf }),
    store.read<Edge>('analysis/list-analysis-edges', { asOf }),
  ]);
  return { nodes, edges };
}

const TIE_TYPES = new Set<RelationshipType>(['MEMBER_OF', 'CONVENES', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN']);

/**
 * Nodes and edges → the rows the rules read. Pure: the benchmark's in-memory floor uses it too.
 * Both lists are taken in id order: nodes by id, edges by (from, type, to). An engine returns them
 * in its storage order (Neo4j walks a node's relationships newest first, the embedded engine oldest
 * first), and findings, their ids (a hash of their subjects) and their evidence must not depend on
 * the engine. One sort of the distinct ids gives both orders: the edges are counted into place by
 * their start's rank and each start's few edges sorted after. Sorting every edge with a three-part
 * comparison made this the slowest step of a report, and one that grew faster than the graph.
 *
 * Each id is looked up by its string once where it occurs (a node's id, an edge's two ends) and
 * numbered; the rest works on those numbers and arrays. Lookups by string in a map of the
 * country's ids miss the processor's caches more the larger the graph: with a second map of the
 * nodes by id and one of the rows, looked up again for each edge and tie, the edge loop took 37 ms
 * at national size against 4.2 ms at Västra Götaland's, 8.8 times as long for 5.9 times the graph.
 */
export function snapshotOf(unorderedNodes: readonly NodeProps[], unorderedEdges: readonly Edge[]): GraphSnapshot {
  // Each distinct id, numbered as first met; after one sort of the ids, `rank` says where each number goes.
  const seen = new Map<string, number>();
  const ids: string[] = [];
  const number = (id: string) => {
    let n = seen.get(id);
    if (n === undefined) {
      seen.set(id, (n = ids.length));
      ids.push(id);
    }
    return n;
  };
  // The node of each number (the first given with its id); the ids of edge ends with no node stay undefined.
  const nodeOf: (NodeProps | undefined)[] = [];
  // Two nodes with one id: no store returns them, but a list given may; both are kept, in the order given.
  let sameId: Map<number, NodeProps[]> | undefined;
  // Index loops, not for…of: these run once per node and edge of the country.
  for (let i = 0; i < unorderedNodes.length; i++) {
    const node = unorderedNodes[i]!;
    const n = number(node.id);
    if (nodeOf[n] === undefined) nodeOf[n] = node;
    else {
      sameId ??= new Map();
      const list = sameId.get(n);
      if (list) list.push(node);
      else sameId.set(n, [node]);
    }
  }
  const fromNumber = new Int32Array(unorderedEdges.length);
  const toNumber = new Int32Array(unorderedEdges.length);
  for (let i = 0; i < unorderedEdges.length; i++) {
    fromNumber[i] = number(unorderedEdges[i]!.from);
    toNumber[i] = number(unorderedEdges[i]!.to);
  }
  // Without a comparator the sort compares code units, as `<` does, and takes the fast path.
  const ordered = [...ids].sort();
  // Both ways: each number's place in id order, and the number at each place.
  const rank = new Int32Array(ids.length);
  const numberAt = new Int32Array(ids.length);
  for (let i = 0; i < ordered.length; i++) {
    const n = seen.get(ordered[i]!)!;
    rank[n] = i;
    numberAt[i] = n;
  }
  // Where each start's edges begin in `order` (indices into the edges given): a counting sort by the start's rank.
  const begin = new Int32Array(ordered.length + 1);
  for (let i = 0; i < unorderedEdges.length; i++) begin[rank[fromNumber[i]!]! + 1]!++;
  for (let i = 0; i < ordered.length; i++) begin[i + 1]! += begin[i]!;
  const next = begin.slice(0, ordered.length);
  const order: number[] = new Array<number>(unorderedEdges.length);
  for (let i = 0; i < unorderedEdges.length; i++) order[next[rank[fromNumber[i]!]!]!++] = i;
  const byTypeAndTo = (a: number, b: number) => codeUnits(unorderedEdges[a]!.type, unorderedEdges[b]!.type) || codeUnits(unorderedEdges[a]!.to, unorderedEdges[b]!.to);
  for (let i = 0; i < ordered.length; i++) if (begin[i + 1]! - begin[i]! > 1) sortRange(order, byTypeAndTo, begin[i]!, begin[i + 1]!);
  const s: GraphSnapshot = { actors: [], goals: [], activities: [], forums: [], strategies: [], policyDocuments: [], collaborations: [], targetAreas: [], areas: [], ties: [] };
  // The row of each number whose id has a node (the last of a repeated id's, as a map set again would keep).
  const rowOf = new Array<Record<string, unknown> | undefined>(ids.length);
  const add = <T extends { node: NodeProps }>(list: T[], n: number, row: T) => {
    list.push(row);
    rowOf[n] = row as unknown as Record<string, unknown>;
  };
  const addRow = (n: number, node: NodeProps) => {
    const x = node as never;
    switch (typeOfId(node.id)) {
      case 'Actor': add(s.actors, n, { node: x, parents: [] }); break;
      case 'Goal': add(s.goals, n, { node: x, targetAreas: [] }); break;
      case 'Activity': add(s.activities, n, { node: x, responsible: [], goals: [], strategies: [], areas: [], forums: [], coordinateWith: [] }); break;
      case 'Forum': add(s.forums, n, { node: x, members: [], convenors: [], goals: [], activities: [], coordinateWith: [] }); break;
      case 'Strategy': add(s.strategies, n, { node: x, targetAreas: [] }); break;
      case 'PolicyDocument': add(s.policyDocuments, n, { node: x, governs: [], owners: [] }); break;
      case 'Collaboration': add(s.collaborations, n, { node: x, participants: [], forums: [], activities: [], assessments: [] }); break;
      case 'TargetArea': add(s.targetAreas, n, { node: x }); break;
      case 'Area': add(s.areas, n, { node: x }); break;
      default: break;
    }
  };
  for (let i = 0; i < ordered.length; i++) {
    const n = numberAt[i]!;
    const node = nodeOf[n];
    if (!node) continue;
    addRow(n, node);
    const more = sameId?.get(n);
    if (more) for (const other of more) addRow(n, other);
  }
  // Which list of which end an edge fills: [end, field] by relationship type and the type of the row.
  const into = (n: number, field: string, value: string) => {
    const list = rowOf[n]?.[field];
    if (Array.isArray(list)) list.push(value);
  };
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    const { from, type, to } = unorderedEdges[e]!;
    const f = fromNumber[e]!;
    const t = toNumber[e]!;
    switch (type) {
      case 'PART_OF': into(f, 'parents', to); break;
      case 'IN_TARGET_AREA': into(f, 'targetAreas', to); break;
      case 'RESPONSIBLE_FOR': into(t, 'responsible', from); break;
      case 'CONTRIBUTES_TO': into(f, 'goals', to); break;
      case 'IMPLEMENTS': into(f, 'strategies', to); break;
      case 'IN_AREA': into(f, 'areas', to); break;
      case 'COORDINATES': into(t, 'forums', from); into(f, 'activities', to); break;
      case 'SHOULD_COORDINATE_WITH': into(f, 'coordinateWith', to); break;
      case 'MEMBER_OF': into(t, 'members', from); break;
      case 'CONVENES': into(t, 'convenors', from); break;
      case 'WORKS_ON': into(f, 'goals', to); break;
      case 'GOVERNED_BY': into(t, 'governs', from); break;
      case 'OWNS': into(t, 'owners', from); break;
      case 'PARTICIPATES_IN': into(t, 'participants', from); break;
      case 'THROUGH': into(f, 'forums', to); break;
      case 'ON': into(f, 'activities', to); break;
      case 'OF': into(t, 'assessments', from); break;
      default: break;
    }
    const contextRow = TIE_TYPES.has(type) ? rowOf[t] : undefined;
    if (contextRow) {
      const context = contextRow.node as NodeProps;
      s.ties.push({ actor: from, context: to, name: String(context.name ?? context.text ?? to), via: type as ActorTie['via'] });
    }
  }
  return s;
}
