import { inject, it } from 'vitest';

// Stands in for the Neo4j suites of a version that cannot be started here. Every store suite must
// also run on a real Neo4j, so a machine that cannot start one fails the run, saying what is missing,
// rather than passing with half the suites left out.
for (const reason of inject('neo4jUnavailable')) {
  it(reason, () => {
    throw new Error(`${reason}. Install what is missing (.ci/run shows how: OpenJDK 17, a Java 21+ JDK, Maven) and run npm test again.`);
  });
}
