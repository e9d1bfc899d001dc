import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int('must be a whole number from 0 to 65535')
  .min(0, 'must be a whole number from 0 to 65535')
  .max(65535, 'must be a whole number from 0 to 65535');

const neo4jUri = z
  .string()
  .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'must be a bolt://, neo4j://, neo4j+s:// or bolt+s:// URI');

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
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  seedOnStart: boolean;
  neo4j?: { uri: string; user?: string; password?: string; database?: string };
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
    neo4j: c.NEO4J_URI
      ? { uri: c.NEO4J_URI, user: c.NEO4J_USER, password: c.NEO4J_PASSWORD, database: c.NEO4J_DATABASE }
      : undefined,
  };
}
