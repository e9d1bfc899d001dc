import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachAdapter } from './adapters.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { loadSeed, nodeRecords, readSeedData } from '../../seed/load.ts';

const seed = readSeedData();
const seededIds = nodeRecords(seed).map((r) => r.id);

describeEachAdapter('seed loading', (adapter) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await adapter.open();
  });
  afterAll(async () => {
    await store.write([{ query: 'node/delete-nodes', params: { ids: seededIds } }]);
    await adapter.cleanup();
  });

  it('loads every record, and loading twice gives the same graph', async () => {
    await loadSeed(store, seed);
    const [once] = await store.read<{ nodes: number; relationships: number }>('node/count-graph');
    await loadSeed(store, seed);
    const [twice] = await store.read<{ nodes: number; relationships: number }>('node/count-graph');
    expect(once!.nodes).toBe(seededIds.length);
    expect(twice).toEqual(once);
  });
});
