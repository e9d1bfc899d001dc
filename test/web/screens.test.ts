import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemo } from '../../seed/demo.ts';
import { describeView, SLOW_PAGES, screenshot } from '../support/browser.ts';

/** Every route of the app, with the name its screenshots get. */
const ROUTES = [
  ['/', 'natverk'],
  ['/forum', 'forum'],
  ['/effektkedjor', 'effektkedjor'],
  ['/taxonomi', 'taxonomi'],
  ['/luckor', 'luckor'],
  ['/styrdokument', 'styrdokument'],
  ['/importera', 'importera'],
  ['/ordlista', 'ordlista'],
  ['/rapport', 'rapport'],
] as const;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Waits until the view has read its data: its status line says done, or, where a view reads nothing, its heading is there. */
async function ready(page: Page): Promise<void> {
  await page.locator('#view-title').waitFor();
  await page.waitForFunction(() => {
    const status = document.querySelector('main p.status[role="status"]') as HTMLElement | null;
    return !status || status.dataset.state === 'done' || status.dataset.state === 'empty';
  });
  // A graph lays itself out after the status says done: one more frame for it to draw.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describeView('Every view at 390 and 1440 px', (suite) => {
  const server = () => suite.server;

  it('loads the demo assessments, so the taxonomy shows placed collaborations too', async () => {
    await loadDemo(server().store);
  });

  it('scrolls no view sideways on a 390 px phone: the page is exactly as wide as the screen', SLOW_PAGES, async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    try {
      const widths: Record<string, number> = {};
      for (const [path, name] of ROUTES) {
        await page.goto(`${server().url}${path}`);
        await ready(page);
        widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
        await screenshot(page, `phone-${name}`);
      }
      expect(widths).toEqual(Object.fromEntries(ROUTES.map(([path]) => [path, PHONE.width])));
    } finally {
      await page.close();
    }
  });

  it('folds the header behind Meny on a phone: the views show when it is opened, and fold again once one is chosen', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    try {
      await page.goto(`${server().url}/`);
      await ready(page);
      const menu = page.getByRole('button', { name: 'Meny' });
      const views = page.getByRole('navigation', { name: 'Vyer' });
      expect(await views.isVisible()).toBe(false);
      // The folded header takes a small part of the screen, not half of it.
      expect(await page.locator('.app-header').evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(PHONE.height / 8);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await views.getByRole('link', { name: 'Ordlista' }).waitFor();
      await screenshot(page, 'phone-menu', false);
      await views.getByRole('link', { name: 'Ordlista' }).click();
      await page.getByRole('heading', { name: 'Ordlista', level: 2 }).waitFor();
      expect(await views.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await page.close();
    }
  });

  it('opens the graph views with the table first on a phone', async () => {
    const page = await suite.browser.newPage({ viewport: PHONE });
    try {
      for (const path of ['/', '/taxonomi', '/effektkedjor', '/forum']) {
        await page.goto(`${server().url}${path}`);
        await ready(page);
        const [table, graph] = await Promise.all([page.locator('section.tables').boundingBox(), page.locator('.graph').boundingBox()]);
        expect(table!.y, path).toBeLessThan(graph!.y);
      }
    } finally {
      await page.close();
    }
  });

  it('draws every view at 1440 px', SLOW_PAGES, async () => {
    const page = await suite.browser.newPage({ viewport: DESKTOP });
    try {
      for (const [path, name] of ROUTES) {
        await page.goto(`${server().url}${path}`);
        await ready(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(DESKTOP.width);
        await screenshot(page, `desktop-${name}`);
      }
    } finally {
      await page.close();
    }
  });
});
