import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachAdapter } from './adapters.ts';
import type { GraphStore, Params, Row } from '../../server/store/port.ts';
import { NodeRows } from '../../server/schema/node-rows.ts';
import { wrapStore } from '../../server/store/wrap.ts';

/*
 * The node rows a server keeps between writes (server/schema/node-rows.ts), on each engine: a
 * write drops what it says it touched, a write that does not say drops everything, and a row
 * read while another request brought the rows to a newer version is not kept.
 */
describeEachAdapter('node rows kept between writes', (adapter) => {
  let store: GraphStore;
  const run = randomUUID().slice(0, 8);
  const [a, b, c] = ['a', 'b', 'c'].map((name) => `actor:${run}-${name}`) as [string, string, string];

  /** Names actors in one write; `touches` as a write plan's audit record says it, or nothing. */
  const name = (names: Record<string, string>, touches?: string[]) =>
    store.write([{ query: 'actor/upsert-actors', params: { rows: Object.entries(names).map(([id, n]) => ({ id, props: { name: n, kind: 'FORVALTNING' } })) }, touches }]);
  const namesIn = (rows: Map<string, { node: Row }>) => Object.fromEntries([...rows].map(([id, row]) => [id, row.node.name]));

  beforeAll(async () => {
    store = await adapter.open();
    await name({ [a]: 'A', [b]: 'B', [c]: 'C' });
  });
  afterAll(async () => {
    await store.write([{ query: 'node/delete-nodes', params: { ids: [a, b, c] } }]);
    await adapter.cleanup();
  });

  it('drop only what a write says it touched, and everything after a write that does not say', async () => {
    const rows = new NodeRows();
    expect(namesIn(await rows.get(store, [a, b, c, `${a}-missing`]))).toEqual({ [a]: 'A', [b]: 'B', [c]: 'C' });
    expect(rows.size).toBe(3);

    await name({ [b]: 'B2' }, [b]);
    expect(namesIn(await rows.get(store, []))).toEqual({});
    expect(rows.size).toBe(2);
    expect(namesIn(await rows.get(store, [a, b]))).toEqual({ [a]: 'A', [b]: 'B2' });

    await name({ [c]: 'C2' });
    await rows.get(store, []);
    expect(rows.size).toBe(0);
    expect(namesIn(await rows.get(store, [a, c]))).toEqual({ [a]: 'A', [c]: 'C2' });
  });

  it('after two writes between loads, read everything again', async () => {
    const rows = new NodeRows();
    await rows.get(store, [a, b]);
    await name({ [a]: 'A3' }, [a]);
    await name({ [c]: 'C3' }, [c]);
    await rows.get(store, []);
    expect(rows.size).toBe(0);
    expect(namesIn(await rows.get(store, [a, b, c]))).toEqual({ [a]: 'A3', [b]: 'B2', [c]: 'C3' });
  });

  it('do not keep a row read before a write that another load has since brought the rows past', async () => {
    const rows = new NodeRows();
    await rows.get(store, [a]);
    // A store whose reads by id run at once but answer only when let go: a slow read, in flight over a write.
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let readDone!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    const slow = wrapStore(store, {
      read: async <T extends object = Row>(query: string, params?: Params) => {
        const answer = await store.read<T>(query, params);
        if (query === 'node/get-nodes') {
          readDone();
          await held;
        }
        return answer;
      },
    });
    const inFlight = rows.get(slow, [b]);
    await read;
    await name({ [b]: 'B4' }, [b]);
    await rows.get(store, [a]);
    letGo();
    // The slow read answers what it read, before the write.
    expect(namesIn(await inFlight)).toEqual({ [b]: 'B2' });
    expect(namesIn(await rows.get(store, [b]))).toEqual({ [b]: 'B4' });
  });

  it('hand out rows no request can change for the others, and keep at most their limit', async () => {
    const rows = new NodeRows(2);
    const got = await rows.get(store, [a, b, c]);
    expect(() => {
      (got.get(a)!.node as Row).name = 'changed';
    }).toThrow(TypeError);
    expect(rows.size).toBe(2);
    expect(namesIn(await rows.get(store, [a]))).toEqual({ [a]: 'A3' });
  });
});
