import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openStore } from '../server/store/index.ts';
import { generateGraph } from './generate.ts';
import { checkReferences, loadInBatches, nodeRecords } from './load.ts';
import { runCli } from '../server/cli.ts';

/**
 * `npm run generate -- --municipalities N [--seed S] [--out file.json] [--load]`:
 * builds a synthetic graph; writes it as JSON and/or loads it into the configured store.
 */
runCli(async () => {
  const { values } = parseArgs({
    options: {
      municipalities: { type: 'string', default: '49' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      load: { type: 'boolean', default: false },
    },
  });
  const municipalities = Number(values.municipalities);
  const seed = Number(values.seed);
  if (!Number.isInteger(municipalities) || municipalities < 1 || municipalities > 2000) {
    throw new Error(`--municipalities: must be a whole number from 1 to 2000, was "${values.municipalities}"`);
  }
  if (!Number.isInteger(seed)) throw new Error(`--seed: must be a whole number, was "${values.seed}"`);
  const data = generateGraph({ municipalities, seed });
  checkReferences(data);
  console.log(`${municipalities} kommuner: ${nodeRecords(data).length} noder.`);
  if (values.out) {
    writeFileSync(values.out, JSON.stringify(data));
    console.log(`Skrev ${values.out}`);
  }
  if (values.load && !process.env.DATA_DIR && !process.env.NEO4J_URI) {
    throw new Error('--load: set DATA_DIR (or NEO4J_URI) to the store to fill; the default ./data holds the app\'s own data');
  }
  if (values.load) {
    const store = await openStore(loadConfig());
    try {
      await loadInBatches(store, data);
      console.log(`Inläst i ${store.engine}.`);
    } finally {
      await store.close();
    }
  }
});
