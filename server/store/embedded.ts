import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { GrafeoDB as GrafeoDBType, GrafeoError, Transaction } from '@grafeo-db/js';
import { statementsFor } from './cypher-files.ts';
import { type GraphStore, type Params, type Row, StoreError, type WriteStep } from './port.ts';
import { ADVANCE_VERSION, runSchemaStatements, resolveStep } from './shared.ts';

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

  private constructor(private readonly db: GrafeoDBType) {}

  /** Opens (or creates) the database in `dataDir`; without a dir the graph lives in memory. */
  static open(dataDir?: string): EmbeddedStore {
    if (!dataDir) return new EmbeddedStore(GrafeoDB.create());
    mkdirSync(dataDir, { recursive: true });
    try {
      return new EmbeddedStore(GrafeoDB.create(join(dataDir, 'graph.grafeo')));
    } catch (error) {
      // The engine says "cannot be locked for reading", which sends one looking for file permissions.
      if (error instanceof Error && /cannot be locked/i.test(error.message)) {
        throw new StoreError(
          `DATA_DIR (${dataDir}): databasen används redan av en annan process, troligen den körande servern. ` +
            'Stoppa servern först; medan den kör görs nya API-nycklar med mutationen createApiKey.',
          'UNAVAILABLE',
          { cause: error },
        );
      }
      throw error;
    }
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
      for (const step of [...steps, ADVANCE_VERSION]) {
        const statement = resolveStep(step, results);
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
      tx.commit();
      return results.slice(0, steps.length);
    } catch (error) {
      if (tx.isActive) tx.rollback();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.writeQueue;
    this.db.close();
  }
}

function mapError(error: unknown, query: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as GrafeoError).gqlStatus ?? '';
  if (/constraint violation/i.test(message)) return new StoreError(message, 'CONSTRAINT', { cause: error });
  if (/conflict|serializ/i.test(message) || status.startsWith('40'))
    return new StoreError(message, 'CONFLICT', { cause: error });
  return new StoreError(`cypher/${query}: ${message}`, 'QUERY', { cause: error });
}
