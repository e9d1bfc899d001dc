import { describe, expect, it } from 'vitest';
import { type Edge, type NodeProps, snapshotOf } from '../../server/analysis/snapshot.ts';
import { adjacencyOf, patchSnapshot } from '../../server/analysis/snapshot-patch.ts';
import type { RelationshipType } from '../../server/store/graph-schema.ts';
import { random } from '../../seed/generate.ts';

/*
 * A snapshot patched with what a write touched must be the snapshot of the graph after the write,
 * exactly: the same rows, lists and ties in the same order. snapshotOf over the whole graph is the
 * oracle, over many random graphs and chains of random writes (renames, new and deleted nodes,
 * links made and removed, at hubs and at leaves, edges to nodes the rules do not read), seeded
 * (seed/generate.ts's generator) so that a failure is the same on every run.
 */

type Random = ReturnType<typeof random>;

// Which types of node each relationship joins, as the graph has them; assessments have no row here.
const LINKS: [RelationshipType, string, string][] = [
  ['MEMBER_OF', 'actor', 'forum'], ['CONVENES', 'actor', 'forum'], ['RESPONSIBLE_FOR', 'actor', 'activity'],
  ['PARTICIPATES_IN', 'actor', 'collaboration'], ['PART_OF', 'actor', 'actor'], ['CONTRIBUTES_TO', 'activity', 'goal'],
  ['COORDINATES', 'forum', 'activity'], ['WORKS_ON', 'forum', 'goal'], ['IN_AREA', 'activity', 'area'],
  ['THROUGH', 'collaboration', 'forum'], ['ON', 'collaboration', 'activity'], ['OF', 'assessment', 'collaboration'],
  ['IN_TARGET_AREA', 'goal', 'target-area'], ['SHOULD_COORDINATE_WITH', 'activity', 'forum'], ['OWNS', 'actor', 'policy-document'],
  ['GOVERNED_BY', 'activity', 'policy-document'], ['IMPLEMENTS', 'activity', 'strategy'],
];
const TYPES = ['actor', 'forum', 'activity', 'collaboration', 'goal', 'area', 'target-area', 'policy-document', 'strategy', 'assessment'];
// Few names, so that contexts alike in name (and ids alike but for case) meet in the sorts.
const NAMES = ['Alfa', 'alfa', 'Beta', 'Åby', 'Öster', 'Ängen'];

function nodeOf(id: string, r: Random): NodeProps {
  const type = id.slice(0, id.indexOf(':'));
  return type === 'goal' ? { id, text: r.pick(NAMES) } : type === 'policy-document' ? { id, title: r.pick(NAMES) } : { id, name: r.pick(NAMES), kind: 'FORVALTNING' };
}

function graph(r: Random, size: number) {
  const ids = TYPES.flatMap((type) => Array.from({ length: 1 + r.int(0, size - 1) }, (_, i) => `${type}:${r.pick(['a', 'B', 'b', 'ö'])}${i}`));
  const nodes = new Map(ids.filter((id) => !id.startsWith('assessment:')).map((id) => [id, nodeOf(id, r)]));
  const edges = new Map<string, Edge>();
  const hub = ids.find((id) => id.startsWith('forum:'))!;
  // Every other edge at one forum, so its lists outgrow the short lists sorted by insertion.
  for (let i = 0; i < size * 8; i++) link(r, ids, edges, i % 2 === 0 ? hub : undefined);
  return { ids, nodes, edges };
}

/** A random edge of a type that joins the two, once; at `at` when given and its type fits. */
function link(r: Random, ids: readonly string[], edges: Map<string, Edge>, at?: string) {
  const [type, fromType, toType] = r.pick(LINKS);
  const of = (t: string) => ids.filter((id) => id.startsWith(`${t}:`));
  const from = at?.startsWith(`${fromType}:`) ? at : r.pick(of(fromType));
  const to = at?.startsWith(`${toType}:`) && at !== from ? at : r.pick(of(toType));
  if (from && to && !(type === 'PART_OF' && from === to)) edges.set(`${from}|${type}|${to}`, { from, type, to });
}

/** Each node's edges as sorted keys: the adjacency's content, whatever the order it was built in. */
const edgesAt = (adjacency: Map<string, Edge[]>) =>
  new Map([...adjacency].filter(([, list]) => list.length).map(([id, list]) => [id, list.map((e) => `${e.from}|${e.type}|${e.to}`).sort()] as const).sort());

describe('a snapshot patched with what a write touched', () => {
  it('is the snapshot of the graph after the write, over random graphs and chains of writes', () => {
    let sharedRows = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = random(seed);
      const { ids, nodes, edges } = graph(r, 3 + r.int(0, 9));
      const kept = new Map(nodes);
      const adjacency = adjacencyOf([...edges.values()]);
      let snapshot = snapshotOf([...nodes.values()], [...edges.values()]);
      for (let write = 0; write < 8; write++) {
        const touched = new Set<string>();
        const edgesBefore = new Map(edges);
        for (let n = 1 + r.int(0, 2); n > 0; n--) {
          const id = r.pick(ids);
          touched.add(id);
          const what = r.int(0, 4);
          if (what === 0 && nodes.has(id)) nodes.delete(id);
          else if (what <= 1 && !id.startsWith('assessment:')) nodes.set(id, nodeOf(id, r));
          // Links at the node removed and made. A write plan names both ends of each; a delete's
          // cascade may name only the node, so half the time the far end is left out.
          const ends = (edge: Edge) => (r.chance(0.5) || (edge.from !== id && edge.to !== id) ? [edge.from, edge.to] : [id]);
          for (const [key, edge] of edges) if ((edge.from === id || edge.to === id) && r.int(0, 2) === 0) {
            edges.delete(key);
            for (const end of ends(edge)) touched.add(end);
          }
          for (let k = r.int(0, 3); k > 0; k--) {
            const before = new Set(edges.keys());
            link(r, ids, edges, id);
            for (const [key, edge] of edges) if (!before.has(key)) for (const end of ends(edge)) touched.add(end);
          }
        }
        // What the store gives back for the touched ids: their nodes, and every edge at them.
        const touchedRows = [...touched].flatMap((id) => (nodes.has(id) ? [nodes.get(id)!] : []));
        const touchedEdges = [...edges.values()].filter((e) => touched.has(e.from) || touched.has(e.to));
        const expected = snapshotOf([...nodes.values()], [...edges.values()]);
        const previous = snapshot;
        snapshot = patchSnapshot(snapshot, kept, adjacency, touched, touchedRows, touchedEdges);
        expect(snapshot, `seed ${seed}, write ${write}`).toEqual(expected);
        expect(new Map([...kept].sort()), `seed ${seed}, write ${write}: the nodes kept`).toEqual(new Map([...nodes].sort()));
        expect(edgesAt(adjacency), `seed ${seed}, write ${write}: the edges kept at each node`).toEqual(edgesAt(adjacencyOf([...edges.values()])));
        // What the write did not reach is the row from before, not one assembled again.
        const changedAt = new Set<string>();
        for (const [key, e] of edges) if (!edgesBefore.has(key)) changedAt.add(e.from).add(e.to);
        for (const [key, e] of edgesBefore) if (!edges.has(key)) changedAt.add(e.from).add(e.to);
        const untouched = previous.forums.filter((row) => !touched.has(row.node.id) && !changedAt.has(row.node.id));
        for (const row of untouched) expect(snapshot.forums.find((f) => f.node.id === row.node.id)).toBe(row);
        sharedRows += untouched.length;
      }
    }
    // The check of sharing above is not empty: many forums were out of the writes' reach.
    expect(sharedRows).toBeGreaterThan(100);
  });

  it('leaves the snapshot it started from as it was: a request still reading it sees the graph before the write', () => {
    const r = random(7);
    const { nodes, edges } = graph(r, 8);
    const snapshot = snapshotOf([...nodes.values()], [...edges.values()]);
    const copy = structuredClone(snapshot);
    const [edge] = edges.values();
    const touched = new Set([edge!.from, edge!.to]);
    const remaining = [...edges.values()].filter((e) => e !== edge && (touched.has(e.from) || touched.has(e.to)));
    const patched = patchSnapshot(snapshot, new Map(nodes), adjacencyOf([...edges.values()]), touched, [...touched].flatMap((id) => (nodes.has(id) ? [nodes.get(id)!] : [])), remaining);
    expect(patched).not.toEqual(copy);
    expect(snapshot).toEqual(copy);
  });
});
