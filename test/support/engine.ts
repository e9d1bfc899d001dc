import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Neo4jSettings } from '../../server/store/neo4j.ts';
import { openStore } from '../../server/store/index.ts';
import type { GraphStore } from '../../server/store/port.ts';

/**
 * The engine a suite runs on: the vitest project sets it (vitest.config.ts),
 * so one suite file runs once per engine — embedded, and each Neo4j version.
 */
export type EngineUnderTest = { engine: 'embedded' } | ({ engine: 'neo4j'; version: string } & Required<Pick<Neo4jSettings, 'uri' | 'user' | 'password'>>);

declare module 'vitest' {
  export interface ProvidedContext {
    store: EngineUnderTest;
    neo4jUnavailable: string[];
  }
}

export function engineUnderTest(): EngineUnderTest {
  return inject('store') ?? { engine: 'embedded' };
}

/** `embedded` or `neo4j 5.26.30`: for test titles. */
export function engineLabel(engine = engineUnderTest()): string {
  return engine.engine === 'embedded' ? 'embedded' : `neo4j ${engine.version}`;
}

export interface TestStore {
  store: GraphStore;
  /** Closes and opens the same database again: what a restart does. */
  reopen(): Promise<GraphStore>;
  /** The environment that points the service (`npm start`, the CLIs) at this database. */
  env: Record<string, string>;
  /** Closes the store and removes what it made. */
  dispose(): Promise<void>;
}

/** The engine's store, schema ensured, as the service opens it (server/store/index.ts). */
function openStoreOf(engine: EngineUnderTest, dataDir?: string): Promise<GraphStore> {
  const neo4j = engine.engine === 'neo4j' ? { uri: engine.uri, user: engine.user, password: engine.password } : undefined;
  return openStore({ dataDir: dataDir ?? '', neo4j });
}

// Handles open on the project's Neo4j: a suite may run several servers at once over it.
let openOnNeo4j = 0;

/**
 * A store with nothing in it but the schema. On Neo4j the project's one
 * server is shared by the suites (they run one at a time), so it is emptied
 * first — unless a server of the same suite is still using it: a second test
 * server then shares its data (seeding is idempotent, keys are added).
 */
export async function openTestStore(engine = engineUnderTest()): Promise<TestStore> {
  if (engine.engine === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-store-'));
    const open = () => openStoreOf(engine, dir);
    const handle: TestStore = {
      store: await open(),
      env: { DATA_DIR: dir },
      reopen: async () => {
        await handle.store.close();
        return (handle.store = await open());
      },
      dispose: async () => {
        await handle.store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return handle;
  }
  const open = () => openStoreOf(engine);
  let disposed = false;
  const handle: TestStore = {
    store: await open(),
    env: { NEO4J_URI: engine.uri, NEO4J_USER: engine.user, NEO4J_PASSWORD: engine.password },
    reopen: async () => {
      await handle.store.close();
      return (handle.store = await open());
    },
    dispose: async () => {
      if (!disposed) openOnNeo4j--;
      disposed = true;
      await handle.store.close();
    },
  };
  if (openOnNeo4j++ === 0) await handle.store.write([{ query: 'node/delete-all' }]);
  return handle;
}

export interface ServiceDatabase {
  /** The environment that points the service (`npm start`, the CLIs) at this database. */
  env: Record<string, string>;
  /** Opens the database while the service is stopped (the embedded files have one owner at a time), runs `use`, closes it. */
  withStore<T>(use: (store: GraphStore) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

/** An empty database for a service that the test starts as its own process. */
export async function serviceDatabase(engine = engineUnderTest()): Promise<ServiceDatabase> {
  const handle = await openTestStore(engine);
  await handle.store.close();
  const open = () => openStoreOf(engine, handle.env.DATA_DIR);
  return {
    env: handle.env,
    async withStore(use) {
      const store = await open();
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    },
    dispose: async () => {
      if (engine.engine === 'neo4j') await handle.dispose();
      else rmSync(handle.env.DATA_DIR!, { recursive: true, force: true });
    },
  };
}
