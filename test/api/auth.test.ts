import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';
import { rolesIn } from '../../server/auth/oidc.ts';
import { endSession, newSession } from '../../server/auth/session.ts';
import { oidcFor, startIssuer, type StandInIssuer } from '../support/issuer.ts';

/*
 * Who may write, and how they prove it: API keys, JWTs from an OIDC issuer
 * (served here on loopback, with keys made for the test), and the web app's
 * session cookie with its CSRF token.
 */

let issuer: StandInIssuer;
let server: TestServer;
beforeAll(async () => {
  issuer = await startIssuer();
  server = await startTestServer({ auth: { oidc: oidcFor(issuer.url) } });
});
afterAll(async () => {
  await server?.close();
  await issuer?.close();
});

const CREATE_ACTOR = 'mutation($name: String!) { createActor(input: { name: $name, kind: OVRIG }) { __typename ... on CreateActorSuccess { actor { id } } } }';
const actorCount = async () => (await server.gql('{ actors(first: 1) { totalCount } }')).data!.actors.totalCount as number;
const whoChanged = async (id: string) =>
  (await server.gql('query($id: ID!) { changes(nodeId: $id) { edges { node { by byName } } } }', { id }, { as: server.keys.LASARE })).data!.changes.edges[0].node;

describe('roles', () => {
  it('lets anyone read, and refuses a write by the anonymous and by a LASARE, writing nothing', async () => {
    const count = await actorCount();
    const anonymous = await server.gql(CREATE_ACTOR, { name: 'Anonym' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors![0]).toMatchObject({ message: 'Inloggning krävs för att ändra.', extensions: { code: 'UNAUTHENTICATED' } });
    const reader = await server.gql(CREATE_ACTOR, { name: 'Läsare' }, { as: server.keys.LASARE });
    expect(reader.status).toBe(403);
    expect(reader.errors![0]).toMatchObject({ message: 'Rollen REDAKTOR krävs för att ändra; du har LASARE.', extensions: { code: 'FORBIDDEN' } });
    expect(await actorCount()).toBe(count);
  });

  it('refuses a reader even input that would be invalid, so it learns nothing about it', async () => {
    const reader = await server.gql('mutation { createActor(input: { name: "", kind: OVRIG }) { __typename } }', {}, { as: server.keys.LASARE });
    expect(reader.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a REDAKTOR an ADMIN mutation before its input is looked at, however the field is reached', async () => {
    const refusal = 'Rollen ADMIN krävs för att använda Mutation.createApiKey; du har REDAKTOR.';
    const attempts = [
      'mutation { createApiKey(input: { name: "", role: ADMIN }) { __typename ... on ValidationError { fieldErrors { path } } } }',
      'mutation { ok: createActor(input: { name: "x", kind: OVRIG }) { __typename } k: createApiKey(input: { name: "", role: ADMIN }) { __typename } }',
      'mutation { ...Keys } fragment Keys on Mutation { createApiKey(input: { name: "", role: ADMIN }) { __typename } }',
      'mutation { ... on Mutation { createApiKey(input: { name: "", role: ADMIN }) { __typename } } }',
    ];
    const count = await actorCount();
    for (const query of attempts) {
      const response = await server.gql(query, {}, { as: server.keys.REDAKTOR });
      expect(response, query).toMatchObject({ status: 403, errors: [{ message: refusal, extensions: { code: 'FORBIDDEN' } }] });
      expect(response.data ?? null, query).toBeNull();
    }
    expect(await actorCount()).toBe(count);
    // A field left out by @include(if: false) is not asked for.
    const skipped = await server.gql(
      'mutation($keys: Boolean!) { createActor(input: { name: "Utan nyckel", kind: OVRIG }) { __typename } createApiKey(input: { name: "", role: ADMIN }) @include(if: $keys) { __typename } }',
      { keys: false },
      { as: server.keys.REDAKTOR },
    );
    expect(skipped.data).toEqual({ createActor: { __typename: 'CreateActorSuccess' } });
  });

  it('lets a REDAKTOR and an ADMIN write, but only an ADMIN manage keys', async () => {
    for (const role of ['REDAKTOR', 'ADMIN'] as const) {
      const response = await server.gql(CREATE_ACTOR, { name: `Skriven av ${role}` }, { as: server.keys[role] });
      expect(response.data!.createActor.__typename).toBe('CreateActorSuccess');
    }
    const editor = await server.gql('{ apiKeys { id } }', {}, { as: server.keys.REDAKTOR });
    expect(editor.errors![0]!.message).toBe('Rollen ADMIN krävs för att använda Query.apiKeys; du har REDAKTOR.');
    const create = await server.gql('mutation { createApiKey(input: { name: "x", role: ADMIN }) { __typename } }', {}, { as: server.keys.REDAKTOR });
    expect(create.errors![0]!.message).toBe('Rollen ADMIN krävs för att använda Mutation.createApiKey; du har REDAKTOR.');
  });
});

describe('API keys', () => {
  it('are made by an ADMIN, shown once, stored as hashes, and end when revoked', async () => {
    const made = await mutate(server, 'createApiKey', 'CreateApiKeyInput', { name: 'Beredningsgruppen', role: 'REDAKTOR' }, 'created { secret apiKey { id name role createdBy revokedAt } }', server.keys.ADMIN);
    const { secret, apiKey } = made.created;
    expect(secret).toMatch(/^svk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Beredningsgruppen', role: 'REDAKTOR', createdBy: 'Test ADMIN', revokedAt: null });

    const written = await server.gql(CREATE_ACTOR, { name: 'Med ny nyckel' }, { as: secret });
    const actorId = written.data!.createActor.actor.id;
    expect(await whoChanged(actorId)).toEqual({ by: apiKey.id, byName: 'Beredningsgruppen' });

    const stored = await server.store.read<{ key: Record<string, unknown> }>('auth/get-api-key', { id: apiKey.id });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await server.gql('{ apiKeys { id name role } }', {}, { as: server.keys.ADMIN });
    expect(listed.data!.apiKeys).toContainEqual({ id: apiKey.id, name: 'Beredningsgruppen', role: 'REDAKTOR' });

    const revoked = await mutate(server, 'revokeApiKey', 'RevokeApiKeyInput', { id: apiKey.id }, 'apiKey { revokedAt }', server.keys.ADMIN);
    expect(revoked.apiKey.revokedAt).toBeTruthy();
    const after = await server.gql(CREATE_ACTOR, { name: 'Efter återkallelse' }, { as: secret });
    expect(after.status).toBe(401);
    expect(after.errors![0]!.message).toBe('Okänd eller återkallad API-nyckel');
  });

  it('keeps their history (changes) for ADMIN, as apiKeys is: a reader learns no key names, roles or creators there', async () => {
    const made = await mutate(server, 'createApiKey', 'CreateApiKeyInput', { name: 'Hemlig integration', role: 'REDAKTOR' }, 'created { apiKey { id } }', server.keys.ADMIN);
    const id = made.created.apiKey.id;
    await mutate(server, 'revokeApiKey', 'RevokeApiKeyInput', { id }, 'apiKey { id }', server.keys.ADMIN);
    const history = 'query($id: ID!) { changes(nodeId: $id) { totalCount edges { node { operation after } } } }';
    for (const role of ['LASARE', 'REDAKTOR'] as const) {
      const refused = await server.gql(history, { id }, { as: server.keys[role] });
      expect(refused.errors![0], role).toMatchObject({
        message: `Rollen ADMIN krävs för att läsa en API-nyckels historik; du har ${role}.`,
        extensions: { code: 'FORBIDDEN' },
      });
      expect(JSON.stringify(refused)).not.toContain('Hemlig integration');
    }
    const admin = await server.gql(history, { id }, { as: server.keys.ADMIN });
    expect(admin.data!.changes.edges.map((e: any) => e.node.operation)).toEqual(['revokeApiKey', 'createApiKey']);
  });

  it('keeps the last ADMIN key, so someone can still manage keys', async () => {
    const keys = (await server.gql('{ apiKeys { id role revokedAt } }', {}, { as: server.keys.ADMIN })).data!.apiKeys;
    const admin = keys.find((k: any) => k.role === 'ADMIN' && !k.revokedAt);
    const refused = await mutate(server, 'revokeApiKey', 'RevokeApiKeyInput', { id: admin.id }, 'apiKey { id }', server.keys.ADMIN);
    expect(refused).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'input.id', message: 'är den sista ADMIN-nyckeln: skapa en ny innan den återkallas' }] });
  });

  it('refuses an unknown key or a malformed Authorization header instead of reading it as anonymous', async () => {
    const unknown = await server.gql('{ actors(first: 1) { totalCount } }', {}, { as: 'svk_not-a-real-key' });
    expect(unknown.status).toBe(401);
    const malformed = await server.gql('{ actors(first: 1) { totalCount } }', {}, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(malformed).toMatchObject({ status: 401, errors: [{ message: 'Authorization: skicka "Bearer <API-nyckel eller token>"' }] });
  });
});

describe('OIDC tokens', () => {
  it('accepts a token from the issuer, with its roles mapped, and names its user in the audit trail', async () => {
    const token = await issuer.sign({ sub: 'u-123', name: 'Anna Andersson', roles: ['Samverkanskartan.Redaktor', 'Annat.System'] });
    const response = await server.gql(CREATE_ACTOR, { name: 'Skriven med token' }, { as: token });
    expect(response.data!.createActor.__typename).toBe('CreateActorSuccess');
    expect(await whoChanged(response.data!.createActor.actor.id)).toEqual({ by: 'oidc:u-123', byName: 'Anna Andersson' });
  });

  it('gives a token whose roles map to none of ours no right to write', async () => {
    const token = await issuer.sign({ sub: 'u-456', preferred_username: 'bengt', roles: ['Annat.System'] });
    const response = await server.gql(CREATE_ACTOR, { name: 'Ingen roll' }, { as: token });
    expect(response).toMatchObject({ status: 403, errors: [{ message: 'Rollen REDAKTOR krävs för att ändra; du har ingen roll.' }] });
  });

  it('refuses tokens that are expired, for another audience, or signed with another key, saying why', async () => {
    const other = (await generateKeyPair('RS256')).privateKey;
    const cases: [string, Promise<string>][] = [
      ['Ogiltig token: har gått ut', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { expires: '-10m' })],
      ['Ogiltig token: fel aud', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { audience: 'en-annan-tjanst' })],
      ['Ogiltig token: signaturen stämmer inte', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { key: other })],
    ];
    for (const [message, token] of cases) {
      const response = await server.gql('{ actors(first: 1) { totalCount } }', {}, { as: await token });
      expect(response, message).toMatchObject({ status: 401, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('refuses a token without exp, one that lives longer than 24 hours, and one issued or valid only in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, Promise<string>][] = [
      // An ADMIN token with no expiry would be a key that can never be revoked.
      ['Ogiltig token: saknar exp', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { expires: null, issuedAt: now - 10 * 365 * 86400 })],
      ['Ogiltig token: gäller för länge (exp − iat är mer än 24 timmar)', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { expires: '1y', issuedAt: now - 3600 })],
      ['Ogiltig token: gäller för länge (exp − iat är mer än 24 timmar)', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { expires: '2d', issuedAt: null })],
      ['Ogiltig token: iat ligger i framtiden', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { issuedAt: now + 3600, expires: now + 7200 })],
      ['Ogiltig token: gäller inte förrän nbf', issuer.sign({ sub: 'u', roles: ['ADMIN'] }, { notBefore: now + 3600, expires: now + 7200 })],
    ];
    for (const [message, token] of cases) {
      const response = await server.gql('{ actors(first: 1) { totalCount } }', {}, { as: await token });
      expect(response, message).toMatchObject({ status: 401, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    // Within the clock tolerance (30 s) a clock a little ahead of ours is no reason to refuse.
    const skewed = await issuer.sign({ sub: 'u', roles: ['LASARE'] }, { issuedAt: now + 20, notBefore: now + 20 });
    expect((await server.gql('{ actors(first: 1) { totalCount } }', {}, { as: skewed })).status).toBe(200);
  });

  it('reads roles from a claim path and a configured map, and plain role names as they are', () => {
    const keycloak = { realm_access: { roles: ['svk-redaktor', 'offline_access'] } };
    expect(rolesIn(keycloak, { roleClaim: 'realm_access.roles', roleMap: { 'svk-redaktor': 'REDAKTOR' } })).toEqual(['REDAKTOR']);
    expect(rolesIn({ roles: ['LASARE', 'ADMIN'] }, { roleClaim: 'roles', roleMap: {} })).toEqual(['LASARE', 'ADMIN']);
    expect(rolesIn({ scp: 'LASARE other' }, { roleClaim: 'scp', roleMap: {} })).toEqual(['LASARE']);
    expect(rolesIn({}, { roleClaim: 'roles', roleMap: {} })).toEqual([]);
  });
});

describe('an OIDC issuer that is down', () => {
  const ACTORS = '{ actors(first: 1) { totalCount } }';
  const UNAVAILABLE = 'Inloggningstjänsten (OIDC-utfärdaren) svarar inte, så token kan inte kontrolleras; försök igen om en stund.';
  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const start = performance.now();
    const result = await run();
    return [result, performance.now() - start];
  };

  it('keeps verifying tokens with the keys it already has', async () => {
    expect((await server.gql(ACTORS, {}, { as: await issuer.sign({ sub: 'u', roles: ['LASARE'] }) })).status).toBe(200);
    issuer.state.outage = { mode: 'error' };
    try {
      const response = await server.gql(ACTORS, {}, { as: await issuer.sign({ sub: 'u2', roles: ['LASARE'] }) });
      expect(response.status).toBe(200);
    } finally {
      issuer.state.outage = null;
    }
  });

  it('is a 503 that names no internal address, not a 401 with the issuer URL in it', async () => {
    const down = await startIssuer();
    down.state.outage = { mode: 'error' };
    const service = await startTestServer({ seed: false, auth: { oidc: oidcFor(down.url) } });
    try {
      const response = await service.gql(ACTORS, {}, { as: await down.sign({ sub: 'u', roles: ['LASARE'] }) });
      expect(response).toMatchObject({ status: 503, errors: [{ message: UNAVAILABLE, extensions: { code: 'ISSUER_UNAVAILABLE' } }] });
      expect(JSON.stringify(response)).not.toContain('127.0.0.1');
      const raw = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await down.sign({ sub: 'u' })}` },
        body: JSON.stringify({ query: ACTORS }),
      });
      expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
      const me = await fetch(`${service.url}/auth/me`, { headers: { authorization: `Bearer ${await down.sign({ sub: 'u' })}` } });
      expect(me.status).toBe(503);
      expect(Number(me.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await me.text()).not.toContain('127.0.0.1');
    } finally {
      await service.close();
      await down.close();
    }
  });

  it('gives up on a key set that does not come within 3 s, and answers at once while the issuer stays down', async () => {
    const slow = await startIssuer();
    slow.state.outage = { mode: 'hang', path: '/jwks' };
    const service = await startTestServer({ seed: false, auth: { oidc: oidcFor(slow.url) } });
    try {
      const token = await slow.sign({ sub: 'u', roles: ['LASARE'] });
      const [first, waited] = await timed(() => service.gql(ACTORS, {}, { as: token }));
      expect(first.status).toBe(503);
      expect(waited).toBeLessThan(4_500);
      const [second, waitedAgain] = await timed(() => service.gql(ACTORS, {}, { as: token }));
      expect(second.status).toBe(503);
      expect(waitedAgain).toBeLessThan(500);
    } finally {
      await service.close();
      await slow.close();
    }
  });
});

/** Signs in at /auth/login with an API key, as the web app does: the cookie to send back and the CSRF token. */
async function signIn(key: string, target = server): Promise<{ cookie: string; csrfToken: string; roles: string[] }> {
  const response = await fetch(`${target.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
  expect(response.status).toBe(200);
  const setCookie = response.headers.get('set-cookie')!;
  expect(setCookie).toMatch(/^svk_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  const body = (await response.json()) as { csrfToken: string; roles: string[] };
  return { cookie: setCookie.split(';')[0]!, csrfToken: body.csrfToken, roles: body.roles };
}

const signOut = (cookie: string, target = server) => fetch(`${target.url}/auth/logout`, { method: 'POST', headers: { cookie } });

describe('web sign-in', () => {
  const login = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('signs in with an API key and writes with the session cookie and its CSRF token', async () => {
    const { cookie, csrfToken, roles } = await signIn(server.keys.REDAKTOR);
    expect(roles).toEqual(['REDAKTOR']);
    const me = await fetch(`${server.url}/auth/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ signedIn: true, name: 'Test REDAKTOR', roles: ['REDAKTOR'], csrfToken, readAccess: 'public' });

    const written = await server.gql(CREATE_ACTOR, { name: 'Skriven i webbappen' }, { headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(written.data!.createActor.__typename).toBe('CreateActorSuccess');
    expect((await whoChanged(written.data!.createActor.actor.id)).byName).toBe('Test REDAKTOR');
  });

  it('refuses a cookie-borne write without the CSRF token, or with a wrong one, and writes nothing', async () => {
    const { cookie, csrfToken } = await signIn(server.keys.REDAKTOR);
    const count = await actorCount();
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': `${csrfToken.slice(0, -2)}xx` }];
    for (const headers of attempts) {
      const response = await server.gql(CREATE_ACTOR, { name: 'Förfalskad' }, { headers });
      expect(response).toMatchObject({ status: 403, errors: [{ extensions: { code: 'CSRF' } }] });
      expect(response.errors![0]!.message).toMatch(/^x-csrf-token: saknas eller stämmer inte/);
    }
    expect(await actorCount()).toBe(count);
    // Reads need no token: another site cannot read the answer anyway.
    expect((await server.gql('{ actors(first: 1) { totalCount } }', {}, { headers: { cookie } })).data!.actors.totalCount).toBe(count);
  });

  it('refuses a wrong key, a form post, and a forged cookie', async () => {
    expect((await login(JSON.stringify({ key: 'svk_fel' }))).status).toBe(401);
    expect((await login(JSON.stringify({}))).status).toBe(400);
    expect((await login(`key=${server.keys.REDAKTOR}`, 'application/x-www-form-urlencoded')).status).toBe(415);
    const { cookie } = await signIn(server.keys.REDAKTOR);
    const [payload] = cookie.slice('svk_session='.length).split('.');
    const forged = `svk_session=${payload}.${'A'.repeat(43)}`;
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie: forged } })).json()).toEqual({ signedIn: false, readAccess: 'public' });
  });

  it('signs out by clearing the cookie, and ends sessions when their key is revoked', async () => {
    const logout = await fetch(`${server.url}/auth/logout`, { method: 'POST' });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^svk_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);

    const made = await mutate(server, 'createApiKey', 'CreateApiKeyInput', { name: 'Kortlivad', role: 'REDAKTOR' }, 'created { secret apiKey { id } }', server.keys.ADMIN);
    const { cookie, csrfToken } = await signIn(made.created.secret);
    await mutate(server, 'revokeApiKey', 'RevokeApiKeyInput', { id: made.created.apiKey.id }, 'apiKey { id }', server.keys.ADMIN);
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie } })).json()).toMatchObject({ signedIn: false });
    const response = await server.gql(CREATE_ACTOR, { name: 'Efter återkallelse' }, { headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(response.status).toBe(401);
  });

  it('ends the session on sign-out: its cookie and CSRF token no longer write, nor say who it was', async () => {
    const ended = await signIn(server.keys.REDAKTOR);
    const other = await signIn(server.keys.REDAKTOR);
    expect((await signOut(ended.cookie)).status).toBe(204);

    // A copy of the cookie kept from before sign-out (another tab, a stolen value) is as good as none.
    expect(await (await fetch(`${server.url}/auth/me`, { headers: { cookie: ended.cookie } })).json()).toMatchObject({ signedIn: false });
    const count = await actorCount();
    const write = await server.gql(CREATE_ACTOR, { name: 'Efter utloggning' }, { headers: { cookie: ended.cookie, 'x-csrf-token': ended.csrfToken } });
    expect(write).toMatchObject({ status: 401, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await actorCount()).toBe(count);
    // Signing out twice is no error.
    expect((await signOut(ended.cookie)).status).toBe(204);

    // Another session with the same key goes on.
    const written = await server.gql(CREATE_ACTOR, { name: 'I en annan flik' }, { headers: { cookie: other.cookie, 'x-csrf-token': other.csrfToken } });
    expect(written.data!.createActor.__typename).toBe('CreateActorSuccess');
  });

  it('lets go of ended sessions once their cookies have expired, so the list stays short', async () => {
    const now = Math.floor(Date.now() / 1000);
    await endSession(server.store, { ...newSession('api-key:x'), expires: now + 10 });
    const forget = (at: number) => server.store.write([{ query: 'auth/forget-ended-sessions', params: { now: at } }]);
    expect(Number((await forget(now + 20))[0]![0]!.count)).toBe(1);
    expect(Number((await forget(now + 20))[0]![0]!.count)).toBe(0);
  });
});

describe('READ_ACCESS=authenticated, no OIDC issuer', () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startTestServer({ seed: false, auth: { readAccess: 'authenticated' } });
  });
  afterAll(async () => closed?.close());

  it('refuses reading to the anonymous and lets any role read', async () => {
    const anonymous = await closed.gql('{ actors(first: 1) { totalCount } }');
    expect(anonymous).toMatchObject({ status: 401, errors: [{ message: 'Inloggning krävs för att läsa (READ_ACCESS=authenticated).' }] });
    const reader = await closed.gql('{ actors(first: 1) { totalCount } }', {}, { as: closed.keys.LASARE });
    // The count itself is not the point (on Neo4j this suite's servers share one database): that a reader gets it is.
    expect(reader).toMatchObject({ status: 200, data: { actors: { totalCount: expect.any(Number) } } });
    expect(reader.errors).toBeUndefined();
    expect(await (await fetch(`${closed.url}/auth/me`)).json()).toEqual({ signedIn: false, readAccess: 'authenticated' });
  });

  it('tells the anonymous nothing of the schema: no suggestions, no validation, no GraphiQL; a reader gets all three', async () => {
    const refusal = 'Inloggning krävs för att läsa (READ_ACCESS=authenticated).';
    for (const query of ['{ actor { id } }', '{ actors(first: "x") { nope } }', '{ __schema { types { name } } }']) {
      const anonymous = await closed.gql(query);
      expect(anonymous, query).toEqual({ status: 401, errors: [{ message: refusal, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const wrongKey = await closed.gql('{ actor { id } }', {}, { as: 'svk_fel' });
    expect(wrongKey).toMatchObject({ status: 401, errors: [{ message: 'Okänd eller återkallad API-nyckel' }] });
    expect(JSON.stringify(wrongKey)).not.toContain('Did you mean');

    const page = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    const text = await page.text();
    expect(text).toContain('Logga in i webbappen');
    expect(text).not.toMatch(/graphiql/i);

    const reader = await closed.gql('{ actor { id } }', {}, { as: closed.keys.LASARE });
    expect(reader.errors![0]!.message).toContain('Did you mean "actors"');
    const { cookie } = await signIn(closed.keys.LASARE, closed);
    const signedIn = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html', cookie } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toMatch(/graphiql/i);
  });

  it('lets a signed-out session read no more', async () => {
    const { cookie } = await signIn(closed.keys.LASARE, closed);
    expect((await closed.gql('{ actors(first: 1) { totalCount } }', {}, { headers: { cookie } })).status).toBe(200);
    await signOut(cookie, closed);
    expect(await closed.gql('{ actors(first: 1) { totalCount } }', {}, { headers: { cookie } })).toMatchObject({ status: 401 });
  });

  it('refuses a JWT when no issuer is configured', async () => {
    const token = await issuer.sign({ sub: 'u', roles: ['ADMIN'] });
    const response = await closed.gql('{ actors(first: 1) { totalCount } }', {}, { as: token });
    expect(response).toMatchObject({ status: 401, errors: [{ message: 'Token tas inte emot: ingen OIDC-utfärdare är inställd (OIDC_ISSUER)' }] });
  });
});
