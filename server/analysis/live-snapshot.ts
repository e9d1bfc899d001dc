import type { GraphStore } from '../store/port.ts';
import { touchedSince } from '../store/last-write.ts';
import { type Edge, type GraphSnapshot, type NodeProps, readGraphLists, snapshotOf } from './snapshot.ts';
import { type Adjacency, adjacencyOf, patchSnapshot } from './snapshot-patch.ts';

/** The graph's nodes and edges as of one day, as they stood at `version` (or later for some nodes: see below). */
interface Copy {
  version: number;
  nodes: Map<string, NodeProps>;
  adjacency: Adjacency;
  snapshot: GraphSnapshot;
}

/**
 * A write that touched more than this share of the graph's nodes (an import, say) is followed by a
 * whole read: past it, reading each touched node and its edges by id costs more than one scan.
 */
const PATCH_SHARE = 0.2;

/**
 * The graph the rules read, kept from one version to the next. A whole read of the national graph
 * takes longer than the rules themselves, and most writes change one node and its links; each
 * write keeps what it touched with the version it makes (graph/advance-version), so after one
 * such write only those nodes and their edges are read again, and only the rows around them are
 * assembled again (snapshot-patch.ts). After a write that did not say
 * (a seed, a restore), or when more than one write came between, the graph is read whole.
 *
 * A copy is labelled with the version read before its rows: rows read later may be newer for
 * the nodes a write in between touched, and the next update reads those again, so a copy is
 * never older than its label. On a Neo4j cluster the reads after get-last-write may go to another
 * member, but not to one behind it: the adapter's sessions share one bookmark manager, so each
 * starts from what the one before it saw.
 */
export class LiveSnapshot {
  private readonly copies = new Map<string, Promise<Copy>>();

  /** Copies kept: one for each of the `maxDays` days (`asOf`) used last. */
  constructor(private readonly maxDays = 2) {}

  /** The snapshot as of `asOf` at `version` (the request's), or at a later version. */
  async read(store: GraphStore, asOf: string | null, version: number): Promise<GraphSnapshot> {
    const key = String(asOf);
    const kept = this.copies.get(key);
    const copy = kept ? await kept.catch(() => undefined) : undefined;
    if (copy && copy.version >= version) {
      // Used, so kept longest: today's copy is not the one to go when past days are asked for.
      if (this.copies.get(key) === kept) {
        this.copies.delete(key);
        this.copies.set(key, kept!);
      }
      return copy.snapshot;
    }
    // A request that read its version before a newer copy was made waits for that one instead.
    if (this.copies.get(key) !== kept) return this.read(store, asOf, version);
    const next = update(store, asOf, copy);
    this.copies.delete(key);
    this.copies.set(key, next);
    while (this.copies.size > this.maxDays) this.copies.delete(this.copies.keys().next().value!);
    // A failed update (its request stopped, the store away) leaves the copy it started from.
    next.catch(() => {
      if (this.copies.get(key) !== next) return;
      if (copy) this.copies.set(key, Promise.resolve(copy));
      else this.copies.delete(key);
    });
    return (await next).snapshot;
  }
}

async function update(store: GraphStore, asOf: string | null, copy: Copy | undefined): Promise<Copy> {
  const since = await touchedSince(store, copy?.version ?? -1);
  if (copy && since.touched && since.touched.length <= copy.nodes.size * PATCH_SHARE) {
    return patch(store, asOf, copy, since.version, since.touched);
  }
  if (copy && since.version === copy.version) return copy;
  return wholeRead(store, asOf, since.version);
}

async function wholeRead(store: GraphStore, asOf: string | null, version: number): Promise<Copy> {
  const { nodes: list, edges } = await readGraphLists(store, asOf);
  // From the map, so that the snapshot and the copy a patch starts from hold the same nodes.
  const nodes = new Map(list.map((n) => [n.id, n]));
  return { version, nodes, adjacency: adjacencyOf(edges), snapshot: snapshotOf([...nodes.values()], edges) };
}

/** `copy` with the touched nodes and every edge at them read again. */
async function patch(store: GraphStore, asOf: string | null, copy: Copy, version: number, touched: string[]): Promise<Copy> {
  // A write to sessions or settings touches no node at all: the same snapshot serves.
  if (!touched.length) return { ...copy, version };
  const [nodeRows, edgeRows] = await Promise.all([
    store.read<NodeProps>('analysis/list-touched-analysis-nodes', { ids: touched, asOf }),
    store.read<Edge>('analysis/list-touched-analysis-edges', { ids: touched, asOf }),
  ]);
  // In place: copying the country's lists took a tenth of the first report after a save. Nothing
  // else reads them (a snapshot keeps rows, not the lists), and this day's next update waits for
  // this one. A patch that fails half-way leaves them neither before nor after: read it all.
  try {
    return { ...copy, version, snapshot: patchSnapshot(copy.snapshot, copy.nodes, copy.adjacency, new Set(touched), nodeRows, edgeRows) };
  } catch (error) {
    console.error('live snapshot: a patch failed; reading the whole graph', error);
    copy.version = -1; // and should the whole read fail too, the copy is not patched again
    return wholeRead(store, asOf, version);
  }
}
