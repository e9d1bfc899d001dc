import { GraphQLError } from 'graphql';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { Context } from './context.ts';
import type { Params, Row } from '../store/port.ts';
import { today } from '../domain/days.ts';

/** Page sizes: a client may ask for up to MAX_PAGE nodes at once. */
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;

/**
 * Domain nodes by id, in key order. A missing id gives null: `node(id)` answers
 * null for an unknown id, as the Relay spec expects, rather than an error.
 * The rows are kept across requests (node-rows.ts) and frozen: copy one to change it.
 */
export async function loadNodes<T extends { id: string }>(context: Context, ids: readonly string[]): Promise<T[]> {
  const byId = await context.nodeRows.get(context.store, ids);
  return ids.map((id) => (byId.get(id)?.node ?? null) as unknown as T);
}

/**
 * A row read as of a day carries that day, so every list below it is read as
 * of the same day: a forum in `forums(asOf:)` shows the members it had then.
 */
export type Dated<T> = T & { asOf?: string };

/** Rows read as of `asOf`, each carrying the day. */
export function datedAs<T>(rows: readonly T[], asOf: string): T[] {
  return rows.map((row) => (row && typeof row === 'object' ? { ...row, asOf } : row));
}

/** A parent's batch key: the day it was read as of (today when none) and its id. */
export function keyOf(parent: Dated<{ id: string }>): string {
  return `${parent.asOf ?? today()}|${parent.id}`;
}

/** A batch key's day and id; a bare id (whatever characters it holds) is read as of today. */
function splitKey(key: string): [string, string] {
  return /^\d{4}-\d{2}-\d{2}\|/.test(key) ? [key.slice(0, 10), key.slice(11)] : [today(), key];
}

/**
 * A batch load of neighbour lists from a `list-…` statement whose rows are
 * `{key, node, rel?}`: one list per key, in key order. Keys are keyOf(parent):
 * one read per day asked for, with the day as `$asOf`, and each neighbour
 * carries that day on.
 */
export function neighbours<T>(query: string, shape: (row: { key: string; node: Row; rel?: Row }) => T) {
  return async (keys: readonly string[], context: Context): Promise<T[][]> => {
    const split = keys.map(splitKey);
    const lists = new Map(split.map((dayAndId) => [dayAndId.join('|'), [] as T[]]));
    await Promise.all(
      [...Map.groupBy(split, ([day]) => day)].map(async ([asOf, dayAndIds]) => {
        const rows = await context.store.read<{ key: string; node: Row; rel?: Row }>(query, { ids: dayAndIds.map(([, id]) => id), asOf });
        for (const row of rows) lists.get(`${asOf}|${row.key}`)?.push(shape({ ...row, node: { ...row.node, asOf } }));
      }),
    );
    return split.map((dayAndId) => lists.get(dayAndId.join('|'))!);
  };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Whether a cursor is one resolveOffsetConnection made: base64 of `OffsetConnection:<n>`. */
function isOffsetCursor(cursor: string): boolean {
  try {
    return /^OffsetConnection:\d+$/.test(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    return false;
  }
}

/** Refuses page sizes outside 0…MAX_PAGE with an error that names the argument. */
export function checkPageArgs(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value !== null && value !== undefined && (value < 0 || value > MAX_PAGE)) {
      throw new GraphQLError(`${name}: must be from 0 to ${MAX_PAGE}, was ${value}`, {
        extensions: { code: 'BAD_USER_INPUT', field: name },
      });
    }
  }
}

/** Refuses page sizes and cursors this list did not give out, naming the argument. */
function checkConnectionArgs(args: PageArgs): void {
  checkPageArgs(args);
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor != null && !isOffsetCursor(cursor)) {
      throw new GraphQLError(`${name}: "${cursor}" is not a cursor this list gave out (use pageInfo.endCursor)`, {
        extensions: { code: 'BAD_USER_INPUT', field: name },
      });
    }
  }
}

/** One page of a `list-…` statement that returns `{total, page}`, as a Relay connection with totalCount. */
export async function pageOf<T>(context: Context, query: string, params: Params, args: PageArgs) {
  checkConnectionArgs(args);
  let totalCount = 0;
  const connection = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE },
    async ({ offset, limit }) => {
      const [row] = await context.store.read<{ total: number; page: T[] }>(query, { ...params, skip: offset, limit });
      totalCount = row?.total ?? 0;
      const page = row?.page ?? [];
      return typeof params.asOf === 'string' ? datedAs(page, params.asOf) : page;
    },
  );
  return { ...connection, totalCount };
}

/**
 * One page of rows already filtered in the analysis (a filter the engine
 * cannot compute, such as a collaboration's latest level), with the same
 * cursors and totalCount as `pageOf`.
 */
export async function pageOfRows<T>(rows: readonly T[], args: PageArgs) {
  checkConnectionArgs(args);
  const connection = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE },
    async ({ offset, limit }) => rows.slice(offset, offset + limit),
  );
  return { ...connection, totalCount: rows.length };
}

/** Filter text: blank means no filter. */
export function textParam(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** A neighbour-list field's `load` and `resolve`: the nodes a `list-…` statement gives per parent, batched. */
export function nodesVia<T>(query: string) {
  return {
    load: neighbours(query, (row) => row.node as unknown as T),
    resolve: keyOf,
  };
}

/** A single-neighbour field's `load` and `resolve` (a convenor, an owner): the first node, or null. */
export function nodeVia<T>(query: string) {
  const load = neighbours(query, (row) => row.node as unknown as T);
  return {
    load: async (keys: string[], context: Context): Promise<(T | null)[]> => (await load(keys, context)).map((list) => list[0] ?? null),
    resolve: keyOf,
  };
}
