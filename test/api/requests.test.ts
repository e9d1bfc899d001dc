import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/*
 * What a request must look like before anything runs: GraphQL POST bodies are
 * JSON, and nothing else is parsed, let alone executed.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => server?.close());

const CREATE = 'mutation { createActor(input: { name: "Via formulär", kind: OVRIG }) { __typename } }';
const actorCount = async () => (await server.gql('{ actors(first: 1) { totalCount } }')).data!.actors.totalCount as number;

const post = (body: BodyInit, contentType?: string, credential = true) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { ...(credential ? { authorization: `Bearer ${server.keys.REDAKTOR}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });

describe('GraphQL POST bodies', () => {
  it('refuses form-encoded, multipart, application/graphql and untyped bodies with 415, saying what to send, and runs none of them', async () => {
    const multipart = new FormData();
    multipart.set('operations', JSON.stringify({ query: CREATE }));
    multipart.set('map', '{}');
    const attempts: [string, Promise<Response>][] = [
      ['application/x-www-form-urlencoded', post(new URLSearchParams({ query: CREATE }), 'application/x-www-form-urlencoded')],
      // As a form on another site sends it: no Authorization, no x-csrf-token (an upload client sends one).
      ['multipart/form-data', post(multipart, undefined, false)],
      ['application/graphql', post(CREATE, 'application/graphql')],
      ['text/plain', post(JSON.stringify({ query: CREATE }), 'text/plain')],
      // A Blob without a type is sent without Content-Type (a string would be text/plain).
      ['', post(new Blob([JSON.stringify({ query: CREATE })]))],
    ];
    const count = await actorCount();
    for (const [type, attempt] of attempts) {
      const response = await attempt;
      expect(response.status, type).toBe(415);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      const given = type ? `inte ${type}` : 'och Content-Type saknas';
      const upload = type === 'multipart/form-data' ? ' En filuppladdning (multipart/form-data) tas bara emot med Authorization eller x-csrf-token.' : '';
      expect(body.errors[0], type).toMatchObject({
        message: `Content-Type: GraphQL-anrop skickas som application/json ({"query": "…", "variables": {…}}), ${given}.${upload}`,
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      });
    }
    expect(await actorCount()).toBe(count);
  });

  it('runs JSON bodies, also as application/graphql-response+json and with a charset', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/graphql-response+json']) {
      const response = await post(JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }), type);
      expect(response.status, type).toBe(200);
      expect(await response.json(), type).toMatchObject({ data: { actors: { totalCount: expect.any(Number) } } });
    }
  });

  it('still answers a query sent with GET', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ actors(first: 1) { totalCount } }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(200);
  });
});
