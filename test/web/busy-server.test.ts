import { expect, it } from 'vitest';
import { describeView, waitForGraph } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

/*
 * A server under its per-client limit answers some of a view's requests 429
 * with Retry-After; the view waits as asked and still draws everything.
 */
// The test's own questions go with a key, which has no limit here.
const LIMITS = { anonymous: 1, keyed: 0 };

describeView('Nätverk on a server that limits each client to one request a second', (suite) => {
  it('draws every actor although the server turned some of its requests away at first', async () => {
    const page = suite.page;
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/graphql')) statuses.push(response.status());
    });
    await page.goto(`${suite.server.url}/`);
    await waitForGraph(page);
    expect(statuses).toContain(429);
    expect(await page.evaluate(() => document.querySelector('p.status[role="status"]')?.getAttribute('data-state'))).toBe('done');
    const drawn = await page.evaluate(() => (document.querySelector('.graph') as any).cy.nodes().length as number);
    const { data } = await suite.server.gql('{ actors(first: 500) { totalCount } }', {}, { as: suite.server.keys.LASARE });
    expect(drawn).toBe(data!.actors.totalCount);
    expect(suite.errors).toEqual([]);
  }, 60_000);
}, { start: () => startTestServer({ rateLimits: LIMITS }) });
