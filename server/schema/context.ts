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
}
