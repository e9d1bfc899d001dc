import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { idOf, readSeedData } from '../../seed/load.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const seed = readSeedData();
const FINDINGS = `findings { id rule title severity evidence action subjectIds subjects { __typename id } metrics { name value } parts { key label action } }`;

async function findings(report: 'gaps' | 'overlaps', args = '') {
  const response = await server.gql(`{ ${report}${args} { totalCount ${FINDINGS} } }`);
  expect(response.errors).toBeUndefined();
  return response.data![report] as { totalCount: number; findings: { rule: string; title: string; subjectIds: string[]; evidence: string; action: string | null; severity: string; subjects: { id: string }[]; metrics: { name: string; value: number }[]; parts: { key: string; label: string; action: string }[] }[] };
}

describe('gaps on the Borås graph', () => {
  it('reports exactly the goals the documents give no activity: "ingen vara hemlös" and the proposed 2030 delmål', async () => {
    const report = await findings('gaps', '(filter: { rules: ["goal-without-activity"] })');
    const goals = report.findings.map((f) => f.subjectIds[0]);
    expect(goals.sort()).toEqual(['goal:inga-sarskilt-utsatta-omraden-2030', 'goal:ingen-hemlos']);
    const hemlos = report.findings.find((f) => f.subjectIds[0] === 'goal:ingen-hemlos')!;
    expect(hemlos.severity).toBe('HIGH');
    expect(hemlos.evidence).toBe('Effektmålet ”I Borås ska ingen vara hemlös” (målområde ”Boende och närmiljö”) har ingen aktivitet som bidrar till det i någon effektkedja.');
    expect(hemlos.subjects.map((s) => s.id)).toEqual(['goal:ingen-hemlos', 'target-area:boende-och-narmiljo']);
  });

  it('reports each activity with an empty Ansvar, Tid or Resurser cell once, listing every empty cell', async () => {
    const report = await findings('gaps', '(filter: { rules: ["activity-empty-cells"] })');
    const empty = (a: (typeof seed.activities)[number]) => [...(a.responsible.length ? [] : ['responsible']), ...(a.period ? [] : ['period']), ...(a.resources ? [] : ['resources'])];
    const expected = Object.fromEntries(seed.activities.filter((a) => empty(a).length > 0).map((a) => [a.id, empty(a)]));
    expect(Object.fromEntries(report.findings.map((f) => [f.subjectIds[0], f.parts.map((p) => p.key)]))).toEqual(expected);
    // The documents give no activity a Tid: every one is a finding, once, not once per empty cell.
    expect(report.totalCount).toBe(seed.activities.length);
    for (const f of report.findings) {
      const cells = expected[f.subjectIds[0]!]!;
      expect(f.metrics.find((m) => m.name === 'missing')?.value).toBe(cells.length);
      expect(f.severity).toBe(cells.includes('responsible') ? 'HIGH' : 'MEDIUM');
      expect(f.title).toMatch(/^(Ansvar|Tid)(, tid)?( och (tid|resurser))? saknas: /);
    }
  });

  it('reports every collaboration as never assessed: no document gives a level', async () => {
    const report = await findings('gaps', '(filter: { rules: ["collaboration-never-assessed"] })');
    expect(report.findings.map((f) => f.subjectIds[0]).sort()).toEqual(seed.collaborations.map((c) => c.id).sort());
  });

  it('filters by målområde and by actor', async () => {
    const boende = await findings('gaps', '(filter: { targetArea: "target-area:boende-och-narmiljo" })');
    expect(boende.totalCount).toBeGreaterThan(0);
    expect(boende.findings.map((f) => f.subjectIds[0])).toContain('goal:ingen-hemlos');
    const boendeGoals = new Set(seed.goals.filter((g) => idOf(g.targetArea) === 'target-area:boende-och-narmiljo').map((g) => g.id));
    const goalFindings = boende.findings.filter((f) => f.rule === 'single-sector-goal' || f.rule === 'goal-without-activity');
    expect(goalFindings.length).toBeGreaterThan(0);
    for (const f of goalFindings) expect(boendeGoals.has(f.subjectIds[0]!), f.subjectIds[0]).toBe(true);
    const polisen = await findings('gaps', '(filter: { actor: "actor:polisen", rules: ["collaboration-never-assessed"] })');
    expect(polisen.findings.map((f) => f.subjectIds[0]).sort()).toEqual(
      seed.collaborations.filter((c) => c.participants.some((p) => p.actor === 'actor:polisen')).map((c) => c.id).sort(),
    );
  });
});

describe('the rules, named in one place', () => {
  it('gives every rule a Swedish name and how it decides, and byRule the same for each rule that found something', async () => {
    const { data } = await server.gql(`{ findingRules { id label explanation report }
      gaps { totalCount byRule { rule label explanation count } } overlaps { totalCount byRule { rule label explanation count } } }`);
    const rules = new Map(data!.findingRules.map((r: any) => [r.id, r]));
    for (const r of data!.findingRules) {
      expect(r.label, r.id).not.toMatch(/-/);
      expect(r.explanation.length, r.id).toBeGreaterThan(20);
    }
    for (const [report, kind] of [['gaps', 'GAP'], ['overlaps', 'OVERLAP']] as const) {
      const byRule = data![report].byRule;
      expect(byRule.reduce((n: number, c: any) => n + c.count, 0)).toBe(data![report].totalCount);
      for (const c of byRule) expect(rules.get(c.rule), c.rule).toEqual({ id: c.rule, label: c.label, explanation: c.explanation, report: kind });
    }
    expect(data!.gaps.byRule.map((c: any) => c.rule)).toContain('forum-unconfirmed');
  });
});

describe('overlaps on the Borås graph', () => {
  it('reports the work seed 004 says must be coordinated "för att undvika dubbelarbete", naming the real forum and processes', async () => {
    const report = await findings('overlaps', '(filter: { rules: ["uncoordinated-work"] })');
    const pairs = report.findings.map((f) => [...f.subjectIds].sort().join(' + ')).sort();
    expect(pairs).toEqual([
      'activity:process-saker-och-trygg-kommun + activity:process-valfardsbokslut-och-folkhalsoarbete',
      'activity:process-saker-och-trygg-kommun + forum:beredningsgrupp-for-medborgarinflytande',
      'activity:process-valfardsbokslut-och-folkhalsoarbete + forum:beredningsgrupp-for-medborgarinflytande',
    ]);
    for (const f of report.findings) {
      expect(f.evidence).toMatch(/”(Säker och trygg kommun|Beredningsgrupp för medborgarinflytande|Arbete kopplat till välfärdsbokslutet och folkhälsoarbete)”/);
      expect(f.action).toMatch(/^Utse ett forum som samordnar/);
    }
  });

  it('pages findings with offset and first, in the same order as the whole list', async () => {
    const { data } = await server.gql(`{ all: gaps { totalCount findings { id } } page: gaps { findings(offset: 5, first: 10) { id } } }`);
    expect(data!.page.findings).toEqual(data!.all.findings.slice(5, 15));
    expect(data!.all.findings).toHaveLength(data!.all.totalCount);
    const bad = await server.gql('{ gaps { findings(first: -1) { id } } }');
    expect(bad.errors![0]!.message).toBe('first: must be from 0 to 10000, was -1');
  });

  it('names the argument when a threshold is out of range', async () => {
    const response = await server.gql('{ overlaps(memberOverlap: 1.5) { totalCount } }');
    expect(response.errors![0]!.message).toBe('memberOverlap: must be greater than 0 and at most 1, was 1.5');
  });
});

describe('working relations on the Borås graph', () => {
  it('keeps only relations between two actors that both match a filter', async () => {
    const { data } = await server.gql(`{
      boende: workingRelations(first: 500, filter: { targetArea: "target-area:boende-och-narmiljo" }) { totalCount edges { node { actors { id } } } }
      boendeActors: actors(first: 500, filter: { targetArea: "target-area:boende-och-narmiljo" }) { edges { node { id } } }
      all: workingRelations(first: 500) { totalCount }
    }`);
    const inArea = new Set(data!.boendeActors.edges.map((e: any) => e.node.id));
    const pairs = data!.boende.edges.map((e: any) => e.node.actors.map((a: any) => a.id));
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThan(data!.all.totalCount);
    for (const pair of pairs) for (const id of pair) expect(inArea.has(id), id).toBe(true);
    expect(pairs).toContainEqual(['actor:ab-bostader', 'actor:fof']);
    expect(pairs).not.toContainEqual(['actor:alf', 'actor:gvuf']);
  });

  it('counts only what serves the chosen målområde: with God start i livet every shared activity serves one of its goals', async () => {
    const area = 'target-area:god-start-i-livet';
    const goals = new Set(seed.goals.filter((g) => idOf(g.targetArea) === area).map((g) => g.id));
    const activities = new Set(seed.activities.filter((a) => a.goals.some((g) => goals.has(idOf(g)))).map((a) => a.id));
    const forums = new Set(seed.forums.filter((f) => f.goals.some((g) => goals.has(idOf(g))) || f.coordinates.some((x) => activities.has(idOf(x)))).map((f) => f.id));
    const collaborations = new Set(seed.collaborations.filter((c) => c.activities.some((x) => activities.has(idOf(x))) || c.forums.some((f) => forums.has(idOf(f)))).map((c) => c.id));
    const inside: Record<string, Set<string>> = { ACTIVITY: activities, FORUM: forums, COLLABORATION: collaborations };
    const weight: Record<string, number> = { FORUM: 1, ACTIVITY: 2, COLLABORATION: 2 };
    const RELATION = 'actors { id } strength sharedOutsideFilter shared { id kind }';
    const { data } = await server.gql(`{
      filtered: workingRelations(first: 500, filter: { targetArea: "${area}" }) { totalCount nodes { ${RELATION} } }
      all: workingRelations(first: 500) { nodes { ${RELATION} } }
    }`);
    const pair = (r: any) => r.actors.map((a: any) => a.id).join('~');
    const before = new Map(data!.all.nodes.map((r: any) => [pair(r), r]));
    const filtered = data!.filtered.nodes;
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) {
      for (const c of r.shared) expect(inside[c.kind]!.has(c.id), `${pair(r)}: ${c.id}`).toBe(true);
      expect(r.strength).toBe(r.shared.reduce((n: number, c: any) => n + weight[c.kind]!, 0));
      const all = before.get(pair(r)) as any;
      expect(r.sharedOutsideFilter).toBe(all.shared.length - r.shared.length);
      expect(all.shared.filter((c: any) => !inside[c.kind]!.has(c.id))).toHaveLength(r.sharedOutsideFilter);
    }
    // Områdesutveckling is another målområde's work: FOF and SKA keep only what they share on God start i livet.
    const fofSka = filtered.find((r: any) => pair(r) === 'actor:fof~actor:ska');
    const fofSkaBefore = before.get('actor:fof~actor:ska') as any;
    expect(fofSka?.strength ?? 0).toBeLessThan(fofSkaBefore.strength);
    const { data: panel } = await server.gql(`{ node(id: "actor:ska") { ... on Actor { workingRelations(filter: { targetArea: "${area}" }) { ${RELATION} } } } }`);
    expect(panel!.node.workingRelations).toEqual(filtered.filter((r: any) => r.actors.some((a: any) => a.id === 'actor:ska')));
  });

  it('gives one actor\'s relations, each naming the forums, activities or collaborations they share', async () => {
    const { data } = await server.gql(`{ workingRelations(actorId: "actor:polisen", first: 100) { totalCount edges { node { actors { id } reasons shared { id kind } } } } }`);
    const relations = data!.workingRelations.edges.map((e: any) => e.node);
    expect(relations.length).toBe(data!.workingRelations.totalCount);
    for (const r of relations) expect(r.actors.map((a: any) => a.id)).toContain('actor:polisen');
    const norrby = relations.find((r: any) => r.actors.some((a: any) => a.id === 'actor:ab-bostader'));
    expect(norrby.reasons).toContain('Samverkar i: Områdesutveckling Norrby');
  });
});

describe('gaps that follow the taxonomy', () => {
  it('moves a collaboration from "never assessed" to "below target" once an editor places it below its target', async () => {
    const id = 'collaboration:omradesutveckling-norrby';
    await server.store.write([
      { query: 'collaboration/upsert-collaborations', params: { rows: [{ id, props: { targetLevel: 'INTEGRERAT' } }] } },
      { query: 'assessment/create-assessment', params: { id: 'assessment:test-norrby', collaboration: id, props: { date: '2026-10-01', method: 'DIRECT', level: 2, recordedAt: '2026-10-01T10:00:00Z', recordedBy: 'test', isDemo: false, note: 'test' } } },
    ]);
    const never = await findings('gaps', `(filter: { rules: ["collaboration-never-assessed"] })`);
    expect(never.findings.map((f) => f.subjectIds[0])).not.toContain(id);
    const below = await findings('gaps', `(filter: { rules: ["collaboration-below-target"] })`);
    expect(below.findings.map((f) => [f.subjectIds[0], f.evidence])).toEqual([
      [id, 'Samverkan ”Områdesutveckling Norrby” är skattad på nivå 2 men behöver nivå 4 för sitt syfte.'],
    ]);
  });
});

describe('forums to confirm', () => {
  it('lists every seeded forum as never confirmed, and drops one once its convenor confirms it', async () => {
    const before = await findings('gaps', '(filter: { rules: ["forum-unconfirmed"] })');
    expect(before.findings.map((f) => f.subjectIds[0]).sort()).toEqual(seed.forums.map((f) => f.id).sort());
    const id = 'forum:natverksgruppen-barn-och-unga';
    const confirmed = await server.gql(
      'mutation($input: NodeVersionInput!) { confirmForum(input: $input) { __typename ... on ConfirmForumSuccess { forum { id } } } }',
      { input: { id, version: 1 } },
      { as: server.keys.REDAKTOR },
    );
    expect(confirmed.data!.confirmForum.__typename).toBe('ConfirmForumSuccess');
    const after = await findings('gaps', '(filter: { rules: ["forum-unconfirmed"] })');
    expect(after.findings.map((f) => f.subjectIds[0])).not.toContain(id);
    expect(after.totalCount).toBe(before.totalCount - 1);
  });
});

describe('every other rule on the Borås graph, as the documents give it', () => {
  const firstSubjects = async (rule: string, report: 'gaps' | 'overlaps' = 'gaps') =>
    (await findings(report, `(filter: { rules: ["${rule}"] })`)).findings.map((f) => f.subjectIds[0]).sort();

  it('strategy 5 of målbild barn och unga is the only strategy no effektkedja row implements', async () => {
    expect(await firstSubjects('strategy-without-activity')).toEqual(['strategy:5-barn-och-unga-i-riskzon']);
  });

  it('finds Arbetsförmedlingen and Stadsledningskansliet on "bred rekrytering" with nothing shared: the one structural hole', async () => {
    const report = await findings('gaps', '(filter: { rules: ["structural-hole"] })');
    expect(report.findings.map((f) => f.subjectIds)).toEqual([['actor:af', 'actor:ska', 'goal:bred-rekrytering']]);
  });

  it('finds the goals and målområden where only the kommun acts, and not Förutsättningar för arbete (Arbetsförmedlingen) or Områdesutveckling (Polisen)', async () => {
    expect(await firstSubjects('single-sector-goal')).toEqual([
      'goal:alla-i-arbete', 'goal:attraktiva-narmiljoer', 'goal:barn-och-unga-forberedda', 'goal:barn-och-unga-fritid-och-kultur',
      'goal:barn-och-unga-sprakutveckling', 'goal:barn-och-unga-stodjande-vuxna', 'goal:barn-och-unga-tillit', 'goal:blandad-bebyggelse',
      'goal:inga-utsatta-omraden', 'goal:tillit-och-delaktighet', 'goal:utbildning-pa-gymnasieniva',
    ]);
    expect(await firstSubjects('single-sector-target-area')).toEqual(['target-area:boende-och-narmiljo', 'target-area:god-start-i-livet']);
    const gruf = await findings('gaps', '(filter: { rules: ["single-sector-goal"], text: "fritids- och kultur" })');
    expect(gruf.findings[0]!.evidence).toBe('I effektmålet ”I Borås ska barn och unga ha likvärdiga möjligheter att delta i meningsfulla fritids- och kulturaktiviteter” agerar bara 1 aktör, från kommunen; regionen, staten och civilsamhället saknas.');
  });

  it('finds every styrdokument unlinked and every forum without a goal: the documents link neither', async () => {
    expect(await firstSubjects('policy-document-unlinked')).toEqual(seed['policy-documents'].map((d) => d.id).sort());
    expect(await firstSubjects('forum-without-goal')).toEqual(seed.forums.map((f) => f.id).sort());
  });

  it('finds no merge candidates, duplicate activities or meeting load: no forum has two members or a goal in the documents', async () => {
    expect(Math.max(...seed.forums.map((f) => f.members.length + (f.convenor ? 1 : 0)))).toBeLessThan(2);
    for (const rule of ['forum-merge-candidate', 'duplicate-activity', 'meeting-load']) expect(await firstSubjects(rule, 'overlaps')).toEqual([]);
  });

  it('derives 25 working relations, the strongest between AB Bostäder and Fritids- och folkhälsoförvaltningen on Norrby', async () => {
    const { data } = await server.gql('{ workingRelations(first: 1) { totalCount edges { node { actors { id } strength shared { name } } } } }');
    expect(data!.workingRelations.totalCount).toBe(25);
    const strongest = data!.workingRelations.edges[0].node;
    expect(strongest.actors.map((a: any) => a.id)).toEqual(['actor:ab-bostader', 'actor:fof']);
    expect(strongest.strength).toBe(12);
    expect(strongest.shared.map((s: any) => s.name)).toContain('Områdesutveckling Norrby');
  });
});

describe('forums that share their members but no recorded goal', () => {
  it('proposes the two Borås forums an editor gives the same members as a merge candidate, at low severity, saying no shared effektmål is recorded', async () => {
    // Two forums of seed 000 that the documents give no members and no goal; an editor records who sits in them.
    const [a, b] = ['forum:natverksgruppen-barn-och-unga', 'forum:styrgruppen-for-familjecentraler'];
    const seats = { [a]: ['actor:ff', 'actor:fof', 'actor:kuf'], [b]: ['actor:ff', 'actor:fof'] };
    for (const forum of [a, b]) expect(seed.forums.find((f) => f.id === forum)).toMatchObject({ members: [], goals: [] });
    const names = Object.fromEntries(seed.forums.map((f) => [f.id, f.name]));
    await server.store.write([{ query: 'link/link-member-of', params: { rows: Object.entries(seats).flatMap(([to, actors]) => actors.map((from) => ({ from, to, props: { role: 'LEDAMOT' } }))) } }]);
    const report = await findings('overlaps', '(filter: { rules: ["forum-merge-candidate"] })');
    expect(report.findings.map((f) => [f.subjectIds, f.severity])).toEqual([[[a, b], 'LOW']]);
    const [finding] = report.findings;
    const shared = seats[b]!.length;
    const all = new Set([...seats[a]!, ...seats[b]!]).size;
    expect(finding!.evidence).toBe(`”${names[a]}” och ”${names[b]}” delar ${shared} av ${all} medlemmar (${Math.round((100 * shared) / all)} %, gräns 50 %). Inget gemensamt effektmål är registrerat för dem, så det är inte känt om de arbetar med samma sak.`);
    expect(Object.fromEntries(finding!.metrics.map((m) => [m.name, m.value]))).toEqual({ memberJaccard: shared / all, goalJaccard: 0, sharedMembers: shared, sharedGoals: 0 });
    // A higher threshold than their overlap finds nothing.
    expect((await findings('overlaps', `(memberOverlap: ${(shared + 0.5) / all}, filter: { rules: ["forum-merge-candidate"] })`)).totalCount).toBe(0);
  });
});
