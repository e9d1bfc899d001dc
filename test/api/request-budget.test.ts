import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/engine.ts';
import { loadInBatches } from '../../seed/load.ts';
import { generateGraph } from '../../seed/generate.ts';
import { createHttpServer } from '../../server/http.ts';
import type { GraphStore } from '../../server/store/port.ts';

/*
 * Bounded work per request (issue 17, items 1–2): a request has a time
 * limit, and its work stops when the limit is reached, when its answer has
 * been sent, or when its client goes away. What the server still does for a
 * request is seen in the statements it sends the (real) store.
 */

const MUNICIPALITIES = 8;
let database: TestStore;
/** Every statement the servers below sent the store, with when. */
const statements: { query: string; at: number }[] = [];
let counted: GraphStore;

beforeAll(async () => {
  database = await openTestStore();
  // Several municipalities: enough that a nested query still runs when its answer has gone.
  await loadInBatches(database.store, generateGraph({ municipalities: MUNICIPALITIES }));
  const store = database.store;
  counted = {
    ...store,
    engine: store.engine,
    created: store.created,
    ensureSchema: () => store.ensureSchema(),
    read: (query, params) => (statements.push({ query, at: performance.now() }), store.read(query, params)),
    write: (steps) => store.write(steps),
    version: () => store.version(),
    close: () => store.close(),
  };
});
afterAll(async () => database?.dispose());

async function serve(requestTimeLimitMs?: number): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const server = createHttpServer(counted, { requestTimeLimitMs });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const post = (url: string, query: string, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal });

/** Nested neighbour lists within the cost limit: several rounds of store reads, one after another. */
const NESTED = '{ actors(first: 200) { nodes { forums { forum { members { actor { forums { forum { name } } } } } } } } }';
/** More rounds still: each level of forums and members is a read after the one before. */
const DEEP = '{ actors(first: 20) { nodes { forums { forum { members { actor { forums { forum { members { actor { name } } } } } } } } } } }';

describe('a request’s time and work are bounded', () => {
  it('stops a request past its time limit with REQUEST_TOO_SLOW, saying what to do; a cheap one answers', async () => {
    const tight = await serve(1);
    try {
      const response = await post(tight.url, NESTED);
      const body = (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_TOO_SLOW', limitMs: 1 });
      expect(body.errors?.[0]?.message).toMatch(/^Frågan tog längre tid än 0.001 s och avbröts\. Be om mindre/);
    } finally {
      await tight.close();
    }
    const normal = await serve();
    try {
      const cheap = (await (await post(normal.url, '{ actors(first: 1) { totalCount } }')).json()) as { data: { actors: { totalCount: number } } };
      expect(cheap.data.actors.totalCount).toBeGreaterThan(0);
    } finally {
      await normal.close();
    }
  });

  it('stops the sibling fields once a failed non-null root field has sent the answer (data: null)', async () => {
    const { url, close } = await serve();
    try {
      const response = await post(url, `{ overlaps(meetingLoad: 1) { totalCount } ${NESTED.slice(1, -1)} }`);
      const body = (await response.json()) as { data: unknown; errors: { message: string }[] };
      const answeredAt = performance.now();
      const sent = statements.length;
      expect(body.data).toBeNull();
      expect(body.errors[0]!.message).toMatch(/meetingLoad: must be at least 2/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // No new round of reads starts after the answer.
      const after = statements.filter((s) => s.at > answeredAt);
      expect(after, after.map((s) => s.query).join(', ')).toEqual([]);
      expect(sent).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('stops a request whose client went away: it sends the store fewer statements than the whole query needs', async () => {
    const { url, close } = await serve();
    try {
      const whole = statements.length;
      await (await post(url, DEEP)).json();
      const needed = statements.length - whole;
      expect(needed, 'the whole query takes several rounds of reads').toBeGreaterThan(3);

      const controller = new AbortController();
      const before = statements.length;
      // The same query in other words: the answer kept from the one above is not it.
      const pending = post(url, `query Again ${DEEP}`, controller.signal).catch((error: unknown) => error);
      // Gone once the first statements have been sent.
      for (let i = 0; statements.length === before && i < 5000; i++) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(statements.length, 'the query reached the store').toBeGreaterThan(before);
      controller.abort();
      await pending;
      await new Promise((resolve) => setTimeout(resolve, 500));
      const sent = statements.slice(before);
      expect(sent.length, sent.map((s) => s.query).join(', ')).toBeLessThan(needed);
    } finally {
      await close();
    }
  });
});

describe('identical requests at once', () => {
  it('are worked out once: the others wait for the first one’s answer, and get the same', async () => {
    const { url, close } = await serve();
    try {
      // A fresh version: nothing is kept from the tests above.
      await counted.write([]);
      const query = '{ actors(first: 30) { nodes { name forums { forum { name } } } } }';
      const before = statements.length;
      const answers = await Promise.all(Array.from({ length: 6 }, async () => (await post(url, query)).text()));
      const lists = statements.slice(before).filter((s) => s.query === 'actor/list-actors');
      expect(new Set(answers).size).toBe(1);
      expect(JSON.parse(answers[0]!).data.actors.nodes.length).toBe(30);
      expect(lists.length).toBe(1);
    } finally {
      await close();
    }
  });
});
