import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import type { Context, Role } from './context.ts';
import { typeOfId } from '../domain/ids.ts';

/** Configures plugins only; every type lives in its own module. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { role: Role };
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  Scalars: { ID: { Input: string; Output: string } };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      // ADMIN can do what REDAKTOR can, and REDAKTOR what LASARE can.
      role: (role) => {
        const rank = { LASARE: 1, REDAKTOR: 2, ADMIN: 3 } as const;
        return context.viewer.roles.some((held) => rank[held] >= rank[role]);
      },
    }),
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Ids already carry their type (`actor:ska`): readable in URLs and stable across engines.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => {
      const typename = typeOfId(globalID);
      if (!typename) throw new Error(`id "${globalID}" names no known type`);
      return { typename, id: globalID };
    },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many match in all, across every page.', resolve: (parent) => parent.totalCount }),
);

builder.queryType({});
