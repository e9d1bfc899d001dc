import { expect, it } from 'vitest';
import { describeView, screenshot } from '../support/browser.ts';

/* GraphiQL at /graphql works with no internet: everything it loads comes from this server. */
describeView('GraphiQL', (suite) => {
  it('loads nothing from outside the app, opens with the report questions, and runs one', async () => {
    const { page, server } = suite;
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== server.url) outside.push(request.url());
    });
    await page.goto(`${server.url}/graphql`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.graphiql-container');
    expect(await page.title()).toBe('Samverkanskartan GraphQL');
    const editor = (await page.locator('.graphiql-query-editor').textContent()) ?? '';
    expect(editor, editor).toMatch(/activityCounts\(by:\s*TARGET_AREA\)/);
    expect(outside).toEqual([]);

    // One of the example operations, picked and run from the page, gets its answer from this server.
    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('menuitem', { name: 'AktiviteterPerMalomrade' }).click();
    const answer = page.locator('.graphiql-response');
    await expect.poll(async () => (await answer.textContent()) ?? '').toContain('"activityCounts"');
    await screenshot(page, 'graphiql');
    expect(outside).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
