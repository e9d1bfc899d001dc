import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineLabel, engineUnderTest, serviceDatabase } from '../support/engine.ts';
import { startService, type Service } from '../support/service.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../support/tmpfs.ts';
import { STATE_FILE, STORE_FILE, WAL_DIR } from '../../server/store/data-dir.ts';
import { DISK_FULL_MESSAGE } from '../../server/masked-errors.ts';

/*
 * The store refuses silent loss (issue 17, item 4): a damaged DATA_DIR stops
 * the start with a Swedish message naming the file and how to recover, a
 * truly new store says so, a read-only directory is named as such, and a full
 * disk is said as itself (503) and does not crash the shutdown. The damage
 * concerns the embedded engine's files; Neo4j keeps its own.
 */

const STACK_LINE = /^\s+at .+[(:]\d+/m;
const engine = engineUnderTest();

const running: Service[] = [];
afterEach(async () => {
  for (const service of running.splice(0)) {
    if (service.child.exitCode === null) service.child.kill('SIGKILL');
    await service.exited;
  }
});

function start(env: Record<string, string>): Service {
  const service = startService({ PORT: '0', ...env });
  running.push(service);
  return service;
}

async function gql(url: string, query: string, key?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

const adminKey = (service: Service) => /ny ADMIN-nyckel[^:]*: (svk_\S+)/.exec(service.output())![1]!;
const actorCount = async (url: string) => (await gql(url, '{ actors(first: 1) { totalCount } }')).data.actors.totalCount as number;

/** Writes `n` actors through the API, one commit each. */
async function createActors(url: string, key: string, n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const result = await gql(url, `mutation { createActor(input: { name: "${prefix} ${i}", kind: OVRIG }) { __typename } }`, key);
    expect(result.data?.createActor.__typename, JSON.stringify(result)).toBe('CreateActorSuccess');
  }
}

/** Says what is wrong in Swedish, names `file`, tells how to recover, and is a sentence, not a trace. */
function expectRefusal(service: Service, file: RegExp): void {
  const output = service.output();
  expect(output).toMatch(file);
  expect(output).toContain('npm run restore -- FIL');
  expect(output).toContain('npm run backup');
  expect(output).toContain('STORE_SALVAGE=true');
  expect(output).not.toMatch(/Borås-data inläst|ny ADMIN-nyckel/);
  expect(output).not.toMatch(STACK_LINE);
}

const newDataDir = () => mkdtempSync(join(tmpdir(), 'samverkanskartan-damage-'));

if (engine.engine === 'embedded') {
  describe(`a damaged DATA_DIR: ${engineLabel(engine)}`, () => {
    it('says a truly new store is new; after a clean stop, a missing graph.grafeo stops the start instead of seeding a fresh graph', async () => {
      const dir = newDataDir();
      try {
        const first = start({ DATA_DIR: dir });
        const url = await first.listening;
        expect(first.output()).toContain(`Ny databas skapad i DATA_DIR (${dir}).`);
        expect(first.output()).toMatch(/Tom databas: Borås-data inläst/);
        await createActors(url, adminKey(first), 3, 'Före');
        first.child.kill('SIGTERM');
        expect(await first.exited).toBe(0);
        expect(readdirSync(dir).sort()).toEqual([STORE_FILE, STATE_FILE].sort());

        // A restart of the same store is not new.
        const again = start({ DATA_DIR: dir });
        await again.listening;
        expect(again.output()).not.toMatch(/Ny databas|Borås-data inläst/);
        again.child.kill('SIGTERM');
        expect(await again.exited).toBe(0);

        rmSync(join(dir, STORE_FILE));
        const refused = start({ DATA_DIR: dir });
        expect(await refused.exited).toBe(1);
        expect(refused.output()).toContain(`databasfilen ${join(dir, STORE_FILE)} saknas, men katalogen har haft en databas`);
        expectRefusal(refused, new RegExp(STATE_FILE.replace('.', '\\.')));
        expect(existsSync(join(dir, STORE_FILE)), 'nothing was created in its place').toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    for (const damage of ['cut short', 'deleted'] as const) {
      it(`stops the start when the write-ahead log is ${damage} after a crash, and opens with what is left under STORE_SALVAGE=true`, async () => {
        const dir = newDataDir();
        try {
          const first = start({ DATA_DIR: dir });
          const url = await first.listening;
          const seeded = await actorCount(url);
          await createActors(url, adminKey(first), 12, 'Skrivet');
          expect(await actorCount(url)).toBe(seeded + 12);
          // A crash: no close, no checkpoint; the commits are only in the log.
          first.child.kill('SIGKILL');
          await first.exited;
          const wal = join(dir, WAL_DIR);
          const log = join(wal, readdirSync(wal).find((name) => name.endsWith('.log'))!);
          if (damage === 'cut short') truncateSync(log, Math.floor(statSync(log).size * 0.6));
          else rmSync(wal, { recursive: true });

          const refused = start({ DATA_DIR: dir });
          expect(await refused.exited).toBe(1);
          expectRefusal(refused, new RegExp(`${WAL_DIR.replace('.', '\\.')}`));
          expect(refused.output()).toMatch(damage === 'cut short' ? /är avkortad|kan inte öppnas/ : /saknas/);

          const salvaged = start({ DATA_DIR: dir, STORE_SALVAGE: 'true' });
          const salvagedUrl = await salvaged.listening;
          expect(salvaged.output()).toMatch(/STORE_SALVAGE: DATA_DIR .* öppnad vid version \d+; ändringarna fram till version \d+ saknas/);
          expect(await actorCount(salvagedUrl)).toBeLessThan(seeded + 12);
          salvaged.child.kill('SIGTERM');
          expect(await salvaged.exited).toBe(0);

          // Salvaged once, the store starts as it is from then on.
          const after = start({ DATA_DIR: dir });
          await after.listening;
          after.child.kill('SIGTERM');
          expect(await after.exited).toBe(0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }, 120_000);
    }

    const noTmpfs = tmpfsUnavailable();
    describe.skipIf(noTmpfs !== null)(`on a real tmpfs${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`, () => {
      let mount: Tmpfs | undefined;
      afterEach(() => {
        mount?.unmount();
        mount = undefined;
      });
      const mountOrFail = (options: string): Tmpfs => {
        const mounted = mountTmpfs(options);
        if ('unavailable' in mounted) throw new Error(mounted.unavailable);
        return (mount = mounted);
      };

      it('names a read-only DATA_DIR in Swedish, itself or the parent it would be made in, not ENOENT', async () => {
        const ro = mountOrFail('ro,size=64k');
        for (const [dir, named] of [
          [ro.path, ro.path],
          [join(ro.path, 'data'), ro.path],
        ]) {
          const service = start({ DATA_DIR: dir! });
          expect(await service.exited).toBe(1);
          expect(service.output()).toContain(`DATA_DIR (${dir}): katalogen ${named} är skrivskyddad (EROFS), så databasen kan inte sparas där.`);
          expect(service.output()).not.toMatch(/ENOENT|GRAFEO|os error/);
          expect(service.output()).not.toMatch(STACK_LINE);
        }
      }, 60_000);

      it('on a full disk answers 503 "disken är full" with the cause in the log, keeps reading, works again once there is room, and stops cleanly', async () => {
        const disk = mountOrFail('size=2m');
        const dir = join(disk.path, 'data');
        const service = start({ DATA_DIR: dir });
        const url = await service.listening;
        const key = adminKey(service);
        const before = await actorCount(url);
        await createActors(url, key, 2, 'Med plats');

        // Everything that is left taken by another file, as a full disk is in practice.
        const filler = join(disk.path, 'fyllnad');
        try {
          for (let i = 0; ; i++) writeFileSync(filler, Buffer.alloc(64 * 1024), { flag: 'a' });
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        }
        let full: Awaited<ReturnType<typeof gql>> | undefined;
        for (let i = 0; i < 200 && !full; i++) {
          // The log may have a little room left in its last page: write until the disk says no.
          const result = await gql(url, `mutation { createActor(input: { name: "Utan plats ${i}", kind: OVRIG }) { __typename } }`, key);
          if (result.data?.createActor?.__typename !== 'CreateActorSuccess') full = result;
        }
        expect(full?.status).toBe(503);
        expect(full?.errors?.[0]).toMatchObject({ message: DISK_FULL_MESSAGE, extensions: { code: 'DISK_FULL' } });
        expect(service.output()).toMatch(/Disken är full: .*(No space left on device|os error 28)/);
        expect(service.output(), 'the failed commit\'s rollback does not replace the cause').not.toMatch(/No active transaction/);
        const written = await actorCount(url);
        expect(written).toBeGreaterThanOrEqual(before + 2);

        rmSync(filler);
        await createActors(url, key, 1, 'Plats igen');
        expect(await actorCount(url)).toBe(written + 1);

        // Full again, then stopped: the process ends, with a sentence if the store cannot flush, never a trace.
        try {
          for (;;) writeFileSync(filler, Buffer.alloc(64 * 1024), { flag: 'a' });
        } catch {
          // full
        }
        const stoppedAt = Date.now();
        const logged = service.output().length;
        service.child.kill('SIGTERM');
        const code = await service.exited;
        expect(Date.now() - stoppedAt).toBeLessThan(5_000);
        expect([0, 1]).toContain(code);
        const shutdown = service.output().slice(logged);
        expect(shutdown).not.toMatch(STACK_LINE);
        if (code === 1) expect(shutdown).toMatch(/^SIGTERM: databasen kunde inte stängas rent: .*(No space left|os error 28)/);

        // With room again every acknowledged write is there.
        rmSync(filler);
        disk.remount('size=8m');
        const restarted = start({ DATA_DIR: dir });
        const restartedUrl = await restarted.listening;
        expect(await actorCount(restartedUrl)).toBe(written + 1);
        restarted.child.kill('SIGTERM');
        expect(await restarted.exited).toBe(0);
      }, 120_000);
    });
  });
} else {
  describe(`a Neo4j store: ${engineLabel(engine)}`, () => {
    it('is never reported as made by the service: its server makes it', async () => {
      const database = await serviceDatabase();
      try {
        const service = start(database.env);
        await service.listening;
        expect(service.output()).not.toMatch(/Ny databas skapad/);
        expect(service.output()).toMatch(/Tom databas: Borås-data inläst/);
        service.child.kill('SIGTERM');
        expect(await service.exited).toBe(0);
      } finally {
        await database.dispose();
      }
    }, 120_000);
  });
}
