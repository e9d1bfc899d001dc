import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { CHEAP, expected, MIX, type Read } from '../support/read-mix.ts';
import { createHttpServer } from '../../server/http.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';

/*
 * Many readers at once on the Borås graph, with the service's own limits:
 * keyed clients reading the web app's views and the walks that once took
 * the server down, and a few anonymous clients that ask faster than their
 * rate. Every answer is data, or a refusal by design (429 with Retry-After,
 * QUERY_TOO_COSTLY for the walks), and a cheap query keeps answering. How
 * fast is the bench's business (bench/load.ts); this checks correctness.
 */

// 20, not the bench's 200: the suite runs on both engines on a shared 2-core machine beside the others.
const CLIENTS = 20;
const GREEDY = 3;
const SECONDS = 5;
// The service's keyed rate; anonymous clients held low, so the greedy ones meet it at once.
const LIMITS = { anonymous: 2, keyed: 50 };

let base: TestServer;
let server: Server;
let url: string;
beforeAll(async () => {
  base = await startTestServer();
  server = createHttpServer(base.store, { rateLimits: LIMITS });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await base?.close();
});

type Outcome = { read: string; status: number; ok: boolean; detail: string; retryAfter: string | null };

async function ask(read: Read, key?: string): Promise<Outcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: read.body,
  });
  const text = await response.text();
  const ok = expected(read, response.status, text);
  // Only a wrong answer's start is kept: a slice of a string holds on to all of it.
  return { read: read.name, status: response.status, ok, detail: ok ? '' : text.slice(0, 200), retryAfter: response.headers.get('retry-after') };
}

// The collector, which the test process is not started with: RSS alone counts the garbage of 20,000 answers too.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** What the process holds once its garbage is collected: the heap in use and the memory outside it (buffers). */
function held(): number {
  collect();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`${CLIENTS} keyed and ${GREEDY} greedy anonymous readers for ${SECONDS} s`, () => {
  it('get data or a deliberate refusal, never another error, and a cheap query keeps answering', async () => {
    const keys = await Promise.all(
      Array.from({ length: CLIENTS + 1 }, async (_, i) => (await createApiKey(base.store, { name: `Läsare ${i}`, role: 'LASARE' }, { id: 'test', name: 'Lasttest' })).secret),
    );
    const prober = keys.pop()!;
    // The test process runs other suites' servers before this one: what this load leaves held is what counts.
    const heldBefore = held();
    const until = performance.now() + SECONDS * 1000;
    const outcomes: Outcome[] = [];
    const probes: { ok: boolean; ms: number }[] = [];

    const reader = async (key: string | undefined, offset: number, reads = MIX) => {
      for (let i = offset; performance.now() < until; i++) {
        const outcome = await ask(reads[i % reads.length]!, key);
        outcomes.push(outcome);
        // A well-behaved client waits as long as it is told to; a greedy one asks again at once.
        if (outcome.status === 429 && key) await sleep(Number(outcome.retryAfter ?? 1) * 1000);
      }
    };
    const probe = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const outcome = await ask(CHEAP, prober);
        probes.push({ ok: outcome.ok, ms: performance.now() - started });
        await sleep(100);
      }
    };
    await Promise.all([
      ...keys.map((key, i) => reader(key, i)),
      // Anonymous, from one address, as fast as they can: over their rate by design.
      ...Array.from({ length: GREEDY }, (_, i) => reader(undefined, i, [CHEAP])),
      probe(),
    ]);

    const refusedByRate = outcomes.filter((o) => o.status === 429);
    const wrong = outcomes.filter((o) => !o.ok && o.status !== 429);
    const sorted = probes.map((p) => p.ms).sort((a, b) => a - b);
    console.log(
      `${outcomes.length} answers (${refusedByRate.length} × 429), cheap query probed ${probes.length} times: ` +
        `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, slowest ${sorted.at(-1)?.toFixed(0)} ms; ` +
        `RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, ${((held() - heldBefore) / 2 ** 20).toFixed(0)} MB more held than before the load`,
    );
    expect(wrong, wrong.slice(0, 5).map((o) => `${o.read} ${o.status} ${o.detail}`).join('\n')).toEqual([]);
    for (const refused of refusedByRate) expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refusedByRate.length, 'the greedy anonymous clients were held to their rate').toBeGreaterThan(0);
    expect(new Set(outcomes.filter((o) => o.ok).map((o) => o.read))).toEqual(new Set(MIX.map((r) => r.name)));
    // The prober, on its own key and well under its rate, got every answer.
    expect(probes.length).toBeGreaterThan(1);
    expect(probes.filter((p) => !p.ok)).toEqual([]);
    // The walks once took the heap to 4.3 GB; the kept answers are a few MB.
    expect(held() - heldBefore).toBeLessThan(256 * 2 ** 20);
  }, 120_000);
});
