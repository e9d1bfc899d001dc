import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GraphStore } from '../store/port.ts';
import type { ApiKeyRow } from './api-keys.ts';

/**
 * A browser's sign-in: its own id (what sign-out ends), which key it signed in
 * with, its CSRF token, and until when (epoch seconds).
 */
export interface Session {
  id: string;
  keyId: string;
  csrf: string;
  expires: number;
}

export const SESSION_COOKIE = 'svk_session';
/** A working day and then some: a browser left open overnight signs in again. */
export const SESSION_SECONDS = 12 * 60 * 60;

export function newSession(keyId: string, now = Date.now()): Session {
  return {
    id: randomBytes(16).toString('base64url'),
    keyId,
    csrf: randomBytes(32).toString('base64url'),
    expires: Math.floor(now / 1000) + SESSION_SECONDS,
  };
}

function mac(payload: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** The cookie value: the session as base64url JSON and its HMAC, so a client can read but not forge it. */
export function sealSession(session: Session, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** The session in a cookie value, or null when it is forged, damaged or expired. */
export function openSession(value: string, secret: Buffer, now = Date.now()): Session | null {
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
    // A cookie from before sessions had ids cannot be signed out, so it is not taken either.
    if (typeof session.id !== 'string') return null;
    return session.expires > now / 1000 ? session : null;
  } catch {
    return null;
  }
}

/** The key a session signed in with, while both are live: neither revoked nor signed out. */
export async function liveSessionKey(store: GraphStore, session: Session): Promise<ApiKeyRow | null> {
  const [row] = await store.read<{ key: ApiKeyRow; ended: boolean }>('auth/get-session-key', { keyId: session.keyId, sessionId: session.id });
  return row && !row.ended && !row.key.revokedAt ? row.key : null;
}

/**
 * Ends a session before its cookie expires. The cookie is still signed, so
 * the graph keeps the session's id until then, where every instance sees it;
 * ids of sessions whose cookies have expired are let go of at the same time.
 */
export async function endSession(store: GraphStore, session: Session, now = Date.now()): Promise<void> {
  // Not an edit by anyone, so no Change, as for the session secret.
  await store.write([
    { query: 'auth/end-session', params: { id: session.id, expires: session.expires }, touches: [] },
    { query: 'auth/forget-ended-sessions', params: { now: Math.floor(now / 1000) }, touches: [] },
  ]);
}

/** Compares a CSRF token a client sent with the session's, in constant time. */
export function csrfMatches(session: Session, sent: string | null): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The key that signs session cookies: SESSION_SECRET when set, otherwise one
 * made on the first start and kept in the graph. The graph, not DATA_DIR,
 * because on Neo4j several instances serve the same users and must accept each
 * other's cookies, and the graph is what they share; it is also what survives
 * a redeploy. Anyone who can read the database could forge a cookie, but only
 * for a live key, and a key is revoked in one step; set SESSION_SECRET to keep
 * the signing key out of the database altogether.
 */
export async function sessionSecret(store: GraphStore, configured?: string): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  // Not an edit by anyone, so no Change: the audit trail would only leak that a secret exists.
  const [rows] = await store.write([
    { query: 'auth/ensure-setting', params: { name: 'session-secret', value: randomBytes(32).toString('base64url') }, touches: [] },
  ]);
  return Buffer.from(String(rows![0]!.value), 'utf8');
}
