import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { GrafeoDB as GrafeoDBType, GrafeoError, Transaction } from '@grafeo-db/js';
import { statementsFor } from './cypher-files.ts';
import { DISK_FULL, type GraphStore, type Params, type Row, type Statement, StoreError, type WriteStep } from './port.ts';
import { ENGINE_READ_ONLY, lostCommits, prepareDataDir, recordVersion, recovery, STATE_FILE, STORE_FILE } from './data-dir.ts';
import { advanceVersion, runSchemaStatements, resolveStep } from './shared.ts';

// The package is CommonJS with a native addon; ESM named imports do not see its exports.
const { GrafeoDB } = createRequire(import.meta.url)('@grafeo-db/js') as typeof import('@grafeo-db/js');

const WRITE_RETRIES = 5;

/**
 * The embedded adapter: an in-process Grafeo database persisted under DATA_DIR.
 * Grafeo holds one handle per database file, so a process opens it once.
 */
export class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private readonly statements = statementsFor('embedded');
  // Serialises write transactions: Grafeo raises on write-write conflicts, and
  // one writer at a time costs nothing next to the retries it saves.
  private writeQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: GrafeoDBType,
    /** Where the service records the last acknowledged version (data-dir.ts); none in memory. */
    private readonly dataDir: string | null,
    readonly created: boolean,
  ) {}

  /**
   * Opens (or creates) the database in `dataDir`; without a dir the graph
   * lives in memory. Refuses, naming the file and how to recover, a store
   * whose file or committed changes are missing; `salvage` opens it with
   * what is left (STORE_SALVAGE), saying what is lost.
   */
  static async open(dataDir?: string, options: { salvage?: boolean } = {}): Promise<EmbeddedStore> {
    if (!dataDir) return new EmbeddedStore(GrafeoDB.create(), null, true);
    const state = prepareDataDir(dataDir);
    let db: GrafeoDBType;
    try {
      db = GrafeoDB.create(join(dataDir, STORE_FILE), options.salvage ? { walSalvage: true } : undefined);
    } catch (error) {
      throw openError(error, dataDir);
    }
    const store = new EmbeddedStore(db, dataDir, state.created);
    const version = await store.readVersion();
    if (state.recorded !== null && version < state.recorded) {
      if (!options.salvage) {
        // Not closed: a close checkpoints, and would write the loss into graph.grafeo and drop what is left of the log.
        throw lostCommits(dataDir, version, state.recorded);
      }
      console.error(`STORE_SALVAGE: DATA_DIR (${dataDir}) öppnad vid version ${version}; ändringarna fram till version ${state.recorded} saknas och förblir borta.`);
    }
    if (state.recorded !== version) recordVersion(dataDir, version);
    return store;
  }

  private async readVersion(): Promise<number> {
    this.current = Number((await this.read<{ version: number }>('graph/get-version'))[0]?.version ?? 0);
    return this.current;
  }

  /** Kept in memory: this process holds the file lock, so every commit to the graph is one of its own. */
  private current = 0;

  async version(): Promise<number> {
    return this.current;
  }

  private text(name: string): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new StoreError(`no statement cypher/${name}.cypher`, 'QUERY');
    return text;
  }

  async ensureSchema(): Promise<void> {
    await runSchemaStatements(this.statements, (text) => this.db.executeCypher(text));
  }

  async read<T extends object = Row>(query: string, params: Params = {}): Promise<T[]> {
    try {
      const result = await this.db.executeCypher(this.text(query), params);
      return result.toArray() as T[];
    } catch (error) {
      throw mapError(error, query);
    }
  }

  write(steps: WriteStep[]): Promise<Row[][]> {
    const run = this.writeQueue.then(() => this.writeWithRetry(steps));
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  private async writeWithRetry(steps: WriteStep[]): Promise<Row[][]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeOnce(steps);
      } catch (error) {
        const mapped = error instanceof StoreError ? error : mapError(error, 'write');
        if (mapped.code !== 'CONFLICT' || attempt >= WRITE_RETRIES) throw mapped;
      }
    }
  }

  private async writeOnce(steps: WriteStep[]): Promise<Row[][]> {
    const tx: Transaction = this.db.beginTransaction();
    const results: Row[][] = [];
    try {
      const run: (Statement | null)[] = [];
      for (const step of [...steps, () => advanceVersion(run)]) {
        const statement = resolveStep(step, results);
        run.push(statement);
        if (!statement) {
          results.push([]);
          continue;
        }
        try {
          const result = await tx.executeCypher(this.text(statement.query), statement.params ?? {});
          results.push(result.toArray() as Row[]);
        } catch (error) {
          throw mapError(error, statement.query);
        }
      }
      try {
        tx.commit();
      } catch (error) {
        throw mapError(error, 'commit');
      }
      const version = results.at(-1)![0]?.version;
      if (typeof version === 'number') this.current = version;
      this.recordCommit(version);
      return results.slice(0, steps.length);
    } catch (error) {
      // A rollback that fails too (the commit already ended the transaction) must not hide why the write failed.
      try {
        if (tx.isActive) tx.rollback();
      } catch {
        // the error below is the one that tells
      }
      throw error;
    }
  }

  private recordFailed = false;
  private recordCommit(version: unknown): void {
    if (!this.dataDir || typeof version !== 'number') return;
    try {
      recordVersion(this.dataDir, version);
      this.recordFailed = false;
    } catch (error) {
      // The commit is on disk; only the record behind it is stale, which a later commit renews. Said once per run of failures.
      if (!this.recordFailed) console.error(`DATA_DIR (${this.dataDir}): ${STATE_FILE} kunde inte skrivas: ${(error as Error).message}`);
      this.recordFailed = true;
    }
  }

  async close(): Promise<void> {
    await this.writeQueue;
    this.db.close();
  }
}

/** Why the engine would not open the database, in Swedish and with the file it concerns. */
function openError(error: unknown, dataDir: string): StoreError {
  const message = error instanceof Error ? error.message : String(error);
  // The engine says "cannot be locked for reading", which sends one looking for file permissions.
  if (/cannot be locked/i.test(message)) {
    return new StoreError(
      `DATA_DIR (${dataDir}): databasen används redan av en annan process, troligen den körande servern. ` +
        'Stoppa servern först; medan den kör görs nya API-nycklar med mutationen createApiKey.',
      'UNAVAILABLE',
      { cause: error },
    );
  }
  if (ENGINE_READ_ONLY.test(message)) {
    return new StoreError(
      `DATA_DIR (${dataDir}): databasens filer är skrivskyddade, så databasen kan inte öppnas för att sparas i (${message}). ` +
        'Ge tjänstens användare skrivrätt till katalogen och dess filer, eller sätt DATA_DIR till en katalog den får skriva i.',
      'READ_ONLY',
      { cause: error },
    );
  }
  if (DISK_FULL.test(message)) {
    return new StoreError(`DATA_DIR (${dataDir}): disken är full, databasen kan inte öppnas: ${message}. Frigör utrymme och starta igen.`, 'DISK_FULL', { cause: error });
  }
  return new StoreError(
    `DATA_DIR (${dataDir}): databasen i ${join(dataDir, STORE_FILE)} kan inte öppnas: ${message}. ${recovery(dataDir)}`,
    'DAMAGED',
    { cause: error },
  );
}

function mapError(error: unknown, query: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as GrafeoError).gqlStatus ?? '';
  if (DISK_FULL.test(message)) return new StoreError(`DATA_DIR: disken är full: ${message}`, 'DISK_FULL', { cause: error });
  if (/constraint violation/i.test(message)) return new StoreError(message, 'CONSTRAINT', { cause: error });
  if (/conflict|serializ/i.test(message) || status.startsWith('40'))
    return new StoreError(message, 'CONFLICT', { cause: error });
  return new StoreError(`cypher/${query}: ${message}`, 'QUERY', { cause: error });
}
