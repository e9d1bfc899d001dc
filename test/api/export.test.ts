import ExcelJS from 'exceljs';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { graphFingerprint, upload, xlsx } from '../support/upload.ts';

/*
 * Templates to fill in, and the map out again in the same layout: what an
 * export writes, an import reads back as "nothing to change". Graph files
 * for Gephi, yEd and Cytoscape Desktop hold every node and relationship.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // A richer map than the seed: forums with goals, a convenor, members with dates.
  const filled = await xlsx({
    Forum: [
      ['Namn', 'Syfte', 'Nivå', 'Sammankallande', 'Effektmål', 'Kontaktperson/uppgiftslämnare'],
      ['Nätverket unga vuxna', 'Vägar till arbete; och studier', 'Taktisk', 'ALF', 'I Borås ska alla, även utsatta grupper, finnas i arbete\nI Borås ska alla invånare i arbetsför ålder ha utbildning på gymnasienivå', 'Kontakt "ALF"'],
    ],
    Medlemmar: [['Forum', 'Aktör', 'Roll', 'Från', 'Till'], ['Nätverket unga vuxna', 'AF', 'Ledamot', '2024-01-01', '2025-12-31'], ['Nätverket unga vuxna', 'Gymnasie- och vuxenutbildningsförvaltningen', 'Adjungerad', null, null]],
    'Förutsättningar för arbete': [
      ['Långsiktiga effekter', 'Kortsiktiga effekter', 'Prestation', 'Aktivitet', 'Ansvar', 'Tid', 'Resurser'],
      ['I Borås ska alla, även utsatta grupper, finnas i arbete', 'Fler i arbete', 'Matchning', 'Jobbmässa', 'ALF och AF, berörda förvaltningar', '2025', '200 timmar'],
    ],
  });
  const report = (await upload(server, 'ifyllt.xlsx', filled, { dryRun: false })).data!.result.report;
  expect(report.issues).toEqual([]);
  expect(report.applied).toBe(true);
});
afterAll(async () => server?.close());

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

const readBook = async (bytes: Uint8Array) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
};

const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;

describe('templates', () => {
  it('Forumkartläggning: instructions in Swedish, Forum and Medlemmar with drop-downs and one example row', async () => {
    const { response, bytes } = await get('/templates/forumkartlaggning.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain('mall-forumkartlaggning.xlsx');
    const book = await readBook(bytes);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([['Instruktioner', 'visible'], ['Listor', 'hidden'], ['Forum', 'visible'], ['Medlemmar', 'visible']]);
    const forum = book.getWorksheet('Forum')!;
    expect(forum.getRow(1).values).toEqual([undefined, 'Namn', 'Syfte', 'Målgrupp', 'Nivå', 'Mötesfrekvens', 'Sammankallande', 'Effektmål', 'Kontaktperson/uppgiftslämnare']);
    expect(forum.rowCount).toBe(2);
    expect(String(forum.getCell('A2').value)).toMatch(/^Exempel: /);
    for (const cell of ['D2', 'D1000']) expect(validations(forum)[cell]).toMatchObject({ type: 'list', formulae: ['Listor!$B$2:$B$4'], showErrorMessage: true });
    // Actors are only suggested: an abbreviation or a new name may be typed too.
    expect(validations(forum).F2).toMatchObject({ type: 'list', formulae: ['Listor!$G$2:$G$23'] });
    expect(validations(forum).F2!.showErrorMessage).toBeFalsy();
    // Målgrupper are suggested too: a cell may name several, one to a line.
    expect(validations(forum).C2).toMatchObject({ type: 'list', formulae: ['Listor!$D$2:$D$8'] });
    expect(validations(forum).C2!.showErrorMessage).toBeFalsy();
    const members = book.getWorksheet('Medlemmar')!;
    expect(validations(members).C2).toMatchObject({ type: 'list', formulae: ['Listor!$A$2:$A$5'] });
    const lists = book.getWorksheet('Listor')!;
    expect(lists.getColumn(1).values.slice(1)).toEqual(['Roller', 'Ordförande', 'Sammankallande', 'Ledamot', 'Adjungerad']);
    expect(lists.getColumn(8).values).toContain('Nätverket unga vuxna');
    const instructions = book.getWorksheet('Instruktioner')!.getColumn(2).values.join('\n');
    expect(instructions).toContain('Inget sparas förrän du läser in');
    expect(instructions).toContain('Ordförande, sammankallande, ledamot eller adjungerad');
  });

  it('Effektkedja: one sheet per målområde with the seven columns, each name at most 31 characters', async () => {
    const book = await readBook((await get('/templates/effektkedja.xlsx')).bytes);
    const sheets = book.worksheets.filter((s) => s.state === 'visible').slice(1);
    expect(sheets.map((s) => s.name)).toEqual(['God start i livet och goda', 'Förutsättningar för arbete', 'Boende och närmiljö', 'Områdesutveckling']);
    expect(sheets[0]!.getRow(1).values).toEqual([undefined, 'Långsiktiga effekter', 'Kortsiktiga effekter', 'Prestation', 'Aktivitet', 'Ansvar', 'Tid', 'Resurser']);
  });

  it('read as they are, import nothing: the example rows are not data', async () => {
    for (const key of ['forumkartlaggning', 'effektkedja', 'aktorer']) {
      const report = (await upload(server, `${key}.xlsx`, (await get(`/templates/${key}.xlsx`)).bytes, { dryRun: true })).data!.result.report;
      expect(report.issues.map((i: any) => i.message), key).toEqual(['filen har rubriker men inga rader att läsa in']);
    }
  });

  it('404 for a template that does not exist', async () => {
    expect((await get('/templates/karta.xlsx')).response.status).toBe(404);
    expect((await get('/templates/okand.xlsx')).response.status).toBe(404);
  });
});

describe('export → import', () => {
  it.each(['karta', 'forumkartlaggning', 'effektkedja', 'aktorer'])('%s.xlsx in the template layout imports as no change', async (key) => {
    const { response, bytes } = await get(`/export/${key}.xlsx`);
    expect(response.status).toBe(200);
    const before = await graphFingerprint(server);
    const report = (await upload(server, `${key}.xlsx`, bytes, { dryRun: false })).data!.result.report;
    expect(report.issues).toEqual([]);
    expect(report.unknownActors).toEqual([]);
    expect(report.rows.filter((r: any) => r.action !== 'UNCHANGED')).toEqual([]);
    expect(report).toMatchObject({ applied: false, unchanged: true });
    expect(await graphFingerprint(server)).toEqual(before);
  });

  it('the whole map holds every actor, forum, seat and effektkedja row', async () => {
    const book = await readBook((await get('/export/karta.xlsx')).bytes);
    const count = async (query: string) => Number((await server.store.read<{ count: number }>(query))[0]!.count);
    const rows = (name: string) => book.getWorksheet(name)!.rowCount - 1;
    const { data } = await server.gql('{ actors { totalCount } forums { totalCount } activities(filter: { kind: EFFEKTKEDJA }) { totalCount } }');
    expect(rows('Aktörer')).toBe(data!.actors.totalCount);
    expect(rows('Forum')).toBe(data!.forums.totalCount);
    const chainRows = book.worksheets.filter((s) => !['Instruktioner', 'Listor', 'Aktörer', 'Forum', 'Medlemmar'].includes(s.name)).reduce((n, s) => n + s.rowCount - 1, 0);
    expect(chainRows).toBe(data!.activities.totalCount);
    expect(await count('node/count-entities')).toBeGreaterThan(0);
    const seat = book.getWorksheet('Medlemmar')!.getRows(2, rows('Medlemmar'))!.map((r) => r.values).find((v) => (v as unknown[])[2] === 'AF');
    expect(seat).toEqual([undefined, 'Nätverket unga vuxna', 'AF', 'Ledamot', '2024-01-01', '2025-12-31']);
  });

  it.each(['forum', 'medlemmar', 'aktorer', 'effektkedja'])('%s.csv imports as no change', async (name) => {
    const { response, bytes } = await get(`/export/${name}.csv`);
    expect(response.status).toBe(200);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const file = decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8''")[1]!);
    const before = await graphFingerprint(server);
    const report = (await upload(server, file, bytes, { dryRun: false })).data!.result.report;
    expect(report.issues).toEqual([]);
    expect(report.rows.filter((r: any) => r.action !== 'UNCHANGED')).toEqual([]);
    expect(report.rows.length).toBeGreaterThan(0);
    expect(await graphFingerprint(server)).toEqual(before);
  });
});

describe('graph files', () => {
  const expected = async () => {
    const nodes = await server.store.read<{ id: string; type: string }>('export/list-export-nodes');
    const links = await server.store.read('export/list-export-links');
    return { nodes, links };
  };

  it('GraphML, read back by graphology-graphml, has every node and relationship with their attributes', async () => {
    const { response, bytes } = await get('/export/karta.graphml');
    expect(response.headers.get('content-type')).toContain('graphml');
    const graph = parseGraphml(MultiDirectedGraph, new TextDecoder().decode(bytes));
    const { nodes, links } = await expected();
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(links.length);
    expect(graph.getNodeAttributes('actor:alf')).toEqual({ label: 'Arbetslivsförvaltningen', type: 'Actor', kind: 'FORVALTNING', sector: 'KOMMUN' });
    expect(graph.getNodeAttributes('goal:alla-i-arbete')).toMatchObject({ type: 'Goal', label: 'I Borås ska alla, även utsatta grupper, finnas i arbete' });
    expect(new Set(graph.mapEdges((_e, a) => a.type))).toContain('MEMBER_OF');
  });

  it('GEXF, read back by graphology-gexf, has every node and relationship with their attributes', async () => {
    const graph = parseGexf(MultiDirectedGraph, new TextDecoder().decode((await get('/export/karta.gexf')).bytes));
    const { nodes, links } = await expected();
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(links.length);
    expect(graph.getNodeAttributes('actor:af')).toMatchObject({ label: 'Arbetsförmedlingen', type: 'Actor', sector: 'STAT' });
  });

  it('Cytoscape JSON has every node and edge, the edge type as interaction', async () => {
    const cyjs = JSON.parse(new TextDecoder().decode((await get('/export/karta.cyjs')).bytes));
    const { nodes, links } = await expected();
    expect(cyjs.elements.nodes).toHaveLength(nodes.length);
    expect(cyjs.elements.edges).toHaveLength(links.length);
    expect(cyjs.elements.nodes.find((n: any) => n.data.id === 'actor:vgr').data).toMatchObject({ name: 'Västra Götalandsregionen', type: 'Actor', sector: 'REGION' });
    expect(cyjs.elements.edges[0].data).toEqual({ id: expect.any(String), source: expect.any(String), target: expect.any(String), interaction: expect.any(String) });
  });
});
