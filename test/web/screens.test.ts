import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemo } from '../../seed/demo.ts';
import { describeView, screenshot } from '../support/browser.ts';

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

  it('scrolls no view sideways on a 390 px phone: the page is exactly as wide as the screen', async () => {
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

  it('draws every view at 1440 px', async () => {
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
