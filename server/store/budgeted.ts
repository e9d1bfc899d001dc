import type { GraphStore, Params, Row } from './port.ts';
import { wrapStore } from './wrap.ts';

/**
 * The store as one request sees it: every read and write first checks the
 * request's budget (request-budget.ts), so a request that is out of time, or
 * whose client is gone, issues no more statements. A read that was running
 * when the budget ran out has its rows thrown away. A write that has begun
 * runs to its commit: half a transaction is never left.
 */
export function budgeted(store: GraphStore, check: () => void): GraphStore {
  return wrapStore(store, {
    async read<T extends object = Row>(query: string, params?: Params) {
      check();
      const rows = await store.read<T>(query, params);
      check();
      return rows;
    },
    write(steps) {
      check();
      return store.write(steps);
    },
    version() {
      check();
      return store.version();
    },
  });
}
