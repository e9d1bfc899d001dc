import neo4j, { type Driver, Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import { statementsFor } from './cypher-files.ts';
import { toNative, toNeo4jParams } from './neo4j-values.ts';
import { DISK_FULL, type GraphStore, type Params, type Row, type Statement, StoreError, type WriteStep } from './port.ts';
import { advanceVersion, resolveStep, runSchemaStatements } from './shared.ts';

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

/**
 * The Neo4j adapter: one driver per process, a session per call, managed
 * transactions (retried by the driver on transient errors). `neo4j://` and
 * `neo4j+s://` URIs route across a cluster or Aura.
 */
export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  // A Neo4j database is made by its server, never by this service.
  readonly created = false;
  private readonly statements = statementsFor('neo4j');

  // One bookmark manager for every session: with `neo4j://` routing, a read
  // that follows a write then waits for the write on whichever member it reaches.
  private readonly bookmarkManager = neo4j.bookmarkManager();
  private lastVersion: number | undefined;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  /** Connects and checks that the server answers; throws a StoreError naming NEO4J_URI when it does not. */
  static async connect(settings: Neo4jSettings): Promise<Neo4jStore> {
    const auth = settings.user ? neo4j.auth.basic(settings.user, settings.password ?? '') : undefined;
    const driver = neo4j.driver(settings.uri, auth, { connectionAcquisitionTimeout: 15_000, connectionTimeout: 10_000 });
    try {
      await driver.getServerInfo({ database: settings.database });
    } catch (error) {
      await driver.close();
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.'))
        throw new StoreError(`NEO4J_USER/NEO4J_PASSWORD: Neo4j at ${settings.uri} refused user "${settings.user ?? ''}": ${reason}`, 'UNAVAILABLE', { cause: error });
      throw new StoreError(`NEO4J_URI: cannot reach Neo4j at ${settings.uri}: ${reason}`, 'UNAVAILABLE', { cause: error });
    }
    return new Neo4jStore(driver, settings.database);
  }

  private text(name: string): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new StoreError(`no statement cypher/${name}.cypher`, 'QUERY');
    return text;
  }

  async ensureSchema(): Promise<void> {
    const session = this.driver.session({ database: this.database, bookmarkManager: this.bookmarkManager });
    try {
      await runSchemaStatements(this.statements, (text) => session.run(text));
    } finally {
      await session.close();
    }
  }

  async read<T extends object = Row>(query: string, params: Params = {}): Promise<T[]> {
    const text = this.text(query);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarkManager });
    try {
      const result = await session.executeRead((tx) => tx.run(text, toNeo4jParams(params) as Params));
      return result.records.map((record) => toNative(record.toObject()) as T);
    } catch (error) {
      throw await this.explain(error, query);
    } finally {
      await session.close();
    }
  }

  /**
   * Read from the graph each time: other servers on the same Neo4j write too.
   * A database Neo4j has halted for a full disk takes no writes from anyone
   * until it is restarted, so the version last read is still the graph's:
   * answers kept under it are still true, and the service sends them instead
   * of failing every request at this lookup.
   */
  async version(): Promise<number> {
    try {
      this.lastVersion = Number((await this.read<{ version: number }>('graph/get-version'))[0]?.version ?? 0);
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'DISK_FULL' && this.lastVersion !== undefined)) throw error;
    }
    return this.lastVersion;
  }

  async write(steps: WriteStep[]): Promise<Row[][]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarkManager });
    try {
      return await session.executeWrite(async (tx: ManagedTransaction) => {
        const results: Row[][] = [];
        const run: (Statement | null)[] = [];
        for (const step of [...steps, () => advanceVersion(run)]) {
          const statement = resolveStep(step, results);
          run.push(statement);
          if (!statement) {
            results.push([]);
            continue;
          }
          const result = await tx.run(this.text(statement.query), toNeo4jParams(statement.params ?? {}) as Params);
          results.push(result.records.map((record) => toNative(record.toObject()) as Row));
        }
        return results.slice(0, steps.length);
      });
    } catch (error) {
      throw await this.explain(error, 'write');
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Neo4j halts a database whose disk is full (measured on 5.26 and 2026.08,
   * test/api/neo4j-disk-full.test.ts): the commit that found no room fails
   * with TransactionLogError "Could not append transaction … to log", and
   * from then on every transaction, reads too, with "The database has
   * encountered a critical error, and needs to be restarted" — neither says
   * why, even once there is room again. The system database's status message
   * for it does ("No space left on device"), so a database error is looked
   * up there before it is called a failed query.
   */
  private async explain(error: unknown, query: string): Promise<StoreError> {
    const mapped = mapError(error, query);
    if (mapped.code !== 'QUERY' || !(error instanceof Neo4jError) || !error.code.startsWith('Neo.DatabaseError.')) return mapped;
    const status = await this.databaseStatus().catch(() => undefined);
    if (!status || !DISK_FULL.test(status.statusMessage)) return mapped;
    return new StoreError(
      `Neo4j halted database "${status.name}": ${status.statusMessage} (${error.code}: ${error.message}). Neo4j serves it again only after a restart, once its disk has room.`,
      'DISK_FULL',
      { cause: error },
    );
  }

  private async databaseStatus(): Promise<{ name: string; statusMessage: string } | undefined> {
    const session = this.driver.session({ database: 'system', defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(this.text('database/get-database-status'), { database: this.database ?? null }));
      const row = result.records[0]?.toObject() as { name: string; statusMessage: string | null } | undefined;
      return row && { name: row.name, statusMessage: row.statusMessage ?? '' };
    } finally {
      await session.close();
    }
  }
}

/** Driver error codes → the store's own, in one place. */
function mapError(error: unknown, query: string): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')
      return new StoreError(error.message, 'CONSTRAINT', { cause: error });
    if (error.code.startsWith('Neo.TransientError')) return new StoreError(error.message, 'CONFLICT', { cause: error });
    if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')
      return new StoreError(error.message, 'UNAVAILABLE', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  if (DISK_FULL.test(message)) return new StoreError(message, 'DISK_FULL', { cause: error });
  return new StoreError(`cypher/${query}: ${message}`, 'QUERY', { cause: error });
}
