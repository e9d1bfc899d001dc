/**
 * `npm run bench` (part): a 5,000-row Effektkedja file imported into the Borås
 * map on the embedded engine — reading, the dry run and the import, timed.
 * A benchmark, not a test: nothing here passes or fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../server/store/embedded.ts';
import { loadSeed } from '../seed/load.ts';
import { importSpreadsheet } from '../server/import/index.ts';
import { largeChainFile } from './import-file.ts';

const ROWS = 5000;
const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-import-'));
const store = await EmbeddedStore.open(dir);
try {
  await store.ensureSchema();
  await loadSeed(store);
  let started = performance.now();
  const bytes = await largeChainFile(ROWS);
  const writeMs = performance.now() - started;
  const request = { fileName: 'effektkedja-5000.xlsx', bytes, author: { id: 'bench', name: 'npm run bench' } };
  started = performance.now();
  const preview = await importSpreadsheet(store, { ...request, dryRun: true });
  const dryRunMs = performance.now() - started;
  started = performance.now();
  const imported = await importSpreadsheet(store, { ...request, dryRun: false });
  const importMs = performance.now() - started;
  started = performance.now();
  const again = await importSpreadsheet(store, { ...request, dryRun: false });
  const againMs = performance.now() - started;
  console.log(`\nImport av ${ROWS} rader effektkedja (${(bytes.length / 1e6).toFixed(2)} MB XLSX, embedded):`);
  console.log(`  skriva filen ${writeMs.toFixed(0)} ms; förhandsgranskning ${dryRunMs.toFixed(0)} ms (${preview.counts.CREATE} nya, ${preview.issues.length} fel)`);
  console.log(`  inläsning ${importMs.toFixed(0)} ms (${imported.applied ? 'inläst' : 'inte inläst'}); samma fil igen ${againMs.toFixed(0)} ms (${again.unchanged ? 'inget att ändra' : 'ändrade något'})`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
