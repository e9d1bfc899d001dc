import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { fieldErrors, mutate } from '../support/mutate.ts';

/*
 * A form's save is one mutation carrying the whole new state at the version
 * read: its lists (members, goals, ansvar, participants) land together with
 * its fields, in one write and one Change, or nothing does.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const read = async (query: string, variables: Record<string, unknown> = {}) => (await server.gql(query, variables, { as: server.keys.LASARE })).data!;
const FORUM = 'forum:natverksgruppen-barn-och-unga';
const forumState = async () =>
  (await read(`query($id: ID!) { node(id: $id) { ... on Forum { version purpose members { role from to version actor { id } } goals { id } } } }`, { id: FORUM })).node;
const changeCount = async (id: string) => (await read(`query($id: ID!) { changes(nodeId: $id) { totalCount } }`, { id })).changes.totalCount;

describe('updateForum with its members and goals', () => {
  it('writes nothing and names the invalid member when one of two is wrong', async () => {
    const before = await forumState();
    const changes = await changeCount(FORUM);
    const result = await mutate(server, 'updateForum', 'UpdateForumInput', {
      id: FORUM, version: before.version, purpose: 'Nytt syfte',
      members: [{ actorId: 'actor:ska', role: 'LEDAMOT' }, { actorId: 'actor:finns-inte', role: 'LEDAMOT' }],
    });
    expect(fieldErrors(result)).toEqual({ 'input.members.1.actorId': 'det finns inte en aktör med id actor:finns-inte' });
    expect(await forumState()).toEqual(before);
    expect(await changeCount(FORUM)).toBe(changes);
  });

  it('replaces the members and goals in one write: kept seats keep their version, changed ones count up, new ones start at 1', async () => {
    const first = await mutate(server, 'updateForum', 'UpdateForumInput', {
      id: FORUM, version: (await forumState()).version,
      members: [{ actorId: 'actor:alf', role: 'LEDAMOT' }, { actorId: 'actor:fof', role: 'LEDAMOT', from: '2024-01-01' }, { actorId: 'actor:vgr', role: 'ADJUNGERAD' }],
      goalIds: [],
    }, 'forum { version }');
    expect(first.__typename).toBe('UpdateForumSuccess');
    const changes = await changeCount(FORUM);
    const result = await mutate(server, 'updateForum', 'UpdateForumInput', {
      id: FORUM, version: first.forum.version, purpose: 'Samordna insatser för barn och unga',
      // ALF kept as it was, FOF's dates changed, VGR gone, SKA new.
      members: [{ actorId: 'actor:alf', role: 'LEDAMOT' }, { actorId: 'actor:fof', role: 'ORDFORANDE' }, { actorId: 'actor:ska', role: 'SAMMANKALLANDE', from: '2025-03-01' }],
      goalIds: ['goal:inga-utsatta-omraden', 'goal:blandad-bebyggelse'],
    }, 'forum { version }');
    expect(result.__typename).toBe('UpdateForumSuccess');
    expect(result.forum.version).toBe(first.forum.version + 1);
    const after = await forumState();
    const seats = Object.fromEntries(after.members.map((m: any) => [m.actor.id, { role: m.role, from: m.from, to: m.to, version: m.version }]));
    expect(seats).toEqual({
      'actor:alf': { role: 'LEDAMOT', from: null, to: null, version: 1 },
      'actor:fof': { role: 'ORDFORANDE', from: null, to: null, version: 2 },
      'actor:ska': { role: 'SAMMANKALLANDE', from: '2025-03-01', to: null, version: 1 },
    });
    expect(after.goals.map((g: any) => g.id).sort()).toEqual(['goal:blandad-bebyggelse', 'goal:inga-utsatta-omraden']);
    expect(after.purpose).toBe('Samordna insatser för barn och unga');
    expect(await changeCount(FORUM)).toBe(changes + 1);
    const trail = await read(`query($id: ID!) { changes(nodeId: $id, first: 1) { edges { node { operation before after } } } }`, { id: FORUM });
    const change = trail.changes.edges[0].node;
    expect(change.operation).toBe('updateForum');
    expect(JSON.parse(change.before).members.map((m: any) => m.from).sort()).toEqual(['actor:alf', 'actor:fof', 'actor:vgr']);
    expect(JSON.parse(change.after).members.map((m: any) => m.from).sort()).toEqual(['actor:alf', 'actor:fof', 'actor:ska']);
  });

  it('refuses a save from a stale version and writes none of it', async () => {
    const before = await forumState();
    const result = await mutate(server, 'updateForum', 'UpdateForumInput', { id: FORUM, version: before.version - 1, members: [], goalIds: [] });
    expect(result.__typename).toBe('ConflictError');
    expect(await forumState()).toEqual(before);
  });

  it('names a member given twice', async () => {
    const before = await forumState();
    const result = await mutate(server, 'updateForum', 'UpdateForumInput', {
      id: FORUM, version: before.version, members: [{ actorId: 'actor:alf', role: 'LEDAMOT' }, { actorId: 'actor:alf', role: 'ORDFORANDE' }],
    });
    expect(fieldErrors(result)).toEqual({ 'input.members.1.actorId': 'actor:alf står redan bland medlemmarna' });
  });
});

describe('updateActivity with its ansvar, goals, Tid and Resurser', () => {
  it('sets two responsible actors, Tid and Resurser in one write, and the activity has no empty cell left in the findings', async () => {
    const { activities } = await read(`{ activities(first: 1, filter: { kind: EFFEKTKEDJA }) { edges { node { id version } } } }`);
    const activity = activities.edges[0].node;
    const emptyCells = async () =>
      ((await read(`{ gaps(filter: { rules: ["activity-empty-cells"] }) { findings { subjectIds parts { key } } } }`)).gaps.findings.find((f: any) => f.subjectIds[0] === activity.id)?.parts ?? []).map((p: any) => p.key);
    expect(await emptyCells()).toEqual(expect.arrayContaining(['period', 'resources']));

    const result = await mutate(server, 'updateActivity', 'UpdateActivityInput', {
      id: activity.id, version: activity.version, period: '2025–2027', resources: '2 årsarbetare, 400 000 kr',
      responsibleIds: ['actor:alf', 'actor:af'], goalIds: ['goal:inga-utsatta-omraden'],
    }, 'activity { version period resources responsible { id } goals { id } }');
    expect(result.activity).toMatchObject({ version: activity.version + 1, period: '2025–2027', resources: '2 årsarbetare, 400 000 kr' });
    expect(result.activity.responsible.map((a: any) => a.id).sort()).toEqual(['actor:af', 'actor:alf']);
    expect(result.activity.goals).toEqual([{ id: 'goal:inga-utsatta-omraden' }]);
    expect(await emptyCells()).toEqual([]);
  });
});

describe('updateCollaboration with its participants', () => {
  it('replaces the participants with their roles', async () => {
    const { collaborations } = await read(`{ collaborations(first: 1) { edges { node { id version } } } }`);
    const c = collaborations.edges[0].node;
    const result = await mutate(server, 'updateCollaboration', 'UpdateCollaborationInput', {
      id: c.id, version: c.version, targetLevel: 'INTEGRERAT',
      participants: [{ actorId: 'actor:polisen', role: 'part' }, { actorId: 'actor:fof', role: 'ansvarig' }],
    }, 'collaboration { targetLevel participants { id } }');
    expect(result.__typename).toBe('UpdateCollaborationSuccess');
    expect(result.collaboration.targetLevel).toBe('INTEGRERAT');
    expect(result.collaboration.participants.map((a: any) => a.id).sort()).toEqual(['actor:fof', 'actor:polisen']);
  });
});

describe('updateActor with what it is part of', () => {
  const partOf = async (id: string) => (await read(`query($id: ID!) { node(id: $id) { ... on Actor { version partOf { id } } } }`, { id })).node;

  it('replaces the organisations an actor is part of in one write, and writes nothing when one of them does not exist', async () => {
    const before = await partOf('actor:vuxenutbildningen');
    const refused = await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:vuxenutbildningen', version: before.version, shortName: 'VUX', partOfIds: ['actor:gvuf', 'actor:finns-inte'] });
    expect(fieldErrors(refused)).toEqual({ 'input.partOfIds.1': 'det finns inte en aktör med id actor:finns-inte' });
    expect(await partOf('actor:vuxenutbildningen')).toEqual(before);

    const result = await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:vuxenutbildningen', version: before.version, shortName: 'VUX', partOfIds: ['actor:gvuf', 'actor:boras-stad'] }, 'actor { version shortName partOf { id } }');
    expect(result.actor.shortName).toBe('VUX');
    expect(result.actor.partOf.map((a: any) => a.id).sort()).toEqual(['actor:boras-stad', 'actor:gvuf']);
    const again = await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:vuxenutbildningen', version: result.actor.version, partOfIds: ['actor:boras-stad'] }, 'actor { partOf { id } }');
    expect(again.actor.partOf).toEqual([{ id: 'actor:boras-stad' }]);
  });
});

describe('a styrdokument with what it governs', () => {
  const governing = async (id: string) => {
    const { forums, activities } = await read(`{ forums(first: 100) { edges { node { id policyDocuments { id } } } } activities(first: 500) { edges { node { id policyDocuments { id } } } } }`);
    const { targetAreas } = await read('{ targetAreas { goals { id policyDocuments { id } } } }');
    const nodes = [...forums.edges.map((e: any) => e.node), ...activities.edges.map((e: any) => e.node), ...targetAreas.flatMap((t: any) => t.goals)];
    return nodes.filter((n: any) => n.policyDocuments.some((d: any) => d.id === id)).map((n: any) => n.id).sort();
  };

  it('creates it governing an activity, a forum and a goal, then replaces them in one write; another kind of node, or one missing, writes nothing', async () => {
    const created = await mutate(server, 'createPolicyDocument', 'CreatePolicyDocumentInput', {
      title: 'Bostadsförsörjningsprogram', type: 'program', governsIds: ['activity:boende-04-kompensatorisk-overenskommelse', 'forum:styrgrupp-mot-organiserad-brottslighet', 'goal:ingen-hemlos'],
    }, 'policyDocument { id version }');
    const { id, version } = created.policyDocument;
    expect(await governing(id)).toEqual(['activity:boende-04-kompensatorisk-overenskommelse', 'forum:styrgrupp-mot-organiserad-brottslighet', 'goal:ingen-hemlos']);

    const actor = await mutate(server, 'updatePolicyDocument', 'UpdatePolicyDocumentInput', { id, version, governsIds: ['goal:ingen-hemlos', 'actor:ska'] });
    expect(fieldErrors(actor)).toEqual({ 'input.governsIds.1': 'ett styrdokument styr aktiviteter, forum och effektmål' });
    const missing = await mutate(server, 'updatePolicyDocument', 'UpdatePolicyDocumentInput', { id, version, title: 'Nytt namn', governsIds: ['goal:finns-inte'] });
    expect(fieldErrors(missing)).toEqual({ 'input.governsIds.0': 'det finns inte ett effektmål med id goal:finns-inte' });
    expect(await governing(id)).toHaveLength(3);

    const changes = await changeCount(id);
    const updated = await mutate(server, 'updatePolicyDocument', 'UpdatePolicyDocumentInput', { id, version, validUntil: '2030', governsIds: ['goal:ingen-hemlos', 'forum:beredningsgrupp-barn-och-unga'] }, 'policyDocument { version validUntil }');
    expect(updated.policyDocument).toEqual({ version: version + 1, validUntil: '2030' });
    expect(await governing(id)).toEqual(['forum:beredningsgrupp-barn-och-unga', 'goal:ingen-hemlos']);
    expect(await changeCount(id)).toBe(changes + 1);
  });
});
