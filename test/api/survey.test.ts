import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { fieldErrors, mutate } from '../support/mutate.ts';
import { addRespondents, answers, openRound, respond, roundOf } from '../support/survey.ts';
import { readSeedData } from '../../seed/load.ts';
import { LINK_REFUSED } from '../../server/survey/routes.ts';

/*
 * Skattningsomgångar: an editor opens a round and hands out personal links; the
 * respondents answer by link alone; at close the answers become the
 * collaboration's assessment. And what a link must never do.
 */

const seed = readSeedData();
const SKOLAN = seed.collaborations.find((c) => c.name === 'Skolan som arena')!;
const [GRUF, NARINGSLIVET, CIVILSAMHALLET] = ['actor:gruf', 'actor:naringslivet', 'actor:civilsamhallet'];
const nameOf = (id: string) => seed.actors.find((a) => a.id === id)!.name;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const changesOf = (id: string, as: string) =>
  server.gql<{ changes: { nodes: { operation: string; by: string | null; byName: string | null; after: string | null }[] } }>(
    'query($id: ID!) { changes(nodeId: $id, first: 100) { nodes { operation by byName after } } }', { id }, { as });

describe('a round for Skolan som arena', () => {
  let round: any;
  const links = new Map<string, string>();

  it('opens for the collaboration, and takes respondents one by one and as a pasted list', async () => {
    expect(SKOLAN.participants.map((p) => p.actor).sort()).toEqual([CIVILSAMHALLET, GRUF, NARINGSLIVET].sort());
    const opened = await openRound(server, { collaborationIds: [SKOLAN.id], message: 'Svara senast på fredag.' });
    expect(opened.__typename).toBe('OpenSurveyRoundSuccess');
    [round] = opened.opened.rounds;
    expect(round).toMatchObject({ status: 'OPEN', message: 'Svara senast på fredag.', tally: '0 av 0, 0 organisationer', collaboration: { id: SKOLAN.id } });
    const added = await addRespondents(server, {
      roundId: round.id,
      respondents: [{ name: 'Anna', organisationId: GRUF, email: 'anna@example.org' }],
      // Organisations by name or short name, as a beredningsgrupp's list would give them.
      list: `Namn;Organisation;E-post\nBo;GRUF;\nCilla;${nameOf(NARINGSLIVET)};cilla@example.org\nDavid;${nameOf(CIVILSAMHALLET)}`,
    });
    expect(added.__typename).toBe('AddRespondentsSuccess');
    expect(added.added.round.tally).toBe('0 av 4, 0 organisationer');
    for (const link of added.added.links) links.set(link.respondent.name, link.token);
    expect(added.added.links.map((l: any) => [l.respondent.name, l.respondent.organisation.id])).toEqual([
      ['Anna', GRUF], ['Bo', GRUF], ['Cilla', NARINGSLIVET], ['David', CIVILSAMHALLET],
    ]);
    expect(added.added.links[0].path).toBe(`/svar/${links.get('Anna')}`);
  });

  it('refuses respondents of an organisation outside the collaboration, naming the row', async () => {
    const refused = await addRespondents(server, { roundId: round.id, respondents: [{ name: 'Eva', organisationId: 'actor:polisen' }], list: 'Fia;Polisen' });
    const errors = fieldErrors(refused);
    expect(errors['input.list.1']).toMatch(/Polisen.*ingen av deltagarna/);
    const one = fieldErrors(await addRespondents(server, { roundId: round.id, respondents: [{ name: 'Eva', organisationId: 'actor:polisen' }] }));
    expect(one['input.respondents.0.organisationId']).toMatch(/deltar inte i samverkan/);
    expect((await roundOf(server, round.id)).invited).toBe(4);
  });

  it('gives each link 256 random bits, stored only as its SHA-256 hash', async () => {
    const tokens = [...links.values()];
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(new Set(tokens).size).toBe(4);
    const graph = JSON.stringify(await server.store.read('node/list-graph-content'));
    for (const token of tokens) {
      expect(graph).not.toContain(token);
      expect(graph).toContain(createHash('sha256').update(token).digest('hex'));
    }
  });

  it('shows a respondent their survey: the collaboration, its participants, the instrument, when it closes', async () => {
    const { status, body, headers } = await respond(server, 'las', { token: links.get('Anna') });
    expect(status).toBe(200);
    expect(headers.get('set-cookie')).toBeNull();
    expect(Object.keys(body).sort()).toEqual(['answers', 'collaboration', 'comment', 'instrument', 'respondent', 'round', 'savedAt', 'signals']);
    expect(body.collaboration).toEqual({ name: SKOLAN.name, participants: SKOLAN.participants.map((p) => nameOf(p.actor)).sort((a, b) => a.localeCompare(b, 'sv')) });
    expect(body.respondent).toEqual({ name: 'Anna', organisation: nameOf(GRUF) });
    expect(body.round).toEqual({ closesOn: round.closesOn, message: 'Svara senast på fredag.' });
    expect(body.instrument.layers.flatMap((l: any) => l.items.map((i: any) => i.id))).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
    expect(body.instrument.targetQuestion).toBeTruthy();
    expect(body.instrument.signals.length).toBeGreaterThan(0);
  });

  it('saves each change as it comes, "vet ej" included, and counts who has answered', async () => {
    for (const [key, value] of Object.entries(answers([4, 4, 4, 4, 4, 4]))) {
      expect((await respond(server, 'spara', { token: links.get('Anna'), answers: { [key]: value } })).status).toBe(200);
    }
    // Bo does not know b1: layer B rests on b2.
    const bo = await respond(server, 'spara', { token: links.get('Bo'), answers: answers([4, 4, 0, 3, 4, 4]), comment: 'Vi behöver träffas oftare.' });
    expect(bo.body.answers.b1).toBe(0);
    expect(bo.body.comment).toBe('Vi behöver träffas oftare.');
    await respond(server, 'spara', { token: links.get('Cilla'), answers: answers([2, 2, 2, 2, 2, 2], [3, 3, 3]), signals: ['SJUNKANDE_NARVARO'] });
    // Changeable until the round closes.
    await respond(server, 'spara', { token: links.get('Cilla'), answers: { a1: 2 } });
    const now = await roundOf(server, round.id);
    expect(now.tally).toBe('3 av 4, 2 organisationer');
    expect(now.comments).toEqual(['Vi behöver träffas oftare.']);
    expect(now.organisations.map((o: any) => [o.organisation.id, o.invited, o.answered, o.medians.map((m: any) => m.median)])).toEqual([
      [CIVILSAMHALLET, 1, 0, [null, null, null]],
      [GRUF, 2, 2, [4, 3.5, 4]],
      [NARINGSLIVET, 1, 1, [2, 2, 2]],
    ]);
  });

  it('shows one person\'s answers to ADMIN only', async () => {
    const query = 'query($id: ID!) { surveyRound(id: $id) { respondents { name answers { a1 b1 } } } }';
    const editor = await server.gql(query, { id: round.id }, { as: server.keys.REDAKTOR });
    expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await server.gql(query, { id: round.id }, { as: server.keys.ADMIN });
    expect(admin.data!.surveyRound.respondents.find((r: any) => r.name === 'Bo').answers).toEqual({ a1: 4, b1: 0 });
    const reader = await server.gql('query($id: ID!) { surveyRound(id: $id) { tally } }', { id: round.id }, { as: server.keys.LASARE });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('fixes the organisation by the link: a body that names another is refused, and nothing is saved', async () => {
    const refused = await respond(server, 'spara', { token: links.get('David'), organisation: GRUF, answers: { a1: 5 } });
    expect(refused.status).toBe(400);
    const other = await respond(server, 'spara', { token: links.get('David'), answers: { a1: 5, organisationId: GRUF } });
    expect(other.status).toBe(400);
    expect((await respond(server, 'las', { token: links.get('David') })).body.answers.a1).toBeNull();
  });

  it('takes JSON only and no cookie, so another site cannot post answers through a browser', async () => {
    const token = links.get('David')!;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const sent = await respond(server, 'spara', {}, { type, raw: JSON.stringify({ token, answers: { a1: 5 } }) });
      expect(sent.status, type).toBe(415);
    }
    // A signed-in editor's cookie gives a respondent request nothing: only the token counts.
    expect((await respond(server, 'las', {}, { headers: { cookie: 'svk_session=x' } })).status).toBe(400);
    expect((await respond(server, 'las', { token })).body.answers.a1).toBeNull();
  });

  it('records every change to the round, the editor\'s by name and each answer by respondent id without its content', async () => {
    const { data } = await changesOf(round.id, server.keys.REDAKTOR);
    const operations = data!.changes.nodes.map((c) => c.operation);
    // Anna saved her nine answers one by one, Bo all at once, Cilla twice.
    expect(operations.filter((o) => o === 'saveSurveyAnswer').length).toBe(12);
    expect(operations).toContain('addRespondents');
    expect(operations).toContain('openSurveyRound');
    const anna = (await roundOf(server, round.id)).respondents.find((r: any) => r.name === 'Anna');
    const saved = data!.changes.nodes.filter((c) => c.operation === 'saveSurveyAnswer' && c.by === anna.id);
    expect(saved).toHaveLength(9);
    for (const change of saved) expect(Object.keys(JSON.parse(change.after!))).toEqual(['respondent', 'saved']);
    expect(data!.changes.nodes.find((c) => c.operation === 'addRespondents')!.byName).toBe('Test REDAKTOR');
    // A round's history names people: not for readers.
    expect((await changesOf(round.id, server.keys.LASARE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a revoked link as it refuses a random one, and leaves its answers out', async () => {
    const david = (await roundOf(server, round.id)).respondents.find((r: any) => r.name === 'David');
    const revoked = await mutate(server, 'revokeRespondent', 'RevokeRespondentInput', { respondentId: david.id }, 'respondent { revoked }');
    expect(revoked.respondent.revoked).toBe(true);
    const viaRevoked = await respond(server, 'las', { token: links.get('David') });
    const viaRandom = await respond(server, 'las', { token: Buffer.alloc(32, 7).toString('base64url') });
    expect(viaRevoked).toMatchObject({ status: 404, body: { error: LINK_REFUSED } });
    expect(viaRandom.status).toBe(404);
    expect(viaRandom.body).toEqual(viaRevoked.body);
    expect((await respond(server, 'spara', { token: links.get('David'), answers: { a1: 3 } })).status).toBe(404);
    expect((await roundOf(server, round.id)).tally).toBe('3 av 3, 2 organisationer');
  });

  it('gives a link nothing of the map: not through GraphQL, not through its own endpoints', async () => {
    const token = links.get('Anna')!;
    for (const query of ['{ gaps { totalCount findings { evidence } } }', '{ actors { nodes { id name } } }', `{ surveyRound(id: "${round.id}") { tally } }`]) {
      for (const headers of [{ authorization: `Bearer ${token}` }, { 'x-survey-token': token }] as Record<string, string>[]) {
        const asToken = await server.gql(query, {}, { headers });
        if ('authorization' in headers) expect(asToken.status, query).toBe(401);
        // Without a credential it is an anonymous request: public data at most, never a round.
        else if (query.includes('surveyRound')) expect(asToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
    for (const extra of [{ query: '{ gaps { totalCount } }' }, { query: '{ actors { nodes { name } } }' }, { roundId: round.id }]) {
      const sent = await respond(server, 'las', { token, ...extra });
      expect(sent.status).toBe(400);
      expect(Object.keys(sent.body)).toEqual(['error']);
    }
    const other = await openRound(server, { collaborationIds: ['collaboration:socialtjansten-polisen'] });
    const otherLinks = await addRespondents(server, { roundId: other.opened.rounds[0].id, respondents: [{ name: 'Gun', organisationId: 'actor:polisen' }] });
    expect((await respond(server, 'las', { token })).body.collaboration.name).toBe(SKOLAN.name);
    expect((await respond(server, 'las', { token: otherLinks.added.links[0].token })).body.collaboration.name).not.toBe(SKOLAN.name);
    for (const path of ['/api/svar/rundor', `/api/svar/${token}`]) {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      expect(response.status).toBe(404);
    }
  });

  it('at close becomes the collaboration\'s assessment by the scoring rules, perception gap included', async () => {
    const closed = await mutate(server, 'closeSurveyRound', 'SurveyRoundInput', { roundId: round.id }, 'round { status assessment { id method respondents organisations provisional level layers { layer score } perceptionGaps { layer organisations { id } difference } } }');
    expect(closed.round.status).toBe('CLOSED');
    // Anna 4/4/4, Bo 4/3/4 (b1 "vet ej"), Cilla 2/2/2: medians A 4, B 3, C 4; mean 3,67 → 4, capped at B + 1 = 4.
    expect(closed.round.assessment).toMatchObject({ method: 'SURVEY', respondents: 3, organisations: 2, provisional: false, level: 'INTEGRERAT' });
    expect(closed.round.assessment.layers.map((l: any) => l.score)).toEqual([4, 3, 4]);
    // GRUF's medians 4 and 4 against Näringslivet's 2 and 2 on layers A and C.
    expect(closed.round.assessment.perceptionGaps.map((g: any) => [g.layer, g.organisations.map((o: any) => o.id), g.difference])).toEqual([
      ['A', [NARINGSLIVET, GRUF], 2], ['C', [NARINGSLIVET, GRUF], 2],
    ]);
    const { data } = await server.gql('query($id: ID!) { node(id: $id) { ... on Collaboration { level assessments { id } } } }', { id: SKOLAN.id });
    expect(data!.node).toEqual({ level: 'INTEGRERAT', assessments: [{ id: closed.round.assessment.id }] });
  });

  it('refuses a link after close, revealing nothing, and refuses changes to the closed round', async () => {
    const afterClose = await respond(server, 'spara', { token: links.get('Anna'), answers: { a1: 1 } });
    expect(afterClose).toMatchObject({ status: 404, body: { error: LINK_REFUSED } });
    expect(fieldErrors(await mutate(server, 'extendSurveyRound', 'ExtendSurveyRoundInput', { roundId: round.id, closesOn: '2099-01-01' }))['input.roundId']).toMatch(/stängd/);
    expect(fieldErrors(await addRespondents(server, { roundId: round.id, respondents: [{ name: 'Hans', organisationId: GRUF }] }))['input.roundId']).toMatch(/stängd/);
    const { data } = await changesOf(round.id, server.keys.REDAKTOR);
    expect(data!.changes.nodes[0]).toMatchObject({ operation: 'closeSurveyRound', byName: 'Test REDAKTOR' });
  });

  it('refuses writes by readers, and a closing date that has passed', async () => {
    await expect(openRound(server, { collaborationIds: [SKOLAN.id] }, server.keys.LASARE)).rejects.toThrow(/REDAKTOR/);
    expect(fieldErrors(await openRound(server, { collaborationIds: [SKOLAN.id], closesOn: '2020-01-01' }))['input.closesOn']).toMatch(/passerat/);
    expect(fieldErrors(await openRound(server, {}))['input.collaborationIds']).toMatch(/minst en/);
  });
});

describe('a round whose closing date passes', () => {
  it('closes at the next request, and its answers become the assessment, provisional when too few, which the gap rules see', async () => {
    const opened = await openRound(server, { collaborationIds: ['collaboration:socialtjansten-polisen'] });
    const id = opened.opened.rounds[0].id;
    const added = await addRespondents(server, { roundId: id, respondents: [{ name: 'Ida', organisationId: 'actor:polisen' }] });
    await respond(server, 'spara', { token: added.added.links[0].token, answers: answers([3, 3, 3, 3, 3, 3]) });
    const neverAssessed = async () => {
      const { data } = await server.gql('{ gaps(filter: { rules: ["collaboration-never-assessed"] }) { findings { subjectIds } } }');
      return data!.gaps.findings.some((f: any) => f.subjectIds.includes('collaboration:socialtjansten-polisen'));
    };
    expect(await neverAssessed()).toBe(true);
    // The closing date is moved into the past in the store itself: no request could set it there.
    await server.store.write([{ query: 'survey/update-round', params: { id, props: { closesOn: '2024-05-31' } } }]);
    // The gap rules read the taxonomy: the first request after the closing date sees the round's assessment.
    expect(await neverAssessed()).toBe(false);
    const { data } = await server.gql('{ taxonomy { collaborations { collaboration { id } provisional trajectory { date } } } }');
    const placement = data!.taxonomy.collaborations.find((p: any) => p.collaboration.id === 'collaboration:socialtjansten-polisen');
    expect(placement).toMatchObject({ provisional: true, trajectory: [{ date: '2024-05-31' }] });
    expect((await roundOf(server, id)).status).toBe('CLOSED');
    expect((await respond(server, 'las', { token: added.added.links[0].token })).status).toBe(404);
    const changes = await changesOf(id, server.keys.REDAKTOR);
    expect(changes.data!.changes.nodes[0]).toMatchObject({ operation: 'closeSurveyRoundAtClosingDate', by: 'system' });
  });

  it('opens one round for each collaboration of a forum at once (the seed has one forum that realises one)', async () => {
    const forumIds = (c: (typeof seed.collaborations)[number]) => c.forums.map((x) => (typeof x === 'string' ? x : x.id));
    const forum = seed.forums.find((f) => seed.collaborations.some((c) => forumIds(c).includes(f.id)))!;
    const expected = seed.collaborations.filter((c) => forumIds(c).includes(forum.id)).map((c) => c.id).sort();
    const opened = await openRound(server, { forumId: forum.id });
    expect(opened.opened.rounds.map((r: any) => r.collaboration.id).sort()).toEqual(expected);
  });
});

describe('deleting a collaboration', () => {
  it('removes its rounds and their respondents in the same write', async () => {
    const collaboration = seed.collaborations.find((c) => c.name === 'Familjecentralerna')!;
    const opened = await openRound(server, { collaborationIds: [collaboration.id] });
    const id = opened.opened.rounds[0].id;
    const added = await addRespondents(server, { roundId: id, respondents: [{ name: 'Jonna Raderasson', organisationId: collaboration.participants[0]!.actor }] });
    const version = (await server.gql(`{ node(id: "${collaboration.id}") { ... on Collaboration { version } } }`)).data!.node.version;
    const deleted = await mutate(server, 'deleteCollaboration', 'NodeVersionInput', { id: collaboration.id, version });
    expect(deleted.__typename).toBe('DeleteCollaborationSuccess');
    expect(await roundOf(server, id)).toBeNull();
    expect((await respond(server, 'las', { token: added.added.links[0].token })).status).toBe(404);
    // Only the audit trail still says who was asked, as it keeps every write.
    const left = (await server.store.read<{ labels: string[]; node: Record<string, unknown> }>('node/list-graph-content'))
      .filter((row) => !row.labels.includes('Change') && JSON.stringify(row.node).includes('Jonna Raderasson'));
    expect(left).toEqual([]);
  });
});

describe('guessing links', () => {
  let guessed: TestServer;
  beforeAll(async () => {
    guessed = await startTestServer();
  });
  afterAll(async () => guessed?.close());

  it('is limited per address: after 10 tokens that open nothing in a minute, 429 with Retry-After, even for a good link', async () => {
    const opened = await openRound(guessed, { collaborationIds: [SKOLAN.id] });
    const good = (await addRespondents(guessed, { roundId: opened.opened.rounds[0].id, respondents: [{ name: 'Anna', organisationId: GRUF }] })).added.links[0].token;
    for (let i = 0; i < 10; i++) {
      expect((await respond(guessed, 'las', { token: Buffer.alloc(32, i).toString('base64url') })).status).toBe(404);
    }
    const limited = await respond(guessed, 'las', { token: Buffer.alloc(32, 99).toString('base64url') });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await respond(guessed, 'las', { token: good })).status).toBe(429);
  });
});
