import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';

/*
 * Two editors and one forum: a write based on a stale version is refused with
 * who changed it and when, and nothing is written; every write that lands is
 * in the audit trail with its data before and after.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const FORUM = 'forum:styrgruppen-for-familjecentraler';

const changesOf = async (nodeId: string, extra = '', as = server.keys.LASARE) =>
  (await server.gql(`query($id: ID!) { changes(nodeId: $id${extra}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id at by byName operation before after subjects } } } }`, { id: nodeId }, { as })).data!.changes;

const forumState = async () =>
  (await server.gql(`query($id: ID!) { node(id: $id) { ... on Forum { name purpose version convenor { id } members { actor { id } role version } } } }`, { id: FORUM })).data!.node;

describe('optimistic concurrency', () => {
  it('refuses a stale update, names who changed the forum and when, and changes nothing', async () => {
    const start = await forumState();
    expect(start.version).toBe(1);

    const first = await mutate(server, 'updateForum', 'UpdateForumInput', { id: FORUM, version: 1, purpose: 'Första redaktörens syfte' }, 'forum { version }');
    expect(first.forum.version).toBe(2);
    const before = await forumState();

    // The second editor still holds version 1.
    const stale = await mutate(server, 'updateForum', 'UpdateForumInput', { id: FORUM, version: 1, name: 'Andra redaktörens namn', convenorId: 'actor:vgr' }, 'forum { version }', server.keys.ADMIN);
    expect(stale).toMatchObject({
      __typename: 'ConflictError',
      expectedVersion: 1,
      currentVersion: 2,
      changedByName: 'Test REDAKTOR',
      message: expect.stringMatching(/^forum:styrgruppen-for-familjecentraler har ändrats av Test REDAKTOR \d{4}-\d\d-\d\dT.* \(version 2, du utgick från 1\)/),
    });
    expect(Date.parse(stale.changedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(stale.changedBy).toMatch(/^api-key:/);
    expect(await forumState()).toEqual(before);
    expect((await changesOf(FORUM)).totalCount).toBe(1);

    const staleDelete = await mutate(server, 'deleteForum', 'NodeVersionInput', { id: FORUM, version: 1 });
    expect(staleDelete.__typename).toBe('ConflictError');
    expect(await forumState()).toEqual(before);
  });

  it('refuses a version that never was, without naming anyone', async () => {
    const result = await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:vgr', version: 7, name: 'VGR' });
    expect(result).toMatchObject({ __typename: 'ConflictError', currentVersion: 1, changedBy: null, message: 'actor:vgr är i version 1, inte 7: läs in på nytt och gör om ändringen' });
  });
});

describe('the audit trail', () => {
  it('records each write with who, when, what, and the data before and after, newest first', async () => {
    const created = await mutate(server, 'createForum', 'CreateForumInput', { name: 'Granskat forum', members: [{ actorId: 'actor:ska', role: 'LEDAMOT' }] }, 'forum { id }');
    const id = created.forum.id as string;
    await mutate(server, 'updateForum', 'UpdateForumInput', { id, version: 1, purpose: 'Ett syfte' });
    await mutate(server, 'linkForum', 'LinkForumInput', { id, relation: 'GOAL', targetId: 'goal:barn-och-unga-tillit' });
    await mutate(server, 'updateForumMember', 'ForumSeatInput', { forumId: id, actorId: 'actor:ska', role: 'ORDFORANDE', version: 1 });

    const changes = await changesOf(id);
    expect(changes.totalCount).toBe(4);
    const [seat, link, update, create] = changes.edges.map((e: any) => e.node);
    expect([seat.operation, link.operation, update.operation, create.operation]).toEqual(['updateForumMember', 'linkForum', 'updateForum', 'createForum']);
    for (const change of [seat, link, update, create]) {
      expect(change.byName).toBe('Test REDAKTOR');
      expect(change.by).toMatch(/^api-key:/);
    }
    expect(create.at < update.at && update.at < link.at && link.at < seat.at).toBe(true);

    expect(create.before).toBeNull();
    expect(JSON.parse(create.after)).toMatchObject({ id, name: 'Granskat forum', version: 1, links: [{ type: 'MEMBER_OF', from: 'actor:ska', to: id, props: { role: 'LEDAMOT', version: 1 } }] });
    expect(JSON.parse(update.before)).toMatchObject({ version: 1, name: 'Granskat forum' });
    expect(JSON.parse(update.before).purpose).toBeUndefined();
    expect(JSON.parse(update.after)).toMatchObject({ version: 2, purpose: 'Ett syfte' });
    expect(link.before).toBeNull();
    expect(JSON.parse(link.after)).toEqual({ type: 'WORKS_ON', from: id, to: 'goal:barn-och-unga-tillit', props: {} });
    expect(JSON.parse(seat.before).props).toMatchObject({ role: 'LEDAMOT', version: 1 });
    expect(JSON.parse(seat.after).props).toMatchObject({ role: 'ORDFORANDE', version: 2 });
    expect(seat.subjects).toEqual([id, 'actor:ska']);

    // The other end of a link keeps the change in its own history too.
    const goalChanges = await changesOf('goal:barn-och-unga-tillit');
    expect(goalChanges.edges.map((e: any) => e.node.id)).toContain(link.id);
  });

  it('keeps the history of a deleted node, with what the deletion took with it', async () => {
    const created = await mutate(server, 'createActivity', 'CreateActivityInput', { name: 'Kortlivad insats', kind: 'INSATS', responsibleIds: ['actor:ska'] }, 'activity { id }');
    const id = created.activity.id as string;
    await mutate(server, 'deleteActivity', 'NodeVersionInput', { id, version: 1 });
    const changes = await changesOf(id);
    expect(changes.edges.map((e: any) => e.node.operation)).toEqual(['deleteActivity', 'createActivity']);
    const deletion = changes.edges[0].node;
    expect(deletion.after).toBeNull();
    expect(JSON.parse(deletion.before)).toMatchObject({ id, name: 'Kortlivad insats', links: [{ type: 'RESPONSIBLE_FOR', from: 'actor:ska', to: id }] });
    expect((await changesOf('actor:ska')).edges.map((e: any) => e.node.id)).toContain(deletion.id);
  });

  it('pages the trail with cursors', async () => {
    const created = await mutate(server, 'createGoal', 'CreateGoalInput', { text: 'Mål att ändra', targetAreaId: 'target-area:boende-och-narmiljo' }, 'goal { id }');
    const id = created.goal.id as string;
    for (let version = 1; version <= 4; version++) {
      expect((await mutate(server, 'updateGoal', 'UpdateGoalInput', { id, version, text: `Mål, version ${version + 1}` })).__typename).toBe('UpdateGoalSuccess');
    }
    const first = await changesOf(id, ', first: 2');
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await server.gql(`query($id: ID!, $after: String) { changes(nodeId: $id, first: 10, after: $after) { edges { node { after } } } }`, { id, after: first.pageInfo.endCursor }, { as: server.keys.LASARE })).data!.changes;
    const texts = [...first.edges, ...rest.edges].map((e: any) => JSON.parse(e.node.after).text);
    expect(texts).toEqual(['Mål, version 5', 'Mål, version 4', 'Mål, version 3', 'Mål, version 2', 'Mål att ändra']);
  });

  it('shows the trail, which names editors, only to those signed in', async () => {
    const response = await server.gql(`{ changes(nodeId: "actor:ska") { totalCount } }`);
    expect(response.errors![0]!.message).toMatch(/^Inloggning krävs/);
  });

  it('records nothing for a write that is refused', async () => {
    const before = (await changesOf('actor:ska')).totalCount;
    await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:ska', version: 99, name: 'X' });
    await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:ska', version: 1, name: '' });
    await mutate(server, 'linkActor', 'LinkActorInput', { id: 'actor:ska', relation: 'PART_OF', targetId: 'actor:finns-inte' });
    expect((await changesOf('actor:ska')).totalCount).toBe(before);
  });
});

describe('answers in the audit trail', () => {
  it('shows one respondent\'s answers to ADMIN only; others see which organisations answered', async () => {
    const collaborationId = 'collaboration:socialtjansten-polisen';
    const responses = [['actor:socialtjansten', 'Anna Andersson'], ['actor:socialtjansten', 'Bo Berg'], ['actor:polisen', 'Cecilia Carlsson']].map(([organisationId, respondent]) => ({
      respondent, organisationId, a1: 3, a2: 3, b1: 2, b2: 2, c1: 4, c2: 4,
    }));
    const submitted = await mutate(server, 'submitAssessment', 'SubmitAssessmentInput', { collaborationId, date: '2024-05-01', responses }, 'assessment { id }');
    expect(submitted.__typename).toBe('SubmitAssessmentSuccess');
    const recorded = async (as: string) => JSON.parse((await changesOf(collaborationId, '', as)).edges.find((e: any) => e.node.operation === 'submitAssessment').node.after);

    const admin = await recorded(server.keys.ADMIN);
    expect(admin.responses.map((r: any) => [r.respondent, r.answers.a1])).toEqual([['Anna Andersson', 3], ['Bo Berg', 3], ['Cecilia Carlsson', 3]]);
    for (const as of [server.keys.LASARE, server.keys.REDAKTOR]) {
      const seen = await recorded(as);
      expect(seen.responses).toEqual([{ organisation: 'actor:socialtjansten' }, { organisation: 'actor:socialtjansten' }, { organisation: 'actor:polisen' }]);
      expect(JSON.stringify(seen)).not.toMatch(/Anna|Bo Berg|Cecilia/);
    }
  });
});
