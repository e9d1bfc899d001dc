import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engineUnderTest, serviceDatabase, type ServiceDatabase } from '../support/engine.ts';
import { startService, type Service } from '../support/service.ts';

/** The service's base URL once it answers GraphQL (it listens on a free port and prints it). */
async function ready(service: Service): Promise<string> {
  const url = await service.listening;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  expect(response.ok).toBe(true);
  return url;
}

async function counts(url: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ actors(first: 100) { totalCount } activities { totalCount } goals { totalCount } forums { totalCount } collaborations { totalCount } }' }),
  });
  const { data } = (await response.json()) as { data: Record<string, { totalCount: number }> };
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.totalCount]));
}

/** npm's own script, run by this Node (the machine's default Node may be another version). */
function npmCli(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (existsSync(join(dir, 'npm'))) return realpathSync(join(dir, 'npm'));
  }
  throw new Error('npm is not on PATH');
}

/** The live processes in a process group, from /proc (the group outlives its leader). */
function processesInGroup(group: number): string[] {
  const alive: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may hold spaces, so count from its closing parenthesis.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === group && state !== 'Z') alive.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`);
    } catch {
      // gone between the listing and the read
    }
  }
  return alive;
}

const engine = engineUnderTest();
let database: ServiceDatabase;
beforeAll(async () => {
  database = await serviceDatabase();
});
afterAll(() => database?.dispose());

describe(`starting the service: ${engineLabel(engine)}`, () => {
  it('seeds an empty store, serves /graphql within 60 s, and neither reseeds nor loses data on restart', async () => {
    const first = startService({ ...database.env, PORT: '0' });
    const url = await ready(first);
    expect(first.output()).toMatch(/Tom databas: Borås-data inläst/);
    expect(first.output()).toContain(`Samverkanskartan (${engine.engine})`);
    const before = await counts(url);
    expect(before.actors).toBeGreaterThanOrEqual(14);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Written while the service is down, straight into its store: it must still be there after the restart.
    await database.withStore((store) =>
      store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: 'actor:test-kvar', props: { name: 'Skriven före omstart', kind: 'CIVILSAMHALLE' } }] } }]),
    );

    const second = startService({ ...database.env, PORT: '0' });
    const after = await counts(await ready(second));
    expect(after).toEqual({ ...before, actors: before.actors! + 1 });
    expect(second.output()).not.toMatch(/Borås-data inläst/);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 150_000);

  it('ends every process of `npm start` within 5 s of a SIGTERM to npm', async () => {
    // Its own process group, as a terminal or service manager starts it: every child stays in it.
    const npm = spawn(process.execPath, [npmCli(), 'start'], {
      env: { ...process.env, ...database.env, PORT: '0', PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    npm.stdout!.on('data', (chunk) => (output += chunk));
    npm.stderr!.on('data', (chunk) => (output += chunk));
    const group = npm.pid!;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const listens = () => {
          const match = /på (http:\/\/[^/\s]+)\//.exec(output);
          if (match) resolve(match[1]!);
        };
        npm.stdout!.on('data', listens);
        npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it listened:\n${output}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(processesInGroup(group).length, 'npm, and the server under it').toBeGreaterThanOrEqual(2);

      npm.kill('SIGTERM');
      const deadline = Date.now() + 5_000;
      while (processesInGroup(group).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(processesInGroup(group), output).toEqual([]);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
      expect(output).not.toMatch(/^\s+at .+[(:]\d+/m);
    } finally {
      // Whatever is left of the group, so a failure leaves no server behind.
      if (processesInGroup(group).length) process.kill(-group, 'SIGKILL');
    }
  }, 150_000);

  it('stops with a message naming PORT when PORT is not a number', async () => {
    const service = startService({ ...database.env, PORT: 'abc' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/PORT="abc": must be a whole number/);
  });

  it('stops with a message naming NEO4J_URI when Neo4j cannot be reached', async () => {
    const service = startService({ NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0', DATA_DIR: join(tmpdir(), 'unused') });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/NEO4J_URI: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9/);
  }, 60_000);

  if (engine.engine === 'neo4j') {
    it('stops with a message naming NEO4J_USER and NEO4J_PASSWORD when Neo4j refuses the password', async () => {
      const service = startService({ ...database.env, NEO4J_PASSWORD: 'fel-lösenord', PORT: '0' });
      expect(await service.exited).toBe(1);
      expect(service.output()).toMatch(/NEO4J_USER\/NEO4J_PASSWORD: Neo4j at \S+ refused user "neo4j"/);
      expect(service.output()).not.toContain('fel-lösenord');
    }, 60_000);

    it('creates its constraints and indexes in Neo4j', async () => {
      const service = startService({ ...database.env, PORT: '0', SEED_ON_START: 'false' });
      await ready(service);
      service.child.kill('SIGTERM');
      await service.exited;
      const names = await database.withStore(async (store) => (await store.read<{ name: string }>('schema-info/list-constraints')).map((row) => row.name));
      expect(names).toEqual(expect.arrayContaining(['entity_id_unique', 'api_key_hash_unique', 'api_key_id_unique', 'setting_name_unique']));
      const indexes = await database.withStore(async (store) => (await store.read<{ name: string }>('schema-info/list-indexes')).map((row) => row.name));
      expect(indexes).toEqual(expect.arrayContaining(['change_at_index', 'entity_id_unique']));
    }, 60_000);
  }
});
