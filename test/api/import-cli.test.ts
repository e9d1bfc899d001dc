import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceDatabase, type ServiceDatabase } from '../support/engine.ts';
import { xlsx } from '../support/upload.ts';
import { loadSeed } from '../../seed/load.ts';

let database: ServiceDatabase;
let dir: string;
beforeAll(async () => {
  database = await serviceDatabase();
  await database.withStore((store) => loadSeed(store));
  dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-import-'));
});
afterAll(() => {
  database?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/import/cli.ts', ...args], { env: { ...process.env, ...database.env }, encoding: 'utf8' });
}

const count = () => database.withStore(async (store) => (await store.read<{ nodes: number; relationships: number }>('node/count-graph'))[0]!);

describe('npm run import', () => {
  it('previews with --dry-run, imports, and changes nothing the second time', async () => {
    const file = join(dir, 'aktorer.xlsx');
    writeFileSync(file, await xlsx({ Aktörer: [['Namn', 'Kortnamn', 'Typ', 'Del av'], ['Individ- och familjeomsorgen', 'IFO', 'Förvaltning', 'Borås Stad']] }));
    const before = await count();
    const preview = run(file, '--dry-run');
    expect(preview.stderr).toBe('');
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('Aktörer rad 2\tny\tIndivid- och familjeomsorgen');
    expect(preview.stdout).toContain('Förhandsgranskning: inget skrevs');
    expect(await count()).toEqual(before);

    const imported = run(file);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/Inläst i en ändring \(sha256 [0-9a-f]{64}\)/);
    expect(await count()).toEqual({ nodes: before.nodes + 1, relationships: before.relationships + 1 });

    const again = run(file);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Inget att ändra');
  }, 60_000);

  it('names an unknown actor, its closest matches and how to resolve it; exits 1 and writes nothing', async () => {
    const file = join(dir, 'forum.xlsx');
    writeFileSync(file, await xlsx({ Forum: [['Namn', 'Sammankallande'], ['Nytt nätverk', 'Arbetslivsförvaltning']] }));
    const before = await count();
    const refused = run(file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Okänd aktör 'Arbetslivsförvaltning' (Forum rad 2): närmast Arbetslivsförvaltningen (--actor \"Arbetslivsförvaltning=actor:alf\")");
    expect(await count()).toEqual(before);
    const resolved = run(file, '--actor', 'Arbetslivsförvaltning=actor:alf');
    expect(resolved.status).toBe(0);
    expect(resolved.stdout).toContain('Sammankallande: ALF');
  }, 60_000);
});
