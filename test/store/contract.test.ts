import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachAdapter } from './adapters.ts';
import { StoreError, type GraphStore } from '../../server/store/port.ts';

/** One contract, every reachable adapter: what the rest of the service may rely on. */
describeEachAdapter('store contract', (adapter) => {
  let store: GraphStore;
  // Each test's ids are its own, and removed after it, so a shared Neo4j stays clean.
  let run = '';
  const created: string[] = [];
  const id = (type: string, name: string) => {
    const value = `${type}:${run}-${name}`;
    created.push(value);
    return value;
  };

  beforeAll(async () => {
    store = await adapter.open();
  });
  afterEach(async () => {
    await store.write([{ query: 'node/delete-nodes', params: { ids: created.splice(0) } }]);
    run = randomUUID().slice(0, 8);
  });
  afterAll(async () => {
    await adapter.cleanup();
  });

  it('creates its schema again without error (idempotent)', async () => {
    await expect(store.ensureSchema()).resolves.toBeUndefined();
  });

  it('writes nodes and reads them back by id, as plain values', async () => {
    const a = id('actor', 'a');
    await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'Förvaltning Å', kind: 'FORVALTNING', year: 2024, share: 0.5, tags: ['x', 'y'] } }] } }]);
    const rows = await store.read<{ node: Record<string, unknown>; label: string }>('node/get-nodes', { ids: [a, `${a}-missing`] });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.label).toBe('Actor');
    expect(rows[0]!.node).toMatchObject({ id: a, name: 'Förvaltning Å', kind: 'FORVALTNING', year: 2024, share: 0.5, tags: ['x', 'y'], version: 1 });
    expect(typeof rows[0]!.node.year).toBe('number');
  });

  it('upserts: writing the same record twice keeps one node and one relationship', async () => {
    const a = id('actor', 'a');
    const f = id('forum', 'f');
    const steps = [
      { query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'A', kind: 'NAMND' } }] } },
      { query: 'forum/upsert-forums', params: { rows: [{ id: f, props: { name: 'F' } }] } },
      { query: 'link/link-member-of', params: { rows: [{ from: a, to: f, props: { role: 'LEDAMOT' } }] } },
    ];
    await store.write(steps);
    await store.write(steps);
    const members = await store.read<{ key: string; node: { id: string }; rel: { role: string } }>('forum/list-forum-members', { ids: [f], asOf: null });
    expect(members).toEqual([{ key: f, node: expect.objectContaining({ id: a }), rel: { role: 'LEDAMOT' } }]);
  });

  it('pages a filtered list and counts all matches', async () => {
    const names = ['Alfa', 'Beta', 'Gamma', 'Delta'];
    await store.write([{ query: 'forum/upsert-forums', params: { rows: names.map((n) => ({ id: id('forum', n), props: { name: `${run} ${n}`, level: n === 'Beta' ? 'TAKTISK' : 'STRATEGISK' } })) } }]);
    const params = { text: run, level: 'STRATEGISK', actor: null, convenor: null, targetArea: null, targetGroup: null, confirmationDue: null, confirmedSince: '', order: 'NAME', asOf: null };
    const [first] = await store.read<{ total: number; page: { name: string }[] }>('forum/list-forums', { ...params, skip: 0, limit: 2 });
    expect(first!.total).toBe(3);
    expect(first!.page.map((f) => f.name)).toEqual([`${run} Alfa`, `${run} Delta`]);
    const [second] = await store.read<{ total: number; page: { name: string }[] }>('forum/list-forums', { ...params, skip: 2, limit: 2 });
    expect(second!.page.map((f) => f.name)).toEqual([`${run} Gamma`]);
  });

  it('rolls back the whole transaction when one step fails', async () => {
    const a = id('actor', 'a');
    const write = store.write([
      { query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'A', kind: 'NAMND' } }] } },
      { query: 'no/such-statement' },
    ]);
    await expect(write).rejects.toThrow(/no\/such-statement/);
    expect(await store.read('node/get-nodes', { ids: [a] })).toEqual([]);
  });

  it('refuses a second node with the same id as a constraint error', async () => {
    const a = id('actor', 'dup');
    await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'A', kind: 'NAMND' } }] } }]);
    const error = await store.write([{ query: 'activity/create-activity', params: { id: a, props: { name: 'X', kind: 'INSATS' } } }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('CONSTRAINT');
  });

  it('updates a node only at the version given, and counts the version up', async () => {
    const a = id('actor', 'v');
    await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'A', kind: 'NAMND' } }] } }]);
    const [stale] = await store.write([{ query: 'node/update-node', params: { id: a, version: 7, props: { name: 'B' } } }]);
    expect(stale).toEqual([]);
    const [updated] = await store.write([{ query: 'node/update-node', params: { id: a, version: 1, props: { name: 'B', shortName: null } } }]);
    expect(updated).toEqual([{ node: expect.objectContaining({ id: a, name: 'B', version: 2 }) }]);
    const [locked] = await store.write([{ query: 'node/lock-nodes', params: { ids: [a] } }]);
    expect(locked).toEqual([{ node: expect.objectContaining({ id: a, version: 2 }), label: 'Actor' }]);
    expect((locked![0]!.node as Record<string, unknown>).writeLock).toBeUndefined();
  });

  it('records a change linked to its node, and lists a node\'s changes newest first', async () => {
    const a = id('actor', 'c');
    const changes = [id('change', '1'), id('change', '2')];
    await store.write([
      { query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'A', kind: 'NAMND' } }] } },
      ...changes.map((change, i) => ({ query: 'change/record-change', params: {
        id: change, at: `2026-11-0${i + 1}T10:00:00Z`, by: 'key:test', byName: 'Test', operation: 'updateActor',
        before: '{"name":"A"}', after: `{"name":"A${i}"}`, subjects: [a], versioned: [a],
      } })),
    ]);
    const [page] = await store.read<{ total: number; page: { id: string; after: string }[] }>('change/list-node-changes', { id: a, skip: 0, limit: 10 });
    expect(page!.total).toBe(2);
    expect(page!.page.map((c) => [c.id, c.after])).toEqual([[changes[1], '{"name":"A1"}'], [changes[0], '{"name":"A0"}']]);
    await store.write([{ query: 'change/delete-changes', params: { ids: changes } }]);
    const [left] = await store.read<{ total: number }>('change/list-node-changes', { id: a, skip: 0, limit: 10 });
    expect(left!.total).toBe(0);
  });

  it('deletes a node only at the version given', async () => {
    const a = id('actor', 'd');
    await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'A', kind: 'NAMND' } }] } }]);
    expect(await store.write([{ query: 'node/delete-node', params: { id: a, version: 2 } }])).toEqual([[{ count: 0 }]]);
    expect(await store.write([{ query: 'node/delete-node', params: { id: a, version: 1 } }])).toEqual([[{ count: 1 }]]);
    expect(await store.read('node/get-nodes', { ids: [a] })).toEqual([]);
  });

  it('gives the analysis its node columns and edge list', async () => {
    const [a, f, g] = [id('actor', 'n'), id('forum', 'n'), id('goal', 'n')];
    await store.write([
      { query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'Aktör', kind: 'REGION', sourceDocument: 'x' } }] } },
      { query: 'forum/upsert-forums', params: { rows: [{ id: f, props: { name: 'Forum', confirmedAt: '2026-01-01T00:00:00Z' } }] } },
      { query: 'goal/upsert-goals', params: { rows: [{ id: g, props: { text: 'Mål' } }] } },
      { query: 'link/link-member-of', params: { rows: [{ from: a, to: f, props: { role: 'LEDAMOT' } }] } },
      { query: 'link/link-works-on', params: { rows: [{ from: f, to: g, props: {} }] } },
    ]);
    const nodes = (await store.read<Record<string, unknown>>('analysis/list-analysis-nodes', { asOf: null })).filter((n) => [a, f, g].includes(n.id as string));
    expect(nodes.sort((x, y) => String(x.id).localeCompare(String(y.id)))).toEqual([
      { id: a, name: 'Aktör', text: null, title: null, kind: 'REGION', period: null, resources: null, shortTermEffect: null, targetLevel: null, confirmedAt: null, targetGroups: null },
      { id: f, name: 'Forum', text: null, title: null, kind: null, period: null, resources: null, shortTermEffect: null, targetLevel: null, confirmedAt: '2026-01-01T00:00:00Z', targetGroups: null },
      { id: g, name: null, text: 'Mål', title: null, kind: null, period: null, resources: null, shortTermEffect: null, targetLevel: null, confirmedAt: null, targetGroups: null },
    ].sort((x, y) => x.id.localeCompare(y.id)));
    const edges = (await store.read<{ from: string; type: string; to: string }>('analysis/list-analysis-edges', { asOf: null })).filter((e) => e.from === a || e.from === f);
    expect(edges.sort((x, y) => x.type.localeCompare(y.type))).toEqual([{ from: a, type: 'MEMBER_OF', to: f }, { from: f, type: 'WORKS_ON', to: g }]);
  });

  it('keeps committed writes across a restart', async () => {
    const a = id('actor', 'kept');
    await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'Kvar', kind: 'NAMND' } }] } }]);
    store = await adapter.reopen(store);
    const rows = await store.read<{ node: { name: string } }>('node/get-nodes', { ids: [a] });
    expect(rows.map((r) => r.node.name)).toEqual(['Kvar']);
  });
});
