import { loadConfig } from '../server/config.ts';
import { openStore } from '../server/store/index.ts';
import { loadSeed } from './load.ts';

/** `npm run seed`: (re)loads the Borås data into the configured store; existing records are updated, none duplicated. */
const config = loadConfig();
const store = await openStore(config);
try {
  await loadSeed(store);
  console.log(`Borås-data inläst (${store.engine}).`);
} finally {
  await store.close();
}
