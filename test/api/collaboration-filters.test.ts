import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readSeedData } from '../../seed/load.ts';
import { seedTargetAreasOf } from '../support/seed-areas.ts';

/*
 * A controller's filters on collaborations: by målområde from the seed's
 * links, and by level, target level, below target, drift and never assessed
 * from assessments this test submits itself. totalCount holds under each.
 */
const seed = readSeedData();
const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** In the list's order: by name, then id. */
const byName = (ids: string[]) =>
  seed.collaborations.filter((c) => ids.includes(c.id)).sort((a, b) => codePoints(a.name, b.name) || codePoints(a.id, b.id)).map((c) => c.id);
const allIds = byName(seed.collaborations.map((c) => c.id));

const targetAreasOf = (id: string) => seedTargetAreasOf(seed, id);

const LIST = `query($filter: CollaborationFilter, $first: Int, $after: String) {
  collaborations(filter: $filter, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function list(filter: Record<string, unknown>, first = 1000, after: string | null = null) {
  const { data, errors } = await server.gql(LIST, { filter, first, after });
  expect(errors).toBeUndefined();
  return data!.collaborations as { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}
const ids = async (filter: Record<string, unknown>) => {
  const page = await list(filter);
  expect(page.totalCount).toBe(page.nodes.length);
  return page.nodes.map((n) => n.id);
};

/** Three respondents from two organisations answering alike: layer scores A, B, C, with target 4 on each layer. */
const responses = (a: number, b: number, c: number) =>
  [['actor:socialtjansten', 'Anna'], ['actor:socialtjansten', 'Bo'], ['actor:polisen', 'Cecilia']].map(([organisationId, respondent]) => ({
    respondent, organisationId, a1: a, a2: a, b1: b, b2: b, c1: c, c2: c, targetA: 4, targetB: 4, targetC: 4,
  }));
const FALLING = 'collaboration:socialtjansten-polisen';
const PLACED = 'collaboration:hedersrelaterat-vald-och-fortryck';

describe('collaborations by målområde', () => {
  it('each målområde gives the collaborations whose activities serve it in the seed, as taxonomy.byTargetArea groups them', async () => {
    const { data } = await server.gql('{ taxonomy { byTargetArea { key placements { collaboration { id } } } } }');
    const grouped = new Map<string, string[]>(data!.taxonomy.byTargetArea.map((g: any) => [g.key, g.placements.map((p: any) => p.collaboration.id)]));
    let found = 0;
    for (const area of seed['target-areas']) {
      const expected = byName(allIds.filter((id) => targetAreasOf(id).has(area.id)));
      const got = await ids({ targetArea: area.id });
      expect(got, area.id).toEqual(expected);
      expect([...(grouped.get(area.id) ?? [])].sort(), area.id).toEqual([...expected].sort());
      found += got.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('combines with the engine\'s own filters', async () => {
    const area = 'target-area:god-start-i-livet';
    const expected = byName(allIds.filter((id) => targetAreasOf(id).has(area) && seed.collaborations.find((c) => c.id === id)!.participants.some((p) => p.actor === 'actor:vgr')));
    expect(await ids({ targetArea: area, actor: 'actor:vgr' })).toEqual(expected);
  });
});

describe('collaborations by standing on the taxonomy', () => {
  it('on the Borås facts alone every collaboration is never assessed, none below target or drifting', async () => {
    expect(await ids({ neverAssessed: true })).toEqual(allIds);
    expect(await ids({ neverAssessed: false })).toEqual([]);
    expect(await ids({ belowTarget: true })).toEqual([]);
    expect(await ids({ drifting: true })).toEqual([]);
    expect(await ids({ level: 'SAMVERKAN' })).toEqual([]);
  });

  it('after a fall and a direct placement: level, target level, below target, drift and never assessed each pick them out', async () => {
    for (const [date, [a, b, c]] of [['2023-04-01', [3, 3, 3]], ['2024-04-01', [3, 2, 2]]] as const) {
      const { data } = await server.gql(`mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { __typename } }`,
        { input: { collaborationId: FALLING, date, responses: responses(a, b, c) } }, { as: server.keys.REDAKTOR });
      expect(data!.submitAssessment.__typename).toBe('SubmitAssessmentSuccess');
    }
    const { data, errors } = await server.gql(`mutation($input: PlaceCollaborationInput!) { placeCollaboration(input: $input) { __typename } }`,
      { input: { collaborationId: PLACED, date: '2024-01-15', level: 'SAMVERKAN', targetLevel: 'SAMVERKAN', note: 'Bedömt i testet' } }, { as: server.keys.REDAKTOR });
    expect(errors).toBeUndefined();
    expect(data!.placeCollaboration.__typename).toBe('PlaceCollaborationSuccess');

    // 3,3,3 then 3,2,2: the mean 2,33 rounds to 2 (Samordnat), the respondents' target 4 (Integrerat); B and C fell a level.
    expect(await ids({ level: 'SAMORDNAT' })).toEqual([FALLING]);
    expect(await ids({ level: 'SAMVERKAN' })).toEqual([PLACED]);
    expect(await ids({ targetLevel: 'INTEGRERAT' })).toEqual([FALLING]);
    expect(await ids({ targetLevel: 'SAMVERKAN' })).toEqual([PLACED]);
    expect(await ids({ belowTarget: true })).toEqual([FALLING]);
    expect(await ids({ belowTarget: false })).toEqual(byName(allIds.filter((id) => id !== FALLING)));
    expect(await ids({ drifting: true })).toEqual([FALLING]);
    expect(await ids({ drifting: false })).toHaveLength(seed.collaborations.length - 1);
    expect(await ids({ neverAssessed: false })).toEqual(byName([FALLING, PLACED]));
    expect(await ids({ neverAssessed: true })).toEqual(byName(allIds.filter((id) => id !== FALLING && id !== PLACED)));
    expect(await ids({ level: 'SAMORDNAT', drifting: false })).toEqual([]);
  });

  it('agrees with the taxonomy report\'s counts', async () => {
    const { data } = await server.gql('{ taxonomy { driftCount belowTargetCount notAssessedCount levels { level count } } }');
    const t = data!.taxonomy;
    expect((await list({ drifting: true })).totalCount).toBe(t.driftCount);
    expect((await list({ belowTarget: true })).totalCount).toBe(t.belowTargetCount);
    expect((await list({ neverAssessed: true })).totalCount).toBe(t.notAssessedCount);
    for (const { level, count } of t.levels) {
      expect((await list(level ? { level } : { neverAssessed: true })).totalCount, String(level)).toBe(count);
    }
  });

  it('pages a derived filter with totalCount on every page and the cursors it gave out', async () => {
    const all = await ids({ drifting: false });
    const first = await list({ drifting: false }, 3);
    expect(first.totalCount).toBe(all.length);
    expect(first.nodes.map((n) => n.id)).toEqual(all.slice(0, 3));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ drifting: false }, 3, first.pageInfo.endCursor);
    expect(second.totalCount).toBe(all.length);
    expect(second.nodes.map((n) => n.id)).toEqual(all.slice(3, 6));
    const { errors } = await server.gql(LIST, { filter: { drifting: false }, first: 3, after: 'nonsense' });
    expect(errors?.[0]?.message).toMatch(/^after: /);
  });
});
