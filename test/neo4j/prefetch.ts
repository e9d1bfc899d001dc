import { neo4jClasspath } from './server.ts';
import { NEO4J_VERSIONS } from './versions.ts';

/*
 * Resolves every Neo4j version's jars from Maven Central one after the other,
 * before the test run starts its servers side by side: two Maven processes
 * filling one empty ~/.m2 at once can trip over each other's downloads.
 */
for (const version of NEO4J_VERSIONS) {
  const started = performance.now();
  const jars = neo4jClasspath(version.version).split(':').length;
  console.log(`Neo4j ${version.version}: ${jars} jar-filer klara (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
