import { z } from 'zod';
import type { AuthSettings } from './auth/authenticate.ts';
import { DEFAULT_MAX_TOKEN_LIFETIME } from './auth/oidc.ts';
import { isRole, type Role } from './auth/roles.ts';

const port = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int('must be a whole number from 0 to 65535')
  .min(0, 'must be a whole number from 0 to 65535')
  .max(65535, 'must be a whole number from 0 to 65535');

const neo4jUri = z
  .string()
  .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must be a bolt://, neo4j://, neo4j+s:// or bolt+s:// URI');

const seconds = z.coerce
  .number({ error: 'must be a whole number of seconds, at least 60' })
  .int('must be a whole number of seconds, at least 60')
  .min(60, 'must be a whole number of seconds, at least 60');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** `claim value=ROLE` pairs, comma-separated: how a token's role claim maps to our roles. */
const roleMap = z.string().transform((text, ctx) => {
  const map: Record<string, Role> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !isRole(role)) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" must be value=LASARE, value=REDAKTOR or value=ADMIN` });
      return z.NEVER;
    }
    map[pair.slice(0, at).trim()] = role;
  }
  return map;
});

/** `claim value=actor:id` pairs, comma-separated: which actor (förvaltning, bolag, …) a token's user works for. */
const actorMap = z.string().transform((text, ctx) => {
  const map: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const actor = pair.slice(at + 1).trim();
    if (at <= 0 || !/^actor:\S+$/.test(actor)) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" must be value=actor:<id>` });
      return z.NEVER;
    }
    map[pair.slice(0, at).trim()] = actor;
  }
  return map;
});

/**
 * Who may show the app inside a frame: `'self'` or http(s) origins (scheme,
 * host, port; no path), separated by spaces or commas. Unset: no one.
 */
const frameAncestors = z.string().transform((text, ctx) => {
  const sources = text.split(/[\s,]+/).filter(Boolean);
  for (const source of sources) {
    if (source === "'self'") continue;
    let origin: string | null = null;
    try {
      const url = new URL(source);
      if (/^https?:$/.test(url.protocol)) origin = url.origin;
    } catch {
      // not a URL: reported below
    }
    if (origin !== source.replace(/\/$/, '')) {
      ctx.addIssue({ code: 'custom', message: `"${source}" must be 'self' or an origin such as https://intranat.example.se (no path)` });
      return z.NEVER;
    }
  }
  return sources.map((source) => source.replace(/\/$/, ''));
});

const rate = z.coerce
  .number({ error: 'must be a whole number of requests per second, 0 for no limit' })
  .int('must be a whole number of requests per second, 0 for no limit')
  .min(0, 'must be a whole number of requests per second, 0 for no limit');

const DEFAULT_ROLE_MAP = 'Samverkanskartan.Lasare=LASARE,Samverkanskartan.Redaktor=REDAKTOR,Samverkanskartan.Admin=ADMIN';

const schema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  /** Seeds an empty store with the Borås data at start; `false` starts empty. */
  SEED_ON_START: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  /** Opens an embedded store that lost commits (a cut or missing write-ahead log) with what is left. */
  STORE_SALVAGE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  /** `public`: anyone may read; `authenticated`: reading needs a key, token or session too. */
  READ_ACCESS: z.enum(['public', 'authenticated'], { error: 'must be public or authenticated' }).default('public'),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_AUDIENCE: z.string().optional(),
  OIDC_ROLE_CLAIM: z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a claim name or a dotted path').default('roles'),
  OIDC_ROLE_MAP: roleMap.default(() => roleMap.parse(DEFAULT_ROLE_MAP)),
  OIDC_JWKS_URI: httpUrl.optional(),
  /** Where a token says which actor its user works for; unset: tokens link to no actor. */
  OIDC_ACTOR_CLAIM: z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a claim name or a dotted path').optional(),
  OIDC_ACTOR_MAP: actorMap.default({}),
  /** The longest a token may be valid (exp − iat); tokens meant to live longer are refused. */
  OIDC_MAX_TOKEN_LIFETIME: seconds.default(DEFAULT_MAX_TOKEN_LIFETIME),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  FRAME_ANCESTORS: frameAncestors.default([]),
  /** Seconds one GraphQL request may work before it is stopped (REQUEST_TOO_SLOW). */
  REQUEST_TIME_LIMIT: z.coerce
    .number({ error: 'must be a number of seconds from 0.1 to 600' })
    .min(0.1, 'must be a number of seconds from 0.1 to 600')
    .max(600, 'must be a number of seconds from 0.1 to 600')
    .default(10),
  /** Requests per second one client may make: anonymous ones per address, keyed ones per key or session; 0 turns the limit off. */
  RATE_LIMIT_ANONYMOUS: rate.default(20),
  RATE_LIMIT_KEYED: rate.default(50),
}).superRefine((c, ctx) => {
  if (c.OIDC_ISSUER && !c.OIDC_AUDIENCE) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_AUDIENCE'], message: 'must be set when OIDC_ISSUER is (the client id tokens are issued for)' });
  }
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  seedOnStart: boolean;
  /** STORE_SALVAGE: open a damaged embedded store with what is left instead of refusing. */
  storeSalvage: boolean;
  neo4j?: { uri: string; user?: string; password?: string; database?: string };
  auth: AuthSettings;
  /** Origins that may frame the app; empty: none (frame-ancestors 'none'). */
  frameAncestors: string[];
  /** How long one GraphQL request may work, in milliseconds. */
  requestTimeLimitMs: number;
  /** Requests per second per client (0: no limit); see server/rate-limit.ts. */
  rateLimits: { anonymous: number; keyed: number };
};

/** A configuration value the service cannot start with; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    seedOnStart: c.SEED_ON_START === 'true',
    storeSalvage: c.STORE_SALVAGE === 'true',
    neo4j: c.NEO4J_URI
      ? { uri: c.NEO4J_URI, user: c.NEO4J_USER, password: c.NEO4J_PASSWORD, database: c.NEO4J_DATABASE }
      : undefined,
    auth: {
      readAccess: c.READ_ACCESS,
      oidc: c.OIDC_ISSUER
        ? {
            issuer: c.OIDC_ISSUER,
            audience: c.OIDC_AUDIENCE!,
            roleClaim: c.OIDC_ROLE_CLAIM,
            roleMap: c.OIDC_ROLE_MAP,
            jwksUri: c.OIDC_JWKS_URI,
            maxLifetimeSeconds: c.OIDC_MAX_TOKEN_LIFETIME,
            actorClaim: c.OIDC_ACTOR_CLAIM,
            actorMap: c.OIDC_ACTOR_MAP,
          }
        : undefined,
      sessionSecret: c.SESSION_SECRET,
    },
    frameAncestors: c.FRAME_ANCESTORS,
    requestTimeLimitMs: Math.round(c.REQUEST_TIME_LIMIT * 1000),
    rateLimits: { anonymous: c.RATE_LIMIT_ANONYMOUS, keyed: c.RATE_LIMIT_KEYED },
  };
}
