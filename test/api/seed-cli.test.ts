import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceDatabase, type ServiceDatabase } from '../support/engine.ts';

let database: ServiceDatabase;
beforeAll(async () => {
  database = await serviceDatabase();
});
afterAll(() => database?.dispose());

function seed(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
}

const count = (query: string) => database.withStore(async (store) => (await store.read<Record<string, number>>(query))[0]!);

describe('npm run seed', () => {
  it('loads the Borås data, and loading again gives the same graph', async () => {
    expect(seed().status).toBe(0);
    const once = await count('node/count-graph');
    expect(seed().status).toBe(0);
    expect(await count('node/count-graph')).toEqual(once);
  }, 60_000);

  it('refuses to reload over editors\' changes unless forced', async () => {
    await database.withStore((store) => store.write([{ query: 'change/record-change', params: {
      id: 'change:test', at: '2026-11-22T10:00:00Z', by: 'test', byName: 'Test', operation: 'updateForum',
      before: '{}', after: '{}', subjects: ['forum:natverksgruppen-barn-och-unga'], versioned: [],
    } }]));
    const refused = seed();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Databasen har 1 registrerade ändringar');
    expect(refused.stderr).toContain('npm run seed -- --force');
    expect(seed('--force').status).toBe(0);
  }, 60_000);
});
