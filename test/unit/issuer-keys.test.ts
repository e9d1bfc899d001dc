import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerKeys, IssuerUnavailableError } from '../../server/auth/issuer-keys.ts';
import { startIssuer, type StandInIssuer } from '../support/issuer.ts';

/*
 * The issuer's keys while it is down: timings shortened so that the key set
 * is due for a refetch at every use and an outage is remembered for 200 ms.
 */

let issuer: StandInIssuer;
beforeAll(async () => {
  issuer = await startIssuer();
});
afterAll(async () => issuer?.close());

const timings = { timeoutMs: 300, retryAfterMs: 200, cacheMaxAgeMs: 0 };
const verify = async (keys: ReturnType<typeof issuerKeys>) => (await jwtVerify(await issuer.sign({ sub: 'u' }), keys)).payload.sub;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('issuer keys', () => {
  it('verify with the keys fetched before when the issuer is down and they are due for a refetch', async () => {
    const keys = issuerKeys({ issuer: issuer.url }, timings);
    expect(await verify(keys)).toBe('u');
    issuer.state.outage = { mode: 'error', path: '/jwks' };
    try {
      expect(await verify(keys)).toBe('u');
    } finally {
      issuer.state.outage = null;
    }
  });

  it('are refused as unavailable while the issuer is down and none were ever fetched, then fetched once it is back', async () => {
    const keys = issuerKeys({ issuer: issuer.url }, timings);
    issuer.state.outage = { mode: 'error' };
    try {
      const refusal = await verify(keys).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(IssuerUnavailableError);
      expect((refusal as IssuerUnavailableError).retryAfterSeconds).toBe(1);
    } finally {
      issuer.state.outage = null;
    }
    // Within the retry time the issuer is not asked again; after it, it is.
    await expect(verify(keys)).rejects.toBeInstanceOf(IssuerUnavailableError);
    await sleep(timings.retryAfterMs);
    expect(await verify(keys)).toBe('u');
  });
});
