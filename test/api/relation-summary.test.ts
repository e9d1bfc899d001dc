import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';
import { generateGraph } from '../../seed/generate.ts';
import { loadInBatches } from '../../seed/load.ts';
import { sectorOf } from '../../server/domain/sectors.ts';

/*
 * The working relation summary over a generated graph of three municipalities:
 * each generated actor says its municipality in its name ("(kommun 2)"), the
 * regions and state agencies work with all of them.
 */
const data = generateGraph({ municipalities: 3 });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await loadInBatches(server.store, data);
});
afterAll(() => server?.close());

const SUMMARY = `query Summary($groupBy: RelationGroupBy!, $expand: [ID!]) {
  workingRelationSummary(groupBy: $groupBy, expand: $expand) {
    groupBy actorCount
    groups { id key name actorCount relationCount strength expanded members { actor { id name } evidence } }
    groupRelations { source target relationCount strength }
    relations { actors { id } strength }
  }
}`;
const summary = async (groupBy: string, expand: string[] = []) => {
  const { data: answer, errors } = await server.gql(SUMMARY, { groupBy, expand });
  expect(errors).toBeUndefined();
  return answer!.workingRelationSummary;
};
const municipalityIn = (name: string) => /kommun (\d+)\)?$/i.exec(name)?.[1];

describe('workingRelationSummary', () => {
  it('groups every actor by municipality, the shared regional and state actors in none, and accounts for every relation once', async () => {
    const s = await summary('MUNICIPALITY');
    const { data: all } = await server.gql('{ actors(first: 1) { totalCount } workingRelations(first: 1) { totalCount } }');
    expect(s.actorCount).toBe(data.actors.length);
    expect(s.groups.reduce((n: number, g: any) => n + g.actorCount, 0)).toBe(all!.actors.totalCount);
    expect(s.groups.filter((g: any) => g.key).map((g: any) => g.name).sort()).toEqual(['Kommun 1', 'Kommun 2', 'Kommun 3']);
    const inside = s.groups.reduce((n: number, g: any) => n + g.relationCount, 0);
    expect(inside + s.groupRelations.reduce((n: number, e: any) => n + e.relationCount, 0)).toBe(all!.workingRelations.totalCount);
    expect(s.relations).toEqual([]);
    expect(s.groups.every((g: any) => !g.expanded && g.members.length === 0)).toBe(true);

    // Open every group: each generated actor of a municipality is in it, the shared ones in none.
    const open = await summary('MUNICIPALITY', s.groups.map((g: any) => g.id));
    for (const group of open.groups) {
      for (const { actor } of group.members) {
        const own = municipalityIn(actor.name);
        if (group.key) expect([own, actor.name]).toEqual([municipalityIn(group.name), actor.name]);
        else expect([own, actor.name]).toEqual([undefined, actor.name]);
      }
    }
    const shared = data.actors.filter((a) => a.kind === 'REGION' || a.kind === 'STATLIG_MYNDIGHET').map((a) => a.id).sort();
    expect(open.groups.find((g: any) => g.key === null).members.map((m: any) => m.actor.id).sort()).toEqual(shared);
    expect(open.relations.length).toBe(all!.workingRelations.totalCount);
  });

  it("opens one municipality through one of its actors: that municipality's actors, their relations, and summed edges to the rest", async () => {
    const s = await summary('MUNICIPALITY', ['actor:m1-c0']);
    const opened = s.groups.filter((g: any) => g.expanded);
    expect(opened.map((g: any) => g.name)).toEqual(['Kommun 2']);
    const members = new Set(opened[0].members.map((m: any) => m.actor.id));
    expect(members.size).toBe(opened[0].actorCount);
    expect(s.relations.length).toBe(opened[0].relationCount);
    for (const r of s.relations) expect(r.actors.every((a: any) => members.has(a.id))).toBe(true);
    const { data: own } = await server.gql('query ($id: ID!) { workingRelations(actorId: $id, first: 500) { edges { node { actors { id } strength } } } }', { id: 'actor:m1-f0' });
    const outward = own!.workingRelations.edges.filter((e: any) => e.node.actors.some((a: any) => !members.has(a.id)));
    const toGroups = s.groupRelations.filter((e: any) => e.source === 'actor:m1-f0' || e.target === 'actor:m1-f0');
    expect(toGroups.reduce((n: number, e: any) => n + e.relationCount, 0)).toBe(outward.length);
    expect(toGroups.reduce((n: number, e: any) => n + e.strength, 0)).toBe(outward.reduce((n: number, e: any) => n + e.node.strength, 0));
  });

  it('groups by sector and by kind', async () => {
    const sectors = await summary('SECTOR');
    expect(sectors.groups.map((g: any) => g.key).sort()).toEqual([...new Set(data.actors.map((a) => sectorOf(a.kind)))].sort());
    const kinds = await summary('KIND');
    expect(kinds.groups.find((g: any) => g.key === 'FORVALTNING').actorCount).toBe(data.actors.filter((a) => a.kind === 'FORVALTNING').length);
  });

  it('shows a write in the very next summary', async () => {
    const before = await summary('MUNICIPALITY');
    const created = await mutate(server, 'createActor', 'CreateActorInput', { name: 'Ny förening', kind: 'CIVILSAMHALLE' }, 'actor { id }');
    const after = await summary('MUNICIPALITY');
    expect(after.actorCount).toBe(before.actorCount + 1);
    const none = (s: any) => s.groups.find((g: any) => g.key === null).actorCount;
    // An actor with no relations belongs to no one municipality.
    expect(none(after)).toBe(none(before) + 1);
    expect((await summary('MUNICIPALITY', [created.actor.id])).groups.find((g: any) => g.expanded).members.map((m: any) => m.actor.id)).toContain(created.actor.id);
  });
});
