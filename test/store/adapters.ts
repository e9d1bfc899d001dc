import { describe, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded.ts';
import { Neo4jStore } from '../../server/store/neo4j.ts';
import type { GraphStore } from '../../server/store/port.ts';

export interface AdapterUnderTest {
  name: string;
  /** Why it does not run here, printed in the run; null when it runs. */
  skipReason: string | null;
  open(): Promise<GraphStore>;
  /** Closes and opens the same database again: what a restart does. */
  reopen(store: GraphStore): Promise<GraphStore>;
  cleanup(): void;
}

/** Every adapter the contract suite runs against: the embedded engine always, Neo4j when NEO4J_URI is set. */
export function adapters(): AdapterUnderTest[] {
  const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-store-'));
  const uri = process.env.NEO4J_URI;
  const neo4jSettings = { uri: uri ?? '', user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, database: process.env.NEO4J_DATABASE };
  return [
    {
      name: 'embedded',
      skipReason: null,
      open: async () => {
        const store = EmbeddedStore.open(dir);
        await store.ensureSchema();
        return store;
      },
      reopen: async (store) => {
        await store.close();
        const again = EmbeddedStore.open(dir);
        await again.ensureSchema();
        return again;
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    },
    {
      name: 'neo4j',
      skipReason: uri ? null : 'NEO4J_URI is not set, so the Neo4j adapter is not reachable here',
      open: async () => {
        const store = await Neo4jStore.connect(neo4jSettings);
        await store.ensureSchema();
        return store;
      },
      reopen: async (store) => {
        await store.close();
        const again = await Neo4jStore.connect(neo4jSettings);
        await again.ensureSchema();
        return again;
      },
      cleanup: () => undefined,
    },
  ];
}

/**
 * One `describe` per adapter, titled `title: name`; an adapter that is not
 * reachable gets a skipped test whose title says why, so the run prints it.
 */
export function describeEachAdapter(title: string, body: (adapter: AdapterUnderTest) => void): void {
  for (const adapter of adapters()) {
    describe(`${title}: ${adapter.name}`, () => {
      if (adapter.skipReason) it.skip(`skipped: ${adapter.skipReason}`, () => undefined);
      else body(adapter);
    });
  }
}
