import type { GraphStore, Row } from '../store/port.ts';
import { touchedSince } from '../store/last-write.ts';
import { wrapStore } from '../store/wrap.ts';
import { RequestStopped } from '../request-budget.ts';

/** A domain node as node/get-nodes returns it: its properties and its type. */
type NodeRead = { node: Row & { id: string }; label: string };
/** The same, as kept here: shared, so frozen. */
export type KeptNode = Readonly<{ node: Readonly<NodeRead['node']>; label: string }>;

/**
 * Domain nodes by id, kept from one graph version to the next. A report's page names a thousand
 * actors at national size, and reading them again after every save took a quarter of the first
 * answer's time though the save changed one of them. Each write keeps what it touched with the
 * version it makes (graph/advance-version): after one such write only those nodes are dropped;
 * after a write that did not say, or when more than one write came between, all of them are.
 *
 * The version is read afresh on every load, not once per request: a mutation that loads the
 * node it has just written must see that write. A row read while the kept rows were brought to
 * a newer version is returned but not kept, since it may be older than that version.
 */
export class NodeRows {
  private version = -1;
  private readonly rows = new Map<string, KeptNode>();
  /** Counts the times the rows were brought to another version, for the rule above. */
  private generation = 0;
  private updating: Promise<void> | null = null;

  /** At most `maxEntries` rows are kept, the least recently used going first. */
  constructor(readonly maxEntries = 50_000) {}

  get size(): number {
    return this.rows.size;
  }

  /** The rows of `ids` that exist, by id, as of the graph's version now or later; shared, so frozen. */
  async get(store: GraphStore, ids: readonly string[]): Promise<Map<string, KeptNode>> {
    await this.upToDate(store);
    const generation = this.generation;
    const found = new Map<string, KeptNode>();
    const missing: string[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (!row) missing.push(id);
      else {
        found.set(id, row);
        this.rows.delete(id);
        this.rows.set(id, row);
      }
    }
    if (!missing.length) return found;
    for (const read of await store.read<NodeRead>('node/get-nodes', { ids: missing })) {
      const row = frozen(read);
      found.set(row.node.id, row);
      if (this.generation === generation) this.rows.set(row.node.id, row);
    }
    while (this.rows.size > this.maxEntries) this.rows.delete(this.rows.keys().next().value!);
    return found;
  }

  /**
   * `store` with every write it commits followed at once: the rows are brought to the version the
   * write made while it is the graph's last, so that two saves in a row here drop what each
   * touched rather than everything. A failure to follow leaves the rows as they were, for the
   * next load to bring up to date; the write has committed either way.
   */
  following(store: GraphStore): GraphStore {
    return wrapStore(store, {
      write: async (steps) => {
        const results = await store.write(steps);
        await this.upToDate(store).catch((error: unknown) => {
          if (!(error instanceof RequestStopped)) console.error('node rows: could not follow a write; the next load reads anew', error);
        });
        return results;
      },
    });
  }

  private async upToDate(store: GraphStore): Promise<void> {
    const now = await store.version();
    if (now < this.version) {
      // The graph's count went back: another database under the same address (restored, replaced).
      this.rows.clear();
      this.version = now;
      this.generation++;
    }
    while (this.version < now) {
      const started = !this.updating;
      this.updating ??= this.update(store, now).finally(() => (this.updating = null));
      try {
        await this.updating;
      } catch (error) {
        // Another request's update failed (its client left, say): this one tries on its own.
        if (started) throw error;
      }
    }
  }

  private async update(store: GraphStore, now: number): Promise<void> {
    const since = await touchedSince(store, this.version);
    // The last write may be older than `now` only if the count went back in between: then all go.
    if (since.touched && since.version >= now) for (const id of since.touched) this.rows.delete(id);
    else this.rows.clear();
    this.version = Math.max(since.version, now);
    this.generation++;
  }
}

/** A kept row is shared by every request that loads it: none may change it for the others. */
function frozen(row: NodeRead): KeptNode {
  for (const value of Object.values(row.node)) if (Array.isArray(value)) Object.freeze(value);
  Object.freeze(row.node);
  return Object.freeze(row);
}
