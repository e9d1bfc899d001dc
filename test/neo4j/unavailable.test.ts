import { inject, it } from 'vitest';

// Stands in for the Neo4j suites where no Neo4j can be started; the reason is printed in the run.
it.skip(`skipped: every Neo4j suite: ${inject('neo4jUnavailable')}`, () => undefined);
