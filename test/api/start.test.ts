import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded.ts';
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

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('starting the service', () => {
  it('seeds an empty DATA_DIR, serves /graphql within 60 s, and neither reseeds nor loses data on restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkanskartan-start-'));
    dirs.push(dataDir);
    const first = startService({ DATA_DIR: dataDir, PORT: '0' });
    const url = await ready(first);
    const before = await counts(url);
    expect(before.actors).toBeGreaterThanOrEqual(14);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Written while the service is down, straight into its store: it must still be there after the restart.
    const store = EmbeddedStore.open(dataDir);
    await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: 'actor:test-kvar', props: { name: 'Skriven före omstart', kind: 'CIVILSAMHALLE' } }] } }]);
    await store.close();

    const second = startService({ DATA_DIR: dataDir, PORT: '0' });
    const after = await counts(await ready(second));
    expect(after).toEqual({ ...before, actors: before.actors! + 1 });
    expect(second.output()).not.toMatch(/Borås-data inläst/);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 150_000);

  it('stops with a message naming PORT when PORT is not a number', async () => {
    const service = startService({ PORT: 'abc', DATA_DIR: join(tmpdir(), 'unused') });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/PORT="abc": must be a whole number/);
  });

  it('stops with a message naming NEO4J_URI when Neo4j cannot be reached', async () => {
    const service = startService({ NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/NEO4J_URI: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9/);
  }, 60_000);
});
