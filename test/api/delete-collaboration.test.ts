import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('deleting a collaboration', () => {
  it('removes its assessments in the same write, and the audit record says so', async () => {
    const id = 'collaboration:gemensam-kaa-enhet';
    const placed = await server.gql(
      `mutation($input: PlaceCollaborationInput!) { placeCollaboration(input: $input) { __typename ... on PlaceCollaborationSuccess { assessment { id } } } }`,
      { input: { collaborationId: id, date: '2026-11-01', level: 'SAMORDNAT', note: 'Bedömt i beredningsgruppen' } },
      { as: server.keys.REDAKTOR },
    );
    const assessment = placed.data!.placeCollaboration.assessment.id as string;
    const version = (await server.gql(`{ node(id: "${id}") { ... on Collaboration { version } } }`)).data!.node.version;
    const deleted = await server.gql(
      `mutation($input: NodeVersionInput!) { deleteCollaboration(input: $input) { __typename } }`,
      { input: { id, version } },
      { as: server.keys.REDAKTOR },
    );
    expect(deleted.errors).toBeUndefined();
    expect(await server.store.read('node/get-nodes', { ids: [id, assessment] })).toEqual([]);
    const { data } = await server.gql(`{ changes(nodeId: "${id}", first: 1) { edges { node { operation before } } } }`, {}, { as: server.keys.LASARE });
    const change = data!.changes.edges[0].node;
    expect(change.operation).toBe('deleteCollaboration');
    expect(JSON.parse(change.before).removedWithIt).toEqual([{ assessment }]);
  });
});
