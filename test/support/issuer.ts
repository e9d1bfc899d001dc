import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { OidcSettings } from '../../server/auth/oidc.ts';

export const AUDIENCE = 'samverkanskartan';

type SignOptions = {
  /** `null` leaves `exp` out. */
  expires?: string | number | null;
  /** `null` leaves `iat` out; a number is epoch seconds. */
  issuedAt?: number | null;
  notBefore?: number;
  key?: CryptoKey;
  audience?: string;
};

/**
 * A stand-in OIDC issuer: a discovery document and a JWKS with one signing
 * key. `outage` makes it fail (500) or never answer, on every path or one.
 */
export async function startIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let url = '';
  const state: { outage: null | { mode: 'error' | 'hang'; path?: string } } = { outage: null };
  const server: Server = createServer((req, res) => {
    const outage = state.outage;
    if (outage && (!outage.path || outage.path === req.url)) {
      if (outage.mode === 'hang') return;
      res.writeHead(500);
      return void res.end('nere');
    }
    const body = req.url === '/.well-known/openid-configuration' ? { issuer: url, jwks_uri: `${url}/jwks` } : req.url === '/jwks' ? { keys: [jwk] } : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    sign: (claims: JWTPayload, options: SignOptions = {}) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setIssuer(url).setAudience(options.audience ?? AUDIENCE);
      if (options.issuedAt !== null) jwt.setIssuedAt(options.issuedAt);
      if (options.expires !== null) jwt.setExpirationTime(options.expires ?? '5m');
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(options.key ?? privateKey);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The service's OIDC settings for a stand-in issuer. */
export const oidcFor = (issuerUrl: string): OidcSettings => ({
  issuer: issuerUrl,
  audience: AUDIENCE,
  roleClaim: 'roles',
  roleMap: { 'Samverkanskartan.Lasare': 'LASARE', 'Samverkanskartan.Redaktor': 'REDAKTOR', 'Samverkanskartan.Admin': 'ADMIN' },
});

export type StandInIssuer = Awaited<ReturnType<typeof startIssuer>>;
