import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceDatabase, type ServiceDatabase } from '../support/engine.ts';
import { findApiKey } from '../../server/auth/api-keys.ts';
import { sessionSecret } from '../../server/auth/session.ts';

let database: ServiceDatabase;
beforeAll(async () => {
  database = await serviceDatabase();
});
afterAll(() => database?.dispose());

/** `npm run token -- …`, as an operator runs it against the configured store. */
const token = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/auth/token-cli.ts', ...args], { env: { ...process.env, ...database.env }, encoding: 'utf8' });

describe('npm run token', () => {
  it('makes a key for a role, prints it once and stores only its hash', async () => {
    const run = token('--role', 'REDAKTOR', '--name', 'Beredningsgruppen');
    expect(run.status, run.stderr).toBe(0);
    const secret = /^(svk_\S+)$/m.exec(run.stdout)![1]!;
    expect(run.stdout).toMatch(/^REDAKTOR-nyckel "Beredningsgruppen" \(api-key:/);

    await database.withStore(async (store) => {
      expect(await findApiKey(store, secret)).toMatchObject({ name: 'Beredningsgruppen', role: 'REDAKTOR', createdBy: expect.stringMatching(/^npm run token/) });
      const [row] = await store.read<{ count: number }>('auth/count-admin-keys');
      expect(row!.count).toBe(0);
      // The session-signing secret, made once, is the same for every later caller.
      const first = await sessionSecret(store);
      expect((await sessionSecret(store)).equals(first)).toBe(true);
      expect((await sessionSecret(store, 'x'.repeat(32))).toString()).toBe('x'.repeat(32));
    });
  });

  it('names the argument that is wrong', () => {
    const role = token('--role', 'EDITOR', '--name', 'X');
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/--role: must be one of LASARE, REDAKTOR, ADMIN/);
    const name = token('--role', 'LASARE');
    expect(name.status).toBe(1);
    expect(name.stderr).toMatch(/--name: say who or what the key is for/);
  });
});
