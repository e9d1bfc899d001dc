import type { GraphStore } from '../store/port.ts';
import type { Role } from '../auth/roles.ts';
import type { ReportCache } from './report-cache.ts';
import type { LiveSnapshot } from '../analysis/live-snapshot.ts';
import type { NodeRows } from './node-rows.ts';
import { type Budget, RequestStopped } from '../request-budget.ts';

export type { Role } from '../auth/roles.ts';

/** Who is asking: anonymous readers have no roles. */
export interface Viewer {
  id: string | null;
  roles: Role[];
  /** A name to show in the audit trail (an API key's name, a token's name claim). */
  name?: string | null;
  /** The actor (förvaltning, bolag, förening) the viewer works for, when its key or token says so. */
  actorId?: string | null;
  /**
   * Set when the viewer is known from the session cookie rather than a bearer
   * token: a browser sends that cookie by itself, so writes also need the
   * CSRF token that only our own page can read.
   */
  session?: { csrfOk: boolean };
}

export interface Context {
  store: GraphStore;
  viewer: Viewer;
  /** Per-request memo for whole-graph derivations that several fields need. */
  memo: Map<string, unknown>;
  /** Reports shared across requests while the graph stays at one version. */
  reports: ReportCache;
  /** The graph the rules read, brought up to date from what each write touched. */
  snapshots: LiveSnapshot;
  /** Domain nodes by id, kept until a write touches them. */
  nodeRows: NodeRows;
  /** The request's time, ended early by its client going away or its answer being sent. */
  budget: Budget;
}

/**
 * Runs `compute` once per graph version for `key`, across requests (see
 * ReportCache); the version is read once per request, before anything else,
 * so a report is never older than the version it is kept under.
 */
export async function versioned<T>(context: Context, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await requestVersion(context);
  for (;;) {
    try {
      return await untilStopped(context.reports.get(version, key, compute), context.budget);
    } catch (error) {
      // Another request started this report and was stopped (its client left): the cache has
      // dropped it, and this request computes it anew on its own budget.
      if (error instanceof RequestStopped && error !== context.budget.signal.reason) continue;
      throw error;
    }
  }
}

/** The graph's version as this request reads it: once, before anything else. */
export function requestVersion(context: Context): Promise<number> {
  return memoized(context, 'graphVersion', () => context.store.version());
}

/** Waits for `value` until the request's budget ends; a shared report computes on for the others. */
function untilStopped<T>(value: Promise<T>, budget: Budget): Promise<T> {
  budget.check();
  return new Promise<T>((resolve, reject) => {
    const stopped = () => reject(budget.signal.reason);
    budget.signal.addEventListener('abort', stopped, { once: true });
    value.then(resolve, reject).finally(() => budget.signal.removeEventListener('abort', stopped));
  });
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
