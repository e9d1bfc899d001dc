import { join } from 'node:path';
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
