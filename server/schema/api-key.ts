import { builder } from './builder.ts';
import { Actor, type ActorRow } from './actor.ts';
import { loadNodes } from './loaders.ts';
import { authorOf, editing } from './mutations.ts';
import { type ApiKeyRow, createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.ts';
import { ROLES } from '../auth/roles.ts';
import { inputRules, requiredText } from '../write/rules.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'LASARE reads, REDAKTOR also edits, ADMIN also manages keys.',
  values: ROLES,
});

const ApiKey = builder.objectRef<ApiKeyRow>('ApiKey').implement({
  description: 'A key for an API client or for signing in to the web app. The key itself is shown once, when made.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'Who or what uses it.' }),
    role: t.field({ type: RoleEnum, resolve: (k) => k.role }),
    actor: t.field({
      type: Actor,
      nullable: true,
      description: 'The actor its holder works for: a convenor\'s people may confirm the forums it convenes.',
      resolve: async (k, _args, context) => (k.actorId ? ((await loadNodes<ActorRow>(context, [k.actorId]))[0] ?? null) : null),
    }),
    createdAt: t.exposeString('createdAt'),
    createdBy: t.string({ nullable: true, resolve: (k) => k.createdBy ?? null }),
    revokedAt: t.string({ nullable: true, resolve: (k) => k.revokedAt ?? null }),
  }),
});

const NewApiKey = builder.objectRef<{ key: ApiKeyRow; secret: string }>('NewApiKey').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKey, resolve: (n) => n.key }),
    secret: t.exposeString('secret', { description: 'The key: shown this once, stored only as a hash.' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  validate: inputRules({ name: requiredText(200) }),
  fields: (t) => ({
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    actorId: t.id({ required: false, description: 'The actor its holder works for.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: [ApiKey],
    description: 'Every key, newest first (ADMIN).',
    authScopes: { role: 'ADMIN' },
    resolve: (_root, _args, context) => listApiKeys(context.store),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    ...editing('createApiKey', 'created', 'ADMIN'),
    type: NewApiKey,
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, context) => createApiKey(context.store, input, authorOf(context)),
  }),
  revokeApiKey: t.field({
    ...editing('revokeApiKey', 'apiKey', 'ADMIN'),
    type: ApiKey,
    description: 'Ends a key and the sessions signed in with it.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: (_root, { input }, context) => revokeApiKey(context.store, input.id, authorOf(context)),
  }),
}));
