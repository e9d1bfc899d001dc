import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../schema/context.ts';
import type { ReadAccess } from './authenticate.ts';
import { hasRole, refusalFor } from './roles.ts';

/**
 * Refuses whole operations before they run: reading when READ_ACCESS is
 * `authenticated` and the viewer has no role; any mutation by a viewer below
 * REDAKTOR, or sent with the session cookie but without its CSRF token. Fields
 * check their own roles too (scope-auth); this gate makes sure a reader learns
 * nothing from a mutation, not even whether its input would have been valid.
 */
export function accessGate(readAccess: ReadAccess): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const viewer = (args.contextValue as Context).viewer;
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      let refusal: GraphQLError | null = null;
      if (readAccess === 'authenticated' && !hasRole(viewer, 'LASARE')) {
        refusal = refusalFor(viewer, 'LASARE', 'läsa (READ_ACCESS=authenticated)');
      } else if (operation === 'mutation') {
        if (viewer.session && !viewer.session.csrfOk) {
          refusal = new GraphQLError('x-csrf-token: saknas eller stämmer inte med inloggningen; hämta den från /auth/me', {
            extensions: { code: 'CSRF', http: { status: 403 } },
          });
        } else if (!hasRole(viewer, 'REDAKTOR')) {
          refusal = refusalFor(viewer, 'REDAKTOR', 'ändra');
        }
      }
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}
