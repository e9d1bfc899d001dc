import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readSeedData } from '../../seed/load.ts';

const seed = readSeedData();

const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) {
  __typename
  ... on SubmitAssessmentSuccess { assessment { id date method level levelValue targetLevel provisional respondents organisations
    layers { layer score target gap } signals { code text } evidence isDemo collaboration { id } } }
  ... on ValidationError { message fieldErrors { path message } }
  ... on NotFoundError { message id field }
} }`;

const PLACE = `mutation($input: PlaceCollaborationInput!) { placeCollaboration(input: $input) {
  __typename
  ... on PlaceCollaborationSuccess { assessment { id method level targetLevel note layers { layer } evidence } }
  ... on ValidationError { fieldErrors { path message } }
} }`;

/** Three respondents from two organisations answering alike: layer scores A, B, C. */
const responses = (a: number, b: number, c: number, target = 4) =>
  [['actor:socialtjansten', 'Anna'], ['actor:socialtjansten', 'Bo'], ['actor:polisen', 'Cecilia']].map(([organisationId, respondent]) => ({
    respondent, organisationId, a1: a, a2: a, b1: b, b2: b, c1: c, c2: c, targetA: target, targetB: target, targetC: target,
  }));

const COLLABORATION = 'collaboration:socialtjansten-polisen';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const submit = (input: Record<string, unknown>, as = server.keys.REDAKTOR) => server.gql(SUBMIT, { input }, { as });

describe('assessments over HTTP', () => {
  it('stores a survey and returns it scored, with its profile against the respondents\' targets', async () => {
    const { data } = await submit({ collaborationId: COLLABORATION, date: '2023-04-01', responses: responses(3, 3, 3), signals: ['SJUNKANDE_NARVARO'] });
    expect(data!.submitAssessment).toMatchObject({
      __typename: 'SubmitAssessmentSuccess',
      assessment: {
        date: '2023-04-01', method: 'SURVEY', level: 'SAMVERKAN', levelValue: 3, targetLevel: 'INTEGRERAT', provisional: false,
        respondents: 3, organisations: 2, isDemo: false, collaboration: { id: COLLABORATION },
        signals: [{ code: 'SJUNKANDE_NARVARO', text: 'Närvaron sjunker.' }],
        layers: [{ layer: 'A', score: 3, target: 4, gap: 1 }, { layer: 'B', score: 3, target: 4, gap: 1 }, { layer: 'C', score: 3, target: 4, gap: 1 }],
      },
    });
    expect(data!.submitAssessment.assessment.id).toMatch(/^assessment:/);
  });

  it('flags drift when the next assessment falls a level, and shows it on the collaboration', async () => {
    const next = await submit({ collaborationId: COLLABORATION, date: '2024-04-01', responses: responses(3, 2, 2) });
    expect(next.data!.submitAssessment.assessment).toMatchObject({ level: 'SAMORDNAT' });
    const { data } = await server.gql(`query($id: ID!) { node(id: $id) { ... on Collaboration {
      level targetLevel layers { layer score } gaps { layer score target gap }
      assessments { date level }
      drift { flagged findings { rule layer dates values evidence current assessments { date } } } } } }`, { id: COLLABORATION });
    const c = data!.node;
    expect(c.level).toBe('SAMORDNAT');
    expect(c.assessments).toEqual([{ date: '2023-04-01', level: 'SAMVERKAN' }, { date: '2024-04-01', level: 'SAMORDNAT' }]);
    expect(c.layers).toEqual([{ layer: 'A', score: 3 }, { layer: 'B', score: 2 }, { layer: 'C', score: 2 }]);
    expect(c.gaps.map((g: any) => g.gap)).toEqual([1, 2, 2]);
    expect(c.drift.flagged).toBe(true);
    const falls = c.drift.findings.filter((f: any) => f.rule === 'LAYER_FALL');
    expect(falls.map((f: any) => [f.layer, f.values])).toEqual([['B', [3, 2]], ['C', [3, 2]]]);
    expect(falls[0]).toMatchObject({ dates: ['2023-04-01', '2024-04-01'], current: true, assessments: [{ date: '2023-04-01' }, { date: '2024-04-01' }] });
    expect(falls[0].evidence).toBe('Skikt B (Mål/strategi/organisation) sjönk från 3 till 2 mellan skattningarna 2023-04-01 och 2024-04-01, 1 nivå (regeln: minst 1).');
    expect(c.drift.findings.map((f: any) => f.rule)).toContain('GAP_WIDENS');
  });

  it('places a collaboration directly, marked as such, with no layer profile', async () => {
    const { data } = await server.gql(PLACE, { input: {
      collaborationId: 'collaboration:hedersrelaterat-vald-och-fortryck', date: '2024-01-15', level: 'SAMORDNAT', targetLevel: 'SAMVERKAN', note: 'Bedömt av beredningsgruppen',
    } }, { as: server.keys.REDAKTOR });
    expect(data!.placeCollaboration).toMatchObject({
      __typename: 'PlaceCollaborationSuccess',
      assessment: { method: 'DIRECT', level: 'SAMORDNAT', targetLevel: 'SAMVERKAN', note: 'Bedömt av beredningsgruppen', layers: [] },
    });
    expect(data!.placeCollaboration.assessment.evidence).toMatch(/Direkt placerad av en redaktör/);
  });

  it('reports every collaboration in the taxonomy: placement, target, trajectory, drift, below target, counts per level', async () => {
    const { data } = await server.gql(`{ taxonomy {
      collaborations { collaboration { id } level column targetLevel driftFlagged belowTarget neverAssessed method trajectory { date level } }
      levels { level label count } driftCount belowTargetCount notAssessedCount demoAssessments
      byType { key label placements { collaboration { id } } levels { level count } }
      byTargetArea { key label placements { collaboration { id } } } } }`);
    const report = data!.taxonomy;
    expect(report.collaborations).toHaveLength(seed.collaborations.length);
    const byId = new Map(report.collaborations.map((p: any) => [p.collaboration.id, p]));
    expect(byId.get(COLLABORATION)).toMatchObject({
      level: 'SAMORDNAT', column: 'Samordnat', targetLevel: 'INTEGRERAT', driftFlagged: true, belowTarget: true, neverAssessed: false, method: 'SURVEY',
      trajectory: [{ date: '2023-04-01', level: 'SAMVERKAN' }, { date: '2024-04-01', level: 'SAMORDNAT' }],
    });
    expect(byId.get('collaboration:hedersrelaterat-vald-och-fortryck')).toMatchObject({ level: 'SAMORDNAT', targetLevel: 'SAMVERKAN', belowTarget: true, method: 'DIRECT', driftFlagged: false });
    expect(byId.get('collaboration:familjecentralerna')).toMatchObject({ level: null, column: 'Ej skattad', neverAssessed: true, trajectory: [] });
    expect(report.levels).toEqual([
      { level: 'SPECIFICERAT', label: 'Specificerat', count: 0 },
      { level: 'SAMORDNAT', label: 'Samordnat', count: 2 },
      { level: 'SAMVERKAN', label: 'Samverkan', count: 0 },
      { level: 'INTEGRERAT', label: 'Integrerat', count: 0 },
      { level: 'SAMMANSMALT', label: 'Sammansmält', count: 0 },
      { level: null, label: 'Ej skattad', count: seed.collaborations.length - 2 },
    ]);
    expect(report).toMatchObject({ driftCount: 1, belowTargetCount: 2, notAssessedCount: seed.collaborations.length - 2, demoAssessments: 0 });
    // Every collaboration stands in exactly one type group; by målområde, in one group or more.
    expect(report.byType.flatMap((g: any) => g.placements).length).toBe(seed.collaborations.length);
    expect(report.byType.at(-1)).toMatchObject({ key: 'NONE', label: 'Ingen typ angiven' });
    const norrby = report.byTargetArea.find((g: any) => g.label === 'Områdesutveckling');
    expect(norrby.placements.map((p: any) => p.collaboration.id)).toContain('collaboration:omradesutveckling-norrby');
  });

  it('gives the instrument for an assessment form', async () => {
    const { data } = await server.gql('{ taxonomyInstrument { version layers { layer name items { id statements } } targetQuestion signals { code } } }');
    expect(data!.taxonomyInstrument.layers.map((l: any) => l.items.map((i: any) => i.id))).toEqual([['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2']]);
    expect(data!.taxonomyInstrument.layers[2].items[0].statements[0]).toBe('”Det ligger utanför vårt uppdrag.”');
  });

  it('records each assessment in the audit trail, linked to the collaboration', async () => {
    const [page] = await server.store.read<{ total: number; page: { operation: string; by: string }[] }>('change/list-node-changes', { id: COLLABORATION, skip: 0, limit: 10 });
    expect(page!.page.map((c) => c.operation)).toEqual(['submitAssessment', 'submitAssessment']);
  });
});

describe('assessments over HTTP: refusals', () => {
  const valid = () => ({ collaborationId: 'collaboration:gemensam-kaa-enhet', date: '2024-01-01', responses: responses(3, 3, 3) });
  const stored = async () => (await server.gql('{ node(id: "collaboration:gemensam-kaa-enhet") { ... on Collaboration { assessments { id } } } }')).data!.node.assessments;

  it('refuses an anonymous or reading viewer, writing nothing', async () => {
    const anonymous = await server.gql(SUBMIT, { input: valid() });
    expect(anonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const reader = await submit(valid(), server.keys.LASARE);
    expect(reader.status).toBe(403);
    expect(reader.errors![0]!.message).toMatch(/Rollen REDAKTOR krävs/);
    expect(await stored()).toEqual([]);
  });

  it('refuses answers on behalf of an organisation that does not take part in the collaboration', async () => {
    const input = { collaborationId: COLLABORATION, date: '2024-05-01', responses: [...responses(3, 3, 3), { ...responses(3, 3, 3)[0]!, respondent: 'Dag', organisationId: 'actor:ska' }] };
    const { data } = await submit(input);
    expect(data!.submitAssessment.__typename).toBe('ValidationError');
    expect(data!.submitAssessment.fieldErrors).toEqual([
      { path: 'input.responses.3.organisationId', message: 'actor:ska deltar inte i samverkan: lägg först till organisationen som deltagare' },
    ]);
  });

  it('names the field and the reason, in Swedish, for a score out of range and a future date', async () => {
    const input = valid();
    input.responses[0]!.a1 = 7;
    const { data } = await submit({ ...input, date: '2999-01-01' });
    expect(data!.submitAssessment.__typename).toBe('ValidationError');
    expect(data!.submitAssessment.fieldErrors).toEqual([
      { path: 'input.date', message: 'får inte ligga i framtiden' },
      { path: 'input.responses.0.a1', message: 'måste vara från 1 till 5' },
    ]);
    expect(await stored()).toEqual([]);
  });

  it('names a repeated respondent', async () => {
    const input = valid();
    input.responses[2]!.respondent = 'bo';
    const { data } = await submit(input);
    expect(data!.submitAssessment.fieldErrors).toEqual([{ path: 'input.responses.2.respondent', message: 'bo har redan svarat i den här skattningen' }]);
    expect(await stored()).toEqual([]);
  });

  it('names an unknown early-warning signal', async () => {
    const { data } = await submit({ ...valid(), signals: ['SJUNKANDE_NARVARO', 'OKAND'] });
    expect(data!.submitAssessment.fieldErrors).toEqual([{ path: 'input.signals.1', message: expect.stringMatching(/^okänd signal; välj bland NYCKELPERSONER_BYTTS/) }]);
    expect(await stored()).toEqual([]);
  });

  it('names the field of an organisation that is no actor, and of a collaboration that does not exist', async () => {
    const input = valid();
    input.responses[1]!.organisationId = 'actor:finns-inte';
    input.responses[2]!.organisationId = 'forum:beredningsgrupp-barn-och-unga';
    const { data } = await submit(input);
    expect(data!.submitAssessment.fieldErrors).toEqual([
      { path: 'input.responses.1.organisationId', message: 'det finns inte en aktör med id actor:finns-inte' },
      { path: 'input.responses.2.organisationId', message: 'forum:beredningsgrupp-barn-och-unga är inte en aktör' },
    ]);
    const missing = await submit({ ...valid(), collaborationId: 'collaboration:finns-inte' });
    expect(missing.data!.submitAssessment).toMatchObject({ __typename: 'NotFoundError', field: 'input.collaborationId', id: 'collaboration:finns-inte' });
    expect(await stored()).toEqual([]);
  });

  it('needs a respondent, and a note for a direct placement', async () => {
    const { data } = await submit({ ...valid(), responses: [] });
    expect(data!.submitAssessment.fieldErrors).toEqual([{ path: 'input.responses', message: 'minst en svarande behövs' }]);
    const place = await server.gql(PLACE, { input: { collaborationId: 'collaboration:gemensam-kaa-enhet', date: '2024-01-01', level: 'SAMVERKAN', note: '  ' } }, { as: server.keys.REDAKTOR });
    expect(place.data!.placeCollaboration.fieldErrors).toEqual([{ path: 'input.note', message: 'får inte vara tomt' }]);
  });
});
