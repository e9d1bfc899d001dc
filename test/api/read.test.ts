import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readSeedData } from '../../seed/load.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const seed = readSeedData();

describe('GraphQL over HTTP: the Borås graph', () => {
  it('lists every seeded actor with names spelled out and a derived sector', async () => {
    const { data } = await server.gql(`{ actors(first: 100) { totalCount edges { node { id name shortName kind sector source { document section } } } } }`);
    expect(data!.actors.totalCount).toBe(seed.actors.length);
    expect(data!.actors.totalCount).toBeGreaterThanOrEqual(14);
    const byShort = new Map(data!.actors.edges.map((e: any) => [e.node.shortName, e.node]));
    expect(byShort.get('SKA')).toMatchObject({ name: 'Stadsledningskansliet', sector: 'KOMMUN' });
    expect(byShort.get('VGR')).toMatchObject({ name: 'Västra Götalandsregionen', kind: 'REGION', sector: 'REGION' });
    for (const { node } of data!.actors.edges) {
      expect(node.name).not.toBe(node.shortName);
      expect(node.source.document).toBeTruthy();
    }
  });

  it('gives each effektkedja row its ansvar and effektmål, each effektmål its målområde, and leaves Tid and Resurser empty', async () => {
    const { data } = await server.gql(`{ activities(first: 500, filter: { kind: EFFEKTKEDJA }) { totalCount edges { node {
      name output shortTermEffect period resources responsible { name } goals { text targetArea { name } } source { document } } } } }`);
    const rows = data!.activities.edges.map((e: any) => e.node);
    expect(rows.length).toBe(seed.activities.filter((a) => a.kind === 'EFFEKTKEDJA').length);
    for (const row of rows) {
      expect(row.responsible.length, `${row.name} has ansvar`).toBeGreaterThan(0);
      expect(row.goals.length, `${row.name} serves an effektmål`).toBeGreaterThan(0);
      for (const goal of row.goals) expect(goal.targetArea.name).toBeTruthy();
      expect(row.period).toBeNull();
      expect(row.resources).toBeNull();
    }
    const survey = rows.find((r: any) => r.name.startsWith('Kartlägga Jobb Borås utbud'));
    expect(survey.responsible.map((a: any) => a.name)).toEqual(['Arbetslivsförvaltningen']);
  });

  it('holds the goal "I Borås ska ingen vara hemlös" in Boende och närmiljö, with no activity', async () => {
    const { data } = await server.gql(`{ goals(first: 10, filter: { text: "ingen vara hemlös" }) { totalCount edges { node { id text activities { id } targetArea { name } } } } }`);
    expect(data!.goals.totalCount).toBe(1);
    expect(data!.goals.edges[0].node).toMatchObject({ text: 'I Borås ska ingen vara hemlös', activities: [], targetArea: { name: 'Boende och närmiljö' } });
  });

  it('marks what only the alternative proposals state as proposed', async () => {
    const { data } = await server.gql(`{ strategies(first: 10) { totalCount edges { node { name measures source { document proposed } } } } }`);
    expect(data!.strategies.totalCount).toBe(5);
    for (const { node } of data!.strategies.edges) {
      expect(node.source.proposed).toBe(true);
      expect(node.measures.length).toBeGreaterThan(0);
    }
  });

  it('pages with cursors: pages do not overlap and together give totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const { data }: { data?: any } = await server.gql(`query($after: String) { activities(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      total = data!.activities.totalCount;
      seen.push(...data!.activities.edges.map((e: any) => e.node.id));
      if (!data!.activities.pageInfo.hasNextPage) break;
      after = data!.activities.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters actors by sector, kind, text and målområde', async () => {
    const { data } = await server.gql(`{
      stat: actors(filter: { sectors: [STAT] }) { edges { node { name } } }
      bolag: actors(filter: { kinds: [KOMMUNALT_BOLAG] }) { edges { node { name } } }
      text: actors(filter: { text: "västra götaland" }) { edges { node { name } } }
      targetAreas { id name }
    }`);
    expect(data!.stat.edges.map((e: any) => e.node.name)).toEqual(
      seed.actors.filter((a) => a.kind === 'STATLIG_MYNDIGHET').map((a) => a.name).sort((a, b) => a.localeCompare(b)),
    );
    expect(data!.bolag.edges.map((e: any) => e.node.name)).toEqual(['AB Bostäder i Borås']);
    expect(data!.text.edges.map((e: any) => e.node.name)).toEqual(['Västra Götalandsregionen']);
    const boende = data!.targetAreas.find((t: any) => t.name === 'Boende och närmiljö');
    const inArea = await server.gql(`query($t: ID) { actors(filter: { targetArea: $t }) { edges { node { shortName } } } }`, { t: boende.id });
    expect(inArea.data!.actors.edges.map((e: any) => e.node.shortName)).toContain('AB Bostäder');
  });

  it('resolves any node by id, and answers null for an unknown one', async () => {
    const { data } = await server.gql(`{ a: node(id: "actor:ska") { __typename id ... on Actor { name } } b: node(id: "forum:finns-inte") { id } }`);
    expect(data!.a).toEqual({ __typename: 'Actor', id: 'actor:ska', name: 'Stadsledningskansliet' });
    expect(data!.b).toBeNull();
  });

  it('derives working relations with reasons that name real forums, activities and collaborations', async () => {
    const { data } = await server.gql(`{ workingRelations(first: 500) { totalCount edges { node { actors { id } reasons strength shared { id name kind } } } } }`);
    expect(data!.workingRelations.totalCount).toBeGreaterThan(0);
    const names = new Set([...seed.forums, ...seed.activities, ...seed.collaborations].map((x) => x.name));
    for (const { node } of data!.workingRelations.edges) {
      expect(node.actors).toHaveLength(2);
      expect(node.reasons.length).toBe(node.shared.length);
      for (const shared of node.shared) expect(names.has(shared.name)).toBe(true);
    }
  });
});

describe('GraphQL over HTTP: bad input', () => {
  it('answers a malformed query with a syntax error and keeps serving', async () => {
    const bad = await server.gql('{ actors(first: 1) { totalCount ');
    expect(bad.status).toBe(400);
    expect(bad.errors![0]!.message).toMatch(/Syntax Error/);
    const good = await server.gql('{ actors(first: 1) { totalCount } }');
    expect(good.data!.actors.totalCount).toBe(seed.actors.length);
  });

  it('refuses a query that would cost too much, naming the limit', async () => {
    const response = await server.gql('{ actors(first: 100000) { edges { node { forums { forum { members { actor { name } } } } } } } }');
    expect(response.errors![0]!.message).toMatch(/Query Cost limit of \d+ exceeded/);
  });

  it('refuses a too deep query before it reaches the store, and keeps serving', async () => {
    const deep = `{ actors(first: 1) { edges { node { forums { forum { members { actor { forums { forum { members { actor { forums { forum { name } } } } } } } } } } } } } }`;
    const response = await server.gql(deep);
    expect(response.data).toBeUndefined();
    expect(response.errors![0]!.message).toMatch(/depth/i);
    const good = await server.gql('{ actors(first: 1) { totalCount } }');
    expect(good.data!.actors.totalCount).toBe(seed.actors.length);
  });

  it('names the argument when a page size is out of range', async () => {
    const response = await server.gql('{ actors(first: 1001) { totalCount } }');
    expect(response.errors![0]!.message).toBe('first: must be from 0 to 1000, was 1001');
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('names the field when a filter has the wrong type', async () => {
    const response = await server.gql('{ actors(filter: { kinds: [KOMMUNEN] }) { totalCount } }');
    expect(response.errors![0]!.message).toMatch(/KOMMUNEN/);
    expect(response.errors![0]!.message).toMatch(/ActorKind/);
  });

  it('serves GraphiQL to a browser at /graphql', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });
});

describe('GraphQL over HTTP: limits and ids', () => {
  it('refuses a query with many aliases of a costly field, and keeps serving', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `g${i}: gaps { totalCount }`).join(' ');
    const response = await server.gql(`{ ${aliases} }`);
    expect(response.data).toBeUndefined();
    expect(response.errors![0]!.message).toMatch(/Aliases limit/);
    expect((await server.gql('{ gaps { totalCount } }')).data!.gaps.totalCount).toBeGreaterThan(0);
  });

  it('names the argument when an id or a cursor is malformed', async () => {
    const id = await server.gql('{ node(id: "foo") { id } }');
    expect(id.errors![0]!.message).toBe('id: "foo" is not an id of this API (they look like actor:ska)');
    const cursor = await server.gql('{ actors(after: "nonsense") { totalCount } }');
    expect(cursor.errors![0]!.message).toBe('after: "nonsense" is not a cursor this list gave out (use pageInfo.endCursor)');
  });

  it('does not let another origin read answers', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.boras.se' },
      body: JSON.stringify({ query: '{ actors { totalCount } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('GraphQL over HTTP: funding (seed 002)', () => {
  it('gives both breakdowns of the statsbidrag, each adding up to the same 30 153 200 kr', async () => {
    const { data } = await server.gql(`{
      perYear: fundings(breakdown: PER_YEAR) { year amountSek targetArea { id } citation { document proposed } }
      perArea: fundings(breakdown: PER_TARGET_AREA) { amountSek targetArea { name } }
      y2021: fundings(year: 2021) { amountSek }
    }`);
    expect(data!.perYear.map((f: any) => f.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const sum = (rows: { amountSek: number }[]) => rows.reduce((total, f) => total + f.amountSek, 0);
    expect(sum(data!.perYear)).toBe(30_153_200);
    expect(sum(data!.perArea)).toBe(30_153_200);
    expect(data!.y2021).toEqual([{ amountSek: 7_633_486 }]);
    expect(data!.perYear[0].citation).toEqual({ document: 'Socialt hållbart Borås – arbetet framåt', proposed: true });
    expect(data!.perArea.map((f: any) => f.targetArea?.name ?? null)).toContain('Förutsättningar för arbete');
  });
});

describe('GraphQL over HTTP: the evidence behind each fact', () => {
  const SOURCE = 'source { document section quote basis note proposed }';

  it('gives every seeded node its quote and basis, and an inferred one its note', async () => {
    const { data } = await server.gql(`{ actors(first: 500) { edges { node { id ${SOURCE} } } } activities(first: 500) { edges { node { id ${SOURCE} } } } }`);
    const sources = [...data!.actors.edges, ...data!.activities.edges].map((e: any) => e.node);
    expect(sources.length).toBe(seed.actors.length + seed.activities.length);
    for (const { id, source } of sources) {
      expect(source.quote, id).toBeTruthy();
      expect(['STATED', 'INFERRED'], id).toContain(source.basis);
      if (source.basis === 'INFERRED') expect(source.note, id).toBeTruthy();
    }
  });

  it('shows SKA\'s seat in Beredningsgrupp barn och unga as inferred, with the Ansvar cell it is read from', async () => {
    const { data } = await server.gql(`{ node(id: "forum:beredningsgrupp-barn-och-unga") { ... on Forum { members { actor { id } role ${SOURCE} } } } }`);
    expect(data!.node.members).toEqual([{
      actor: { id: 'actor:ska' },
      role: 'LEDAMOT',
      source: {
        document: 'Socialt hållbart Borås (bildspel)',
        section: 'God start i livet - Effektkedja',
        quote: 'SKA, berörda förvaltningar genom Beredningsgrupp barn-och unga',
        basis: 'INFERRED',
        note: expect.stringMatching(/Rollen anges inte: ledamot är antagen/),
        proposed: false,
      },
    }]);
  });

  it('holds the inriktningsbeslut as adopted on 2019-09-02, as 004 reports it, and the handlingsplan as adopted', async () => {
    const { data } = await server.gql(`{ a: node(id: "policy-document:inriktningsbeslut-barn-och-unga-2019") { ... on PolicyDocument { adopted owner { id } ${SOURCE} } }
      b: node(id: "policy-document:handlingsplan-socialt-hallbart-boras") { ... on PolicyDocument { ${SOURCE} } }
      c: node(id: "activity:insats-socialradgivare-vid-motesplatserna") { ... on Activity { ${SOURCE} } } }`);
    expect(data!.a).toMatchObject({ adopted: '2019-09-02', owner: { id: 'actor:kommunstyrelsen' }, source: { basis: 'STATED', proposed: false } });
    expect(data!.a.source.quote).toContain('som Kommunstyrelsen fastställde den 2 september 2019');
    expect(data!.b.source).toMatchObject({ quote: expect.stringContaining('den antagna handlingsplanen'), proposed: false });
    expect(data!.c.source).toMatchObject({ quote: expect.stringContaining('implementeringen av Team Domino, socialrådgivare vid mötesplatserna'), proposed: false });
  });

  it('names the officials of each målområde as people with their role, from 001', async () => {
    const { data } = await server.gql(`{ targetAreas { id officials { role person { name title } ${SOURCE} } }
      node(id: "overarching-goal:jamlika-livsvillkor-och-god-halsa") { ... on OverarchingGoal { officials { person { name title } source { basis } } } } }`);
    const officials = (id: string) => data!.targetAreas.find((t: any) => t.id === id).officials;
    const godStart = officials('target-area:god-start-i-livet');
    expect(godStart.map((o: any) => o.person.name)).toEqual(['Anna Svalander', 'Pär Arvidsson Fäldt']);
    expect(godStart[1]).toMatchObject({ role: 'Ansvarig', source: { quote: 'En god start i livet Ansvariga: Par Arvidsson Faldt Anna Svalander', basis: 'STATED' } });
    expect(officials('target-area:forutsattningar-for-arbete').map((o: any) => o.person.name)).toEqual(['Tina Arekvist Lundell', 'Ylva Lengberg']);
    expect(officials('target-area:boende-och-narmiljo').map((o: any) => o.person.name)).toEqual(['Jonas Ward', 'Kerstin Hermansson']);
    expect(data!.node.officials).toEqual([
      { person: { name: 'Svante Stomberg', title: 'stadsdirektör' }, source: { basis: 'INFERRED' } },
      { person: { name: 'Ylva Lengberg', title: null }, source: { basis: 'INFERRED' } },
    ]);
    const person = await server.gql('{ node(id: "person:ylva-lengberg") { ... on Person { roles { targetArea { id } overarchingGoal { id } } } } }');
    expect(person.data!.node.roles).toEqual([
      { targetArea: null, overarchingGoal: { id: 'overarching-goal:jamlika-livsvillkor-och-god-halsa' } },
      { targetArea: { id: 'target-area:forutsattningar-for-arbete' }, overarchingGoal: null },
    ]);
  });

  it('gives each ansvar the Ansvar cell it rests on, keeps what names no actor, and marks Polisen on Norrby as inferred', async () => {
    const { data } = await server.gql(`{
      a: node(id: "activity:norrby-05-upprustning") { ... on Activity { responsibility { actor { id } source { quote basis note } } } }
      b: node(id: "activity:boende-04-kompensatorisk-overenskommelse") { ... on Activity { responsibleOthers responsibility { actor { id } source { quote basis } } } } }`);
    const byActor = new Map(data!.a.responsibility.map((r: any) => [r.actor.id, r.source]));
    expect(byActor.get('actor:tek')).toEqual({ quote: 'TEK, AB-bostäder', basis: 'STATED', note: null });
    expect(byActor.get('actor:polisen')).toMatchObject({ quote: 'TEK, AB-bostäder Polisen', basis: 'INFERRED', note: expect.stringMatching(/inte som Tid eller Resurser/) });
    expect(data!.b).toEqual({ responsibleOthers: 'samtliga förvaltningar & bolag', responsibility: [{ actor: { id: 'actor:ska' }, source: { quote: 'SKA, samtliga förvaltningar & bolag', basis: 'STATED' } }] });
  });

  it('marks the goal links read from a block of long-term effects as inferred, and those of merged cells as stated', async () => {
    const { data } = await server.gql(`{
      godStart: node(id: "activity:godstart-04-familjecentraliserat-arbetssatt") { ... on Activity { goalLinks { goal { id } source { basis note } } } }
      arbete: node(id: "activity:arbete-01-uppsokande-verksamhet") { ... on Activity { goalLinks { goal { id } source { quote basis } } } } }`);
    expect(data!.godStart.goalLinks).toEqual([{ goal: { id: 'goal:barn-och-unga-stodjande-vuxna' }, source: { basis: 'INFERRED', note: expect.stringMatching(/Länkad efter läget i 001/) } }]);
    expect(data!.arbete.goalLinks).toEqual([{ goal: { id: 'goal:utbildning-pa-gymnasieniva' }, source: { quote: 'I Borås ska alla invånare i arbetsför ålder ha utbildning på gymnasienivå.', basis: 'STATED' } }]);
  });

  it('gives each participation its source: Norrby\'s are inferred from the Ansvar cells, the VGR collaboration\'s stated', async () => {
    const { data } = await server.gql(`{
      norrby: node(id: "collaboration:omradesutveckling-norrby") { ... on Collaboration { type participations { actor { id } source { basis } } } }
      vgr: node(id: "collaboration:boras-stad-vgr-barn-och-unga") { ... on Collaboration { participations { actor { id } source { quote basis } } } }
      domino: node(id: "collaboration:team-domino") { id } }`);
    expect(data!.norrby.type).toBeNull();
    expect(data!.norrby.participations.map((p: any) => p.source.basis)).toEqual(['INFERRED', 'INFERRED', 'INFERRED', 'INFERRED', 'INFERRED']);
    expect(data!.vgr.participations.map((p: any) => p.source)).toEqual([
      { quote: 'Utveckla samverkan mellan Borås Stad och Västra götalandsregionen avseende barn-och unga', basis: 'STATED' },
      { quote: 'Utveckla samverkan mellan Borås Stad och Västra götalandsregionen avseende barn-och unga', basis: 'STATED' },
    ]);
    expect(data!.domino).toBeNull();
  });

  it('stores the printed Totalsumma and the grant beside the table rows, never in their breakdowns', async () => {
    const { data } = await server.gql(`{ totals: fundings(breakdown: PRINTED_TOTAL) { amountSek citation { quote } } grant: fundings(breakdown: GRANT) { source amountSek citation { quote basis } }
      rows: fundings(breakdown: PER_YEAR) { source citation { basis note } } }`);
    expect(data!.totals.map((f: any) => f.amountSek)).toEqual([30_153_199, 30_153_199]);
    expect(data!.grant).toEqual([{ source: 'Tillväxtverket', amountSek: 34_800_000, citation: { quote: 'Statsbidrag Tillväxtverket 34,8milj.', basis: 'STATED' } }]);
    for (const row of data!.rows) expect(row).toMatchObject({ source: 'Tillväxtverket', citation: { basis: 'INFERRED', note: expect.stringMatching(/Summa av belopp/) } });
  });
});
