import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/index.ts';
import { createApiKey } from './api-keys.ts';
import { isRole, ROLES } from './roles.ts';
import { runCli } from '../cli.ts';

/**
 * `npm run token -- --role REDAKTOR --name "Beredningsgruppen" [--actor actor:fof]`: makes an API
 * key in the configured store and prints it once. On the embedded store the
 * service must be stopped first (one process holds the database); while it
 * runs, an ADMIN makes keys with the `createApiKey` mutation instead.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: 'string' }, name: { type: 'string' }, actor: { type: 'string' } } });
  if (!isRole(values.role)) throw new Error(`--role: must be one of ${ROLES.join(', ')}`);
  const name = values.name?.trim();
  if (!name) throw new Error('--name: say who or what the key is for');
  const store = await openStore(loadConfig());
  try {
    const cli = userInfo().username;
    const { key, secret } = await createApiKey(store, { name, role: values.role, actorId: values.actor }, { id: `cli:${cli}`, name: `npm run token (${cli})` });
    const forActor = key.actorId ? `, för ${key.actorId}` : '';
    console.log(`${key.role}-nyckel "${key.name}" (${key.id}${forActor}). Visas bara nu, spara den:\n${secret}`);
  } finally {
    await store.close();
  }
}

runCli(main);
