import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeView, SLOW_PAGES, signIn, VIEWPORT } from '../support/browser.ts';

/*
 * Under the server's Content-Security-Policy every view and GraphiQL still
 * work: Chromium reports no policy violation and no console error, and the
 * favicon it asks for answers 200.
 */

const VIEWS = ['/', '/taxonomi', '/luckor', '/effektkedjor', '/forum', '/rapport', '/ordlista', '/importera', '/styrdokument'];

/** Everything that went wrong on the page: CSP violations, console errors, failed requests. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  return problems;
}

/** CSP violations the page has seen since it loaded (the event carries the blocked directive). */
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describeView('Serving under the security headers', (suite) => {
  /**
   * Runs `use` on a fresh page that records CSP violations from the first
   * script on, then expects no console error, failed request or uncaught error.
   */
  async function onWatchedPage(use: (page: Page) => Promise<void>): Promise<void> {
    const page = await suite.browser.newPage({ viewport: VIEWPORT });
    try {
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
      });
      const problems = watch(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await use(page);
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }

  /** Opens every view in turn and expects no CSP violation on any. */
  async function visitEveryView(page: Page): Promise<void> {
    for (const path of VIEWS) {
      await page.goto(`${suite.server.url}${path}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('main#main > *');
      expect(await violations(page), path).toEqual([]);
    }
  }

  it('every view draws with no CSP violation or console error when signed out, and the favicon answers 200', SLOW_PAGES, () =>
    onWatchedPage(async (page) => {
      const favicon = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/favicon'));
      await visitEveryView(page);
      expect((await favicon).status()).toBe(200);
    }));

  it('every view draws with no CSP violation or console error when signed in, where the views add their edit controls', SLOW_PAGES, () =>
    onWatchedPage(async (page) => {
      await page.goto(`${suite.server.url}/`, { waitUntil: 'networkidle' });
      await signIn(page, suite.server.keys.REDAKTOR);
      await page.getByRole('button', { name: 'Logga ut' }).waitFor();
      await visitEveryView(page);
    }));

  it('GraphiQL runs its editor and a query with no CSP violation or console error', SLOW_PAGES, () =>
    onWatchedPage(async (page) => {
      await page.goto(`${suite.server.url}/graphql`, { waitUntil: 'networkidle' });
      await page.waitForSelector('.graphiql-container');
      await page.locator('.graphiql-execute-button').click();
      await page.getByRole('menuitem', { name: 'LuckorPerRegel' }).click();
      await expect.poll(async () => (await page.locator('.graphiql-response').textContent()) ?? '').toContain('"byRule"');
      expect(await violations(page)).toEqual([]);
    }));
});
