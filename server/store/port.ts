/**
 * The storage port: the only way the rest of the service reaches the graph.
 * A statement is named by its file under `cypher/` (e.g. `actor/list-actors`);
 * parameters are plain JSON-like values and rows come back as plain values
 * (numbers, strings, lists, maps), whatever engine runs underneath.
 */
export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface Statement {
  query: string;
  params?: Params;
  /**
   * Ids of the domain nodes this statement's write changes, with every link
   * it makes or removes named by its ends. The transaction's union is kept
   * with the version it makes (graph/advance-version), so a copy of the graph
   * taken at the version before can be brought up to date from those nodes
   * alone. A write none of whose statements says so may have changed anything;
   * in one that says, the statements that do not are taken to change nothing
   * beyond what the others name (a write plan names all it changed in its
   * audit record, and that record's statement carries them: plan.ts).
   */
  touches?: readonly string[];
}

export interface GraphStore {
  /** `embedded` or `neo4j`: for logs and the health endpoint, never for branching. */
  readonly engine: 'embedded' | 'neo4j';
  /** This open made the store: nothing of one was there before (the embedded engine's DATA_DIR). */
  readonly created: boolean;
  /** Creates constraints and indexes (idempotent). */
  ensureSchema(): Promise<void>;
  /** Runs one named read statement. */
  read<T extends object = Row>(query: string, params?: Params): Promise<T[]>;
  /**
   * Runs named statements in one write transaction: all land, or none. Each
   * step may look at the rows of the steps before it to build its parameters.
   * Every committed write also counts the graph's version up (graph/get-version).
   */
  write(steps: WriteStep[]): Promise<Row[][]>;
  /**
   * The graph's version as of now (graph/get-version): what a report computed
   * from the graph is kept under. A write this process committed is counted
   * in the very next call; so is another process's, where several share the graph.
   */
  version(): Promise<number>;
  close(): Promise<void>;
}

export type WriteStep = Statement | ((previous: Row[][]) => Statement | null);

/** A failure of the store, told apart by what a caller can do about it. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'CONSTRAINT' | 'CONFLICT' | 'UNAVAILABLE' | 'QUERY' | 'DAMAGED' | 'READ_ONLY' | 'DISK_FULL',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** How an engine or the OS says the disk is full (ENOSPC, Rust's "os error 28"). */
export const DISK_FULL = /ENOSPC|No space left on device|os error 28\b/i;
