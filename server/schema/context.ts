import type { GraphStore } from '../store/port.ts';

export type Role = 'LASARE' | 'REDAKTOR' | 'ADMIN';

/** Who is asking: anonymous readers have no roles. */
export interface Viewer {
  id: string | null;
  roles: Role[];
}

export interface Context {
  store: GraphStore;
  viewer: Viewer;
  /** Per-request memo for whole-graph derivations that several fields need. */
  memo: Map<string, unknown>;
}

/** Runs `compute` once per request for `key`. */
export function memoized<T>(context: Context, key: string, compute: () => Promise<T>): Promise<T> {
  let value = context.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    context.memo.set(key, value);
  }
  return value;
}
