import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('runs on the embedded store at 127.0.0.1:4000 with no settings', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      dataDir: './data',
      seedOnStart: true,
      storeSalvage: false,
      neo4j: undefined,
      auth: { readAccess: 'public', oidc: undefined, sessionSecret: undefined },
      frameAncestors: [],
      requestTimeLimitMs: 10_000,
      rateLimits: { anonymous: 20, keyed: 50 },
    });
  });

  it("reads FRAME_ANCESTORS as origins or 'self', and refuses a path or another scheme", () => {
    expect(loadConfig({ FRAME_ANCESTORS: "'self' https://intranat.boras.se, http://portal.example:8080/" }).frameAncestors).toEqual([
      "'self'",
      'https://intranat.boras.se',
      'http://portal.example:8080',
    ]);
    expect(() => loadConfig({ FRAME_ANCESTORS: 'https://intranat.boras.se/sida' })).toThrow(
      /FRAME_ANCESTORS="https:\/\/intranat.boras.se\/sida": "https:\/\/intranat.boras.se\/sida" must be 'self' or an origin/,
    );
    expect(() => loadConfig({ FRAME_ANCESTORS: '*' })).toThrow(/FRAME_ANCESTORS="\*": "\*" must be 'self' or an origin/);
    expect(() => loadConfig({ FRAME_ANCESTORS: 'ftp://x.example' })).toThrow(/FRAME_ANCESTORS=/);
  });

  it('uses Neo4j when NEO4J_URI is set, for single servers, clusters and Aura', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_USER: 'neo4j' }).neo4j).toMatchObject({ uri, user: 'neo4j' });
    }
  });

  it('names every wrong variable and why', () => {
    expect(() => loadConfig({ PORT: 'abc', NEO4J_URI: 'http://db' })).toThrow(
      /PORT="abc": must be a whole number from 0 to 65535\n {2}NEO4J_URI="http:\/\/db": must be a bolt/,
    );
    expect(() => loadConfig({ REQUEST_TIME_LIMIT: '0' })).toThrow(/REQUEST_TIME_LIMIT="0": must be a number of seconds from 0.1 to 600/);
    expect(loadConfig({ REQUEST_TIME_LIMIT: '2.5' }).requestTimeLimitMs).toBe(2500);
    expect(() => loadConfig({ RATE_LIMIT_KEYED: '1.5' })).toThrow(/RATE_LIMIT_KEYED="1.5": must be a whole number of requests per second/);
    expect(loadConfig({ RATE_LIMIT_ANONYMOUS: '0' }).rateLimits).toEqual({ anonymous: 0, keyed: 50 });
    expect(() => loadConfig({ SEED_ON_START: 'ja' })).toThrow(/SEED_ON_START="ja": must be true or false/);
    expect(() => loadConfig({ READ_ACCESS: 'alla' })).toThrow(/READ_ACCESS="alla": must be public or authenticated/);
    expect(() => loadConfig({ SESSION_SECRET: 'kort' })).toThrow(/SESSION_SECRET="kort": must be at least 32 characters/);
    expect(() => loadConfig({ OIDC_ISSUER: 'login.example' , OIDC_AUDIENCE: 'x' })).toThrow(/OIDC_ISSUER="login.example": must be an http/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'x', OIDC_MAX_TOKEN_LIFETIME: '1d' })).toThrow(
      /OIDC_MAX_TOKEN_LIFETIME="1d": must be a whole number of seconds, at least 60/,
    );
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example/t/v2.0' })).toThrow(/OIDC_AUDIENCE=.*must be set when OIDC_ISSUER is/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'x', OIDC_ROLE_MAP: 'Editors=EDITOR' })).toThrow(
      /OIDC_ROLE_MAP="Editors=EDITOR": "Editors=EDITOR" must be value=LASARE, value=REDAKTOR or value=ADMIN/,
    );
  });

  it('reads OIDC settings: issuer, audience, role claim (a dotted path for Keycloak) and role map', () => {
    const auth = loadConfig({
      READ_ACCESS: 'authenticated',
      OIDC_ISSUER: 'https://sso.boras.example/realms/stad',
      OIDC_AUDIENCE: 'samverkanskartan',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: 'svk-lasare=LASARE, svk-redaktor=REDAKTOR',
    }).auth;
    expect(auth).toEqual({
      readAccess: 'authenticated',
      oidc: {
        issuer: 'https://sso.boras.example/realms/stad',
        audience: 'samverkanskartan',
        roleClaim: 'realm_access.roles',
        roleMap: { 'svk-lasare': 'LASARE', 'svk-redaktor': 'REDAKTOR' },
        jwksUri: undefined,
        maxLifetimeSeconds: 24 * 60 * 60,
        actorClaim: undefined,
        actorMap: {},
      },
      sessionSecret: undefined,
    });
    expect(loadConfig({ OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'x' }).auth.oidc?.roleMap).toEqual({
      'Samverkanskartan.Lasare': 'LASARE',
      'Samverkanskartan.Redaktor': 'REDAKTOR',
      'Samverkanskartan.Admin': 'ADMIN',
    });
    expect(loadConfig({ OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'x', OIDC_MAX_TOKEN_LIFETIME: '3600' }).auth.oidc?.maxLifetimeSeconds).toBe(3600);
  });
});
