import { csrfToken } from './session.ts';
import { currentDay } from './as-of.ts';

/** The one way the web app reaches the server: a GraphQL request over HTTP. */
export class ApiError extends Error {
  override name = 'ApiError';
}

/** How often a request the server turned away as too many (429) is sent again, after the wait it asks for. */
const RETRIES_WHEN_BUSY = 3;

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const token = csrfToken();
  const send = () => fetch('/graphql', {
    method: 'POST',
    // The server asks for the CSRF token on cookie-borne mutations only; on a query it is harmless.
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    // A read is of the map as of the day in the address; a write is always of today's.
    body: JSON.stringify({ query, variables: isRead(query) ? { asOf: currentDay(), ...variables } : variables }),
    signal,
  });
  let response = await send();
  // A view opening asks several things at once; past the server's per-client limit it says when to come back.
  for (let retry = 0; response.status === 429 && retry < RETRIES_WHEN_BUSY; retry++) {
    await waitFor(Number(response.headers.get('retry-after') ?? 1) * 1000, signal);
    response = await send();
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body?.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}

function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

const isRead = (query: string): boolean => !/^\s*mutation\b/.test(query);

/** The page size the server allows at most. */
export const PAGE_SIZE = 500;

interface Page<N> {
  page: { edges: { node: N }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/**
 * Every node of a connection, page by page. The query names its connection
 * `page` and takes `$first` and `$after`.
 */
export async function allNodes<N>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  do {
    const { page }: Page<N> = await graphql<Page<N>>(query, { ...variables, first: PAGE_SIZE, after }, signal);
    nodes.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}
