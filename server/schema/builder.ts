import { GraphQLError } from 'graphql';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context, Role } from './context.ts';
import { typeOfId } from '../domain/ids.ts';
import { hasRole, refusalFor } from '../auth/roles.ts';
import { validationErrorFrom } from '../write/refusals.ts';

/** Configures plugins only; every type lives in its own module. */
export const builder = new SchemaBuilder<{
  Context: Context;
  // actorLinked: the viewer's key or token names the actor it works for (a convenor confirming its forum).
  AuthScopes: { role: Role; actorLinked: boolean };
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  // File: an upload by the GraphQL multipart request spec; input only.
  Scalars: { ID: { Input: string; Output: string }; Date: { Input: string; Output: string }; File: { Input: Blob & { name?: string }; Output: never } };
}>({
  // Errors before Validation: input that fails validation becomes a typed ValidationError result.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      role: (role) => hasRole(context.viewer, role),
      actorLinked: () => Boolean(context.viewer.actorId),
    }),
    unauthorizedError: (_parent, context, info, result) => {
      const failure = result.failure as { scope?: string; parameter?: unknown };
      const role = failure.scope === 'role' ? (failure.parameter as Role) : 'ADMIN';
      return refusalFor(context.viewer, role, `använda ${info.parentType.name}.${info.fieldName}`);
    },
  },
  // Validation runs before authorization hooks; that is safe because a
  // mutation is refused before execution starts (server/auth/gate.ts) to
  // viewers below REDAKTOR and to those without the role any of its fields
  // names, so only viewers who may run a mutation ever see its validation results.
  errors: { defaultTypes: [], unsafelyHandleInputErrors: true },
  validation: { validationError: (failure) => validationErrorFrom(failure.issues) },
  relay: {
    clientMutationId: 'omit',
    // node and nodes are defined in node.ts, to take asOf like every other lookup.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // Report builders read `nodes` straight away; `edges { cursor node }` stays for paging.
    nodesOnConnection: true,
    cursorType: 'String',
    // Ids already carry their type (`actor:ska`): readable in URLs and stable across engines.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => {
      const typename = typeOfId(globalID);
      if (!typename) {
        throw new GraphQLError(`id: "${globalID}" is not an id of this API (they look like actor:ska)`, {
          extensions: { code: 'BAD_USER_INPUT', field: 'id' },
        });
      }
      return { typename, id: globalID };
    },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many match in all, across every page.', resolve: (parent) => parent.totalCount }),
);

builder.queryType({});
builder.mutationType({});
