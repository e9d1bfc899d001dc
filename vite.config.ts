import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // Tiers share one embedded engine file per suite and real servers; running suites
    // one file at a time keeps ports and memory predictable on a 2-core machine.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
