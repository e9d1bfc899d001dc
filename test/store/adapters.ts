import { describe } from 'vitest';
import type { GraphStore } from '../../server/store/port.ts';
import { engineLabel, openTestStore, type TestStore } from '../support/engine.ts';

export interface AdapterUnderTest {
  name: string;
  open(): Promise<GraphStore>;
  /** Closes and opens the same database again: what a restart does. */
  reopen(store: GraphStore): Promise<GraphStore>;
  cleanup(): Promise<void>;
}

/**
 * The adapter of the suite's engine, titled `title: engine`. The vitest
 * projects run each store suite once per engine: embedded, and every Neo4j
 * version (vitest.config.ts); where Neo4j cannot be started the run prints why.
 */
export function describeEachAdapter(title: string, body: (adapter: AdapterUnderTest) => void): void {
  const name = engineLabel();
  let handle: TestStore | undefined;
  const adapter: AdapterUnderTest = {
    name,
    open: async () => (handle = await openTestStore()).store,
    reopen: async () => handle!.reopen(),
    cleanup: async () => handle?.dispose(),
  };
  describe(`${title}: ${name}`, () => body(adapter));
}
