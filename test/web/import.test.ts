import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { axeViolations, describeView, screenshot, waitForGraph } from '../support/browser.ts';
import { xlsx } from '../support/upload.ts';

/*
 * As a new user: download the Forumkartläggning template, fill it in (here:
 * in code) with forums whose members are named by abbreviation and one the
 * map does not know, preview, decide the unknown one, import; the forums are
 * then in the Forum view.
 */
describeView('Importera', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  it('downloads a template, previews a filled-in file, resolves the unknown name and imports it', async () => {
    page().setDefaultTimeout(10_000);
    await page().goto(`${server().url}/importera`);
    await page().getByRole('heading', { name: 'Importera och exportera' }).waitFor();
    expect(await page().getByText('Logga in som redaktör för att importera.').isVisible()).toBe(true);

    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('link', { name: 'Forumkartläggning (forum och medlemmar)' }).click()]);
    expect(download.suggestedFilename()).toBe('mall-forumkartlaggning.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile((await download.path())!);
    expect(template.worksheets.map((s) => s.name)).toContain('Medlemmar');

    await page().getByRole('button', { name: 'Logga in' }).click();
    await page().getByLabel('API-nyckel').fill(server().keys.REDAKTOR);
    await page().getByRole('form', { name: 'Inloggning' }).getByRole('button', { name: 'Logga in' }).click();
    await page().getByLabel('Fil (.xlsx eller .csv)').waitFor();

    const filled = await xlsx({
      Forum: [['Namn', 'Syfte', 'Nivå', 'Sammankallande'], ['Lärgruppen Sjöbo', 'Läsfrämjande på Sjöbo', 'Operativ', 'KUF'], ['Ungdomsrådet', 'Ungas inflytande', 'Strategisk', 'FOF']],
      Medlemmar: [['Forum', 'Aktör', 'Roll'], ['Lärgruppen Sjöbo', 'KUF', 'Sammankallande'], ['Lärgruppen Sjöbo', 'FF', 'Ledamot'], ['Ungdomsrådet', 'FOF', 'Ordförande'], ['Ungdomsrådet', 'Sjöbo Fritidsgård', 'Ledamot']],
    });
    await page().getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'sjobo.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(filled) });
    await page().getByRole('button', { name: 'Förhandsgranska' }).click();
    await page().getByText('Okända aktörer: välj vad namnen betyder').waitFor();
    const table = page().getByRole('table', { name: 'Förhandsgranskning av sjobo.xlsx' });
    expect(await table.getByRole('row').count()).toBe(7);
    expect(await page().getByRole('button', { name: 'Läs in' }).isDisabled()).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'import-preview');

    await page().getByLabel(/^Sjöbo Fritidsgård/).selectOption({ label: 'Ny aktör: Civilsamhälle' });
    await page().locator('p.status', { hasText: 'Inga fel. Läs in för att spara.' }).waitFor();
    await page().getByRole('button', { name: 'Läs in' }).click();
    await page().locator('p.status', { hasText: 'sjobo.xlsx är inläst, i en ändring.' }).waitFor();

    await page().getByRole('link', { name: 'Forum', exact: true }).click();
    await waitForGraph(page());
    const matrix = page().getByRole('table', { name: 'Forum × aktör: roller' });
    await matrix.getByRole('button', { name: 'Ungdomsrådet', exact: true }).waitFor();
    expect(await matrix.getByRole('button', { name: 'Lärgruppen Sjöbo', exact: true }).count()).toBe(1);
    expect(suite.errors).toEqual([]);
  });
});
