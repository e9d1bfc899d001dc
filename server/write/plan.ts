import type { GraphStore, Row, WriteStep } from '../store/port.ts';
import { type DomainType, newId } from '../domain/ids.ts';
import { changeTime } from './clock.ts';
import { typeName } from './names.ts';
import { ConflictError, type LastChange, NotFoundError, refusalIn, ValidationError } from './refusals.ts';

/** Who writes: the viewer's id and a name for the audit trail. */
export interface Author {
  id: string | null;
  name: string | null;
}

/** A domain node as the store returns it: its properties, with id and version. */
export type NodeRow = Row & { id: string; version: number };

/** The rows of one step, read by a later step or after the write. */
export type RowsOf = (results: Row[][]) => Row[];

export interface ChangeRecord {
  /** Ids of every node the write touched: the main one first. */
  subjects: string[];
  /** The subjects whose version this write set. */
  versioned: string[];
  before: unknown;
  after: unknown;
}

export interface Reference {
  id: string;
  type: DomainType;
  /** The input field that named it, for the message. */
  field: string;
}

/**
 * One write as a list of store steps run in a single transaction, with the
 * checks that must hold between them. A check that fails throws a Refusal,
 * which rolls the whole transaction back: nothing is half-written.
 */
export class WritePlan {
  private readonly steps: WriteStep[] = [];
  readonly at = changeTime();

  constructor(
    readonly operation: string,
    private readonly author: Author,
  ) {}

  /** Adds a step; returns a reader of its rows, for later steps and for the result. */
  add(step: WriteStep): RowsOf {
    const index = this.steps.push(step) - 1;
    return (results) => results[index] ?? [];
  }

  /** Adds a check between statements; it throws a Refusal to stop the write. */
  check(assert: (results: Row[][]) => void): void {
    this.add((results) => {
      assert(results);
      return null;
    });
  }

  /**
   * Locks and reads a node of `type`. Refuses one that does not exist or is of
   * another type, and, given the version the caller last read, one that has
   * changed since: a ConflictError naming who made the current version.
   */
  expectNode(id: string, type: DomainType, field: string, version?: number): (results: Row[][]) => NodeRow {
    const read = this.expectVersions([{ id, type, field, version }]);
    return (results) => read(results).get(id)!;
  }

  /**
   * Locks and reads the nodes an edit is based on, in one statement; refuses
   * (as expectNode does) the first that is missing, of another type, or no
   * longer at the version given for it.
   */
  expectVersions(nodes: { id: string; type: DomainType; field: string; version?: number }[]): (results: Row[][]) => Map<string, NodeRow> {
    const read = this.add({ query: 'node/lock-nodes', params: { ids: nodes.map((n) => n.id) } });
    const found = (results: Row[][]) => new Map(read(results).map((row) => [(row.node as NodeRow).id, row]));
    const stale = (results: Row[][]) => {
      const rows = found(results);
      return nodes.find((n) => n.version !== undefined && (rows.get(n.id)?.node as NodeRow | undefined)?.version !== n.version);
    };
    const madeBy = this.add((results) => {
      const rows = found(results);
      const wrong = nodes.find((n) => rows.get(n.id)?.label !== n.type);
      if (wrong) throw new NotFoundError(wrong.id, wrong.field, typeName(wrong.type));
      const first = stale(results);
      return first ? { query: 'change/get-version-change', params: { id: first.id } } : null;
    });
    this.check((results) => {
      const first = stale(results);
      if (first) {
        const current = (found(results).get(first.id)!.node as NodeRow).version;
        throw new ConflictError(first.id, first.version!, current, lastChange(madeBy(results)));
      }
    });
    return (results) => new Map([...found(results)].map(([id, row]) => [id, row.node as NodeRow]));
  }

  /**
   * Locks and reads a relationship; refuses a missing one and, given a
   * version, one edited since (named by the latest change of both its ends).
   */
  expectLink(link: { type: string; from: string; to: string }, field: string, version?: number): RowsOf {
    const label = `${link.from} -[${link.type}]-> ${link.to}`;
    const read = this.add({ query: 'link/lock-link', params: link });
    const current = (results: Row[][]) => Number((read(results)[0]!.props as Row).version ?? 1);
    const madeBy = this.add((results) => {
      if (!read(results).length) throw new NotFoundError(label, field, 'någon sådan koppling');
      const stale = version !== undefined && current(results) !== version;
      return stale ? { query: 'change/get-link-change', params: { from: link.from, to: link.to } } : null;
    });
    this.check((results) => {
      if (version !== undefined && current(results) !== version) {
        throw new ConflictError(label, version, current(results), lastChange(madeBy(results)));
      }
    });
    return read;
  }

  /**
   * Locks and reads the nodes a write links to; refuses, naming each field, ids
   * that do not exist or are of another type. The lock keeps a concurrent delete
   * (on Neo4j) from removing a target between this check and the link.
   */
  expectReferences(references: Reference[]): void {
    if (!references.length) return;
    const read = this.add({ query: 'node/lock-nodes', params: { ids: [...new Set(references.map((r) => r.id))] } });
    this.check((results) => {
      const labels = new Map(read(results).map((row) => [(row.node as Row).id as string, row.label as string]));
      const wrong = references.filter((r) => labels.get(r.id) !== r.type);
      if (wrong.length) {
        throw new ValidationError(
          wrong.map((r) => ({
            path: r.field,
            message: labels.has(r.id) ? `${r.id} är inte ${typeName(r.type)}` : `det finns inte ${typeName(r.type)} med id ${r.id}`,
          })),
        );
      }
    });
  }

  /** Records the write as a Change, linked to its subjects, in the same transaction. */
  record(describe: (results: Row[][]) => ChangeRecord | null): void {
    this.add((results) => {
      const change = describe(results);
      if (!change) return null;
      const subjects = [...new Set(change.subjects)];
      return {
        query: 'change/record-change',
        // What the audit names is what the write changed: the graph's copies are brought up to date from it.
        touches: subjects,
        params: {
          id: newId('Change'),
          at: this.at,
          by: this.author.id,
          byName: this.author.name,
          operation: this.operation,
          before: json(change.before),
          after: json(change.after),
          subjects,
          versioned: change.versioned,
        },
      };
    });
  }

  /** Runs every step in one transaction; a refusal comes back as itself, not wrapped by the store. */
  async run(store: GraphStore): Promise<Row[][]> {
    try {
      return await store.write(this.steps);
    } catch (error) {
      throw refusalIn(error) ?? error;
    }
  }
}

function lastChange(rows: Row[]): LastChange {
  const change = (rows[0]?.change ?? {}) as Partial<Record<keyof LastChange, string>>;
  return { by: change.by ?? null, byName: change.byName ?? null, at: change.at ?? null };
}

/** Neo4j stores no maps, so before and after are kept as JSON text; nothing is kept for "nothing". */
function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
