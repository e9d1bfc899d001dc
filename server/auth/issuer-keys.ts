import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';

/**
 * The issuer could not be asked for its keys (down, slow, or answering
 * nonsense): a 503, since the token may well be good. The message is for
 * clients and names no address; the cause, with the URL, goes to the log.
 */
export class IssuerUnavailableError extends Error {
  override name = 'IssuerUnavailableError';
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('Inloggningstjänsten (OIDC-utfärdaren) svarar inte, så token kan inte kontrolleras; försök igen om en stund.', options);
  }
}

export interface IssuerTimings {
  /** How long one fetch of the discovery document or key set may take. */
  timeoutMs: number;
  /** After a failed fetch, how long requests are answered at once instead of each waiting for the timeout. */
  retryAfterMs: number;
  /** How long fetched keys are used before they are fetched again. */
  cacheMaxAgeMs: number;
}

// An issuer that has not answered in 3 s is down for our purposes; every
// request that waits holds a client (and its browser tab) for that long.
const TIMINGS: IssuerTimings = { timeoutMs: 3_000, retryAfterMs: 10_000, cacheMaxAgeMs: 10 * 60_000 };

/**
 * The issuer's signing keys, for jose's `jwtVerify`: found through the
 * discovery document (unless `jwksUri` is given), cached, and refetched when a
 * token names a key not seen before, so the issuer can rotate them. While the
 * issuer is down, the keys it published before still verify what they signed.
 */
export function issuerKeys(settings: { issuer: string; jwksUri?: string }, timings: IssuerTimings = TIMINGS): JWTVerifyGetKey {
  let jwksUri: Promise<string> | null = null;
  let remote: ReturnType<typeof createRemoteJWKSet> | null = null;
  let downUntil = 0;
  const remoteKeys = async () => {
    const uri = await (jwksUri ??= discoverJwksUri(settings, timings.timeoutMs).catch((error: unknown) => {
      // A failed discovery is tried again after the outage, not remembered.
      jwksUri = null;
      throw error;
    }));
    return (remote ??= createRemoteJWKSet(new URL(uri), { timeoutDuration: timings.timeoutMs, cacheMaxAge: timings.cacheMaxAgeMs }));
  };
  const retryAfter = () => Math.ceil(Math.max(downUntil - Date.now(), 0) / 1000) || 1;

  return async (header, token) => {
    if (Date.now() >= downUntil) {
      try {
        return await (await remoteKeys())(header, token);
      } catch (error) {
        if (!fetchFailed(error)) throw error;
        downUntil = Date.now() + timings.retryAfterMs;
        console.error(`OIDC: utfärdaren ${settings.issuer} svarar inte (${describe(error)}); nya försök om ${timings.retryAfterMs / 1000} s`);
      }
    }
    const known = remote?.jwks();
    if (!known) throw new IssuerUnavailableError(retryAfter());
    try {
      return await createLocalJWKSet(known)(header, token);
    } catch (error) {
      // A key we have never seen may be a new one that the issuer cannot tell us about now.
      if (error instanceof errors.JWKSNoMatchingKey) throw new IssuerUnavailableError(retryAfter(), { cause: error });
      throw error;
    }
  };
}

/** A fetch of the issuer's documents that failed, as told apart from a token its keys do not verify. */
class IssuerFetchError extends Error {
  override name = 'IssuerFetchError';
}

function fetchFailed(error: unknown): boolean {
  return (
    error instanceof IssuerFetchError ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    // fetch itself: the connection was refused or dropped.
    error instanceof TypeError ||
    // jose's plain JOSEError: the key set answered other than 200, or not with JSON.
    (error instanceof errors.JOSEError && error.code === errors.JOSEError.code)
  );
}

async function discoverJwksUri(settings: { issuer: string; jwksUri?: string }, timeoutMs: number): Promise<string> {
  if (settings.jwksUri) return settings.jwksUri;
  const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new IssuerFetchError(`${url} svarade ${response.status}`);
    document = (await response.json()) as { jwks_uri?: unknown };
  } catch (error) {
    throw error instanceof IssuerFetchError ? error : new IssuerFetchError(`${url}: ${describe(error)}`, { cause: error });
  }
  if (typeof document.jwks_uri !== 'string') throw new IssuerFetchError(`${url} anger ingen jwks_uri`);
  return document.jwks_uri;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
