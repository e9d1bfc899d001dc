import { loadConfig } from './config.ts';
import { openStore } from './store/index.ts';
import { createHttpServer } from './http.ts';
import { seedIfEmpty } from '../seed/load.ts';
import { ensureAdminKey } from './auth/api-keys.ts';
import { runCli } from './cli.ts';

/** How long a stop may take before the process exits anyway: within the 5 s a service manager waits. */
const STOP_TIMEOUT_MS = 4_000;

/** Starts the service: config, store, seed on first start, then listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  // A store made by this start is said as such: an operator who expected data there learns it at once.
  if (store.created) console.log(`Ny databas skapad i DATA_DIR (${config.dataDir}).`);
  if (config.seedOnStart && (await seedIfEmpty(store))) console.log('Tom databas: Borås-data inläst.');
  const adminKey = await ensureAdminKey(store);
  if (adminKey) {
    // Printed this once and stored only as a hash: whoever starts the service first holds it.
    console.log(`Ingen administratör fanns: ny ADMIN-nyckel (visas bara nu, spara den): ${adminKey}`);
  }
  const server = createHttpServer(store, {
    auth: config.auth,
    frameAncestors: config.frameAncestors,
    requestTimeLimitMs: config.requestTimeLimitMs,
    rateLimits: config.rateLimits,
  });
  // SIGTERM (a service manager, `npm start`'s npm) and SIGINT (Ctrl-C) both end the service: no
  // new connections, the store closed after its last write, then exit. A second signal, or a
  // close that hangs, exits at once rather than leaving a process behind. Handled from before
  // the service says it listens, since whoever reads that may stop it at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => {
      console.error(`${signal}: servern stängdes inte inom ${STOP_TIMEOUT_MS / 1000} s; avslutar ändå.`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    server.close();
    server.closeIdleConnections();
    store.close().then(
      () => process.exit(0),
      (error: unknown) => {
        // A store that cannot flush (a full disk) is said as itself, not as a stack trace.
        console.error(`${signal}: databasen kunde inte stängas rent: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`PORT/HOST: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`)),
    );
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Samverkanskartan (${store.engine}) på http://${config.host}:${port}/ — GraphQL på /graphql`);
}

runCli(main);
