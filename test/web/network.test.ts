import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';
import { SCREENSHOTS, browserSkipReason, launchBrowser } from '../support/browser.ts';

const skipReason = browserSkipReason();
if (skipReason) console.log(`web tests skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)(`Nätverk in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Where Cytoscape drew a node, in page coordinates. */
  async function nodePosition(id: string): Promise<{ x: number; y: number }> {
    return page.evaluate((nodeId) => {
      const container = document.querySelector('.graph') as HTMLElement & { cy?: any };
      const cy = container.cy;
      const p = cy.getElementById(nodeId).renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
  }

  it('draws the seeded actors and their relations, with a table of the same relations', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.graph canvas');
    const nodes = await page.evaluate(() => (document.querySelector(".graph") as any).cy.nodes().length);
    const { data } = await server.gql('{ actors(first: 500) { totalCount } workingRelations(first: 500) { totalCount } }');
    expect(nodes).toBe(data!.actors.totalCount);
    expect(await page.locator('details table tbody tr').count()).toBe(data!.workingRelations.totalCount);
    await page.screenshot({ path: new URL('network.png', SCREENSHOTS).pathname });
  });

  it('shows an actor\'s forums and partners when the actor is clicked, and puts it in the URL', async () => {
    const { x, y } = await nodePosition('actor:ska');
    await page.mouse.click(x, y);
    const panel = page.locator('aside.panel');
    await panel.locator('h3', { hasText: 'Stadsledningskansliet' }).waitFor();
    expect(await panel.textContent()).toContain('Beredningsgrupp barn och unga');
    expect(new URL(page.url()).searchParams.get('actor')).toBe('actor:ska');
  });

  it('restores the selected actor from a copied URL', async () => {
    const other = await browser.newPage();
    await other.goto(`${server.url}/?actor=actor%3Aska`);
    await other.locator('aside.panel h3', { hasText: 'Stadsledningskansliet' }).waitFor();
    await other.close();
  });
});
