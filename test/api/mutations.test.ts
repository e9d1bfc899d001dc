import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { fieldErrors, mutate } from '../support/mutate.ts';

/*
 * Every mutation over HTTP, as an editor (REDAKTOR): valid input lands and
 * reads back; invalid input is a ValidationError naming the field, in Swedish.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const read = async (query: string, variables: Record<string, unknown> = {}) => (await server.gql(query, variables)).data!;

describe('actors', () => {
  it('creates, updates, links, unlinks and deletes an actor', async () => {
    const created = await mutate(server, 'createActor', 'CreateActorInput', { name: '  Fritidsgården Norrby ', shortName: 'FGN', kind: 'CIVILSAMHALLE', partOfIds: ['actor:boras-stad'] }, 'actor { id name shortName kind sector version partOf { id } }');
    expect(created.__typename).toBe('CreateActorSuccess');
    const actor = created.actor;
    expect(actor).toMatchObject({ name: 'Fritidsgården Norrby', sector: 'CIVILSAMHALLE', version: 1, partOf: [{ id: 'actor:boras-stad' }] });
    expect(actor.id).toMatch(/^actor:[0-9a-f-]{36}$/);

    const updated = await mutate(server, 'updateActor', 'UpdateActorInput', { id: actor.id, version: 1, shortName: null, kind: 'NARINGSLIV' }, 'actor { shortName kind version name }');
    expect(updated.actor).toEqual({ shortName: null, kind: 'NARINGSLIV', version: 2, name: 'Fritidsgården Norrby' });

    const unlinked = await mutate(server, 'unlinkActor', 'LinkActorInput', { id: actor.id, relation: 'PART_OF', targetId: 'actor:boras-stad' }, 'actor { partOf { id } }');
    expect(unlinked.actor.partOf).toEqual([]);
    const linked = await mutate(server, 'linkActor', 'LinkActorInput', { id: actor.id, relation: 'PART_OF', targetId: 'actor:ska' }, 'actor { partOf { id } }');
    expect(linked.actor.partOf).toEqual([{ id: 'actor:ska' }]);

    const deleted = await mutate(server, 'deleteActor', 'NodeVersionInput', { id: actor.id, version: 2 }, 'deleted { id }');
    expect(deleted.deleted).toEqual({ id: actor.id });
    expect((await read('query($id: ID!) { node(id: $id) { id } }', { id: actor.id })).node).toBeNull();
  });

  it('names the field and the reason when the input is wrong', async () => {
    expect(fieldErrors(await mutate(server, 'createActor', 'CreateActorInput', { name: '   ', kind: 'NAMND', partOfIds: ['actor:finns-inte', 'goal:barn-och-unga-tillit'] }))).toEqual({
      'input.name': 'får inte vara tomt',
    });
    expect(fieldErrors(await mutate(server, 'createActor', 'CreateActorInput', { name: 'Ny nämnd', kind: 'NAMND', partOfIds: ['actor:finns-inte', 'goal:barn-och-unga-tillit'] }))).toEqual({
      'input.partOfIds.0': 'det finns inte en aktör med id actor:finns-inte',
      'input.partOfIds.1': 'goal:barn-och-unga-tillit är inte en aktör',
    });
    expect(fieldErrors(await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'actor:ska', version: 1, kind: null, name: 'x'.repeat(301) }))).toEqual({
      'input.kind': 'får inte tas bort',
      'input.name': 'får vara högst 300 tecken',
    });
    expect(fieldErrors(await mutate(server, 'linkActor', 'LinkActorInput', { id: 'actor:ska', relation: 'PART_OF', targetId: 'actor:ska' }))).toEqual({
      'input.targetId': 'kan inte kopplas till sig själv',
    });
    const missing = await mutate(server, 'deleteActor', 'NodeVersionInput', { id: 'actor:finns-inte', version: 1 });
    expect(missing).toMatchObject({ __typename: 'NotFoundError', message: 'input.id: det finns inte en aktör med id actor:finns-inte' });
    const wrongType = await mutate(server, 'updateActor', 'UpdateActorInput', { id: 'forum:beredningsgrupp-barn-och-unga', version: 1, name: 'X' });
    expect(wrongType.__typename).toBe('NotFoundError');
    const notLinked = await mutate(server, 'unlinkActor', 'LinkActorInput', { id: 'actor:ska', relation: 'PART_OF', targetId: 'actor:vgr' });
    expect(notLinked).toMatchObject({ __typename: 'NotFoundError', message: expect.stringMatching(/^input.targetId: det finns inte någon sådan koppling/) });
    expect(fieldErrors(await mutate(server, 'deleteActor', 'NodeVersionInput', { id: 'actor:ska', version: 0 }))).toEqual({ 'input.version': 'måste vara 1 eller mer' });
  });
});

describe('forums and memberships', () => {
  const FORUM = 'forum { id name purpose level meetingFrequency version convenor { id } goals { id } activities { id } policyDocuments { id } members { actor { id } role from to version } }';

  it('creates a forum with its convenor, two members and links in one write, and edits it', async () => {
    const created = await mutate(server, 'createForum', 'CreateForumInput', {
      name: 'Samverkansgrupp Norrby',
      purpose: 'Samordna insatser för unga i Norrby',
      level: 'OPERATIV',
      meetingFrequency: 'Varannan vecka',
      convenorId: 'actor:ska',
      members: [
        { actorId: 'actor:ska', role: 'SAMMANKALLANDE', from: '2025-01-01' },
        { actorId: 'actor:vgr', role: 'LEDAMOT' },
      ],
      goalIds: ['goal:barn-och-unga-tillit'],
      activityIds: ['activity:arbete-01-uppsokande-verksamhet'],
      policyDocumentIds: ['policy-document:ungdomspolitiska-programmet'],
    }, FORUM);
    const forum = created.forum;
    expect(forum).toMatchObject({
      name: 'Samverkansgrupp Norrby',
      level: 'OPERATIV',
      version: 1,
      convenor: { id: 'actor:ska' },
      goals: [{ id: 'goal:barn-och-unga-tillit' }],
      activities: [{ id: 'activity:arbete-01-uppsokande-verksamhet' }],
      policyDocuments: [{ id: 'policy-document:ungdomspolitiska-programmet' }],
    });
    expect(forum.members).toEqual(expect.arrayContaining([
      { actor: { id: 'actor:ska' }, role: 'SAMMANKALLANDE', from: '2025-01-01', to: null, version: 1 },
      { actor: { id: 'actor:vgr' }, role: 'LEDAMOT', from: null, to: null, version: 1 },
    ]));
    const listed = await read('{ forums(first: 50, filter: { text: "Samverkansgrupp Norrby" }) { totalCount } }');
    expect(listed.forums.totalCount).toBe(1);

    const updated = await mutate(server, 'updateForum', 'UpdateForumInput', { id: forum.id, version: 1, purpose: null, convenorId: 'actor:vgr', level: 'TAKTISK' }, FORUM);
    expect(updated.forum).toMatchObject({ purpose: null, level: 'TAKTISK', convenor: { id: 'actor:vgr' }, version: 2, name: 'Samverkansgrupp Norrby' });
    const noConvenor = await mutate(server, 'updateForum', 'UpdateForumInput', { id: forum.id, version: 2, convenorId: null }, FORUM);
    expect(noConvenor.forum).toMatchObject({ convenor: null, version: 3 });

    const confirmed = await mutate(server, 'confirmForum', 'NodeVersionInput', { id: forum.id, version: 3 }, 'forum { version confirmedAt confirmedBy }');
    expect(confirmed.forum).toMatchObject({ version: 4, confirmedBy: 'Test REDAKTOR' });
    expect(Date.parse(confirmed.forum.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);

    const unlinked = await mutate(server, 'unlinkForum', 'LinkForumInput', { id: forum.id, relation: 'GOAL', targetId: 'goal:barn-och-unga-tillit' }, 'forum { goals { id } }');
    expect(unlinked.forum.goals).toEqual([]);
    const linked = await mutate(server, 'linkForum', 'LinkForumInput', { id: forum.id, relation: 'GOAL', targetId: 'goal:barn-och-unga-forberedda' }, 'forum { goals { id } }');
    expect(linked.forum.goals).toEqual([{ id: 'goal:barn-och-unga-forberedda' }]);
    const twice = await mutate(server, 'linkForum', 'LinkForumInput', { id: forum.id, relation: 'GOAL', targetId: 'goal:barn-och-unga-forberedda' }, 'forum { goals { id } }');
    expect(twice.forum.goals).toEqual([{ id: 'goal:barn-och-unga-forberedda' }]);

    const deleted = await mutate(server, 'deleteForum', 'NodeVersionInput', { id: forum.id, version: 4 }, 'deleted { id }');
    expect(deleted.__typename).toBe('DeleteForumSuccess');
    expect((await read('query($id: ID!) { node(id: $id) { id } }', { id: forum.id })).node).toBeNull();
  });

  it('adds, changes and removes a seat, each at the version the editor saw', async () => {
    const forumId = 'forum:natverksgruppen-barn-och-unga';
    const SEAT = 'membership { actor { id } forum { id } role from to version }';
    const added = await mutate(server, 'addForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen', role: 'ADJUNGERAD', from: '2025-03-01' }, SEAT);
    expect(added.membership).toEqual({ actor: { id: 'actor:polisen' }, forum: { id: forumId }, role: 'ADJUNGERAD', from: '2025-03-01', to: null, version: 1 });

    const changed = await mutate(server, 'updateForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen', role: 'LEDAMOT', to: '2026-02-28', version: 1 }, SEAT);
    expect(changed.membership).toMatchObject({ role: 'LEDAMOT', from: '2025-03-01', to: '2026-02-28', version: 2 });

    const stale = await mutate(server, 'updateForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen', role: 'ORDFORANDE', version: 1 });
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2, changedByName: 'Test REDAKTOR' });

    const removed = await mutate(server, 'removeForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen', version: 2 }, 'forum { members { actor { id } } }');
    expect(removed.forum.members.map((m: any) => m.actor.id)).not.toContain('actor:polisen');
  });

  it('names the field and the reason when a forum or a seat is wrong', async () => {
    expect(fieldErrors(await mutate(server, 'createForum', 'CreateForumInput', {
      name: 'Forum',
      members: [
        { actorId: 'actor:ska', role: 'LEDAMOT', from: '2025-05-01', to: '2025-01-31' },
        { actorId: 'actor:vgr', role: 'LEDAMOT', from: '2025-02-30' },
        { actorId: 'actor:ska', role: 'ORDFORANDE' },
      ],
    }))).toEqual({
      'input.members.0.to': 'får inte vara före from (2025-05-01)',
      'input.members.1.from': 'finns inte i kalendern',
      'input.members.2.actorId': 'actor:ska står redan bland medlemmarna',
    });
    expect(fieldErrors(await mutate(server, 'createForum', 'CreateForumInput', { name: 'Forum', convenorId: 'goal:barn-och-unga-tillit', goalIds: ['actor:ska'] }))).toEqual({
      'input.convenorId': 'goal:barn-och-unga-tillit är inte en aktör',
      'input.goalIds.0': 'actor:ska är inte ett effektmål',
    });
    expect(fieldErrors(await mutate(server, 'updateForum', 'UpdateForumInput', { id: 'forum:natverksgruppen-barn-och-unga', version: 1, meetingFrequency: 'x'.repeat(201) }))).toEqual({
      'input.meetingFrequency': 'får vara högst 200 tecken',
    });
    const forumId = 'forum:beredningsgrupp-barn-och-unga';
    const [{ id: memberId }] = (await read('query($id: ID!) { node(id: $id) { ... on Forum { members { actor { id } } } } }', { id: forumId })).node.members.map((m: any) => m.actor);
    expect(fieldErrors(await mutate(server, 'addForumMember', 'ForumSeatInput', { forumId, actorId: memberId, role: 'LEDAMOT' }))).toEqual({
      'input.actorId': 'har redan en plats i forumet: ändra den i stället',
    });
    expect(fieldErrors(await mutate(server, 'addForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen', from: '2025' }))).toEqual({
      'input.from': 'måste vara ett datum: ÅÅÅÅ-MM-DD',
    });
    expect(fieldErrors(await mutate(server, 'addForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen' }))).toEqual({ 'input.role': 'måste anges' });
    expect(fieldErrors(await mutate(server, 'updateForumMember', 'ForumSeatInput', { forumId, actorId: memberId, role: 'LEDAMOT' }))).toEqual({
      'input.version': 'måste anges för att ändra eller ta bort',
    });
    expect(fieldErrors(await mutate(server, 'updateForumMember', 'ForumSeatInput', { forumId, actorId: memberId, role: null, version: 1 }))).toEqual({
      'input.role': 'får inte tas bort',
    });
    const noSeat = await mutate(server, 'removeForumMember', 'ForumSeatInput', { forumId, actorId: 'actor:polisen', version: 1 });
    expect(noSeat.__typename).toBe('NotFoundError');
  });
});

describe('activities', () => {
  it('creates an activity with its ansvar, goals, strategies and areas, and edits it', async () => {
    const LINKS = 'activity { id name kind output period version responsible { id } goals { id } strategies { id } areas { id } forums { id } }';
    const created = await mutate(server, 'createActivity', 'CreateActivityInput', {
      name: 'Läxhjälp på biblioteket',
      kind: 'INSATS',
      output: 'Läxhjälp två kvällar i veckan',
      period: '2025–2026',
      responsibleIds: ['actor:ska', 'actor:vgr'],
      goalIds: ['goal:barn-och-unga-forberedda'],
      strategyIds: ['strategy:4-fullfolja-studier'],
      areaIds: ['area:norrby'],
      forumIds: ['forum:natverksgruppen-barn-och-unga'],
    }, LINKS);
    const activity = created.activity;
    expect(activity).toMatchObject({
      kind: 'INSATS',
      version: 1,
      goals: [{ id: 'goal:barn-och-unga-forberedda' }],
      strategies: [{ id: 'strategy:4-fullfolja-studier' }],
      areas: [{ id: 'area:norrby' }],
      forums: [{ id: 'forum:natverksgruppen-barn-och-unga' }],
    });
    expect(activity.responsible.map((a: any) => a.id).sort()).toEqual(['actor:ska', 'actor:vgr']);

    const updated = await mutate(server, 'updateActivity', 'UpdateActivityInput', { id: activity.id, version: 1, period: '', output: 'Läxhjälp tre kvällar' }, LINKS);
    expect(updated.activity).toMatchObject({ period: null, output: 'Läxhjälp tre kvällar', version: 2 });

    const unlinked = await mutate(server, 'unlinkActivity', 'LinkActivityInput', { id: activity.id, relation: 'RESPONSIBLE', targetId: 'actor:vgr' }, LINKS);
    expect(unlinked.activity.responsible).toEqual([{ id: 'actor:ska' }]);
    const linked = await mutate(server, 'linkActivity', 'LinkActivityInput', { id: activity.id, relation: 'AREA', targetId: 'area:sjobo' }, LINKS);
    expect(linked.activity.areas.map((a: any) => a.id).sort()).toEqual(['area:norrby', 'area:sjobo']);

    expect((await mutate(server, 'deleteActivity', 'NodeVersionInput', { id: activity.id, version: 2 }, 'deleted { id }')).deleted.id).toBe(activity.id);
  });

  it('names the field and the reason when an activity is wrong', async () => {
    expect(fieldErrors(await mutate(server, 'createActivity', 'CreateActivityInput', { name: 'x'.repeat(501), kind: 'PROCESS', goalIds: ['goal:barn-och-unga-tillit', 'strategy:4-fullfolja-studier'] }))).toEqual({
      'input.name': 'får vara högst 500 tecken',
    });
    expect(fieldErrors(await mutate(server, 'createActivity', 'CreateActivityInput', { name: 'Ny', kind: 'PROCESS', goalIds: ['goal:barn-och-unga-tillit', 'strategy:4-fullfolja-studier'] }))).toEqual({
      'input.goalIds.1': 'strategy:4-fullfolja-studier är inte ett effektmål',
    });
    expect(fieldErrors(await mutate(server, 'linkActivity', 'LinkActivityInput', { id: 'activity:arbete-01-uppsokande-verksamhet', relation: 'STRATEGY', targetId: 'area:norrby' }))).toEqual({
      'input.targetId': 'area:norrby är inte en strategi',
    });
  });
});

describe('goals', () => {
  it('creates a goal in a målområde, moves it and deletes it', async () => {
    const created = await mutate(server, 'createGoal', 'CreateGoalInput', { text: 'Alla unga har en meningsfull sommar', targetAreaId: 'target-area:god-start-i-livet', policyDocumentIds: ['policy-document:ungdomspolitiska-programmet'] }, 'goal { id text version targetArea { id } policyDocuments { id } }');
    expect(created.goal).toMatchObject({ version: 1, targetArea: { id: 'target-area:god-start-i-livet' }, policyDocuments: [{ id: 'policy-document:ungdomspolitiska-programmet' }] });
    const moved = await mutate(server, 'updateGoal', 'UpdateGoalInput', { id: created.goal.id, version: 1, targetAreaId: 'target-area:boende-och-narmiljo' }, 'goal { version targetArea { id } }');
    expect(moved.goal).toEqual({ version: 2, targetArea: { id: 'target-area:boende-och-narmiljo' } });
    const unlinked = await mutate(server, 'unlinkGoal', 'LinkGoalInput', { id: created.goal.id, relation: 'POLICY_DOCUMENT', targetId: 'policy-document:ungdomspolitiska-programmet' }, 'goal { policyDocuments { id } }');
    expect(unlinked.goal.policyDocuments).toEqual([]);
    expect((await mutate(server, 'deleteGoal', 'NodeVersionInput', { id: created.goal.id, version: 2 })).__typename).toBe('DeleteGoalSuccess');
  });

  it('names the field and the reason when a goal is wrong', async () => {
    expect(fieldErrors(await mutate(server, 'createGoal', 'CreateGoalInput', { text: 'Mål', targetAreaId: 'target-area:finns-inte' }))).toEqual({
      'input.targetAreaId': 'det finns inte ett målområde med id target-area:finns-inte',
    });
    expect(fieldErrors(await mutate(server, 'updateGoal', 'UpdateGoalInput', { id: 'goal:barn-och-unga-tillit', version: 1, targetAreaId: null, text: '' }))).toEqual({
      'input.targetAreaId': 'får inte tas bort',
      'input.text': 'får inte vara tomt',
    });
  });
});

describe('collaborations', () => {
  const COLLABORATION = 'collaboration { id name type targetLevel version participants { id } participations { actor { id } role version } forums { id } activities { id } }';

  it('creates a collaboration with participants, forums, activities and a target level, and edits it', async () => {
    const created = await mutate(server, 'createCollaboration', 'CreateCollaborationInput', {
      name: 'Sommarlovssamverkan',
      type: 'MED_NARINGSLIV_OCH_CIVILSAMHALLE',
      targetLevel: 'SAMVERKAN',
      participants: [{ actorId: 'actor:ska', role: 'ansvarig' }, { actorId: 'actor:vgr' }],
      forumIds: ['forum:natverksgruppen-barn-och-unga'],
      activityIds: ['activity:arbete-01-uppsokande-verksamhet'],
    }, COLLABORATION);
    const collaboration = created.collaboration;
    expect(collaboration).toMatchObject({ targetLevel: 'SAMVERKAN', version: 1, forums: [{ id: 'forum:natverksgruppen-barn-och-unga' }], activities: [{ id: 'activity:arbete-01-uppsokande-verksamhet' }] });
    expect(collaboration.participations).toEqual(expect.arrayContaining([
      { actor: { id: 'actor:ska' }, role: 'ansvarig', version: 1 },
      { actor: { id: 'actor:vgr' }, role: null, version: 1 },
    ]));

    const updated = await mutate(server, 'updateCollaboration', 'UpdateCollaborationInput', { id: collaboration.id, version: 1, targetLevel: 'INTEGRERAT', type: null }, COLLABORATION);
    expect(updated.collaboration).toMatchObject({ targetLevel: 'INTEGRERAT', type: null, version: 2 });

    const PART = 'participation { actor { id } collaboration { id } role version }';
    const added = await mutate(server, 'addCollaborationParticipant', 'CollaborationSeatInput', { collaborationId: collaboration.id, actorId: 'actor:polisen', role: 'stöd' }, PART);
    expect(added.participation).toEqual({ actor: { id: 'actor:polisen' }, collaboration: { id: collaboration.id }, role: 'stöd', version: 1 });
    const changed = await mutate(server, 'updateCollaborationParticipant', 'CollaborationSeatInput', { collaborationId: collaboration.id, actorId: 'actor:polisen', role: 'ansvarig', version: 1 }, PART);
    expect(changed.participation).toMatchObject({ role: 'ansvarig', version: 2 });
    const removed = await mutate(server, 'removeCollaborationParticipant', 'CollaborationSeatInput', { collaborationId: collaboration.id, actorId: 'actor:vgr', version: 1 }, 'collaboration { participants { id } }');
    expect(removed.collaboration.participants.map((a: any) => a.id).sort()).toEqual(['actor:polisen', 'actor:ska']);

    const linked = await mutate(server, 'linkCollaboration', 'LinkCollaborationInput', { id: collaboration.id, relation: 'FORUM', targetId: 'forum:beredningsgrupp-barn-och-unga' }, COLLABORATION);
    expect(linked.collaboration.forums).toHaveLength(2);
    const unlinked = await mutate(server, 'unlinkCollaboration', 'LinkCollaborationInput', { id: collaboration.id, relation: 'ACTIVITY', targetId: 'activity:arbete-01-uppsokande-verksamhet' }, COLLABORATION);
    expect(unlinked.collaboration.activities).toEqual([]);
    expect((await mutate(server, 'deleteCollaboration', 'NodeVersionInput', { id: collaboration.id, version: 2 })).__typename).toBe('DeleteCollaborationSuccess');
  });

  it('names the field and the reason when a collaboration is wrong', async () => {
    expect(fieldErrors(await mutate(server, 'createCollaboration', 'CreateCollaborationInput', { name: '', participants: [{ actorId: 'actor:ska' }, { actorId: 'actor:ska' }] }))).toEqual({
      'input.name': 'får inte vara tomt',
      'input.participants.1.actorId': 'actor:ska står redan bland deltagarna',
    });
    expect(fieldErrors(await mutate(server, 'addCollaborationParticipant', 'CollaborationSeatInput', { collaborationId: 'collaboration:gemensam-kaa-enhet', actorId: 'forum:natverksgruppen-barn-och-unga' }))).toEqual({
      'input.actorId': 'forum:natverksgruppen-barn-och-unga är inte en aktör',
    });
  });
});

describe('styrdokument', () => {
  it('creates a styrdokument with its owner, changes the owner and deletes it', async () => {
    const created = await mutate(server, 'createPolicyDocument', 'CreatePolicyDocumentInput', { title: 'Handlingsplan mot segregation', type: 'plan', adopted: '2025-03', validUntil: '2028', ownerId: 'actor:ska' }, 'policyDocument { id title type adopted validUntil version owner { id } }');
    expect(created.policyDocument).toMatchObject({ type: 'plan', adopted: '2025-03', validUntil: '2028', version: 1, owner: { id: 'actor:ska' } });
    const updated = await mutate(server, 'updatePolicyDocument', 'UpdatePolicyDocumentInput', { id: created.policyDocument.id, version: 1, ownerId: 'actor:vgr', validUntil: null }, 'policyDocument { validUntil version owner { id } }');
    expect(updated.policyDocument).toEqual({ validUntil: null, version: 2, owner: { id: 'actor:vgr' } });
    expect((await mutate(server, 'deletePolicyDocument', 'NodeVersionInput', { id: created.policyDocument.id, version: 2 })).__typename).toBe('DeletePolicyDocumentSuccess');
  });

  it('names the field and the reason when a styrdokument is wrong', async () => {
    expect(fieldErrors(await mutate(server, 'createPolicyDocument', 'CreatePolicyDocumentInput', { title: 'Lag', type: 'lag', adopted: '2025-13' }))).toEqual({
      'input.type': 'måste vara en av: program, plan, policy, riktlinje, vision, strategi, annat',
      'input.adopted': 'måste vara ett år eller datum: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
    });
    expect(fieldErrors(await mutate(server, 'createPolicyDocument', 'CreatePolicyDocumentInput', { title: 'Plan', adopted: '2025-06-01', validUntil: '2024' }))).toEqual({
      'input.validUntil': 'får inte vara före adopted (2025-06-01)',
    });
  });
});
