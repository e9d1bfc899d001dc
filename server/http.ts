import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import sirv from 'sirv';
import { schema } from './schema/index.ts';
import type { Context } from './schema/context.ts';
import type { GraphStore } from './store/port.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../dist/web/', import.meta.url));

/** Query limits: deep or costly queries are refused before they reach the store. */
export const MAX_DEPTH = 12;
export const MAX_COST = 200_000;

/** The GraphQL endpoint, as a fetch-style handler (tests may call `yoga.fetch`). */
export function createGraphql(store: GraphStore) {
  return createYoga<{ req: IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Samverkanskartan GraphQL' },
    landingPage: false,
    // Unexpected errors reach the client as "Unexpected error."; the server log keeps the cause.
    maskedErrors: true,
    context: () => ({ store, viewer: { id: null, roles: [] }, memo: new Map() }),
    plugins: [
      maxDepthPlugin({ n: MAX_DEPTH, ignoreIntrospection: true }),
      costLimitPlugin({ maxCost: MAX_COST, ignoreIntrospection: true }),
    ],
  });
}

/** The HTTP server: GraphQL at /graphql, a health check, and the built web app at /. */
export function createHttpServer(store: GraphStore, webDir = WEB_DIST): Server {
  const yoga = createGraphql(store);
  const web = existsSync(webDir) ? sirv(webDir, { single: true, etag: true, gzip: false }) : null;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql') return void yoga(req, res);
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ status: 'ok', store: store.engine }));
    }
    if (web) return web(req, res, () => notFound(res));
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Webbappen är inte byggd: kör `npm run build`.');
  });
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Hittades inte');
}
