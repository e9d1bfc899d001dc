import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { engineLabel } from '../support/engine.ts';
import { readSeedData } from '../../seed/load.ts';
import { daysFromToday, today } from '../../server/domain/days.ts';

/*
 * The map as of a day, on one story told through the API with dates relative
 * to today: forums started and ended, seats ended and added. Every date the
 * test checks follows from the dates it wrote.
 */

const daysAgo = (n: number) => daysFromToday(-n);
const TODAY = today();
const YESTERDAY = daysAgo(1);
const TWO_DAYS_AGO = daysAgo(2);
const THREE_DAYS_AGO = daysAgo(3);
const LAST_WEEK = daysAgo(7);
const LAST_MONTH = daysAgo(30);
const LAST_YEAR = daysAgo(365);
const TWO_YEARS_AGO = daysAgo(730);

const seed = readSeedData();
const [a1, a2, a3] = seed.actors.slice(0, 3).map((a) => a.id) as [string, string, string];
const goal = seed.goals[0]!.id;
const run = `Tid ${Date.now().toString(36)}`;

let server: TestServer;
const ids: Record<'A' | 'B' | 'T' | 'C' | 'Q', string> = { A: '', B: '', T: '', C: '', Q: '' };

async function ok<T = Record<string, any>>(s: TestServer, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await s.gql<T>(query, variables, { as: s.keys.REDAKTOR });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const CREATE = `mutation($input: CreateForumInput!) { createForum(input: $input) { __typename ... on CreateForumSuccess { forum { id version } } ... on ValidationError { message } } }`;

async function createForum(s: TestServer, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const data = await ok(s, CREATE, { input });
  expect(data.createForum.__typename, JSON.stringify(data.createForum)).toBe('CreateForumSuccess');
  return data.createForum.forum;
}

async function createCollaboration(s: TestServer, input: Record<string, unknown>): Promise<{ id: string }> {
  const data = await ok(s, `mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { __typename ... on CreateCollaborationSuccess { collaboration { id } } } }`, { input });
  expect(data.createCollaboration.__typename, JSON.stringify(data.createCollaboration)).toBe('CreateCollaborationSuccess');
  return data.createCollaboration.collaboration;
}

async function seatVersion(forumId: string, actorId: string): Promise<number> {
  const data = await ok(server, `query($id: ID!) { node(id: $id) { ... on Forum { members { actor { id } version } } } }`, { id: forumId });
  return data.node.members.find((m: { actor: { id: string } }) => m.actor.id === actorId).version;
}

async function endForum(s: TestServer, id: string, version: number, date: string) {
  const data = await ok(s, `mutation($input: EndInput!) { endForum(input: $input) { __typename ... on EndForumSuccess { forum { id validTo } } } }`, { input: { id, version, date } });
  expect(data.endForum.__typename).toBe('EndForumSuccess');
}

async function endSeat(s: TestServer, forumId: string, actorId: string, version: number, date: string) {
  const data = await ok(s, `mutation($input: EndForumMemberInput!) { endForumMember(input: $input) { __typename ... on EndForumMemberSuccess { membership { to } } } }`, {
    input: { forumId, actorId, version, date },
  });
  expect(data.endForumMember.__typename).toBe('EndForumMemberSuccess');
}

async function addSeat(s: TestServer, forumId: string, actorId: string, from: string) {
  const data = await ok(s, `mutation($input: ForumSeatInput!) { addForumMember(input: $input) { __typename } }`, { input: { forumId, actorId, role: 'LEDAMOT', from } });
  expect(data.addForumMember.__typename).toBe('AddForumMemberSuccess');
}

const member = (actorId: string, from?: string) => ({ actorId, role: 'LEDAMOT', ...(from ? { from } : {}) });

beforeAll(async () => {
  server = await startTestServer();
  // A and B: the same members on the same goal, a merge candidate while both hold; B ended last month.
  ids.A = (await createForum(server, { name: `${run} A`, members: [member(a1), member(a2)], goalIds: [goal] })).id;
  const b = await createForum(server, { name: `${run} B`, validFrom: TWO_YEARS_AGO, members: [member(a1), member(a2)], goalIds: [goal] });
  ids.B = b.id;
  await endForum(server, b.id, b.version, LAST_MONTH);
  // T: a1 sat in it from last year until yesterday; a2 joined two days ago.
  ids.T = (await createForum(server, { name: `${run} T`, members: [member(a1, LAST_YEAR), member(a3)] })).id;
  await endSeat(server, ids.T, a1, await seatVersion(ids.T, a1), YESTERDAY);
  await addSeat(server, ids.T, a2, TWO_DAYS_AGO);
  // C started three days ago.
  ids.C = (await createForum(server, { name: `${run} C`, validFrom: THREE_DAYS_AGO, members: [member(a3)] })).id;
  // Q: a collaboration a1 took part in from last year until two days ago.
  ids.Q = (await createCollaboration(server, { name: `${run} Q`, participants: [{ actorId: a1, from: LAST_YEAR }, { actorId: a2 }] })).id;
  const part = await ok(server, `query($id: ID!) { node(id: $id) { ... on Collaboration { participations { actor { id } version } } } }`, { id: ids.Q });
  const version = part.node.participations.find((p: { actor: { id: string } }) => p.actor.id === a1).version;
  const ended = await ok(server, `mutation($input: EndCollaborationParticipantInput!) { endCollaborationParticipant(input: $input) { __typename ... on EndCollaborationParticipantSuccess { participation { to } } } }`, {
    input: { collaborationId: ids.Q, actorId: a1, version, date: TWO_DAYS_AGO },
  });
  expect(ended.endCollaborationParticipant.participation.to).toBe(TWO_DAYS_AGO);
});
afterAll(async () => server?.close());

const FORUM = `id name validFrom validTo members { actor { id } from to }`;

async function forumAsOf(id: string, asOf?: string) {
  const data = await ok(server, `query($text: String, $asOf: Date) { forums(filter: { text: $text }, asOf: $asOf) { nodes { ${FORUM} } } }`, {
    text: run,
    asOf: asOf ?? null,
  });
  return data.forums.nodes.find((f: { id: string }) => f.id === id) as { members: { actor: { id: string }; to: string | null }[] } | undefined;
}

const FINDINGS = `totalCount findings { id rule title evidence subjectIds }`;
type Finding = { id: string; rule: string; title: string; evidence: string; subjectIds: string[] };

async function report(s: TestServer, name: 'gaps' | 'overlaps', asOf?: string): Promise<Finding[]> {
  const data = await ok(s, `query($asOf: Date) { ${name}(asOf: $asOf) { ${FINDINGS} } }`, { asOf: asOf ?? null });
  return data[name].findings;
}

describe(`the map as of a day (${engineLabel()})`, () => {
  it('a membership ended yesterday is absent from today\'s forum and present as of last week', async () => {
    const now = await forumAsOf(ids.T);
    expect(now!.members.map((m) => m.actor.id).sort()).toEqual([a2, a3].sort());
    const then = await forumAsOf(ids.T, LAST_WEEK);
    expect(then!.members.map((m) => m.actor.id).sort()).toEqual([a1, a3].sort());
    expect(then!.members.find((m) => m.actor.id === a1)!.to).toBe(YESTERDAY);
    // A part in a collaboration ended two days ago, likewise.
    const parts = async (asOf: string | null) =>
      (await ok(server, `query($asOf: Date) { collaborations(filter: { text: "${run}" }, asOf: $asOf) { nodes { participations { actor { id } } } } }`, { asOf })).collaborations.nodes[0].participations.map((p: { actor: { id: string } }) => p.actor.id).sort();
    expect(await parts(null)).toEqual([a2]);
    expect(await parts(LAST_WEEK)).toEqual([a1, a2].sort());
    // The forum's own lookup reads its seats as of today, and the actor's side agrees.
    const node = await ok(server, `query($id: ID!) { node(id: $id) { ... on Actor { forums { forum { id } } } } }`, { id: a1 });
    expect(node.node.forums.map((m: { forum: { id: string } }) => m.forum.id)).not.toContain(ids.T);
  });

  it('looks a node up as of a day: a forum ended last month is not found today, and is found with last year\'s seats', async () => {
    const lookup = async (asOf: string | null) =>
      (await ok(server, `query($ids: [ID!]!, $asOf: Date) { nodes(ids: $ids, asOf: $asOf) { id ... on Forum { members { actor { id } } } } }`, { ids: [ids.B, ids.T], asOf })).nodes;
    const [endedNow, tNow] = await lookup(null);
    expect(endedNow).toBeNull();
    expect(tNow.members.map((m: { actor: { id: string } }) => m.actor.id).sort()).toEqual([a2, a3].sort());
    const [endedThen, tThen] = await lookup(LAST_WEEK);
    expect(endedThen).toBeNull();
    expect(tThen.members.map((m: { actor: { id: string } }) => m.actor.id).sort()).toEqual([a1, a3].sort());
    const [b] = await lookup(LAST_YEAR);
    expect(b.id).toBe(ids.B);
    expect(b.members.map((m: { actor: { id: string } }) => m.actor.id).sort()).toEqual([a1, a2].sort());
    const one = await ok(server, `query($id: ID!, $asOf: Date) { node(id: $id, asOf: $asOf) { id } }`, { id: ids.C, asOf: LAST_WEEK });
    expect(one.node).toBeNull();
  });

  it('a forum ended last month is absent from today\'s forums and overlaps and present in last year\'s', async () => {
    expect(await forumAsOf(ids.B)).toBeUndefined();
    expect(await forumAsOf(ids.B, LAST_YEAR)).toBeDefined();
    const merge = (findings: Finding[]) => findings.filter((f) => f.rule === 'forum-merge-candidate' && f.subjectIds.includes(ids.B));
    expect(merge(await report(server, 'overlaps'))).toEqual([]);
    const then = merge(await report(server, 'overlaps', LAST_YEAR));
    expect(then).toHaveLength(1);
    expect(then[0]!.subjectIds).toEqual(expect.arrayContaining([ids.A, ids.B, goal]));
    // Before it started, it was not there either.
    expect(await forumAsOf(ids.B, daysAgo(731))).toBeUndefined();
  });

  it('changesBetween lists exactly the changes dated between the two days', async () => {
    const data = await ok(server, `query($from: Date!, $to: Date!) { changesBetween(from: $from, to: $to) { kind description subjectIds } }`, { from: LAST_WEEK, to: TODAY });
    const changes = data.changesBetween as { kind: string; description: string; subjectIds: string[] }[];
    const facts = changes.filter((c) => !c.kind.startsWith('FINDING_'));
    expect(facts.map((c) => [c.kind, ...c.subjectIds])).toEqual([
      ['FORUM_STARTED', ids.C],
      ['MEMBERSHIP_GAINED', ids.T, a2],
      ['MEMBERSHIP_LOST', ids.T, a1],
      ['PARTICIPATION_LOST', ids.Q, a1],
    ]);
    expect(facts[0]!.description).toBe(`Forumet ”${run} C” startade.`);
    // Findings that appeared and disappeared: the difference of the two days' reports.
    const idsOf = async (asOf: string) => new Set([...(await report(server, 'gaps', asOf)), ...(await report(server, 'overlaps', asOf))].map((f) => f.id));
    const [before, after] = [await idsOf(LAST_WEEK), await idsOf(TODAY)];
    const appeared = changes.filter((c) => c.kind === 'FINDING_APPEARED').length;
    const disappeared = changes.filter((c) => c.kind === 'FINDING_DISAPPEARED').length;
    expect(appeared).toBe([...after].filter((id) => !before.has(id)).length);
    expect(disappeared).toBe([...before].filter((id) => !after.has(id)).length);
    expect(appeared + disappeared).toBeGreaterThan(0);
    // A day on which nothing was dated changes nothing.
    const none = await ok(server, `{ changesBetween(from: "${LAST_YEAR}", to: "${daysAgo(364)}") { kind } }`);
    expect(none.changesBetween).toEqual([]);
  });

  it('refuses a period that ends before it starts, and a day that is not in the calendar', async () => {
    const backwards = await server.gql(`{ changesBetween(from: "${TODAY}", to: "${LAST_WEEK}") { kind } }`);
    expect(backwards.errors?.[0]?.message).toBe(`to: får inte vara före from (${TODAY})`);
    const bad = await server.gql(`{ forums(asOf: "2025-02-30") { totalCount } }`);
    expect(bad.errors?.[0]?.message).toContain('asOf: måste vara ett datum i kalendern');
    const end = await ok(server, `mutation($input: EndInput!) { endForum(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }`, {
      input: { id: ids.C, version: 1, date: LAST_WEEK },
    });
    expect(end.endForum.fieldErrors).toEqual([{ path: 'input.date', message: `får inte vara före starten (${THREE_DAYS_AGO})` }]);
  });

  it('a report as of last year equals the report on a copy of the graph rebuilt from the audit trail up to that day', async () => {
    // The audit trail of the story: every change of its forums, oldest first.
    const trail = new Map<string, { at: string; operation: string; before: string | null; after: string | null }>();
    for (const id of Object.values(ids)) {
      const data = await ok(server, `query($id: ID!) { changes(nodeId: $id, first: 100) { nodes { id at operation before after } } }`, { id });
      for (const c of data.changes.nodes) trail.set(c.id, c);
    }
    const changes = [...trail.values()].sort((x, y) => x.at.localeCompare(y.at));
    expect(changes.map((c) => c.operation)).toEqual(['createForum', 'createForum', 'endForum', 'createForum', 'endForumMember', 'addForumMember', 'createForum', 'createCollaboration', 'endCollaborationParticipant']);
    // Replayed on a fresh copy of the seeded graph (embedded), each change only if the day it took effect was by then.
    const copy = await startTestServer({ engine: { engine: 'embedded' } });
    try {
      const newIds = new Map<string, string>();
      const asOf = LAST_YEAR;
      for (const change of changes) {
        const after = JSON.parse(change.after!);
        if (change.operation === 'createForum') {
          if (after.validFrom && after.validFrom > asOf) continue;
          const links = after.links as { type: string; from: string; to: string; props: Record<string, unknown> }[];
          const seats = links.filter((l) => l.type === 'MEMBER_OF').filter((l) => !l.props.from || (l.props.from as string) <= asOf);
          const created = await createForum(copy, {
            name: after.name,
            ...(after.validFrom ? { validFrom: after.validFrom } : {}),
            members: seats.map((l) => ({ actorId: l.from, role: l.props.role, ...(l.props.from ? { from: l.props.from } : {}) })),
            goalIds: links.filter((l) => l.type === 'WORKS_ON').map((l) => l.to),
          });
          newIds.set(after.id, created.id);
        } else if (change.operation === 'endForum') {
          if (after.validTo > asOf) continue;
          throw new Error('the story ends no forum by last year');
        } else if (change.operation === 'createCollaboration') {
          const links = after.links as { type: string; from: string; props: Record<string, unknown> }[];
          const parts = links.filter((l) => l.type === 'PARTICIPATES_IN' && (!l.props.from || (l.props.from as string) <= asOf));
          await createCollaboration(copy, { name: after.name, participants: parts.map((l) => ({ actorId: l.from, ...(l.props.from ? { from: l.props.from } : {}) })) });
        } else if (change.operation === 'endForumMember' || change.operation === 'endCollaborationParticipant') {
          if (after.props.to > asOf) continue;
          throw new Error('the story ends no seat by last year');
        } else if (change.operation === 'addForumMember') {
          if (after.props.from > asOf) continue;
          await addSeat(copy, newIds.get(after.to)!, after.from, after.props.from);
        }
      }
      // The copy has forums of its own ids, so findings compare by what they say; the names a
      // finding quotes are a set (a pair of forums comes in id order).
      const said = (findings: Finding[]) =>
        findings.map((f) => [f.rule, f.evidence.replace(/”[^”]*”/g, '”…”'), ...[...f.evidence.matchAll(/”[^”]*”/g)].map((m) => m[0]).sort()].join('|')).sort();
      for (const name of ['gaps', 'overlaps'] as const) {
        const past = said(await report(server, name, asOf));
        const rebuilt = said(await report(copy, name));
        expect(past, name).toEqual(rebuilt);
        expect(past.length).toBeGreaterThan(0);
      }
      // And the story shows in it: B was still there, a merge candidate with A.
      expect(said(await report(copy, 'overlaps')).filter((f) => f.includes(`${run} B`))).toHaveLength(1);
    } finally {
      await copy.close();
    }
  });
});
