/**
 * Who is signed in to the web app. The session itself is an httpOnly cookie the
 * page never sees; the CSRF token its writes must carry is kept here, in
 * memory only, so another tab or a stored script cannot lift it from storage.
 */

import { currentDay, today } from './as-of.ts';

export type Role = 'LASARE' | 'REDAKTOR' | 'ADMIN';

export interface Viewer {
  name: string | null;
  roles: Role[];
}

interface SessionState {
  viewer: Viewer | null;
  csrfToken: string | null;
}

let state: SessionState = { viewer: null, csrfToken: null };
const listeners = new Set<() => void>();

export const viewer = (): Viewer | null => state.viewer;
export const csrfToken = (): string | null => state.csrfToken;

/**
 * Editing controls show for these roles only; the server refuses the rest anyway. The map as of
 * another day is for reading: a form filled from it would save that day's seats over today's.
 */
export const canEdit = (v: Viewer | null = state.viewer): boolean =>
  !!v?.roles.some((r) => r === 'REDAKTOR' || r === 'ADMIN') && (currentDay() ?? today()) === today();

/** Calls `listener` on every sign-in and sign-out; returns the way to stop. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: SessionState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}

interface AuthBody {
  signedIn?: boolean;
  name?: string | null;
  roles?: Role[];
  csrfToken?: string;
  error?: string;
}

function fromBody(body: AuthBody): SessionState {
  return body.signedIn && body.csrfToken ? { viewer: { name: body.name ?? null, roles: body.roles ?? [] }, csrfToken: body.csrfToken } : { viewer: null, csrfToken: null };
}

let known: Promise<void> | null = null;

/** Settles once the session the browser holds has been read: a link that opens an edit form waits for it. */
export const sessionKnown = (): Promise<void> => known ?? Promise.resolve();

/** Picks up a session the browser already holds (after a reload), with its CSRF token. */
export function loadSession(): Promise<void> {
  known = readSession();
  return known;
}

async function readSession(): Promise<void> {
  const response = await fetch('/auth/me', { headers: { accept: 'application/json' } }).catch(() => null);
  if (!response?.ok) return;
  set(fromBody((await response.json()) as AuthBody));
}

/** Signs in with an API key; on refusal, the server's reason (in Swedish) without its field prefix. */
export async function signIn(key: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
  const body = (await response.json().catch(() => ({}))) as AuthBody;
  if (!response.ok) return { ok: false, message: (body.error ?? `HTTP ${response.status}`).replace(/^key: /, '') };
  set(fromBody(body));
  return { ok: true };
}

export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST' }).catch(() => null);
  set({ viewer: null, csrfToken: null });
}
