import { loadConfig } from './config.ts';
import { openStore } from './store/index.ts';
import { createHttpServer } from './http.ts';
import { seedIfEmpty } from '../seed/load.ts';
import { ensureAdminKey } from './auth/api-keys.ts';
import { runCli } from './cli.ts';

/** Starts the service: config, store, seed on first start, then listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  if (config.seedOnStart && (await seedIfEmpty(store))) console.log('Tom databas: Borås-data inläst.');
  const adminKey = await ensureAdminKey(store);
  if (adminKey) {
    // Printed this once and stored only as a hash: whoever starts the service first holds it.
    console.log(`Ingen administratör fanns: ny ADMIN-nyckel (visas bara nu, spara den): ${adminKey}`);
  }
  const server = createHttpServer(store, { auth: config.auth });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`PORT/HOST: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`)),
    );
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Samverkanskartan (${store.engine}) på http://${config.host}:${port}/ — GraphQL på /graphql`);

  const stop = async () => {
    server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

runCli(main);
