import { inject, it } from 'vitest';

// Stands in for the Neo4j suites of a version that cannot be started here: the title says why,
// and so does the run's log, whatever reporter prints it.
for (const reason of inject('neo4jUnavailable')) {
  console.warn(`skipped: ${reason}`);
  it.skip(reason, () => undefined);
}
