import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openStore } from '../server/store/index.ts';
import { loadSeed } from './load.ts';
import { runCli } from '../server/cli.ts';

/**
 * `npm run seed`: (re)loads the Borås data into the configured store; records
 * are updated, none duplicated. Reloading sets seeded fields back to what the
 * documents say, so once editors have changed anything (the audit trail is not
 * empty) it refuses unless given `--force`.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const [row] = await store.read<{ count: number }>('change/count-changes');
    const edits = row?.count ?? 0;
    if (edits > 0 && !values.force) {
      console.error(
        `Databasen har ${edits} registrerade ändringar. En omladdning skriver över ändrade fält i de inlästa posterna ` +
          'med dokumentens uppgifter. Kör `npm run seed -- --force` om det är meningen.',
      );
      process.exitCode = 1;
    } else {
      await loadSeed(store);
      console.log(`Borås-data inläst (${store.engine}).`);
    }
  } finally {
    await store.close();
  }
});
