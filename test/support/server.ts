import type { AddressInfo } from 'node:net';
import { createHttpServer, type HttpOptions } from '../../server/http.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { loadSeed } from '../../seed/load.ts';
import type { AuthSettings } from '../../server/auth/authenticate.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { openTestStore, type EngineUnderTest } from './engine.ts';

export type GqlResult<T> = { status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export interface TestServer {
  url: string;
  store: GraphStore;
  /** One API key per role, made at start: pass `keys.REDAKTOR` as `as` to write. */
  keys: Record<Role, string>;
  /**
   * POSTs a GraphQL request over HTTP; returns the status and the parsed body.
   * `as` sends a bearer credential (an API key or a JWT), `headers` any others.
   */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: string; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * The real HTTP server on a free loopback port, over an empty store of the
 * suite's engine (embedded, or the project's Neo4j) loaded with the Borås data.
 */
export async function startTestServer(options: { seed?: boolean; auth?: Partial<AuthSettings>; engine?: EngineUnderTest; rateLimits?: HttpOptions['rateLimits'] } = {}): Promise<TestServer> {
  const database = await openTestStore(options.engine);
  const { store } = database;
  if (options.seed ?? true) await loadSeed(store);
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    keys[role] = (await createApiKey(store, { name: `Test ${role}`, role }, { id: 'test', name: 'Testsviten' })).secret;
  }
  const server = createHttpServer(store, { auth: { readAccess: 'public', ...options.auth }, rateLimits: options.rateLimits });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    keys,
    async gql(query, variables = {}, { as, headers = {} } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(as ? { authorization: `Bearer ${as}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.dispose();
    },
  };
}
