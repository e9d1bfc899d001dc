import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'samverkanskartan-seed-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function seed(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
}

async function count(query: string): Promise<Record<string, number>> {
  const store = EmbeddedStore.open(dataDir);
  try {
    return (await store.read<Record<string, number>>(query))[0]!;
  } finally {
    await store.close();
  }
}

describe('npm run seed', () => {
  it('loads the Borås data, and loading again gives the same graph', async () => {
    expect(seed().status).toBe(0);
    const once = await count('node/count-graph');
    expect(seed().status).toBe(0);
    expect(await count('node/count-graph')).toEqual(once);
  }, 60_000);

  it('refuses to reload over editors\' changes unless forced', async () => {
    const store = EmbeddedStore.open(dataDir);
    await store.write([{ query: 'change/record-change', params: {
      id: 'change:test', at: '2026-11-22T10:00:00Z', by: 'test', byName: 'Test', operation: 'updateForum',
      before: '{}', after: '{}', subjects: ['forum:natverksgruppen-barn-och-unga'], versioned: [],
    } }]);
    await store.close();
    const refused = seed();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Databasen har 1 registrerade ändringar');
    expect(refused.stderr).toContain('npm run seed -- --force');
    expect(seed('--force').status).toBe(0);
  }, 60_000);
});
