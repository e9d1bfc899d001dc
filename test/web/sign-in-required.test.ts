import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORT, browserSkipReason, launchBrowser, waitForGraph } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/* Where reading needs sign-in (READ_ACCESS=authenticated), the view says why it shows nothing, and reads again once signed in. */
const skipReason = browserSkipReason();
describe.skipIf(skipReason !== null)(`Inloggning krävs för att läsa, in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ auth: { readAccess: 'authenticated' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => errors.push(String(error)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows why nothing is shown, then the forums once a reader signs in', async () => {
    await page.goto(`${server.url}/forum`);
    const status = page.locator('p.status[role="status"]');
    await page.waitForFunction(() => document.querySelector('p.status[role="status"]')?.getAttribute('data-state') === 'error');
    expect(await status.textContent()).toMatch(/^Kunde inte hämta data: /);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByLabel('API-nyckel').fill(server.keys.LASARE);
    await page.getByRole('form', { name: 'Inloggning' }).getByRole('button', { name: 'Logga in' }).click();
    await waitForGraph(page);
    expect(await page.getByRole('table', { name: 'Forum × aktör: roller' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
