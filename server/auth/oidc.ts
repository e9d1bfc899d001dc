import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
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
}

/** Who a valid token says the caller is. */
export interface TokenIdentity {
  id: string;
  name: string;
  roles: Role[];
}

/** A token that is not valid here, with the reason (in Swedish, for the client). */
export class TokenError extends Error {
  override name = 'TokenError';
}

/**
 * Verifies bearer JWTs against the issuer's published keys (JWKS): signature,
 * issuer, audience and expiry. Keys are fetched on first use and refetched by
 * jose when a token names a key it has not seen, so the issuer can rotate them.
 */
export function oidcVerifier(settings: OidcSettings): (token: string) => Promise<TokenIdentity> {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const keySet = () =>
    (keys ??= discoverJwksUri(settings)
      .then((uri) => createRemoteJWKSet(new URL(uri)))
      .catch((error: unknown) => {
        // A failed discovery is tried again on the next request, not remembered.
        keys = null;
        throw error;
      }));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), {
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: 30,
      }));
    } catch (error) {
      throw new TokenError(`Ogiltig token: ${reason(error)}`, { cause: error });
    }
    const sub = typeof payload.sub === 'string' ? payload.sub : null;
    if (!sub) throw new TokenError('Ogiltig token: saknar sub');
    const name = [payload.name, payload.preferred_username, payload.email].find((v): v is string => typeof v === 'string') ?? sub;
    return { id: `oidc:${sub}`, name, roles: rolesIn(payload, settings) };
  };
}

/** The roles a token grants: its role claim's values, through the map. */
export function rolesIn(payload: JWTPayload, settings: Pick<OidcSettings, 'roleClaim' | 'roleMap'>): Role[] {
  let claim: unknown = payload;
  for (const part of settings.roleClaim.split('.')) {
    claim = claim && typeof claim === 'object' ? (claim as Record<string, unknown>)[part] : undefined;
  }
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  const roles = values.flatMap((value): Role[] => {
    if (typeof value !== 'string') return [];
    const mapped = settings.roleMap[value];
    if (mapped) return [mapped];
    return isRole(value) ? [value] : [];
  });
  return [...new Set(roles)];
}

async function discoverJwksUri(settings: OidcSettings): Promise<string> {
  if (settings.jwksUri) return settings.jwksUri;
  const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new TokenError(`OIDC_ISSUER: ${url} svarade ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: unknown };
  if (typeof document.jwks_uri !== 'string') throw new TokenError(`OIDC_ISSUER: ${url} anger ingen jwks_uri`);
  return document.jwks_uri;
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'har gått ut';
  if (error instanceof errors.JWTClaimValidationFailed) return `fel ${error.claim}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signaturen stämmer inte';
  if (error instanceof errors.JWKSNoMatchingKey) return 'utfärdaren har ingen nyckel som passar';
  if (error instanceof TokenError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
