import type { ActorTie } from './working-relations.ts';
import { type Edge, type GraphSnapshot, type NodeProps, snapshotOf } from './snapshot.ts';
import { codeUnits } from './sort.ts';

/** Each node's edges, listed at both ends (an edge from a node to itself once). */
export type Adjacency = Map<string, Edge[]>;

export function adjacencyOf(edges: readonly Edge[]): Adjacency {
  const at: Adjacency = new Map();
  for (const edge of edges) addEdge(at, edge);
  return at;
}

function addEdge(at: Adjacency, edge: Edge): void {
  for (const id of edge.from === edge.to ? [edge.from] : [edge.from, edge.to]) {
    const list = at.get(id);
    if (list) list.push(edge);
    else at.set(id, [edge]);
  }
}

const keyOf = (e: Edge) => `${e.from}\u0000${e.type}\u0000${e.to}`;

/** The order snapshotOf gives the ties: by actor, then relationship type, then context, in code units. */
const tieOrder = (a: ActorTie, b: ActorTie) => codeUnits(a.actor, b.actor) || codeUnits(a.via, b.via) || codeUnits(a.context, b.context);

type ListName = Exclude<keyof GraphSnapshot, 'ties'>;
/** Every list of rows in a snapshot: a list added to GraphSnapshot and not here fails to compile. */
const LISTS = Object.keys({
  actors: 0, goals: 0, activities: 0, forums: 0, strategies: 0, policyDocuments: 0, collaborations: 0, targetAreas: 0, areas: 0,
} satisfies Record<ListName, 0>) as ListName[];
type AnyRow = { node: NodeProps };

/**
 * `snapshot` (the snapshot of `nodes` and the edges in `adjacency` before a write) brought up to
 * date with what the write touched, without assembling the country again: what snapshotOf gives
 * for the new lists, at the cost of the touched nodes' neighbourhood. A row's lists come from the
 * edges at its node alone, in an order that depends only on their ends' ids, so the rows of the
 * touched nodes and of the far ends of edges that came or went are assembled again from their own
 * edges; every other row is the one before, shared. The ties at touched nodes are replaced and
 * merged into the rest in snapshotOf's order.
 *
 * `nodes` and `adjacency` are brought up to date in place: `touchedRows` replace the touched ids'
 * nodes, `touchedEdges` every edge at them.
 */
export function patchSnapshot(
  snapshot: GraphSnapshot,
  nodes: Map<string, NodeProps>,
  adjacency: Adjacency,
  touched: ReadonlySet<string>,
  touchedRows: readonly NodeProps[],
  touchedEdges: readonly Edge[],
): GraphSnapshot {
  // The edges at touched nodes before the write, once each, and which of them came or went.
  const before = new Map<string, Edge>();
  for (const id of touched) for (const edge of adjacency.get(id) ?? []) before.set(keyOf(edge), edge);
  const after = new Map(touchedEdges.map((edge) => [keyOf(edge), edge]));
  const affected = new Set(touched);
  for (const [key, edge] of before) if (!after.has(key)) affected.add(edge.from).add(edge.to);
  for (const [key, edge] of after) if (!before.has(key)) affected.add(edge.from).add(edge.to);

  for (const id of touched) nodes.delete(id);
  for (const row of touchedRows) nodes.set(row.id, row);
  // Each far end's list once, whatever the number of its edges to touched nodes (an import's many
  // activities under one agency): every edge at a touched node comes back in `touchedEdges`.
  const farEnds = new Set<string>();
  for (const edge of before.values()) for (const end of [edge.from, edge.to]) if (!touched.has(end)) farEnds.add(end);
  for (const end of farEnds) adjacency.set(end, adjacency.get(end)!.filter((e) => !touched.has(e.from) && !touched.has(e.to)));
  for (const id of touched) adjacency.delete(id);
  for (const edge of after.values()) addEdge(adjacency, edge);

  // The affected rows from their own edges (all of them: every edge at a node is in its list),
  // with the far ends of touched nodes' edges present as nodes too, so that each tie at a touched
  // node finds its context's row as snapshotOf would. Their rows here are partial and not used.
  const present = new Set(affected);
  for (const id of touched) for (const edge of adjacency.get(id) ?? []) present.add(edge.from).add(edge.to);
  const partNodes: NodeProps[] = [];
  for (const id of present) {
    const node = nodes.get(id);
    if (node) partNodes.push(node);
  }
  const partEdges = new Set<Edge>();
  for (const id of affected) for (const edge of adjacency.get(id) ?? []) partEdges.add(edge);
  const part = snapshotOf(partNodes, [...partEdges]);

  const next = { ...snapshot };
  for (const name of LISTS) {
    const fresh = (part[name] as AnyRow[]).filter((row) => affected.has(row.node.id));
    const old = snapshot[name] as AnyRow[];
    if (!fresh.length && !old.some((row) => affected.has(row.node.id))) continue;
    (next as Record<ListName, AnyRow[]>)[name] = merge(old.filter((row) => !affected.has(row.node.id)), fresh, (a, b) => codeUnits(a.node.id, b.node.id));
  }
  const atTouched = (tie: ActorTie) => touched.has(tie.actor) || touched.has(tie.context);
  next.ties = merge(snapshot.ties.filter((tie) => !atTouched(tie)), part.ties.filter(atTouched), tieOrder);
  return next;
}

/** Two lists each in `order`, as one in that order; on a tie, `a`'s item first. */
function merge<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = order(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
