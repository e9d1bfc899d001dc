import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../web/screenshots/', import.meta.url);

/** Why browser tests cannot run here, or null: printed in the run when they are skipped. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`;
  if (!existsSync(new URL('../../dist/web/index.html', import.meta.url))) return 'the web app is not built (npm test runs `vite build` first)';
  return null;
}

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
/** The WCAG 2.1 A and AA rules: what lagen om tillgänglighet till digital offentlig service asks for. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's WCAG 2.1 AA violations on the page as it is now, one line each (rule: first offending elements). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's CSP (script-src 'self') blocks an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_21_AA);
  return violations;
}

/** Where Cytoscape drew a node, in page coordinates, for a real mouse click. */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const container = document.querySelector('.graph') as HTMLElement & { cy: import('cytoscape').Core };
    const p = container.cy.getElementById(nodeId).renderedPosition();
    const box = container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** Waits until the view has drawn its graph and said it is done loading. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForSelector('.graph canvas');
  await page.waitForFunction(() => {
    const status = document.querySelector('p.status[role="status"]') as HTMLElement | null;
    const cy = (document.querySelector('.graph') as HTMLElement & { cy?: { nodes(): { length: number } } }).cy;
    return status?.dataset.state === 'done' && (cy?.nodes().length ?? 0) > 0;
  });
}

export const VIEWPORT = { width: 1400, height: 900 };

/**
 * For a test that loads every view in turn, or GraphiQL's editor: on a busy
 * two-core CI machine those page loads outgrow the default 30 s.
 */
export const SLOW_PAGES = { timeout: 90_000 };

export interface WebSuite {
  server: TestServer;
  browser: Browser;
  /** One page for the whole file, reused from test to test. */
  page: Page;
  /** Uncaught errors in the page so far: a view that throws fails its file's last test. */
  errors: string[];
  /** Opens a link in a fresh page, as a colleague would who was sent it; closed after `check`. */
  openLink(url: string, check: (page: Page) => Promise<void>): Promise<void>;
}

/**
 * A describe block for one view in real Chromium, against the real server with
 * the Borås graph: one server, one browser and one page per file. Skipped, with
 * the reason in its name, where Chromium or the built app is missing.
 */
export function describeView(name: string, tests: (suite: WebSuite) => void, { start = () => startTestServer() }: { start?: () => Promise<TestServer> } = {}): void {
  const skipReason = browserSkipReason();
  describe.skipIf(skipReason !== null)(`${name} in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    const suite = {
      async openLink(url: string, check: (page: Page) => Promise<void>) {
        const page = await suite.browser.newPage({ viewport: VIEWPORT });
        try {
          await page.goto(url);
          await check(page);
        } finally {
          await page.close();
        }
      },
    } as WebSuite;
    beforeAll(async () => {
      suite.server = await start();
      suite.browser = await launchBrowser();
      suite.page = await suite.browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
      suite.errors = [];
      suite.page.on('pageerror', (error) => suite.errors.push(String(error)));
    });
    afterAll(async () => {
      await suite.browser?.close();
      await suite.server?.close();
    });
    tests(suite);
  });
}

/** Where the test run leaves a screenshot for a reviewer. */
export const screenshot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage });

/** Signs in with an API key through the header's form, as a user does; does not wait for the result. */
export async function signIn(page: Page, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByLabel('API-nyckel').fill(key);
  await page.getByRole('form', { name: 'Inloggning' }).getByRole('button', { name: 'Logga in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('button', { name: 'Logga in' }).waitFor();
}

/** Presses Tab until the focused element's accessible text is `text`; fails if it is not reached. */
export async function tabTo(page: Page, text: string, most = 200): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim())) === text) return;
  }
  throw new Error(`Tab never reached ${text}`);
}

/** The id of the focused element. */
export const focusedId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
