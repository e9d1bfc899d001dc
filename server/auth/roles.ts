import { GraphQLError } from 'graphql';

export const ROLES = ['LASARE', 'REDAKTOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

// ADMIN can do what REDAKTOR can, and REDAKTOR what LASARE can.
const RANK: Record<Role, number> = { LASARE: 1, REDAKTOR: 2, ADMIN: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(viewer: { roles: readonly Role[] }, role: Role): boolean {
  return viewer.roles.some((held) => RANK[held] >= RANK[role]);
}

/**
 * The refusal for a viewer who lacks `role`: "sign in" for the anonymous,
 * "you lack the role" for the signed in. The HTTP status goes with it, so a
 * client can tell the two apart without reading the text.
 */
export function refusalFor(viewer: { id: string | null; roles: readonly Role[] }, role: Role, what: string): GraphQLError {
  if (!viewer.id) {
    return new GraphQLError(`Inloggning krävs för att ${what}.`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
  const held = viewer.roles.length ? viewer.roles.join(', ') : 'ingen roll';
  return new GraphQLError(`Rollen ${role} krävs för att ${what}; du har ${held}.`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
