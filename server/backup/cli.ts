import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/index.ts';
import { asBackup, backupOf, BackupError, restore } from './index.ts';

/**
 * `npm run backup -- FIL` writes the whole database as JSON;
 * `npm run restore -- FIL [--force]` puts it back into an empty one (with
 * --force, into one that it empties first).
 */
const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
const [file] = positionals;
if ((command !== 'backup' && command !== 'restore') || !file || positionals.length > 1) {
  console.error('Användning: npm run backup -- FIL  eller  npm run restore -- FIL [--force]');
  process.exit(2);
}

const store = await openStore(loadConfig());
try {
  if (command === 'backup') {
    const backup = await backupOf(store);
    writeFileSync(file, JSON.stringify(backup, null, 1));
    console.log(`Säkerhetskopia skriven till ${file}: ${backup.nodes.length} noder, ${backup.relationships.length} relationer (${store.engine}).`);
  } else {
    let backup;
    try {
      backup = asBackup(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw error instanceof BackupError ? error : new BackupError(`${file} kan inte läsas som JSON: ${(error as Error).message}`);
    }
    await restore(store, backup, values.force);
    console.log(`Återställd från ${file}: ${backup.nodes.length} noder, ${backup.relationships.length} relationer (${store.engine}).`);
  }
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
