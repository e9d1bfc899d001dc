import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readSeedData } from '../../seed/load.ts';
import { TARGET_GROUPS } from '../../server/domain/vocabulary.ts';
import { seedTargetAreasOf } from '../support/seed-areas.ts';

/*
 * The report builders' questions (README: Rapportfrågor), each one query,
 * held against the same numbers counted straight from the seed files.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const seed = readSeedData();
const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);
const ask = async (query: string) => {
  const result = await server.gql(query);
  expect(result.errors).toBeUndefined();
  return result.data!;
};
const asMap = (groups: { key: string; count: number }[]) => Object.fromEntries(groups.map((g) => [g.key, g.count]));

describe('Rapportfrågor on the Borås graph', () => {
  it('activities per effektmål: every goal listed, none left out, each activity once per goal', async () => {
    const { activityCounts } = await ask('{ activityCounts(by: GOAL) { key name count } }');
    const expected = Object.fromEntries(seed.goals.map((g) => [g.id, 0]));
    for (const a of seed.activities) for (const g of new Set(a.goals.map(idOf))) expected[g] = (expected[g] ?? 0) + 1;
    expect(asMap(activityCounts)).toEqual(expected);
    expect(activityCounts.find((g: any) => g.name.includes('hemlös')).count).toBe(0);
  });

  it('activities per actor (ansvar)', async () => {
    const { activityCounts } = await ask('{ activityCounts(by: ACTOR) { key count } }');
    const expected = Object.fromEntries(seed.actors.map((a) => [a.id, 0]));
    for (const a of seed.activities) for (const r of new Set(a.responsible.map(idOf))) expected[r] = (expected[r] ?? 0) + 1;
    expect(asMap(activityCounts)).toEqual(expected);
  });

  it('activities per målområde, through their effektmål and strategies, and every activity with Tid and Resurser empty', async () => {
    const { activityCounts, activities } = await ask(`{ activityCounts(by: TARGET_AREA) { key count }
      activities(first: 1000, filter: { missing: [PERIOD, RESOURCES] }) { totalCount nodes { id } } }`);
    expect(activityCounts.map((g: any) => g.key).sort()).toEqual(seed['target-areas'].map((t) => t.id).sort());
    expect(activityCounts.reduce((n: number, g: any) => n + g.count, 0)).toBeGreaterThanOrEqual(seed.activities.filter((a) => a.goals.length).length);
    const empty = seed.activities.filter((a) => !a.period && !a.resources).map((a) => a.id).sort();
    expect(activities.totalCount).toBe(empty.length);
    expect(activities.nodes.map((n: any) => n.id).sort()).toEqual(empty);
  });

  it('activities with no actor named for them (Ansvar empty)', async () => {
    const { activities } = await ask('{ activities(first: 1000, filter: { missing: [RESPONSIBLE] }) { nodes { id } } }');
    expect(activities.nodes.map((n: any) => n.id).sort()).toEqual(seed.activities.filter((a) => !a.responsible.length).map((a) => a.id).sort());
  });

  it('forums per actor: a seat or the convenorship', async () => {
    const { forumCounts } = await ask('{ forumCounts(by: ACTOR) { key count } }');
    const expected = Object.fromEntries(seed.actors.map((a) => [a.id, 0]));
    for (const f of seed.forums) {
      const actors = new Set([...f.members.map((m) => m.actor), ...(f.convenor ? [idOf(f.convenor)] : [])]);
      for (const a of actors) expected[a] = (expected[a] ?? 0) + 1;
    }
    expect(asMap(forumCounts)).toEqual(expected);
  });

  it('activities per område', async () => {
    const { activityCounts } = await ask('{ activityCounts(by: AREA) { key count } }');
    const expected = Object.fromEntries(seed.areas.map((a) => [a.id, 0]));
    for (const a of seed.activities) for (const r of new Set(a.areas.map(idOf))) expected[r] = (expected[r] ?? 0) + 1;
    expect(asMap(activityCounts)).toEqual(expected);
  });

  it('forums per målgrupp: every målgrupp of the vocabulary listed, 0 where the documents name none', async () => {
    const { forumCounts } = await ask('{ forumCounts(by: TARGET_GROUP) { key count } }');
    // The seed's forums carry no målgrupp (the documents give none), so each count is 0 until an editor sets one.
    expect(seed.forums.some((f) => 'targetGroups' in f)).toBe(false);
    expect(asMap(forumCounts)).toEqual(Object.fromEntries(TARGET_GROUPS.map((g) => [g, 0])));
  });

  it('funding per målområde and per year, as seed 002 gives them', async () => {
    const { perArea, perYear } = await ask(`{ perArea: fundings(breakdown: PER_TARGET_AREA) { targetArea { id } amountSek }
      perYear: fundings(breakdown: PER_YEAR) { year amountSek } }`);
    const rows = (breakdown: string) => seed.funding.filter((f) => f.breakdown === breakdown);
    expect(perArea.map((f: any) => [f.targetArea?.id ?? null, f.amountSek]).sort())
      .toEqual(rows('PER_TARGET_AREA').map((f) => [f.targetArea ? idOf(f.targetArea) : null, f.amountSek]).sort());
    expect(perYear.map((f: any) => [f.year, f.amountSek])).toEqual(rows('PER_YEAR').map((f) => [f.year, f.amountSek]).sort((a, b) => a[0]! - b[0]!));
    expect(perYear.length).toBeGreaterThan(0);
  });

  it('collaborations per level per målområde: on the Borås facts alone every one "ej skattad"', async () => {
    const { taxonomy } = await ask('{ taxonomy { byTargetArea { key levels { level count } } } }');
    const expected: Record<string, number> = {};
    for (const c of seed.collaborations) {
      const areas = seedTargetAreasOf(seed, c.id);
      for (const area of areas.size ? areas : ['NONE']) expected[area] = (expected[area] ?? 0) + 1;
    }
    const notAssessed = Object.fromEntries(taxonomy.byTargetArea.map((g: any) => [g.key, g.levels.find((l: any) => l.level === null).count]));
    expect(notAssessed).toEqual(expected);
    for (const g of taxonomy.byTargetArea) expect(g.levels.filter((l: any) => l.level !== null).every((l: any) => l.count === 0), g.key).toBe(true);
  });

  it('collaborations never assessed, with totalCount', async () => {
    const { collaborations } = await ask('{ collaborations(first: 1000, filter: { neverAssessed: true }) { totalCount nodes { id } } }');
    expect(collaborations.totalCount).toBe(seed.collaborations.length);
  });

  it('findings per severity add up to all findings, per rule too', async () => {
    const { gaps } = await ask('{ gaps { totalCount bySeverity { severity count } byRule { rule count } } }');
    expect(gaps.bySeverity.map((s: any) => s.severity)).toEqual(['HIGH', 'MEDIUM', 'LOW']);
    expect(gaps.bySeverity.reduce((n: number, s: any) => n + s.count, 0)).toBe(gaps.totalCount);
    expect(gaps.byRule.reduce((n: number, s: any) => n + s.count, 0)).toBe(gaps.totalCount);
  });

  it('nodes beside edges on a connection, in the same order', async () => {
    const { actors } = await ask('{ actors(first: 1000) { totalCount nodes { id } edges { node { id } } } }');
    expect(actors.nodes).toEqual(actors.edges.map((e: any) => e.node));
    expect(actors.nodes).toHaveLength(seed.actors.length);
  });
});

describe('the README\'s Rapportfrågor', () => {
  it('each answers in one query on the Borås graph, without errors', async () => {
    const block = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('## Rapportfrågor')[1]!.split('```graphql')[1]!.split('```')[0]!;
    const queries = block.split('\n').map((line) => line.split('#')[0]!.trim()).filter((line) => line.startsWith('{'));
    expect(queries.length).toBeGreaterThanOrEqual(13);
    for (const query of queries) {
      const result = await server.gql(query);
      expect(result.errors, query).toBeUndefined();
      expect(Object.keys(result.data ?? {}), query).not.toHaveLength(0);
    }
  });
});
