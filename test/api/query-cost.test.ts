import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { CHAINS_QUERY, TAXONOMY_QUERY } from '../../web/api/documents.ts';

/*
 * Queries that walk neighbour lists inside neighbour lists are refused before
 * they run, by a cost that counts list sizes; the web app's own queries are not.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const WALKS = {
  'every finding\'s subjects\' forums\' members': '{ gaps { findings { rule subjects { id ... on Actor { forums { forum { members { actor { id } } } } } } } } }',
  'relations of relations of 500 actors': '{ actors(first: 500) { edges { node { workingRelations { actors { workingRelations { actors { id } } } } } } } }',
};

describe('the cost of a query counts its lists', () => {
  for (const [name, query] of Object.entries(WALKS)) {
    it(`refuses ${name}, naming the cost and the limit, and writes nothing of an answer`, async () => {
      const result = await server.gql(query);
      expect(result.data).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.message).toMatch(/^Frågan är för stor: uppskattad kostnad [\d\s]+ av högst 20\s000\s000/);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 20_000_000 });
      const cheap = await server.gql('{ actors(first: 1) { totalCount } }');
      expect(cheap.data!.actors.totalCount).toBeGreaterThan(0);
    });
  }

  it('lets the web app\'s largest queries through', async () => {
    for (const query of [CHAINS_QUERY, TAXONOMY_QUERY]) {
      const result = await server.gql(query);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    }
  });
});
