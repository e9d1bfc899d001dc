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
    const response = await server.gql('{ actors(first: 501) { totalCount } }');
    expect(response.errors![0]!.message).toBe('first: must be from 0 to 500, was 501');
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
