import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createHttpServer } from '../../server/http.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';

/* One client cannot take the server from the others: per-client rates at /graphql, 429 with Retry-After. */

let server: TestServer;
let url: string;
let close: () => Promise<void>;
const LIMITS = { anonymous: 1, keyed: 1 };
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  const limited = createHttpServer(server.store, { rateLimits: LIMITS });
  await new Promise<void>((resolve) => limited.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(limited.address() as AddressInfo).port}/graphql`;
  close = async () => {
    limited.closeAllConnections();
    await new Promise((resolve) => limited.close(resolve));
  };
});
afterAll(async () => {
  await close?.();
  await server?.close();
});

const ask = (key?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: '{"query":"{ __typename }"}',
  });

describe('rate limits per client', () => {
  it('answers an anonymous client over its rate 429 with Retry-After, while a keyed client has its own', async () => {
    // A burst of twice the rate is allowed (sent at once, so the bucket has no time to refill), then it is empty.
    const burst = await Promise.all([ask(), ask()]);
    expect(burst.map((r) => r.status)).toEqual([200, 200]);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused!.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(body.errors[0]!.message).toMatch(/^För många frågor: högst 1 fråga per sekund per klient utan nyckel\. Försök igen om \d+ s\.$/);

    const { secret } = await createApiKey(server.store, { name: 'Egen takt', role: 'LASARE' }, { id: 'test', name: 'Testsviten' });
    expect((await Promise.all([ask(secret), ask(secret)])).map((r) => r.status)).toEqual([200, 200]);
    expect((await ask(secret)).status).toBe(429);
    // Another key is another client.
    expect((await ask(server.keys.LASARE)).status).toBe(200);
  });

  it('lets a client in again once its rate has refilled the bucket', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await ask()).status).toBe(200);
  });
});
