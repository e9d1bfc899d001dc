import type { TestProject } from 'vitest/node';
import { startNeo4j, type RunningNeo4j } from './server.ts';
import { NEO4J_VERSIONS } from './versions.ts';

/**
 * globalSetup of a Neo4j project: starts that project's Neo4j before its
 * suites and stops it after them. The suites reach it through `inject('store')`.
 */
let server: RunningNeo4j | undefined;

export async function setup(project: TestProject): Promise<void> {
  const version = NEO4J_VERSIONS.find((v) => v.name === project.name);
  if (!version) throw new Error(`no Neo4j version for project ${project.name}`);
  let log = '';
  try {
    server = await startNeo4j(version, { log: (line) => (log += `${line}\n`) });
  } catch (error) {
    throw new Error(`Neo4j ${version.version} did not start: ${(error as Error).message}\n${log}`);
  }
  const uri = server.uri(version.scheme);
  console.log(`Neo4j ${server.version} ready at ${uri} in ${(server.startupMs / 1000).toFixed(1)} s (pid ${server.pid}) for project ${project.name}`);
  project.provide('store', { engine: 'neo4j', version: server.version, uri, user: server.user, password: server.password });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
