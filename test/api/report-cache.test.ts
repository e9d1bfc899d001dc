import type { AddressInfo } from 'node:net';
import { request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';
import { engineUnderTest } from '../support/engine.ts';
import { createHttpServer } from '../../server/http.ts';
import { ResponseCache } from '../../server/response-cache.ts';

/*
 * Reports are kept per graph version and served from memory until the next
 * write: a write must show in the very next report, on the server that wrote
 * it and on a second server over the same graph (on Neo4j, its own connection).
 */
let writer: TestServer;
let other: { url: string; close(): Promise<void> };

beforeAll(async () => {
  writer = await startTestServer();
  if (engineUnderTest().engine === 'neo4j') {
    const second = await startTestServer();
    other = { url: second.url, close: () => second.close() };
  } else {
    // The embedded files have one owner, so the second server shares the store, not its report cache.
    const server: Server = createHttpServer(writer.store);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    other = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
});
afterAll(async () => {
  await other?.close();
  await writer?.close();
});

const REPORTS = `{ gaps(filter: { rules: ["activity-empty-cells"] }) { totalCount findings { subjectIds } }
  overlaps { totalCount } workingRelations(first: 500) { totalCount }
  taxonomy { notAssessedCount collaborations { collaboration { id } level } } }`;
const reportsAt = async (url: string) => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: REPORTS }) });
  return ((await response.json()) as { data: any }).data;
};

describe('reports between writes', () => {
  it('gives the same answer again, and the next report after a write shows it, on both servers', async () => {
    const first = await reportsAt(writer.url);
    expect(await reportsAt(writer.url)).toEqual(first);
    expect(await reportsAt(other.url)).toEqual(first);

    const created = await mutate(writer, 'createActivity', 'CreateActivityInput', { name: 'Läxhjälp i Hässleholmen', kind: 'INSATS', responsibleIds: ['actor:kuf', 'actor:fof'] }, 'activity { id }');
    const id = created.activity.id;
    for (const url of [writer.url, other.url]) {
      const after = await reportsAt(url);
      expect(after.gaps.totalCount).toBe(first.gaps.totalCount + 1);
      expect(after.gaps.findings.map((f: any) => f.subjectIds[0])).toContain(id);
      // KUF and FOF now share ansvar for an activity: a working relation, or a stronger one.
      expect(after.workingRelations.totalCount).toBeGreaterThanOrEqual(first.workingRelations.totalCount);
    }

    const removed = await mutate(writer, 'deleteActivity', 'NodeVersionInput', { id, version: 1 }, 'deleted { id }');
    expect(removed.__typename).toBe('DeleteActivitySuccess');
    expect(await reportsAt(other.url)).toEqual(first);
    expect(await reportsAt(writer.url)).toEqual(first);
  });

  it('shows a placement on the taxonomy in the next report, on both servers', async () => {
    const before = await reportsAt(writer.url);
    const unassessed = before.taxonomy.collaborations.find((c: any) => c.level === null).collaboration.id;
    const placed = await mutate(writer, 'placeCollaboration', 'PlaceCollaborationInput', { collaborationId: unassessed, date: '2024-01-15', level: 'SAMORDNAT', note: 'Bedömt av beredningsgruppen' }, 'assessment { id }');
    expect(placed.__typename).toBe('PlaceCollaborationSuccess');
    for (const url of [writer.url, other.url]) {
      const after = await reportsAt(url);
      expect(after.taxonomy.notAssessedCount).toBe(before.taxonomy.notAssessedCount - 1);
      expect(after.taxonomy.collaborations.find((c: any) => c.collaboration.id === unassessed).level).toBe('SAMORDNAT');
    }
  });
});

describe('nodes kept between writes', () => {
  // Different queries each time, so no kept answer serves them. `node(id:)` reads the node as of
  // today by itself; the partners' names come from the kept rows.
  const nameOn = async (url: string, query: string) => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return ((await response.json()) as { data: any }).data;
  };
  const asNode = (n: number) => `{ node${n}: node(id: "actor:kuf") { ... on Actor { name version } } }`;
  const asPartner = (n: number) => `{ partner${n}: workingRelations(actorId: "actor:kuf", first: 100) { edges { node { actors { id name } } } } }`;
  const partnerName = (data: any, n: number) => data[`partner${n}`].edges.flatMap((e: any) => e.node.actors).find((a: any) => a.id === 'actor:kuf').name;

  it('show a rename in the next answer on both servers, also after two renames in a row on one of them', async () => {
    let asked = 0;
    const read = async (url: string) => {
      const n = ++asked;
      const [node, partner] = [(await nameOn(url, asNode(n)))[`node${n}`], partnerName(await nameOn(url, asPartner(n)), n)];
      return { name: node.name as string, version: node.version as number, partner: partner as string };
    };
    const start = await read(writer.url);
    expect(await read(other.url)).toEqual(start);
    const rename = async (name: string, version: number) => {
      const renamed = await mutate(writer, 'updateActor', 'UpdateActorInput', { id: 'actor:kuf', version, name }, 'actor { name version }');
      expect(renamed.__typename).toBe('UpdateActorSuccess');
      return renamed.actor as { name: string; version: number };
    };

    const once = await rename('Kultur- och fritidsförvaltningen (KUF)', start.version);
    expect(once.name).toBe('Kultur- och fritidsförvaltningen (KUF)');
    for (const url of [writer.url, other.url]) expect(await read(url)).toEqual({ name: once.name, version: once.version, partner: once.name });

    // Two writes between answers: the writer followed each, the other server sees a gap in the versions.
    const twice = await rename(start.name, (await rename('KUF', once.version)).version);
    for (const url of [writer.url, other.url]) expect(await read(url)).toEqual({ name: start.name, version: twice.version, partner: start.name });
  });
});

describe('answers kept between writes', () => {
  const ROUNDS = JSON.stringify({ query: '{ collaborations(first: 5) { nodes { id surveyRounds { id } } } }' });
  const ask = async (key?: string) => {
    const response = await fetch(`${writer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: ROUNDS,
    });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };

  it('are kept for the roles that asked: a field for REDAKTOR stays refused to a reader after a REDAKTOR asked', async () => {
    const editor = await ask(writer.keys.REDAKTOR);
    expect(editor.errors).toBeUndefined();
    expect(editor.data.collaborations.nodes.length).toBeGreaterThan(0);
    expect(await ask(writer.keys.REDAKTOR)).toEqual(editor);
    for (const reader of [writer.keys.LASARE, undefined]) {
      const refused = await ask(reader);
      expect(refused.errors?.length).toBeGreaterThan(0);
      expect(refused.data?.collaborations?.nodes?.[0]?.surveyRounds ?? null).toBeNull();
    }
  });

  it('come compressed to a client that accepts gzip, the same answer as uncompressed', async () => {
    const body = JSON.stringify({ query: '{ gaps { findings { rule title evidence subjectIds } } }' });
    const ask = (headers: Record<string, string>) => fetch(`${writer.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const plain = await ask({ 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(10_000);
    // Compressed off the event loop once it is kept: the next ask may still come uncompressed.
    let compressed = await ask({ 'accept-encoding': 'gzip' });
    for (let i = 0; compressed.headers.get('content-encoding') !== 'gzip' && i < 50; i++) {
      await compressed.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 20));
      compressed = await ask({ 'accept-encoding': 'gzip' });
    }
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(JSON.parse(await compressed.text())).toEqual(JSON.parse(text));
  });

  it('are never kept for a mutation: the same createActor sent twice makes two actors', async () => {
    const input = { name: 'Föreningen Gemenskap i Hulta', kind: 'CIVILSAMHALLE' };
    const first = await mutate(writer, 'createActor', 'CreateActorInput', input, 'actor { id }');
    const second = await mutate(writer, 'createActor', 'CreateActorInput', input, 'actor { id }');
    expect(first.actor.id).toBeTruthy();
    expect(second).not.toEqual(first);
  });
});

describe('answers kept on a server of their own', () => {
  let responses: ResponseCache;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    responses = new ResponseCache();
    const server: Server = createHttpServer(writer.store, { responses });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close?.());

  type Answer = { status: number; type: string | null; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  /** Over node:http, which (unlike fetch) can send no Accept header at all. */
  const ask = (query: string, accept?: string, headers: Record<string, string> = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...headers } }, async (response) => {
        let text = '';
        for await (const chunk of response) text += chunk;
        resolve({ status: response.statusCode!, type: response.headers['content-type'] ?? null, body: JSON.parse(text) });
      });
      request.on('error', reject);
      request.end(JSON.stringify({ query }));
    });

  it('keep a walk refused for its cost as refused, asked again; an error in the query itself is not kept', async () => {
    const walk = '{ gaps { findings { rule subjects { id ... on Actor { forums { forum { members { actor { id } } } } } } } } }';
    const before = responses.size.entries;
    const first = await ask(walk);
    expect(first.body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
    expect(first.body.data).toBeUndefined();
    expect(first.status).toBe(200);
    expect(responses.size.entries).toBe(before + 1);
    expect(await ask(walk)).toEqual(first);
    expect(responses.size.entries).toBe(before + 1);
    // Refused with the status and type it was refused with the first time, also to a client asking for graphql-response+json.
    const strict = await ask(walk, 'application/graphql-response+json');
    expect(await ask(walk, 'application/graphql-response+json')).toEqual(strict);
    expect(strict.type).toMatch(/^application\/graphql-response\+json/);

    const misspelt = await ask('{ actorz { id } }');
    expect(misspelt.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(responses.size.entries).toBe(before + 2);
  });


  it('share one answer between no Accept, any type and JSON; a client asking for graphql-response+json gets its own type', async () => {
    const query = '{ actors(first: 3) { totalCount nodes { id } } }';
    const before = responses.size.entries;
    const plain = await ask(query);
    expect(plain.status).toBe(200);
    for (const accept of ['*/*', 'application/json']) expect(await ask(query, accept)).toEqual(plain);
    expect(plain.type).toMatch(/^application\/json/);
    expect(responses.size.entries).toBe(before + 1);
    const strict = await ask(query, 'application/graphql-response+json');
    expect(strict.body).toEqual(plain.body);
    expect((await ask(query, 'application/graphql-response+json')).type).toMatch(/^application\/graphql-response\+json/);
    expect(responses.size.entries).toBe(before + 2);
  });
});
