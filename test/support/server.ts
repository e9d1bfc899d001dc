import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded.ts';
import { createHttpServer } from '../../server/http.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { loadSeed } from '../../seed/load.ts';

export interface TestServer {
  url: string;
  store: GraphStore;
  /** POSTs a GraphQL request over HTTP; returns the status and the parsed body. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** The real HTTP server on a free loopback port, over a fresh embedded store with the Borås data. */
export async function startTestServer(options: { seed?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-api-'));
  const store = EmbeddedStore.open(dir);
  await store.ensureSchema();
  if (options.seed ?? true) await loadSeed(store);
  const server = createHttpServer(store);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    async gql(query, variables = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
