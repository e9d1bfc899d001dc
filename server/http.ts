import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import sirv from 'sirv';
import { schema } from './schema/index.ts';
import type { Context } from './schema/context.ts';
import type { GraphStore } from './store/port.ts';
import { type AuthSettings, Authenticator } from './auth/authenticate.ts';
import { accessGate } from './auth/gate.ts';
import { requestViewers } from './auth/request-viewer.ts';
import { graphiqlPage } from './graphiql.ts';
import { handleAuthRoute } from './auth/routes.ts';
import { jsonBodiesOnly } from './json-bodies.ts';
import { ReportCache } from './schema/report-cache.ts';
import { LiveSnapshot } from './analysis/live-snapshot.ts';
import { NodeRows } from './schema/node-rows.ts';
import { ResponseCache } from './response-cache.ts';
import { listCostLimit } from './query-cost.ts';
import { IMPORT_LIMITS, megabytes } from './import/limits.ts';
import { handleDownloadRoute } from './export/routes.ts';
import { maskErrors } from './masked-errors.ts';
import { requestBudgets } from './request-budget.ts';
import { RateLimiter, type RateLimits } from './rate-limit.ts';
import { budgeted } from './store/budgeted.ts';
import { applySecurityHeaders, type FrameAncestors, securityHeaders } from './security-headers.ts';
import { RespondentRoutes } from './survey/routes.ts';
import type { GraphqlRunner } from './export/report.ts';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../dist/web/', import.meta.url));

/** Query limits: deep or costly queries are refused before they reach the store. */
export const MAX_DEPTH = 12;
export const MAX_COST = 200_000;
export const MAX_ALIASES = 15;
export const MAX_TOKENS = 5_000;

export interface HttpOptions {
  webDir?: string;
  /** Who may read and write, and how they sign in; reading is public and writing needs a key by default. */
  auth?: AuthSettings;
  /** Origins that may frame the app (FRAME_ANCESTORS); none by default. */
  frameAncestors?: FrameAncestors;
  /** How long one GraphQL request may work (REQUEST_TIME_LIMIT); 10 s by default. */
  requestTimeLimitMs?: number;
  /**
   * Requests per second per client at /graphql (RATE_LIMIT_ANONYMOUS, RATE_LIMIT_KEYED).
   * The service always sets them from its configuration; without them (tests, the bench) there is none.
   */
  rateLimits?: RateLimits;
  /** The answers kept between writes; the bench passes its own to see how much it holds. */
  responses?: ResponseCache;
  /** The node rows kept between writes; the bench passes its own, as with `responses`. */
  nodeRows?: NodeRows;
}

export const DEFAULT_REQUEST_TIME_LIMIT_MS = 10_000;

/** The GraphQL endpoint, as a fetch-style handler (tests may call `yoga.fetch`). */
export function createGraphql(
  store: GraphStore,
  auth = new Authenticator(store, { readAccess: 'public' }),
  {
    frameAncestors = [],
    requestTimeLimitMs = DEFAULT_REQUEST_TIME_LIMIT_MS,
    responses = new ResponseCache(),
    nodeRows = new NodeRows(),
  }: Pick<HttpOptions, 'frameAncestors' | 'requestTimeLimitMs' | 'responses' | 'nodeRows'> = {},
) {
  const viewerOf = requestViewers(auth);
  const reports = new ReportCache();
  const snapshots = new LiveSnapshot();
  const budgets = requestBudgets(requestTimeLimitMs);
  return createYoga<{ req: IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // Served by graphiqlPage, which asks for sign-in first where reading needs it.
    graphiql: false,
    landingPage: false,
    // The web app is served from this origin; no other origin may read answers with a user's cookie.
    cors: false,
    // Unexpected errors reach the client as "Unexpected error."; the server log keeps the cause. A full disk is said (masked-errors.ts).
    maskedErrors: { maskError: maskErrors },
    context: async ({ request }) => {
      const budget = budgets.budgetOf(request);
      return { store: nodeRows.following(budgeted(store, budget.check)), viewer: await viewerOf(request), memo: new Map(), reports, snapshots, nodeRows, budget };
    },
    plugins: [
      budgets.plugin,
      jsonBodiesOnly(),
      graphiqlPage(auth.settings.readAccess, viewerOf, frameAncestors),
      accessGate(auth.settings.readAccess, viewerOf),
      maxDepthPlugin({ n: MAX_DEPTH, ignoreIntrospection: true }),
      costLimitPlugin({ maxCost: MAX_COST, ignoreIntrospection: true }),
      listCostLimit(),
      // Aliases multiply work the cost limit does not see (each `gaps` alias runs every rule).
      maxAliasesPlugin({ n: MAX_ALIASES, allowList: [] }),
      maxTokensPlugin({ n: MAX_TOKENS }),
      // Last: a hit is the answer the same query, variables and roles got before, through every check above
      // (the gate decides by roles alone for a query, and they are in the key; of the refusals only a
      // query's refusal for its cost is kept, never a mutation's, whose gate also reads the CSRF token).
      responses.plugin(store, viewerOf),
    ],
  });
}

/** The HTTP server: GraphQL at /graphql, a health check, and the built web app at /. */
export function createHttpServer(store: GraphStore, options: HttpOptions = {}): Server {
  const webDir = options.webDir ?? WEB_DIST;
  const auth = new Authenticator(store, options.auth ?? { readAccess: 'public' });
  const frameAncestors = options.frameAncestors ?? [];
  const responses = options.responses ?? new ResponseCache();
  const yoga = createGraphql(store, auth, { frameAncestors, requestTimeLimitMs: options.requestTimeLimitMs, responses, nodeRows: options.nodeRows });
  const viewerFor = (header: (name: string) => string | null) => auth.viewerFor(header);
  const web = existsSync(webDir) ? sirv(webDir, { single: true, etag: true, gzip: false, setHeaders: iconType }) : null;
  const headers = securityHeaders(frameAncestors);
  const limiter = options.rateLimits ? new RateLimiter(options.rateLimits) : null;
  const respondents = new RespondentRoutes(store);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    applySecurityHeaders(res, headers);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/graphql') {
      const refused = uploadRefusal(req);
      if (refused) return void sendGraphqlError(res, refused.status, refused.message);
      if (limiter && !limiter.admit(req, res)) return;
      return void responses.serve(req, res, store, viewerFor, () => void yoga(req, res)).catch((error: unknown) => serverError(res, error));
    }
    if (path.startsWith('/auth/')) {
      return void handleAuthRoute(auth, req, res, path)
        .then((handled) => handled || notFound(res))
        .catch((error: unknown) => serverError(res, error));
    }
    if (path.startsWith('/templates/') || path.startsWith('/export/')) {
      return void handleDownloadRoute(auth, store, req, res, path, graphqlAs(yoga, req))
        .then((handled) => handled || notFound(res))
        .catch((error: unknown) => serverError(res, error));
    }
    if (path.startsWith('/api/svar')) {
      return void respondents.handle(req, res, path)
        .then((handled) => handled || notFound(res))
        .catch((error: unknown) => serverError(res, error));
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ status: 'ok', store: store.engine }));
    }
    if (web) return web(req, res, () => notFound(res));
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Webbappen är inte byggd: kör `npm run build`.');
  });
}

/** sirv's type table has no .ico; with nosniff a browser would not take an untyped icon. */
function iconType(res: ServerResponse, pathname: string): void {
  if (pathname.endsWith('.ico')) res.setHeader('content-type', 'image/x-icon');
}

/**
 * Runs a query through the GraphQL endpoint as the request's own viewer (its
 * key or session cookie): a download built from a query sees what the query
 * would, under the same limits.
 */
function graphqlAs(yoga: ReturnType<typeof createGraphql>, req: IncomingMessage): GraphqlRunner {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    for (const name of ['authorization', 'cookie']) if (req.headers[name]) headers[name] = String(req.headers[name]);
    const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`}`);
    return body.data;
  };
}

/** Room for the multipart request's other parts (operations, map) beside the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Refuses an upload before it is read: a multipart request must say how long
 * it is, and be no longer than an importable file. The limit is named, so a
 * user knows what to do.
 */
function uploadRefusal(req: IncomingMessage): { status: number; message: string } | null {
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return null;
  const length = Number(req.headers['content-length']);
  if (!req.headers['content-length'] || !Number.isFinite(length)) {
    return { status: 411, message: 'file: en uppladdning måste ange sin längd (Content-Length)' };
  }
  if (length > IMPORT_LIMITS.bytes + MULTIPART_OVERHEAD) {
    return { status: 413, message: `file: filen är för stor (${megabytes(length)}); högst ${megabytes(IMPORT_LIMITS.bytes)} kan läsas in` };
  }
  return null;
}

function sendGraphqlError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'LENGTH_REQUIRED' } }] }));
}

function serverError(res: ServerResponse, error: unknown): void {
  console.error(error);
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Oväntat fel');
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Hittades inte');
}
