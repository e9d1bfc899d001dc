import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context, Viewer } from '../schema/context.ts';
import type { ReadAccess } from './authenticate.ts';
import { opensToLinkedActors, roleOfField, rootFieldNames } from './field-roles.ts';
import { hasRole, refusalFor } from './roles.ts';

/**
 * Refuses whole operations before they run. When READ_ACCESS is
 * `authenticated`, a viewer with no role is refused before the query is even
 * parsed, so validation errors cannot teach it the schema ("Did you mean
 * …?"). A mutation is refused to a viewer below REDAKTOR, when sent with the
 * session cookie but without its CSRF token, and when it asks for a field
 * that needs a role the viewer lacks (an ADMIN mutation). Fields check their
 * own roles too (scope-auth), but only once their input has been validated;
 * this gate makes sure a viewer learns nothing from a mutation it may not
 * run, not even whether its input would have been valid.
 */
export function accessGate(readAccess: ReadAccess, viewerOf: (request: Request) => Promise<Viewer>): Plugin<Context> {
  return {
    async onParams({ request, setResult }) {
      if (readAccess === 'public') return;
      let viewer: Viewer;
      try {
        viewer = await viewerOf(request);
      } catch (error) {
        if (error instanceof GraphQLError) return setResult({ errors: [error] });
        throw error;
      }
      if (!hasRole(viewer, 'LASARE')) setResult({ errors: [refusalFor(viewer, 'LASARE', 'läsa (READ_ACCESS=authenticated)')] });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const viewer = (args.contextValue as Context).viewer;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      let refusal: GraphQLError | null = null;
      if (viewer.session && !viewer.session.csrfOk) {
        refusal = new GraphQLError('x-csrf-token: saknas eller stämmer inte med inloggningen; hämta den från /auth/me', {
          extensions: { code: 'CSRF', http: { status: 403 } },
        });
      } else {
        const fields = args.schema.getMutationType()!.getFields();
        const names = rootFieldNames(args.document, operation, args.variableValues ?? {});
        // A viewer linked to an actor may run the few mutations that are its own business (confirming its forums).
        const ownBusiness = Boolean(viewer.actorId) && names.size > 0 && [...names].every((name) => opensToLinkedActors(fields[name]));
        if (!hasRole(viewer, 'REDAKTOR') && !ownBusiness) refusal = refusalFor(viewer, 'REDAKTOR', 'ändra');
        for (const name of refusal ? [] : names) {
          refusal ??= fieldRefusal(viewer, roleOfField(fields[name]), `Mutation.${name}`);
        }
      }
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

/** The same refusal scope-auth gives for the field, or null when the viewer has its role. */
function fieldRefusal(viewer: Viewer, role: ReturnType<typeof roleOfField>, field: string): GraphQLError | null {
  return role && !hasRole(viewer, role) ? refusalFor(viewer, role, `använda ${field}`) : null;
}
