import type { Config } from '../config.ts';
import { EmbeddedStore } from './embedded.ts';
import { Neo4jStore } from './neo4j.ts';
import type { GraphStore } from './port.ts';

export type { GraphStore } from './port.ts';

/** Neo4j when NEO4J_URI is set, the embedded engine under DATA_DIR otherwise; schema ensured. */
export async function openStore(config: Pick<Config, 'dataDir' | 'neo4j'> & Partial<Pick<Config, 'storeSalvage'>>): Promise<GraphStore> {
  const store = config.neo4j
    ? await Neo4jStore.connect(config.neo4j)
    : await EmbeddedStore.open(config.dataDir, { salvage: config.storeSalvage });
  await store.ensureSchema();
  return store;
}
