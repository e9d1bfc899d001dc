import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { Context } from './context.ts';
import type { Params, Row } from '../store/port.ts';

/** Page sizes: a client may ask for up to MAX_PAGE nodes at once. */
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

/** Domain nodes by id, in key order; a missing id gives an Error in its place, as DataLoader expects. */
export async function loadNodes<T extends { id: string }>(context: Context, ids: readonly string[]): Promise<(T | Error)[]> {
  const rows = await context.store.read<{ node: T }>('node/get-nodes', { ids: [...ids] });
  const byId = new Map(rows.map((row) => [row.node.id, row.node]));
  return ids.map((id) => byId.get(id) ?? new Error(`no node with id "${id}"`));
}

/**
 * A batch load of neighbour lists from a `list-…` statement whose rows are
 * `{key, node, rel?}`: one list per key, in key order.
 */
export function neighbours<T>(query: string, shape: (row: { key: string; node: Row; rel?: Row }) => T) {
  return async (keys: readonly string[], context: Context): Promise<T[][]> => {
    const rows = await context.store.read<{ key: string; node: Row; rel?: Row }>(query, { ids: [...keys] });
    const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(row.key)?.push(shape(row));
    return keys.map((key) => byKey.get(key)!);
  };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of a `list-…` statement that returns `{total, page}`, as a Relay connection with totalCount. */
export async function pageOf<T>(context: Context, query: string, params: Params, args: PageArgs) {
  let totalCount = 0;
  const connection = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE },
    async ({ offset, limit }) => {
      const [row] = await context.store.read<{ total: number; page: T[] }>(query, { ...params, skip: offset, limit });
      totalCount = row?.total ?? 0;
      return row?.page ?? [];
    },
  );
  return { ...connection, totalCount };
}

/** Filter text: blank means no filter. */
export function textParam(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}
