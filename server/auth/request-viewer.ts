import { createGraphQLError } from 'graphql-yoga';
import type { Viewer } from '../schema/context.ts';
import { authFailure, type Authenticator } from './authenticate.ts';

/**
 * The viewer of a GraphQL request, worked out once however many hooks ask
 * (the read gate before parsing, GraphiQL, the context). A credential that
 * cannot be accepted comes back as a GraphQLError carrying its 401 or 503.
 */
export function requestViewers(auth: Authenticator): (request: Request) => Promise<Viewer> {
  const viewers = new WeakMap<Request, Promise<Viewer>>();
  return (request) => {
    let viewer = viewers.get(request);
    if (!viewer) {
      viewer = auth.viewerFor((name) => request.headers.get(name)).catch((error: unknown) => {
        const failure = authFailure(error);
        if (!failure) throw error;
        throw createGraphQLError(failure.message, { extensions: { code: failure.code, http: { status: failure.status, headers: failure.headers } } });
      });
      viewers.set(request, viewer);
    }
    return viewer;
  };
}
