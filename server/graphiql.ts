import { renderGraphiQL, shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import type { ReadAccess } from './auth/authenticate.ts';
import { hasRole } from './auth/roles.ts';
import type { Viewer } from './schema/context.ts';

const TITLE = 'Samverkanskartan GraphQL';

// Says what to do rather than showing an editor whose every query would be refused.
const SIGN_IN_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Inloggning krävs – ${TITLE}</title></head>
<body><h1>Inloggning krävs</h1>
<p>Att läsa här kräver inloggning (READ_ACCESS=authenticated). Logga in i webbappen på <a href="/">startsidan</a> med din API-nyckel och öppna /graphql igen.</p>
</body></html>
`;

/**
 * GraphiQL for a browser at /graphql: for anyone when reading is public, and
 * only for signed-in readers (the session cookie) when it needs sign-in.
 */
export function graphiqlPage(readAccess: ReadAccess, viewerOf: (request: Request) => Promise<Viewer>): Plugin {
  const mayRead = async (request: Request) =>
    readAccess === 'public' || hasRole(await viewerOf(request).catch(() => ({ id: null, roles: [] })), 'LASARE');
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (!shouldRenderGraphiQL(request)) return;
      const html = { 'content-type': 'text/html; charset=utf-8' };
      if (await mayRead(request)) endResponse(new fetchAPI.Response(await renderGraphiQL({ title: TITLE }), { status: 200, headers: html }));
      else endResponse(new fetchAPI.Response(SIGN_IN_PAGE, { status: 401, headers: { ...html, 'cache-control': 'no-store' } }));
    },
  };
}
