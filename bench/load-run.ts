import autocannon from 'autocannon';
import { expected, type Read } from '../test/support/read-mix.ts';

/*
 * One autocannon run with its answers checked as they come: shared by the
 * bench's own process (the cheap client) and the load's (bench/load-clients.ts).
 */

export type Tally = { wrong: number; byRead: Map<string, number>; first?: string };

/**
 * Each connection takes a
 * key for each round of `reads` (its context lives for one round), so the
 * keys in use at once are the connections' own.
 */
export function run(
  base: string,
  reads: Read[],
  connections: number,
  seconds: number,
  nextKey: () => string,
  tally: Tally,
  { rate, gzip = false }: { rate?: number; gzip?: boolean } = {},
): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}/graphql`,
    connections,
    duration: seconds,
    // Longer than the service's own time limit (10 s), so a slow query is answered REQUEST_TOO_SLOW, and counted, not cut off.
    timeout: 20,
    ...(rate ? { overallRate: rate } : {}),
    requests: reads.map((read) => ({
      method: 'POST',
      setupRequest: (request: autocannon.Request, context: object) => {
        const round = context as { key?: string };
        round.key ??= nextKey();
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${round.key}`, ...(gzip ? { 'accept-encoding': 'gzip' } : {}) };
        return { ...request, body: read.body, headers };
      },
      onResponse: (status: number, body: string, _context: object, headers?: Record<string, string | string[] | undefined>) => {
        tally.byRead.set(read.name, (tally.byRead.get(read.name) ?? 0) + 1);
        // A compressed answer is one the server kept, and it keeps only answers with data and no error;
        // what it keeps was checked whole in the bench's first round (bench/load.ts), sent uncompressed.
        const kept = headers?.['content-encoding'] === 'gzip';
        if (status !== 429 && !(kept ? status === 200 && !read.refusedWith : expected(read, status, body))) {
          tally.wrong++;
          tally.first ??= `${read.name} ${status} ${body.slice(0, 200)}`;
        }
      },
    })),
  });
}

export const newTally = (): Tally => ({ wrong: 0, byRead: new Map() });
