import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readSeedData } from '../../seed/load.ts';

/*
 * The Rapport's XLSX over HTTP (/export/rapport.xlsx): built on the server
 * from the view's own query, read back by exceljs; the numbers from the seed.
 * The page-against-workbook comparison is test/web/rapport.test.ts.
 */
const seed = readSeedData();
const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

let server: TestServer;
let closed: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  closed = await startTestServer({ seed: false, auth: { readAccess: 'authenticated' } });
});
afterAll(async () => {
  await server?.close();
  await closed?.close();
});

async function workbook(path: string): Promise<{ sheets: Record<string, string[][]>; names: Map<string, string> }> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheets = Object.fromEntries(book.worksheets.map((s) => [s.name,
    Array.from({ length: s.rowCount }, (_r, r) => Array.from({ length: s.columnCount }, (_c, c) => String(s.getCell(r + 1, c + 1).value ?? '')))]));
  const contents = sheets[book.worksheets[0]!.name]!;
  // The first sheet lists every table's sheet beside its full caption.
  const names = new Map(contents.slice(contents.findIndex((r) => r[0] === 'Blad') + 1).map((r) => [r[1]!, r[0]!]));
  return { sheets, names };
}

describe('the Rapport as XLSX', () => {
  it('for the whole programme: a sheet per table, the funding per year as seed 002 gives it', async () => {
    const { sheets, names } = await workbook('/export/rapport.xlsx');
    expect(Object.values(sheets)[0]![0]![0]).toBe('Rapport: hela programmet Socialt hållbart Borås');
    const perYear = sheets[names.get('Kostnader per år (hela programmet)')!]!;
    expect(perYear[0]).toEqual(['År', 'Belopp (kr)']);
    const expected = seed.funding.filter((f) => f.breakdown === 'PER_YEAR').sort((a, b) => a.year! - b.year!);
    expect(perYear.slice(1).map((r) => [Number(r[0]), Number(r[1]!.replace(/\s/g, ''))])).toEqual(expected.map((f) => [f.year, f.amountSek]));
    const chain = sheets[names.get('Effektmål, aktiviteter och ansvar')!]!;
    const activitiesOf = (goal: string) => seed.activities.filter((a) => a.goals.some((g) => idOf(g) === goal)).length;
    expect(chain.length - 1).toBe(seed.goals.reduce((n, g) => n + Math.max(1, activitiesOf(g.id)), 0));
  });

  it('for one målområde: only its effektmål', async () => {
    const area = seed['target-areas'][0]!;
    const { sheets, names } = await workbook(`/export/rapport.xlsx?malomrade=${encodeURIComponent(area.id)}`);
    const goals = sheets[names.get('Aktiviteter per effektmål')!]!.slice(1).map((r) => r[0]).sort();
    expect(goals).toEqual(seed.goals.filter((g) => idOf(g.targetArea) === area.id).map((g) => g.text).sort());
  });

  it('refuses a målområde the graph does not have, naming the parameter', async () => {
    const response = await fetch(`${server.url}/export/rapport.xlsx?malomrade=target-area:finns-inte`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('malomrade: målområdet target-area:finns-inte finns inte');
  });

  it('needs sign-in where reading does, and then answers as the signed-in reader', async () => {
    expect((await fetch(`${closed.url}/export/rapport.xlsx`)).status).toBe(401);
    const response = await fetch(`${closed.url}/export/rapport.xlsx`, { headers: { authorization: `Bearer ${closed.keys.LASARE}` } });
    expect(response.status).toBe(200);
  });
});
