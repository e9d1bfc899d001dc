import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';
import { createHttpServer } from '../../server/http.ts';
import type { GraphStore, Params, Row } from '../../server/store/port.ts';
import { loadSeed } from '../../seed/load.ts';
import { endSession } from '../../server/auth/session.ts';
import { wrapStore } from '../../server/store/wrap.ts';

/*
 * After a write that says what it touched, the reports come from the graph as the server last
 * read it, with only the touched nodes and their edges read again (server/analysis/live-snapshot.ts),
 * and the nodes the answers name come from the rows it kept, with only the touched ones read again
 * (server/schema/node-rows.ts). After every kind of edit, the reports must be what a server that
 * reads the whole graph answers, and they must have come the short way; after a write that does
 * not say (a seed), or two writes between reports, the long way.
 */
let writer: TestServer;
let live: { url: string; close(): Promise<void> };
/** What the live server read of the store since the last report. */
const reads: string[] = [];
/** The ids of the nodes the live server read by id (node/get-nodes), since the last report and in all. */
const nodeReads: string[] = [];
const nodesRead = new Set<string>();

/** The store as the live server sees it: the same store, each read named in `reads`. */
function observed(store: GraphStore): GraphStore {
  return wrapStore(store, {
    read<T extends object = Row>(query: string, params?: Params) {
      reads.push(query);
      if (query === 'node/get-nodes') {
        nodeReads.push(...(params!.ids as string[]));
        for (const id of params!.ids as string[]) nodesRead.add(id);
      }
      return store.read<T>(query, params);
    },
  });
}

async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  writer = await startTestServer();
  live = await listen(createHttpServer(observed(writer.store)));
});
afterAll(async () => {
  await live?.close();
  await writer?.close();
});

const ACTOR = 'id name kind version';
const NODE = '__typename id ... on Actor { name kind version } ... on Forum { name version } ... on Activity { name period version } ... on Goal { text version } ... on Collaboration { name version }';
const FINDINGS = `totalCount findings { id rule severity title evidence subjectIds subjects { ${NODE} } }`;
const REPORTS = `{ gaps { ${FINDINGS} } overlaps { ${FINDINGS} }
  workingRelations(first: 1000) { totalCount edges { node { actors { ${ACTOR} } strength reasons shared { id } } } }
  activityCounts(by: AREA) { name count }
  pastGaps: gaps(asOf: "2025-07-01") { ${FINDINGS} } pastRelations: workingRelations(asOf: "2025-07-01", first: 1000) { totalCount } }`;

async function reportsAt(url: string) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: REPORTS }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** What a server that has read nothing before answers: the whole graph, read now. */
async function wholeRead() {
  const server = await listen(createHttpServer(writer.store));
  try {
    return await reportsAt(server.url);
  } finally {
    await server.close();
  }
}

/** The live server's reports, whether it read the whole graph for them, and the nodes it read by id. */
async function liveReports() {
  reads.length = 0;
  nodeReads.length = 0;
  const data = await reportsAt(live.url);
  return { data, whole: reads.includes('analysis/list-analysis-edges'), touched: reads.includes('analysis/list-touched-analysis-edges'), nodeReads: [...nodeReads] };
}

/** What the last write said it touched. */
async function lastTouched(): Promise<string[]> {
  const [row] = await writer.store.read<{ touched: string[] | null }>('graph/get-last-write');
  return row?.touched ?? [];
}

async function versionOf(id: string): Promise<number> {
  const { data } = await writer.gql<{ node: { version: number } }>('query($id: ID!) { node(id: $id) { ... on Forum { version } ... on Activity { version } ... on Actor { version } ... on Goal { version } ... on Collaboration { version } } }', { id });
  return data!.node.version;
}

async function ok(name: string, inputType: string, input: Record<string, unknown>, success = '__typename') {
  const result = await mutate(writer, name, inputType, input, success);
  expect(result.__typename, `${name}: ${JSON.stringify(result)}`).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Success`);
  return result;
}

const made: Record<string, string> = {};

/** Every kind of edit the rules can see: each run alone between two reports, after what it needs. */
const EDITS: [string, () => Promise<unknown>, (() => Promise<unknown>)?][] = [
  ['a new forum with members and a convenor', async () => {
    made.forum = (await ok('createForum', 'CreateForumInput', { name: 'Trygghetsforum Sjöbo', convenorId: 'actor:kuf', members: [{ actorId: 'actor:fof', role: 'LEDAMOT' }, { actorId: 'actor:af', role: 'LEDAMOT' }], goalIds: ['goal:alla-i-arbete'] }, 'forum { id }')).forum.id;
  }],
  ['a member added', () => ok('addForumMember', 'ForumSeatInput', { forumId: made.forum, actorId: 'actor:ab-bostader', role: 'ADJUNGERAD' })],
  ['a membership ended', async () => ok('endForumMember', 'EndForumMemberInput', { forumId: made.forum, actorId: 'actor:af', version: 1, date: '2025-06-30' })],
  ['a forum renamed and its goals replaced', async () =>
    ok('updateForum', 'UpdateForumInput', { id: made.forum, version: await versionOf(made.forum!), name: 'Trygghetsforum Sjöbo och Norrby', goalIds: ['goal:attraktiva-narmiljoer'] })],
  ['an activity with empty Tid and Resurser', async () => {
    made.activity = (await ok('createActivity', 'CreateActivityInput', { name: 'Läxhjälp på Sjöbo', kind: 'INSATS', responsibleIds: ['actor:kuf', 'actor:fof'], forumIds: [made.forum] }, 'activity { id }')).activity.id;
  }],
  ['its Tid and Resurser filled in, and a goal', async () =>
    ok('updateActivity', 'UpdateActivityInput', { id: made.activity, version: await versionOf(made.activity!), period: '2026–2027', resources: 'En halvtid', goalIds: ['goal:barn-och-unga-forberedda'] })],
  ['the activity placed in Sjöbo', () => ok('linkActivity', 'LinkActivityInput', { id: made.activity!, relation: 'AREA', targetId: 'area:sjobo' })],
  ['an actor renamed', async () => ok('updateActor', 'UpdateActorInput', { id: 'actor:af', version: await versionOf('actor:af'), name: 'Arbetsförmedlingen Borås' })],
  ['the activity ended last year', async () => ok('endActivity', 'EndInput', { id: made.activity, version: await versionOf(made.activity!), date: '2025-12-31' })],
  ['a collaboration with participants', async () => {
    made.collaboration = (await ok('createCollaboration', 'CreateCollaborationInput', { name: 'Sjöbo tillsammans', participants: [{ actorId: 'actor:kuf' }, { actorId: 'actor:ab-bostader' }], forumIds: [made.forum] }, 'collaboration { id }')).collaboration.id;
  }],
  ['the collaboration placed on the taxonomy', () => ok('placeCollaboration', 'PlaceCollaborationInput', { collaborationId: made.collaboration!, date: '2026-11-30', level: 'SAMORDNAT', note: 'Ett möte om året', targetLevel: 'SAMVERKAN' })],
  ['the forum deleted, with its links', async () => ok('deleteForum', 'NodeVersionInput', { id: made.forum, version: await versionOf(made.forum!) })],
  ['a goal made', async () => {
    made.goal = (await ok('createGoal', 'CreateGoalInput', { text: 'Fler unga i sommarjobb', targetAreaId: 'target-area:forutsattningar-for-arbete' }, 'goal { id }')).goal.id;
  }],
  ['an actor deleted, with its seat in a collaboration', async () => ok('deleteActor', 'NodeVersionInput', { id: made.actor!, version: 1 }), async () => {
    made.actor = (await ok('createActor', 'CreateActorInput', { name: 'Sjöbo IF', kind: 'CIVILSAMHALLE' }, 'actor { id }')).actor.id;
    await ok('addCollaborationParticipant', 'CollaborationSeatInput', { collaborationId: made.collaboration!, actorId: made.actor! });
  }],
];

describe('reports after an edit, from what the edit touched', () => {
  it('start from one read of the whole graph', async () => {
    const first = await liveReports();
    expect(first.whole).toBe(true);
    expect(first.data).toEqual(await wholeRead());
  });

  for (const [edit, run, prepare] of EDITS) {
    it(`after ${edit}: the same reports as a whole read, without one`, async () => {
      await prepare?.();
      const before = await liveReports();
      const keptBefore = new Set(nodesRead);
      await run();
      const touched = new Set(await lastTouched());
      const after = await liveReports();
      expect(after.whole).toBe(false);
      expect(after.touched).toBe(true);
      // A node read before and not touched since comes from the kept rows.
      expect(after.nodeReads.filter((id) => keptBefore.has(id) && !touched.has(id))).toEqual([]);
      expect(after.data).toEqual(await wholeRead());
      expect(after.data).not.toEqual(before.data);
    });
  }

  it('after two writes between reports, and after a seed that does not say what it touched, read the whole graph', async () => {
    await liveReports();
    await ok('createGoal', 'CreateGoalInput', { text: 'Fler mötesplatser', targetAreaId: 'target-area:boende-och-narmiljo' });
    await ok('createGoal', 'CreateGoalInput', { text: 'Fler lekplatser', targetAreaId: 'target-area:boende-och-narmiljo' });
    const afterTwo = await liveReports();
    expect(afterTwo.whole).toBe(true);
    expect(afterTwo.data).toEqual(await wholeRead());
    // The rows kept are dropped too: what the reports name is read again.
    expect(afterTwo.nodeReads).toContain('actor:kuf');

    // Seeding again is idempotent, but the store cannot know that: the next report reads it all.
    await loadSeed(writer.store);
    const afterSeed = await liveReports();
    expect(afterSeed.whole).toBe(true);
    expect(afterSeed.data).toEqual(await wholeRead());
  });

  it('after two writes through the live server itself, read again only the nodes they touched', async () => {
    await liveReports();
    const keptBefore = new Set(nodesRead);
    const through: TestServer = {
      ...writer,
      url: live.url,
      gql: async (query, variables = {}, { as } = {}) => {
        const response = await fetch(`${live.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}) }, body: JSON.stringify({ query, variables }) });
        return { status: response.status, ...((await response.json()) as object) };
      },
    };
    const touched = new Set<string>();
    // A node the reports name, renamed: kept as it was, it would show its old name.
    const renamed = await mutate(through, 'updateActor', 'UpdateActorInput', { id: 'actor:kuf', version: await versionOf('actor:kuf'), name: 'Kultur- och fritid' }, 'actor { name }');
    expect(renamed.__typename).toBe('UpdateActorSuccess');
    for (const id of await lastTouched()) touched.add(id);
    expect((await mutate(through, 'createGoal', 'CreateGoalInput', { text: 'Fler fritidsgårdar', targetAreaId: 'target-area:god-start-i-livet' })).__typename).toBe('CreateGoalSuccess');
    for (const id of await lastTouched()) touched.add(id);
    const after = await liveReports();
    expect(after.data).toEqual(await wholeRead());
    expect(JSON.stringify(after.data)).toContain('Kultur- och fritid"');
    // The server followed each of its own writes: the rows it kept of other nodes still serve.
    expect(keptBefore.size).toBeGreaterThan(0);
    expect(after.nodeReads.filter((id) => keptBefore.has(id) && !touched.has(id))).toEqual([]);
  });

  it('after a write that touched no node (a sign-out), read nothing of the graph again', async () => {
    const before = await liveReports();
    await endSession(writer.store, { id: 'session:live-snapshot', keyId: 'api-key:none', csrf: 'x', expires: Math.floor(Date.now() / 1000) + 60 });
    const after = await liveReports();
    expect(after.whole).toBe(false);
    expect(after.touched).toBe(false);
    expect(after.data).toEqual(before.data);
  });

  it('after the graph is emptied and loaded anew (a restore), show the new graph, not the copy', async () => {
    await ok('createGoal', 'CreateGoalInput', { text: 'Fler simkunniga barn', targetAreaId: 'target-area:god-start-i-livet' });
    const edited = await liveReports();
    // As `npm run restore` does: every node deleted, then the backup's written back, saying nothing of what they touched.
    await writer.store.write([{ query: 'node/delete-all' }]);
    await loadSeed(writer.store);
    const restored = await liveReports();
    expect(restored.whole).toBe(true);
    expect(restored.data).toEqual(await wholeRead());
    expect(restored.data).not.toEqual(edited.data);
  });
});
