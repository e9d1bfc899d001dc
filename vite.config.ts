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

// A version that cannot be started here is replaced by one failing test that says why.
const startable = NEO4J_VERSIONS.filter((v) => !neo4jUnavailableReason([v]));
const unstartable = NEO4J_VERSIONS.filter((v) => neo4jUnavailableReason([v]));
const neo4jUnavailable = unstartable.map((v) => `the Neo4j ${v.version} suites (${STORE_SUITES.join(', ')}) cannot run: ${neo4jUnavailableReason([v])}`);

/** A project of this config: the shared settings, its own suites. */
const project = (test: NonNullable<TestProjectInlineConfiguration['test']>): TestProjectInlineConfiguration => ({ extends: true, test: { ...shared, ...test } });

const projects: TestProjectInlineConfiguration[] = [
  project({ name: 'unit', include: ['test/unit/**/*.test.ts'] }),
  project({ name: 'web', include: ['test/web/**/*.test.ts'] }),
  project({ name: 'embedded', include: STORE_SUITES, provide: { store: { engine: 'embedded' } } }),
  // Each Neo4j project also holds its answers against the embedded engine's (test/neo4j/engines-agree.test.ts).
  ...startable.map((v) => project({ name: v.name, include: [...STORE_SUITES, 'test/neo4j/engines-agree.test.ts', 'test/neo4j/disk-full.test.ts'], globalSetup: ['test/neo4j/global-setup.ts'] })),
  ...(unstartable.length ? [project({ name: 'neo4j-unavailable', include: ['test/neo4j/unavailable.test.ts'], provide: { neo4jUnavailable } })] : []),
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
