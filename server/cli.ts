/**
 * Runs a command-line entry point (`npm start`, `npm run seed`, …). What
 * goes wrong is said as the error's message alone, on stderr, with exit code
 * 1: the messages name the setting or the cause and what to do, and a stack
 * trace would only bury that.
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
