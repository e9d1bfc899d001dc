import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './adapters.ts';
import { StoreError, type GraphStore } from '../../server/store/port.ts';

/** One contract, every reachable adapter: what the rest of the service may rely on. */
for (const adapter of adapters()) {
  if (adapter.skipReason) {
    describe(`store contract: ${adapter.name}`, () => {
      it.skip(`skipped: ${adapter.skipReason}`, () => undefined);
    });
    console.log(`store contract: ${adapter.name} skipped: ${adapter.skipReason}`);
    continue;
  }

  describe(`store contract: ${adapter.name}`, () => {
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
      await store.close();
      adapter.cleanup();
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
      const members = await store.read<{ key: string; node: { id: string }; rel: { role: string } }>('forum/list-forum-members', { ids: [f] });
      expect(members).toEqual([{ key: f, node: expect.objectContaining({ id: a }), rel: { role: 'LEDAMOT' } }]);
    });

    it('pages a filtered list and counts all matches', async () => {
      const names = ['Alfa', 'Beta', 'Gamma', 'Delta'];
      await store.write([{ query: 'forum/upsert-forums', params: { rows: names.map((n) => ({ id: id('forum', n), props: { name: `${run} ${n}`, level: n === 'Beta' ? 'TAKTISK' : 'STRATEGISK' } })) } }]);
      const params = { text: run, level: 'STRATEGISK', actor: null, targetArea: null };
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

    it('keeps committed writes across a restart', async () => {
      const a = id('actor', 'kept');
      await store.write([{ query: 'actor/upsert-actors', params: { rows: [{ id: a, props: { name: 'Kvar', kind: 'NAMND' } }] } }]);
      store = await adapter.reopen(store);
      const rows = await store.read<{ node: { name: string } }>('node/get-nodes', { ids: [a] });
      expect(rows.map((r) => r.node.name)).toEqual(['Kvar']);
    });
  });
}
