import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { engineUnderTest, serviceDatabase } from '../support/engine.ts';

/*
 * What the command-line tools say when they cannot do their job: a sentence
 * that names the setting or the cause and what to do, never a stack trace.
 */

const COMMANDS: Record<string, string[]> = {
  'npm run seed': ['seed/cli.ts'],
  'npm run generate -- --load': ['seed/generate-cli.ts', '--municipalities', '1', '--load'],
  'npm run token': ['server/auth/token-cli.ts', '--role', 'LASARE', '--name', 'Test'],
};

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

/** A line of a stack trace, as Node prints them. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

describe('command-line errors', () => {
  // Only the embedded engine locks its files; Neo4j takes any number of clients, so there is no such error there.
  if (engineUnderTest().engine === 'embedded') it(
    'say in Swedish that another process holds DATA_DIR, and what to do, while the service has the store open',
    async () => {
      const database = await serviceDatabase();
      try {
        await database.withStore(async () => {
          for (const [command, args] of Object.entries(COMMANDS)) {
            const result = run(args, database.env);
            expect(result.status, command).toBe(1);
            expect(result.stderr, command).toContain(
              `DATA_DIR (${database.env.DATA_DIR}): databasen används redan av en annan process, troligen den körande servern. ` +
                'Stoppa servern först; medan den kör görs nya API-nycklar med mutationen createApiKey.',
            );
            expect(result.stderr, command).not.toMatch(/GRAFEO|cannot be locked/);
            expect(result.stderr, command).not.toMatch(STACK_LINE);
          }
        });
      } finally {
        await database.dispose();
      }
    },
    60_000,
  );

  it('name a wrong setting, or a store that cannot be reached, in a sentence', () => {
    for (const command of ['npm run seed', 'npm run generate -- --load']) {
      const args = COMMANDS[command]!;
      const wrong = run(args, { NEO4J_URI: 'http://db' });
      expect(wrong.status, command).toBe(1);
      expect(wrong.stderr, command).toMatch(/NEO4J_URI="http:\/\/db": must be a bolt/);
      expect(wrong.stderr, command).not.toMatch(STACK_LINE);

      const unreachable = run(args, { NEO4J_URI: 'bolt://127.0.0.1:1' });
      expect(unreachable.status, command).toBe(1);
      expect(unreachable.stderr, command).toMatch(/^NEO4J_URI: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/m);
      expect(unreachable.stderr, command).not.toMatch(STACK_LINE);
    }
  }, 60_000);
});
