import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { engineLabel, engineUnderTest } from '../support/engine.ts';
import { loadDemo } from '../../seed/demo.ts';

/*
 * The same Borås graph (with the demo assessments) on the embedded engine and
 * on this project's Neo4j must give the same answers, in the same order, to
 * what users and report builders read: every list, every report.
 */
const QUERIES: Record<string, string> = {
  actors: `{ actors(first: 500) { totalCount edges { cursor node { id name shortName kind sector version source { document section }
    partOf { id } forums { role forum { id } } } } } }`,
  forums: `{ forums(first: 500) { totalCount edges { node { id name purpose level version members { role from to actor { id } } convenor { id } goals { id } } } } }`,
  activities: `{ activities(first: 500) { totalCount edges { node { id name kind output shortTermEffect period resources
    responsible { id } goals { id } strategies { id } areas { id } forums { id } } } } }`,
  goals: `{ goals(first: 500) { totalCount edges { node { id text targetArea { id } activities { id } forums { id } } } } }`,
  collaborations: `{ collaborations(first: 500) { totalCount edges { node { id name type targetLevel participants { id } forums { id } activities { id } } } } }`,
  policyDocuments: `{ policyDocuments(first: 500) { totalCount edges { node { id title owner { id } } } } }`,
  strategies: `{ strategies(first: 500) { totalCount edges { node { id name activities { id } targetArea { id } } } } }`,
  targetAreas: `{ targetAreas { id name goals { id } strategies { id } } }`,
  fundings: `{ fundings { id amountSek year } }`,
  gaps: `{ gaps { totalCount byRule { rule count } findings { id rule severity title evidence action subjectIds metrics { name value } } } }`,
  overlaps: `{ overlaps { totalCount byRule { rule count } findings { id rule severity title evidence action subjectIds metrics { name value } } } }`,
  workingRelations: `{ workingRelations(first: 500) { totalCount edges { node { strength reasons actors { id } } } } }`,
  taxonomy: `{ taxonomy { demoAssessments driftCount belowTargetCount notAssessedCount
    collaborations { level targetLevel driftFlagged belowTarget neverAssessed provisional method isDemo collaboration { id } trajectory { id date level } } } }`,
};

const engine = engineUnderTest();

{
  if (engine.engine !== 'neo4j') throw new Error('engines-agree runs in a Neo4j project (vite.config.ts)');
  describe(`the same answers on embedded and ${engineLabel(engine)}`, () => {
    let embedded: TestServer;
    let neo4j: TestServer;
    beforeAll(async () => {
      [embedded, neo4j] = [await startTestServer({ engine: { engine: 'embedded' } }), await startTestServer()];
      for (const server of [embedded, neo4j]) await loadDemo(server.store);
    });
    afterAll(async () => {
      await embedded?.close();
      await neo4j?.close();
    });

    for (const [name, query] of Object.entries(QUERIES)) {
      it(`${name}: same answer, same order`, async () => {
        const [a, b] = await Promise.all([embedded.gql(query), neo4j.gql(query)]);
        expect(a.errors).toBeUndefined();
        expect(b.errors).toBeUndefined();
        expect(b.data).toEqual(a.data);
        expect(JSON.stringify(a.data).length).toBeGreaterThan(50);
      });
    }
  });
}
