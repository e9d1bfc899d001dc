import type { GraphStore } from '../store/port.ts';
import type { Viewer } from '../schema/context.ts';
import { findApiKey, hashKey, looksLikeApiKey, type ApiKeyRow } from './api-keys.ts';
import { IssuerUnavailableError } from './issuer-keys.ts';
import { oidcVerifier, type OidcSettings, type TokenIdentity } from './oidc.ts';
import { csrfMatches, endSession, liveSessionKey, newSession, openSession, sealSession, type Session, SESSION_COOKIE, sessionSecret } from './session.ts';

export type ReadAccess = 'public' | 'authenticated';

export interface AuthSettings {
  /** `public`: anyone may read; `authenticated`: reading needs a role too. */
  readAccess: ReadAccess;
  oidc?: OidcSettings;
  /** Signs session cookies; made once and kept in the graph when not given. */
  sessionSecret?: string;
}

export const ANONYMOUS: Viewer = { id: null, roles: [] };

/** A request header by (lower-case) name: for node's requests and fetch's alike. */
export type HeaderOf = (name: string) => string | null;

/** A credential that was sent but is not valid: refused with 401, never read as "anonymous". */
export class AuthError extends Error {
  override name = 'AuthError';
}

/** How a request whose credential could not be checked is answered, over GraphQL and /auth alike. */
export interface AuthFailure {
  status: 401 | 503;
  code: 'UNAUTHENTICATED' | 'ISSUER_UNAVAILABLE';
  message: string;
  headers: Record<string, string>;
}

/**
 * A 401 for a credential that is not valid; a 503 when the issuer could not be
 * asked, since the token may be good and the client should try again. Null for
 * any other error: that is a fault of ours, not of the request.
 */
export function authFailure(error: unknown): AuthFailure | null {
  if (error instanceof AuthError) return { status: 401, code: 'UNAUTHENTICATED', message: error.message, headers: {} };
  if (error instanceof IssuerUnavailableError) {
    return { status: 503, code: 'ISSUER_UNAVAILABLE', message: error.message, headers: { 'retry-after': String(error.retryAfterSeconds) } };
  }
  return null;
}

/** Keys remembered between requests, the first remembered going first. */
const MAX_LIVE_KEYS = 10_000;

const keyViewer = (key: ApiKeyRow): Viewer => ({ id: key.id, name: key.name, roles: [key.role], actorId: key.actorId ?? null });

/**
 * Tells who a request comes from: a bearer API key, a bearer JWT from the
 * OIDC issuer, or the session cookie the web app got by signing in.
 */
export class Authenticator {
  private secret: Promise<Buffer> | null = null;
  /** Live keys by their secret's hash, as of a graph version: a revocation is a write, and counts the version up. */
  private readonly liveKeys = new Map<string, { version: number; key: ApiKeyRow }>();
  private readonly verifyToken: ((token: string) => Promise<TokenIdentity>) | null;

  constructor(
    private readonly store: GraphStore,
    readonly settings: AuthSettings,
  ) {
    this.verifyToken = settings.oidc ? oidcVerifier(settings.oidc) : null;
  }

  private signingKey(): Promise<Buffer> {
    return (this.secret ??= sessionSecret(this.store, this.settings.sessionSecret).catch((error: unknown) => {
      this.secret = null;
      throw error;
    }));
  }

  /**
   * The viewer of a request. A bearer credential wins over the cookie and must
   * be valid; a cookie that is stale or forged is ignored, as a browser keeps
   * sending it after the key behind it is revoked.
   */
  async viewerFor(header: HeaderOf): Promise<Viewer> {
    const authorization = header('authorization');
    if (authorization) return this.bearerViewer(authorization);
    const signedIn = await this.session(header);
    if (!signedIn) return ANONYMOUS;
    return { ...keyViewer(signedIn.key), session: { csrfOk: csrfMatches(signedIn.session, header('x-csrf-token')) } };
  }

  /**
   * The key a bearer secret belongs to, looked up once per graph version:
   * every request of a keyed client carries it, and on the embedded store
   * the version is known without a read.
   */
  private async liveKey(secret: string): Promise<ApiKeyRow | null> {
    const version = await this.store.version();
    const hash = hashKey(secret);
    const known = this.liveKeys.get(hash);
    if (known?.version === version) return known.key;
    const key = await findApiKey(this.store, secret);
    this.liveKeys.delete(hash);
    if (key) this.liveKeys.set(hash, { version, key });
    // Oldest first: a Map keeps insertion order.
    if (this.liveKeys.size > MAX_LIVE_KEYS) this.liveKeys.delete(this.liveKeys.keys().next().value!);
    return key;
  }

  private async bearerViewer(authorization: string): Promise<Viewer> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthError('Authorization: skicka "Bearer <API-nyckel eller token>"');
    const credential = match[1]!;
    if (looksLikeApiKey(credential)) {
      const key = await this.liveKey(credential);
      if (!key) throw new AuthError('Okänd eller återkallad API-nyckel');
      return keyViewer(key);
    }
    if (!this.verifyToken) throw new AuthError('Token tas inte emot: ingen OIDC-utfärdare är inställd (OIDC_ISSUER)');
    try {
      return await this.verifyToken(credential);
    } catch (error) {
      if (error instanceof IssuerUnavailableError) throw error;
      throw new AuthError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  /** The live session a request's cookie holds, with its key. */
  async session(header: HeaderOf): Promise<{ session: Session; key: ApiKeyRow } | null> {
    const session = await this.sessionInCookie(header);
    if (!session) return null;
    const key = await liveSessionKey(this.store, session);
    return key ? { session, key } : null;
  }

  /** Signs out: the session in the request's cookie, if any, is ended for every instance. */
  async signOut(header: HeaderOf): Promise<void> {
    const session = await this.sessionInCookie(header);
    if (session) await endSession(this.store, session);
  }

  private async sessionInCookie(header: HeaderOf): Promise<Session | null> {
    const value = cookieValue(header('cookie'), SESSION_COOKIE);
    return value ? openSession(value, await this.signingKey()) : null;
  }

  /** Signs in with an API key: the cookie value to set and the session (with its CSRF token); null for a wrong key. */
  async signIn(secret: string): Promise<{ cookie: string; session: Session; viewer: Viewer } | null> {
    const key = looksLikeApiKey(secret) ? await findApiKey(this.store, secret) : null;
    if (!key) return null;
    const session = newSession(key.id);
    return { cookie: sealSession(session, await this.signingKey()), session, viewer: keyViewer(key) };
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
