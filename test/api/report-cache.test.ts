import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';
import { engineUnderTest } from '../support/engine.ts';
import { createHttpServer } from '../../server/http.ts';

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
