import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';

/*
 * "The convenor confirms": a key (or token) linked to the actor it works for
 * may confirm the forums that actor convenes, whatever its role, and no other.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const FORUM = 'forum:natverksgruppen-barn-och-unga';
const OTHER = 'forum:beredningsgrupp-barn-och-unga';
const versionOf = async (id: string) => (await server.gql(`{ node(id: "${id}") { ... on Forum { version } } }`)).data!.node.version;

async function keyFor(actorId: string | null): Promise<string> {
  const made = await server.gql(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeySuccess { created { secret apiKey { actor { id name } } } } ... on Error { message } } }`,
    { input: { name: actorId ? `Sammankallande ${actorId}` : 'Läsare utan aktör', role: 'LASARE', ...(actorId ? { actorId } : {}) } },
    { as: server.keys.ADMIN },
  );
  const created = made.data!.createApiKey.created;
  expect(created.apiKey.actor?.id ?? null).toBe(actorId);
  return created.secret;
}

describe('a convenor confirms its own forums', () => {
  it('lets a LASARE linked to the convenor confirm the forum, names the actor in the inventory, and refuses a forum it does not convene', async () => {
    const convenorSet = await mutate(server, 'updateForum', 'UpdateForumInput', { id: FORUM, version: await versionOf(FORUM), convenorId: 'actor:fof' }, 'forum { version }');
    expect(convenorSet.__typename).toBe('UpdateForumSuccess');
    const fof = await keyFor('actor:fof');

    const confirmed = await mutate(server, 'confirmForum', 'NodeVersionInput', { id: FORUM, version: await versionOf(FORUM) }, 'forum { confirmedAt confirmedBy confirmedFor { id } }', fof);
    expect(confirmed.__typename).toBe('ConfirmForumSuccess');
    expect(confirmed.forum).toMatchObject({ confirmedBy: 'Sammankallande actor:fof', confirmedFor: { id: 'actor:fof' } });

    const refused = await server.gql(
      `mutation($input: NodeVersionInput!) { confirmForum(input: $input) { __typename } }`,
      { input: { id: OTHER, version: await versionOf(OTHER) } },
      { as: fof },
    );
    expect(refused.errors?.[0]?.message).toMatch(/actor:fof inte är sammankallande/);
    expect((await server.gql(`{ node(id: "${OTHER}") { ... on Forum { confirmedAt } } }`)).data!.node.confirmedAt).toBeNull();
  });

  it('gives a linked key no other write, and a key linked to no actor no confirmation', async () => {
    const fof = await keyFor('actor:fof');
    const edit = await server.gql(`mutation { updateForum(input: { id: "${FORUM}", version: 1, name: "X" }) { __typename } }`, {}, { as: fof });
    expect(edit.errors?.[0]?.message).toMatch(/^Rollen REDAKTOR krävs för att ändra/);
    const mixed = await server.gql(
      `mutation($v: Int!) { confirmForum(input: { id: "${FORUM}", version: $v }) { __typename } updateForum(input: { id: "${FORUM}", version: $v, name: "X" }) { __typename } }`,
      { v: await versionOf(FORUM) },
      { as: fof },
    );
    expect(mixed.errors?.[0]?.message).toMatch(/^Rollen REDAKTOR krävs/);
    const plain = await keyFor(null);
    const refused = await server.gql(`mutation($v: Int!) { confirmForum(input: { id: "${FORUM}", version: $v }) { __typename } }`, { v: await versionOf(FORUM) }, { as: plain });
    expect(refused.errors?.[0]?.message).toMatch(/^Rollen REDAKTOR krävs/);
  });

  it('names the actor field when a key is made for an actor that does not exist', async () => {
    const made = await server.gql(
      `mutation { createApiKey(input: { name: "X", role: LASARE, actorId: "actor:finns-inte" }) { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      {},
      { as: server.keys.ADMIN },
    );
    expect(made.data!.createApiKey.fieldErrors).toEqual([{ path: 'input.actorId', message: 'det finns inte en aktör med id actor:finns-inte' }]);
  });
});
