import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { upload, xlsx, type Cells } from '../support/upload.ts';
import { idOf, loadSeed, readSeedData, type SeedData } from '../../seed/load.ts';

/*
 * The effektkedjor of seed document 000, typed into the Effektkedja template
 * as the slides show them — merged Långsiktiga effekter cells, goal texts
 * broken over lines, Ansvar as "GVUF och ALF", "AB-bostäder" and "SKA,
 * samtliga förvaltningar & bolag" — import into a map that has the actors and
 * goals but no chains as exactly the seeded activities, ansvar and goal links.
 */
const seed = readSeedData();
const chains = seed.activities.filter((a) => a.kind === 'EFFEKTKEDJA');
const chainIds = new Set(chains.map((a) => a.id));

/** The seed without its effektkedja rows, and without what points at them. */
function withoutChains(data: SeedData): SeedData {
  return {
    ...data,
    activities: data.activities.filter((a) => !chainIds.has(a.id)),
    forums: data.forums.map((f) => ({ ...f, coordinates: f.coordinates.filter((ref) => !chainIds.has(idOf(ref))) })),
    collaborations: data.collaborations.map((c) => ({ ...c, activities: c.activities.filter((ref) => !chainIds.has(idOf(ref))) })),
    'coordination-needs': data['coordination-needs'].filter((n) => !n.members.some((ref) => chainIds.has(idOf(ref)))),
    funding: data.funding.filter((f) => !f.activity || !chainIds.has(idOf(f.activity))),
  };
}

const HEADER = ['Långsiktiga effekter', 'Kortsiktiga effekter', 'Prestation', 'Aktivitet', 'Ansvar', 'Tid', 'Resurser'];
const byId = new Map(chains.map((a) => [a.id, a]));

/** One slide's rows: the goal cell (null under a merged one), then the activity by id, with Ansvar as the slide writes it. */
const sheet = (rows: [string | null, string, string][]): Cells => [
  HEADER,
  ...rows.map(([goals, id, ansvar]) => {
    const a = byId.get(`activity:${id}`)!;
    return [goals, a.shortTermEffect ?? null, a.output ?? null, a.name, ansvar, null, null];
  }),
];

const SHEETS: Record<string, Cells> = {
  'Förutsättningar för arbete': sheet([
    ['I Borås ska alla invånare i arbetsför\nålder ha utbildning på\ngymnasienivå.', 'arbete-01-uppsokande-verksamhet', 'GVUF och ALF'],
    [null, 'arbete-02-kartlagga-jobb-boras-utbud', 'ALF'],
    [null, 'arbete-03-finansiering-av-studier', 'GVUF & ALF'],
    ['I Borås ska alla, även utsatta\ngrupper, finnas i arbete.', 'arbete-04-integrationsmodellen', 'GVUF & ALF'],
    [null, 'arbete-05-samhallsinformation-om-arbetsmarknaden', 'ALF'],
    ['Arbetsgivare i Borås har en bred\nrekrytering och en blandning av\nanställda.', 'arbete-06-dialog-med-naringslivet', 'SKA'],
    [null, 'arbete-07-oversyn-styrande-dokument', 'SKA'],
    [null, 'arbete-08-handledarskap', 'ALF'],
    [null, 'arbete-09-kampanj-till-arbetsgivare', 'ALF och AF'],
    [null, 'arbete-10-nya-yrkestitlar', 'SKA och ALF'],
  ]),
  'Boende och närmiljö': sheet([
    [
      'I Borås ska det inte\nfinnas några utsatta\nområden\nI Borås ska det\nfinnas en blandad\nbebyggelse med\nolika boendeformer\nför alla\nlivssituationer\nI Borås ska\nnärmiljöerna vara\nattraktiva, trygga\noch skapa möten\nmellan människor\nI Borås ska\ninvånarna och\nsamhällets olika\naktörer känna tillit\ntill varandra, ta\ngemensamt ansvar\noch ges möjlighet\natt vara delaktiga i\nen positiv\nstadsutveckling',
      'boende-01-segregationsindex',
      'FOF, SKA, SBF',
    ],
    [null, 'boende-02-oversyn-styrande-dokument-stadsutveckling', 'SBF, berörda\nförvaltningar i\nsamhällsbyggnadsprocessen'],
    [null, 'boende-03-visualisera-stadsutveckling', 'SBF, FOF, AB-Bostäder'],
    [null, 'boende-04-kompensatorisk-overenskommelse', 'SKA, samtliga\nförvaltningar & bolag'],
    [null, 'boende-05-medborgarbudget', 'SKA'],
  ]),
  'Områdesutveckling Norrby': sheet([
    ['Jämlika\nlivsvillkor och\ngod hälsa på\nNorrby', 'norrby-01-dialoger-om-gemensam-malbild', 'SKA, FOF, AB-\nbostäder'],
    [null, 'norrby-02-omradesutvecklingsmodell', 'AB-bostäder, FOF,\nSKA'],
    [null, 'norrby-03-kommunikationsplan', 'SKA, AB-bostäder,\nFOF'],
    [null, 'norrby-04-medskapandeforum', 'FOF, AB-bostäder'],
    [null, 'norrby-05-upprustning', 'TEK, AB-bostäder\nPolisen'],
  ]),
  'God start i livet': sheet([
    ['I Borås ska barn och unga\nha tillit till sin egen förmåga\noch omgivningen för att\nkunna delta aktivt i samhället', 'godstart-01-samverkansstrukturer-barn-och-unga', 'SKA, berörda förvaltningar genom Beredningsgrupp barn- och unga'],
    ['I Borås ska barn och unga\nvara förberedda för\neftergymnasiala studier eller\narbetslivet', 'godstart-02-samlad-nulagesbild', 'SKA, berörda förvaltningar genom Beredningsgrupp barn- och unga'],
    ['I Borås ska barn och unga\nha likvärdiga möjligheter att\ndelta i meningsfulla fritids-\noch kulturaktiviteter', 'godstart-03-pilottesta-arena-skola', 'GRUF'],
    ['I Borås ska barn och unga\nväxa upp med stödjande\nvuxna i sin närhet som\nstärker barn och ungas hälsa\noch livsvillkor', 'godstart-04-familjecentraliserat-arbetssatt', 'FF'],
    ['I Borås ska barn och ungas\nspråkutveckling främjas på\nsamtliga arenor där barn och\nunga vistas', 'godstart-05-sprakutveckling-norrby', 'FF, FOF,\nKUF'],
  ]),
};
const MERGED = {
  'Förutsättningar för arbete': ['A2:A4', 'A5:A6', 'A7:A11'],
  'Boende och närmiljö': ['A2:A6'],
  'Områdesutveckling Norrby': ['A2:A6'],
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await loadSeed(server.store, withoutChains(seed));
});
afterAll(async () => server?.close());

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describe('the seed effektkedjor, written into the Effektkedja template', () => {
  it('import as exactly the seeded activities, ansvar and goal links', async () => {
    const bytes = await xlsx(SHEETS, MERGED);
    const report = (await upload(server, 'effektkedjor-000.xlsx', bytes, { dryRun: false })).data!.result.report;
    expect(report.issues).toEqual([]);
    expect(report.unknownActors).toEqual([]);
    expect(report).toMatchObject({ applied: true });
    expect(report.counts).toMatchObject({ created: 25, errors: 0 });

    const { data } = await server.gql(`{ activities(first: 100, filter: { kind: EFFEKTKEDJA }) { totalCount edges { node {
      name kind output shortTermEffect period resources responsibleOthers responsible { id } goals { id } } } } }`);
    const imported = data!.activities.edges.map((e: any) => e.node);
    expect(data!.activities.totalCount).toBe(chains.length);
    for (const a of chains) {
      const got = imported.find((x: any) => x.name === a.name);
      expect(got, a.name).toBeTruthy();
      expect({ ...got, responsible: ids(got.responsible), goals: ids(got.goals) }, a.id).toEqual({
        name: a.name,
        kind: 'EFFEKTKEDJA',
        output: a.output,
        shortTermEffect: a.shortTermEffect,
        period: null,
        resources: null,
        responsibleOthers: a.responsibleOthers ?? null,
        responsible: a.responsible.map(idOf).sort(),
        goals: a.goals.map(idOf).sort(),
      });
    }
    // What the Ansvar cells said beyond the actors is kept, not dropped.
    const notes = Object.fromEntries(imported.filter((x: any) => x.responsibleOthers).map((x: any) => [x.name, x.responsibleOthers]));
    expect(notes).toEqual({
      'Översyn styrande dokument i stadsutveckling': 'berörda förvaltningar i samhällsbyggnadsprocessen',
      'Ta fram förslag på kompensatorisk överenskommelse': 'samtliga förvaltningar & bolag',
      'Stärka samverkansstrukturer barn och unga': 'berörda förvaltningar genom Beredningsgrupp barn- och unga',
      'Samlad nulägesbild av identifierade utvecklingsområden': 'berörda förvaltningar genom Beredningsgrupp barn- och unga',
    });
  });

  it('changes nothing when imported again', async () => {
    const report = (await upload(server, 'effektkedjor-000.xlsx', await xlsx(SHEETS, MERGED), { dryRun: false })).data!.result.report;
    expect(report).toMatchObject({ applied: false, unchanged: true });
    expect(report.counts).toMatchObject({ unchanged: chains.length });
  });
});
