import type { GraphStore } from './port.ts';

/**
 * The graph's version now, and the ids changed since `version` when one write came between and
 * it said what it touched (graph/advance-version); null when that cannot be told: no write or
 * several came between, or the one that did (a seed, a restore) did not say.
 */
export async function touchedSince(store: GraphStore, version: number): Promise<{ version: number; touched: string[] | null }> {
  const [row] = await store.read<{ version: number; touched: string[] | null }>('graph/get-last-write');
  const last = Number(row?.version ?? 0);
  return { version: last, touched: last === version + 1 ? (row?.touched ?? null) : null };
}
