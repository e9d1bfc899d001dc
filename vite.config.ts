import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // graphql ships CJS and ESM builds; Node loads the CJS one for every importer, and tests
    // must do the same, or Pothos and yoga see two copies of its classes.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
    // Tiers share one embedded engine file per suite and real servers; running suites
    // one file at a time keeps ports and memory predictable on a 2-core machine.
    fileParallelism: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
