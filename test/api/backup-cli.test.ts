import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceDatabase, type ServiceDatabase } from '../support/engine.ts';
import { graphFingerprint, xlsx } from '../support/upload.ts';
import { loadSeed } from '../../seed/load.ts';
import { loadDemo } from '../../seed/demo.ts';
import { importSpreadsheet } from '../../server/import/index.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { addRespondents, openRounds } from '../../server/write/survey-writes.ts';

/*
 * npm run backup and npm run restore: every node, relationship, change,
 * assessment and key out to JSON and back, into an empty store, as the same
 * graph; a store that holds anything is refused without --force.
 */
let database: ServiceDatabase;
let dir: string;
beforeAll(async () => {
  database = await serviceDatabase();
  dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-backup-'));
  await database.withStore(async (store) => {
    await loadSeed(store);
    await loadDemo(store);
    await createApiKey(store, { name: 'Redaktör', role: 'REDAKTOR' }, { id: 'test', name: 'Testsviten' });
    const bytes = await xlsx({ Medlemmar: [['Forum', 'Aktör', 'Roll', 'Från'], ['Beredningsgrupp barn och unga', 'GRUF', 'Ledamot', '2024-01-01']] });
    const report = await importSpreadsheet(store, { fileName: 'medlemmar.xlsx', bytes, dryRun: false, author: { id: 'test', name: 'Test' } });
    expect(report.applied).toBe(true);
    // A skattningsomgång with a respondent: the round, its hashed link and their links must come back too.
    const [round] = await openRounds(store, { id: 'test', name: 'Test' }, { collaborations: [{ id: 'collaboration:skolan-som-arena', field: 'id' }], closesOn: '2099-12-31', message: null });
    await addRespondents(store, { id: 'test', name: 'Test' }, round!.id, [{ name: 'Anna', organisation: 'actor:gruf', email: null, field: 'id' }]);
  });
});
afterAll(() => {
  database?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (script: 'backup' | 'restore', ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', script, ...args], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
const fingerprint = () => database.withStore((store) => graphFingerprint({ store }));

describe('npm run backup / npm run restore', () => {
  it('restores into an empty store an identical graph, and refuses a non-empty one without --force', async () => {
    const file = join(dir, 'kopia.json');
    const original = await fingerprint();
    const backup = run('backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Säkerhetskopia skriven till .*kopia\.json: \d+ noder, \d+ relationer/);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const labels = new Set(saved.nodes.flatMap((n: { labels: string[] }) => n.labels));
    for (const label of ['Actor', 'Forum', 'Change', 'Assessment', 'Response', 'ApiKey', 'SurveyRound', 'Respondent']) expect(labels, label).toContain(label);

    const refused = run('restore', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('databasen är inte tom');
    expect(refused.stderr).toContain('--force');
    expect(await fingerprint()).toEqual(original);

    await database.withStore((store) => store.write([{ query: 'node/delete-all' }]));
    expect((await fingerprint()).nodes).toBe(0);
    const restored = run('restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(await fingerprint()).toEqual(original);

    expect(run('restore', file, '--force').status).toBe(0);
    expect(await fingerprint()).toEqual(original);
  }, 120_000);

  it('refuses a file that is no backup, and changes nothing', async () => {
    const file = join(dir, 'annat.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    const before = await fingerprint();
    const refused = run('restore', file, '--force');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('filen är ingen säkerhetskopia från Samverkanskartan');
    expect(await fingerprint()).toEqual(before);
  }, 60_000);
});
