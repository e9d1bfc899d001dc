import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, expect, it } from 'vitest';
import { axeViolations, describeView, SCREENSHOTS } from '../support/browser.ts';
import { seedTargetAreasOf } from '../support/seed-areas.ts';
import { readSeedData } from '../../seed/load.ts';

/*
 * The Rapport for "God start i livet och goda uppväxtvillkor" as a strategist
 * prints it: charts drawn before printing, every table whole in Chromium's own
 * PDF (page.pdf, A4), axe-clean; and the same tables in its XLSX, read back by
 * exceljs and by openpyxl.
 */
const seed = readSeedData();
const AREA = seed['target-areas'].find((t) => t.name === 'God start i livet och goda uppväxtvillkor')!;
const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

const probe = spawnSync('python3', ['-c', 'import openpyxl, networkx'], { encoding: 'utf8' });
const noOpenpyxl = probe.error ? 'python3 is not installed' : probe.status !== 0 ? 'python3 lacks openpyxl or networkx (pip install openpyxl networkx)' : null;
if (noOpenpyxl) console.warn(`rapport: the openpyxl reading is left out, ${noOpenpyxl}`);

type PageTable = { caption: string; rows: string[][] };
/** Every table of the report as the page shows it: caption and each body row's cells. */
const pageTables = (page: import('playwright-core').Page): Promise<PageTable[]> =>
  page.$$eval('article.report table', (tables) =>
    tables.map((t) => ({
      caption: t.querySelector('caption')?.textContent?.trim() ?? '',
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    })));

/** The PDF's text, page by page, as pdf.js extracts it. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: bytes, useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    // Joined as drawn: a ligature ("ff") is an item of its own inside a word.
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await task.destroy();
  return pages;
}
/** Text without its white space: a cell the PDF wraps over lines, or breaks inside a word, still reads whole. */
const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/…/g, '');

let dir: string;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeView('Rapport', (suite) => {
  const page = () => suite.page;
  let tables: PageTable[] = [];
  /** A table's rows; a table with none is not drawn, but said to be empty. */
  const rowsIn = async (caption: string): Promise<string[][]> => {
    const table = tables.find((t) => t.caption === caption);
    if (table) return table.rows;
    expect(await page().locator('p.report-empty', { hasText: `${caption}:` }).count(), caption).toBe(1);
    return [];
  };

  /** Prints the page to A4 and holds the PDF's text to every table, row by row; the pages' text. */
  async function printed(file: string): Promise<string[]> {
    const pdf = await page().pdf({ format: 'A4', path: new URL(file, SCREENSHOTS).pathname });
    const pages = await pdfPages(new Uint8Array(pdf));
    expect(pages.length).toBeGreaterThan(1);
    const all = squeeze(pages.join(''));
    for (const table of await pageTables(page())) {
      expect(all, table.caption).toContain(squeeze(table.caption));
      for (const row of table.rows) for (const cell of row) expect(all, `${table.caption}: ${cell}`).toContain(squeeze(cell));
    }
    // Nothing from the screen's controls on paper.
    expect(all).not.toContain(squeeze('Spara tabellen som CSV'));
    expect(all).not.toContain(squeeze('Skriv ut eller spara som PDF'));
    return pages;
  }

  it('opens from its link per målområde and draws every chart before it says it is ready', async () => {
    await page().goto(`${suite.server.url}/rapport`);
    await page().locator('article.report[data-charts="drawn"]').waitFor();
    const links = page().getByRole('navigation', { name: 'Rapport per målområde' }).getByRole('link');
    expect(await links.allTextContents()).toEqual(['Hela programmet', ...(await suite.server.gql('{ targetAreas { name } }')).data!.targetAreas.map((t: any) => t.name)]);
    await links.filter({ hasText: AREA.name }).click();
    await page().waitForURL((url) => url.searchParams.get('malomrade') === AREA.id);
    await page().locator('article.report[data-charts="drawn"]').waitFor();
    await page().getByRole('heading', { level: 2, name: `Rapport: ${AREA.name}` }).waitFor();
    const canvases = await page().$$eval('article.report canvas', (list) =>
      list.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        return { id: canvas.dataset.chart, painted, width: canvas.width };
      }));
    expect(canvases.map((c) => c.id)).toEqual(['goals', 'findings', 'levels', 'funding-year']);
    for (const c of canvases) expect(c.painted, c.id).toBeGreaterThan(1000);
  });

  it('shows the målområde\'s effektmål with their activities and ansvar, empty Tid and Resurser as gaps, and what concerns it', async () => {
    tables = await pageTables(page());
    const goals = seed.goals.filter((g) => idOf(g.targetArea) === AREA.id);
    const activitiesOf = (goal: string) => seed.activities.filter((a) => a.goals.some((g) => idOf(g) === goal));
    const chain = { rows: await rowsIn('Effektmål, aktiviteter och ansvar') };
    expect(chain.rows).toHaveLength(goals.reduce((n, g) => n + Math.max(1, activitiesOf(g.id).length), 0));
    const noTime = goals.flatMap((g) => activitiesOf(g.id)).filter((a) => !a.period).length;
    expect(chain.rows.filter((r) => r[3] === 'Saknas')).toHaveLength(noTime);
    expect(noTime).toBeGreaterThan(0);
    expect(await page().locator('td.gap').count()).toBeGreaterThanOrEqual(noTime);

    const twin = { rows: await rowsIn('Aktiviteter per effektmål') };
    expect(twin.rows.map((r) => [r[0], Number(r[1])]).sort()).toEqual(goals.map((g) => [g.text, activitiesOf(g.id).length]).sort());

    const { data } = await suite.server.gql(`query($a: ID) { gaps(filter: { targetArea: $a }) { totalCount } overlaps(filter: { targetArea: $a }) { totalCount }
      forums(first: 1000, filter: { targetArea: $a }) { totalCount } }`, { a: AREA.id });
    expect(await rowsIn('Luckor')).toHaveLength(data!.gaps.totalCount);
    expect(await rowsIn('Överlapp')).toHaveLength(data!.overlaps.totalCount);
    expect(await rowsIn('Forum, sammankallande och medlemmar')).toHaveLength(data!.forums.totalCount);
    const collaborations = seed.collaborations.filter((c) => seedTargetAreasOf(seed, c.id).has(AREA.id));
    expect((await rowsIn('Samverkan, nivå och målnivå')).map((r) => r[0]).sort()).toEqual(collaborations.map((c) => c.name).sort());
    const levels = { rows: await rowsIn('Samverkan per nivå') };
    expect(levels.rows.find((r) => r[0] === 'Ej skattad')![1]).toBe(String(collaborations.length));
    const perYear = { rows: await rowsIn('Kostnader per år (hela programmet)') };
    expect(perYear.rows.map((r) => r[0])).toEqual(seed.funding.filter((f) => f.breakdown === 'PER_YEAR').map((f) => String(f.year)).sort());
    const ownFunding = seed.funding.filter((f) => f.breakdown === 'PER_TARGET_AREA' && f.targetArea && idOf(f.targetArea) === AREA.id);
    expect(await rowsIn('Kostnader per målområde')).toHaveLength(ownFunding.length);
    expect(ownFunding.length).toBeGreaterThan(0);
  });

  it('has no WCAG 2.1 AA violation (axe-core)', async () => {
    expect(await axeViolations(page())).toEqual([]);
  });

  it('prints to A4 by the browser\'s own page.pdf: several pages, a section per page, every table row in the text', async () => {
    const pages = await printed('rapport-god-start.pdf');
    expect(squeeze(pages[0]!)).toContain(squeeze(`Rapport: ${AREA.name}`));
    expect(squeeze(pages[0]!)).toMatch(/Utskriven\d{1,2}[a-zé]+\d{4}/);
    expect(squeeze(pages[0]!)).toContain('Uppgifternabyggerpå');
    // Each section starts a page: its heading is the first text there.
    for (const heading of ['Effektmål och aktiviteter', 'Luckor och överlapp', 'Samverkan på taxonomin', 'Forum', 'Finansiering']) {
      expect(pages.some((p) => squeeze(p).startsWith(squeeze(heading))), heading).toBe(true);
    }
    expect(tables.reduce((n, t) => n + t.rows.length * (t.rows[0]?.length ?? 0), 0)).toBeGreaterThan(100);
  });

  it('exports the same tables as XLSX, read back by exceljs and by openpyxl', async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'Spara rapporten som Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe('rapport-god-start-i-livet.xlsx');
    dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-rapport-'));
    const file = join(dir, 'rapport.xlsx');
    await download.saveAs(file);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rowsOf = (sheet: ExcelJS.Worksheet) =>
      Array.from({ length: sheet.rowCount }, (_r, r) => Array.from({ length: sheet.columnCount }, (_c, c) => String(sheet.getCell(r + 1, c + 1).value ?? '')));
    const contents = rowsOf(book.worksheets[0]!);
    expect(contents[0]![0]).toBe(`Rapport: ${AREA.name}`);
    const sheetOf = new Map(contents.slice(contents.findIndex((r) => r[0] === 'Blad') + 1).map((r) => [r[1], r[0]]));
    const sheets: Record<string, string[][]> = Object.fromEntries(book.worksheets.map((s) => [s.name, rowsOf(s)]));
    for (const table of tables) {
      const name = sheetOf.get(table.caption);
      expect(name, table.caption).toBeDefined();
      expect(sheets[name!]!.slice(1), table.caption).toEqual(table.rows);
    }

    if (noOpenpyxl) return;
    const run = spawnSync('python3', [new URL('../support/python/read_xlsx.py', import.meta.url).pathname, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const read: Record<string, string[][]> = JSON.parse(run.stdout);
    expect(Object.keys(read)).toEqual(Object.keys(sheets));
    for (const table of tables) {
      expect(read[sheetOf.get(table.caption)!]!.slice(1).map((r) => r.slice(0, table.rows[0]?.length)), table.caption).toEqual(table.rows);
    }
    writeFileSync(new URL('rapport-god-start.xlsx', SCREENSHOTS), await book.xlsx.writeBuffer() as unknown as Uint8Array);
  });

  it('for the whole programme: every effektmål of every målområde, printed whole too', async () => {
    await page().getByRole('navigation', { name: 'Rapport per målområde' }).getByRole('link', { name: 'Hela programmet' }).click();
    await page().getByRole('heading', { level: 2, name: 'Rapport: hela programmet Socialt hållbart Borås' }).waitFor();
    await page().locator('article.report[data-charts="drawn"]').waitFor();
    tables = await pageTables(page());
    const activitiesOf = (goal: string) => seed.activities.filter((a) => a.goals.some((g) => idOf(g) === goal)).length;
    expect(await rowsIn('Effektmål, aktiviteter och ansvar')).toHaveLength(seed.goals.reduce((n, g) => n + Math.max(1, activitiesOf(g.id)), 0));
    expect((await rowsIn('Kostnader per målområde')).map((r) => r[0]).sort())
      .toEqual(seed.funding.filter((f) => f.breakdown === 'PER_TARGET_AREA').map((f) => seed['target-areas'].find((t) => f.targetArea && t.id === idOf(f.targetArea))?.name ?? f.description).sort());
    expect(await page().locator('article.report canvas').count()).toBe(5);
    expect(await axeViolations(page())).toEqual([]);
    await printed('rapport-hela-programmet.pdf');
  });

  it('threw no uncaught error', () => {
    expect(suite.errors).toEqual([]);
  });
});
