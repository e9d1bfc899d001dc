import type { GraphStore } from './port.ts';

/** `store` with some of its calls replaced (a request's budget, a cache that follows writes); the rest pass through. */
export function wrapStore(store: GraphStore, calls: Partial<Pick<GraphStore, 'read' | 'write' | 'version'>>): GraphStore {
  return {
    engine: store.engine,
    created: store.created,
    ensureSchema: () => store.ensureSchema(),
    read: (query, params) => store.read(query, params),
    write: (steps) => store.write(steps),
    version: () => store.version(),
    close: () => store.close(),
    ...calls,
  };
}
