import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { NEO4J_VERSIONS } from './test/neo4j/versions.ts';
import { neo4jUnavailableReason } from './test/neo4j/server.ts';

const require = createRequire(import.meta.url);

/** The suites that touch the store: each runs once per engine. */
const STORE_SUITES = ['test/store/**/*.test.ts', 'test/api/**/*.test.ts', 'test/load/**/*.test.ts'];

const shared = {
  // graphql ships CJS and ESM builds; Node loads the CJS one for every importer, and tests
  // must do the same, or Pothos and yoga see two copies of its classes.
  alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

const neo4jUnavailable = neo4jUnavailableReason(NEO4J_VERSIONS);

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { ...shared, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
  { extends: true, test: { ...shared, name: 'web', include: ['test/web/**/*.test.ts'] } },
  { extends: true, test: { ...shared, name: 'embedded', include: STORE_SUITES, provide: { store: { engine: 'embedded' } } } },
  // `satisfies` keeps `extends: true` the literal the type asks for, not a boolean.
  ...((neo4jUnavailable
    ? [{ extends: true, test: { ...shared, name: 'neo4j', include: ['test/neo4j/unavailable.test.ts'], provide: { neo4jUnavailable } } }]
    : NEO4J_VERSIONS.map((v) => ({
        extends: true,
        test: { ...shared, name: v.name, include: STORE_SUITES, globalSetup: ['test/neo4j/global-setup.ts'] },
      }))) satisfies TestProjectInlineConfiguration[]),
];

export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  test: {
    root: '.',
    // Tiers share real servers; running suites one file at a time keeps ports and
    // memory predictable on a 2-core machine.
    fileParallelism: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects,
  },
});
