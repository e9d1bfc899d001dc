import { errors, jwtVerify, type JWTPayload } from 'jose';
import { issuerKeys, IssuerUnavailableError } from './issuer-keys.ts';
import { isRole, type Role } from './roles.ts';

export interface OidcSettings {
  /** The issuer URL, exactly as tokens carry it in `iss`. */
  issuer: string;
  /** This service's client id or application id URI, as tokens carry it in `aud`. */
  audience: string;
  /** Where the roles are in a token: a claim name, or a dotted path (`realm_access.roles` in Keycloak). */
  roleClaim: string;
  /** Claim values → roles (e.g. Entra app role values); the role names themselves are always understood. */
  roleMap: Record<string, Role>;
  /** The issuer's key set; found through its discovery document when not given. */
  jwksUri?: string;
  /** The longest a token may be valid (`exp` − `iat`), in seconds; 24 hours when not given. */
  maxLifetimeSeconds?: number;
  /** Where a token names the actor its user works for (a claim name or dotted path). */
  actorClaim?: string;
  /** That claim's values → actor ids; a value that is an actor id (`actor:fof`) is taken as it is. */
  actorMap?: Record<string, string>;
}

export const DEFAULT_MAX_TOKEN_LIFETIME = 24 * 60 * 60;

/** How far the issuer's clock may be ahead of or behind ours, in seconds. */
const CLOCK_TOLERANCE = 30;

/** Who a valid token says the caller is. */
export interface TokenIdentity {
  id: string;
  name: string;
  roles: Role[];
  /** The actor the user works for, when the token says so. */
  actorId: string | null;
}

/** A token that is not valid here, with the reason (in Swedish, for the client). */
export class TokenError extends Error {
  override name = 'TokenError';
}

/**
 * Verifies bearer JWTs against the issuer's published keys (JWKS): signature,
 * issuer, audience, and a bounded lifetime. A token must expire: one without
 * `exp`, or valid for longer than `maxLifetimeSeconds`, would be a credential
 * that outlives every revocation in the issuer. One issued in the future is
 * refused too: a clock that far off, or a token minted to be used later.
 */
export function oidcVerifier(settings: OidcSettings): (token: string) => Promise<TokenIdentity> {
  const keys = issuerKeys(settings);
  const maxLifetime = settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE,
      }));
    } catch (error) {
      if (error instanceof IssuerUnavailableError) throw error;
      throw new TokenError(`Ogiltig token: ${reason(error)}`, { cause: error });
    }
    const lifetimeProblem = lifetimeOf(payload, maxLifetime);
    if (lifetimeProblem) throw new TokenError(`Ogiltig token: ${lifetimeProblem}`);
    const sub = typeof payload.sub === 'string' ? payload.sub : null;
    if (!sub) throw new TokenError('Ogiltig token: saknar sub');
    const name = [payload.name, payload.preferred_username, payload.email].find((v): v is string => typeof v === 'string') ?? sub;
    return { id: `oidc:${sub}`, name, roles: rolesIn(payload, settings), actorId: actorIn(payload, settings) };
  };
}

/** What is wrong with a verified token's `iat` and `exp`, or null. Without `iat` the lifetime counts from now. */
function lifetimeOf(payload: JWTPayload, maxLifetime: number, now = Math.floor(Date.now() / 1000)): string | null {
  if (payload.iat !== undefined && payload.iat > now + CLOCK_TOLERANCE) return 'iat ligger i framtiden';
  if (payload.exp! - (payload.iat ?? now) > maxLifetime) {
    return `gäller för länge (exp − iat är mer än ${hours(maxLifetime)})`;
  }
  return null;
}

function hours(seconds: number): string {
  const h = seconds / 3600;
  return Number.isInteger(h) ? `${h} timmar` : `${seconds} sekunder`;
}

/** The value at a claim name or dotted path of a token. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let claim: unknown = payload;
  for (const part of path.split('.')) {
    claim = claim && typeof claim === 'object' ? (claim as Record<string, unknown>)[part] : undefined;
  }
  return claim;
}

/** The actor a token's user works for: its actor claim, through the map; null when it names none we know. */
export function actorIn(payload: JWTPayload, settings: Pick<OidcSettings, 'actorClaim' | 'actorMap'>): string | null {
  if (!settings.actorClaim) return null;
  const claim = claimAt(payload, settings.actorClaim);
  const value = Array.isArray(claim) ? claim.find((v) => typeof v === 'string') : claim;
  if (typeof value !== 'string') return null;
  return settings.actorMap?.[value] ?? (value.startsWith('actor:') ? value : null);
}

/** The roles a token grants: its role claim's values, through the map. */
export function rolesIn(payload: JWTPayload, settings: Pick<OidcSettings, 'roleClaim' | 'roleMap'>): Role[] {
  const claim = claimAt(payload, settings.roleClaim);
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  const roles = values.flatMap((value): Role[] => {
    if (typeof value !== 'string') return [];
    const mapped = settings.roleMap[value];
    if (mapped) return [mapped];
    return isRole(value) ? [value] : [];
  });
  return [...new Set(roles)];
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'har gått ut';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `saknar ${error.claim}`;
    if (error.claim === 'nbf') return 'gäller inte förrän nbf';
    return `fel ${error.claim}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signaturen stämmer inte';
  if (error instanceof errors.JWKSNoMatchingKey) return 'utfärdaren har ingen nyckel som passar';
  return error instanceof Error ? error.message : String(error);
}
