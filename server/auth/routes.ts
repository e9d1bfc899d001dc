import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { authFailure, type Authenticator, type HeaderOf } from './authenticate.ts';
import { SESSION_COOKIE, SESSION_SECONDS } from './session.ts';

/*
 * Web sign-in: POST /auth/login with an API key sets the session cookie,
 * POST /auth/logout ends the session and clears the cookie, GET /auth/me tells the page who it is and the
 * CSRF token its writes must carry in `x-csrf-token`.
 */

const MAX_BODY = 4096;

export function headerOf(req: IncomingMessage): HeaderOf {
  return (name) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
}

/** Handles `/auth/…`; false for any other path. */
export async function handleAuthRoute(auth: Authenticator, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const route = ROUTES[path];
  if (!route) return false;
  if (req.method !== route.method) {
    send(res, 405, { error: `${path} tar emot ${route.method}` }, { allow: route.method });
    return true;
  }
  try {
    await route.handle(auth, req, res);
  } catch (error) {
    const failure = authFailure(error);
    if (!failure) throw error;
    send(res, failure.status, { error: failure.message }, failure.headers);
  }
  return true;
}

type Route = { method: 'GET' | 'POST'; handle: (auth: Authenticator, req: IncomingMessage, res: ServerResponse) => Promise<void> };

const ROUTES: Record<string, Route> = {
  '/auth/login': {
    method: 'POST',
    async handle(auth, req, res) {
      // JSON only: a form on another site cannot send it, so nobody is signed in with someone else's key.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return send(res, 415, { error: 'Skicka JSON: {"key": "svk_…"}' });
      }
      const key = await readKey(req);
      if (!key) return send(res, 400, { error: 'key: ange API-nyckeln' });
      const signedIn = await auth.signIn(key);
      if (!signedIn) return send(res, 401, { error: 'key: okänd eller återkallad API-nyckel' });
      send(
        res,
        200,
        { signedIn: true, ...viewerJson(signedIn.viewer), csrfToken: signedIn.session.csrf },
        { 'set-cookie': cookie(req, signedIn.cookie, SESSION_SECONDS) },
      );
    },
  },
  '/auth/logout': {
    method: 'POST',
    async handle(auth, req, res) {
      // Clearing the cookie is not enough: a copy of it (another tab, a stolen value) would still be good.
      await auth.signOut(headerOf(req));
      res.writeHead(204, { 'set-cookie': cookie(req, '', 0), 'cache-control': 'no-store' });
      res.end();
    },
  },
  '/auth/me': {
    method: 'GET',
    async handle(auth, req, res) {
      const header = headerOf(req);
      const readAccess = auth.settings.readAccess;
      if (header('authorization')) {
        const viewer = await auth.viewerFor(header);
        return send(res, 200, { signedIn: true, ...viewerJson(viewer), readAccess });
      }
      const signedIn = await auth.session(header);
      if (!signedIn) return send(res, 200, { signedIn: false, readAccess });
      const viewer = { id: signedIn.key.id, name: signedIn.key.name, roles: [signedIn.key.role] };
      send(res, 200, { signedIn: true, ...viewer, csrfToken: signedIn.session.csrf, readAccess });
    },
  },
};

function viewerJson(viewer: { id: string | null; name?: string | null; roles: string[] }) {
  return { id: viewer.id, name: viewer.name ?? null, roles: viewer.roles };
}

async function readKey(req: IncomingMessage): Promise<string | null> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY) return null;
  }
  try {
    const key = (JSON.parse(body) as { key?: unknown }).key;
    return typeof key === 'string' && key.trim() ? key.trim() : null;
  } catch {
    return null;
  }
}

/** The session cookie: httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS. */
function cookie(req: IncomingMessage, value: string, maxAge: number): string {
  const secure = (req.socket as TLSSocket).encrypted || req.headers['x-forwarded-proto'] === 'https';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
