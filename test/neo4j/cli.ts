import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { neo4jUnavailableReason, startNeo4j } from './server.ts';
import { NEO4J_TEST_PASSWORD, NEO4J_VERSIONS } from './versions.ts';

/**
 * `npm run neo4j`: the test run's Neo4j, for people, in the foreground, its
 * data kept under ./data-neo4j-VERSION so a restart keeps the graph.
 * Options: --version 5.26|2026 (default 5.26), --port N (default 7687; 0 for a free one), --data DIR.
 */
const { values } = parseArgs({
  options: { version: { type: 'string', default: '5.26' }, port: { type: 'string', default: '7687' }, data: { type: 'string' } },
});
const version = NEO4J_VERSIONS.find((v) => v.version.startsWith(values.version!) || v.name === values.version);
const port = Number(values.port);
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};
if (!version) fail(`--version "${values.version}": välj en av ${NEO4J_VERSIONS.map((v) => v.version).join(', ')}`);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port "${values.port}": ett portnummer 0–65535`);
const unavailable = neo4jUnavailableReason([version!]);
if (unavailable) fail(unavailable);

const dataDir = resolve(values.data ?? `data-neo4j-${version!.version}`);
const password = process.env.NEO4J_PASSWORD || NEO4J_TEST_PASSWORD;
console.log(`Startar Neo4j ${version!.version} (data i ${dataDir}) …`);
const server = await startNeo4j(version!, { port: port || undefined, dataDir, password, log: (line) => console.log(line) }).catch((error: Error) => fail(error.message));
console.log(`\nNeo4j ${server!.version} är igång på 127.0.0.1 (${(server!.startupMs / 1000).toFixed(1)} s). Starta tjänsten mot den med:\n`);
console.log(`NEO4J_URI=${server!.uri(version!.scheme)} NEO4J_USER=${server!.user} NEO4J_PASSWORD=${server!.password} npm start\n`);
console.log('Ctrl-C stoppar Neo4j.');
const stop = async () => {
  await server!.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
