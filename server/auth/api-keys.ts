import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { GraphStore } from '../store/port.ts';
import { type Author, WritePlan } from '../write/plan.ts';
import { NotFoundError, ValidationError } from '../write/refusals.ts';
import type { Role } from './roles.ts';

/** A key as the service shows it: never the key, never its hash. */
export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  /** The actor the key's holder works for: lets a convenor confirm its own forums. */
  actorId?: string | null;
  createdAt: string;
  createdBy: string | null;
  revokedAt?: string | null;
}

/** Marks our keys, so a bearer value is told apart from a JWT at a glance (and by secret scanners). */
const KEY_PREFIX = 'svk_';

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX);
}

/** Keys' ids (not the keys): `api-key:<uuid>`. */
const ID_PREFIX = 'api-key:';

export function isApiKeyId(id: string): boolean {
  return id.startsWith(ID_PREFIX);
}

/**
 * Keys are 32 random bytes, so a plain sha256 is a safe way to store them: a
 * slow password hash guards guessable secrets, and these cannot be guessed.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key for `role`; the key itself is returned once and stored only as its hash. */
export async function createApiKey(
  store: GraphStore,
  input: { name: string; role: Role; actorId?: string | null },
  author: Author,
): Promise<{ key: ApiKeyRow; secret: string }> {
  const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
  const plan = new WritePlan('createApiKey', author);
  if (input.actorId) plan.expectReferences([{ id: input.actorId, type: 'Actor', field: 'input.actorId' }]);
  const props = {
    name: input.name,
    role: input.role,
    actorId: input.actorId ?? null,
    hash: hashKey(secret),
    createdAt: plan.at,
    createdBy: author.name ?? author.id,
  };
  const created = plan.add({ query: 'auth/create-api-key', params: { id: `${ID_PREFIX}${randomUUID()}`, props } });
  plan.record((results) => {
    const key = created(results)[0]!.key as ApiKeyRow;
    return { subjects: [key.id], versioned: [], before: null, after: key };
  });
  const key = created(await plan.run(store))[0]!.key as ApiKeyRow;
  return { key, secret };
}

/** The live key a client's secret belongs to, or null. */
export async function findApiKey(store: GraphStore, secret: string): Promise<ApiKeyRow | null> {
  const [row] = await store.read<{ key: ApiKeyRow }>('auth/find-api-key', { hash: hashKey(secret) });
  return row?.key ?? null;
}

export async function listApiKeys(store: GraphStore): Promise<ApiKeyRow[]> {
  return (await store.read<{ key: ApiKeyRow }>('auth/list-api-keys')).map((row) => row.key);
}

/** Revokes a key at once (its sessions too); the last live ADMIN key is kept, or nobody could manage keys. */
export async function revokeApiKey(store: GraphStore, id: string, author: Author): Promise<ApiKeyRow> {
  const plan = new WritePlan('revokeApiKey', author);
  const before = plan.add({ query: 'auth/get-api-key', params: { id } });
  const admins = plan.add({ query: 'auth/count-admin-keys' });
  plan.check((results) => {
    const key = before(results)[0]?.key as ApiKeyRow | undefined;
    if (!key) throw new NotFoundError(id, 'input.id', 'en nyckel');
    if (key.role === 'ADMIN' && !key.revokedAt && Number(admins(results)[0]?.count) <= 1) {
      throw new ValidationError([{ path: 'input.id', message: 'är den sista ADMIN-nyckeln: skapa en ny innan den återkallas' }]);
    }
  });
  const revoked = plan.add({ query: 'auth/revoke-api-key', params: { id, at: plan.at } });
  plan.record((results) => ({ subjects: [id], versioned: [], before: before(results)[0]!.key, after: revoked(results)[0]!.key }));
  return revoked(await plan.run(store))[0]!.key as ApiKeyRow;
}

/**
 * On a first start nobody could sign in to create keys, so one ADMIN key is
 * made; its secret is returned for the caller to show once. Null when a live
 * ADMIN key exists.
 */
export async function ensureAdminKey(store: GraphStore): Promise<string | null> {
  const [row] = await store.read<{ count: number }>('auth/count-admin-keys');
  if ((row?.count ?? 0) > 0) return null;
  const { secret } = await createApiKey(store, { name: 'Första administratören', role: 'ADMIN' }, { id: 'system', name: 'Samverkanskartan (första start)' });
  return secret;
}
