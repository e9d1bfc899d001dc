/**
 * `npm run bench:web`: the network view at the size of Borås (the seed), of
 * Västra Götaland (the synthetic graph of 49 municipalities) and of Sweden
 * (290) in headless Chromium, beside a bare Cytoscape page (bench/web/bare.ts)
 * drawing the same elements the view drew (at regional and national size the
 * groups: the view opens grouped there) with the same stylesheet, in a box of
 * the same size. A benchmark, not a test: nothing passes or fails.
 *
 * What is measured, from the Cytoscape instance's creation (the view's mark
 * `graph:controller`, the bare page's `cytoscape()` call) on a fresh page:
 * - first frame: until the graph is first drawn with all its elements. The
 *   actor view (Borås) lays out by fCoSE on the page first, and so does the
 *   bare page; the grouped view draws its groups on the quick grid
 *   (quickLayout) and lays out in a web worker, and the bare page draws the
 *   same grid, so both draw the same picture.
 * - final layout (grouped view): until the groups are drawn where fCoSE put
 *   them, the worker's positions applied, against the bare page laying out
 *   by the same fCoSE options on its own thread and drawing.
 * - pan/zoom: time from a pan or zoom to the frame that shows it, after the
 *   final layout; and the page's peak JS heap (the worker's own heap, alive
 *   only while it lays out, is not in it).
 * The ratios app/bare are the median of each load's pair, app and bare page
 * taking turns. Results go to bench/web-results.json.
 * BENCH_SIZES=boras,vg picks sizes, BENCH_LOADS the loads per size (9: a pair of loads varies by ±20 % on two cores, their median much less).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { EmbeddedStore } from '../server/store/embedded.ts';
import { WEB_DIST, createHttpServer } from '../server/http.ts';
import { generateGraph } from '../seed/generate.ts';
import { type SeedData, loadInBatches, readSeedData } from '../seed/load.ts';
import { launchBrowser } from '../test/support/browser.ts';

const SIZES = [
  { key: 'boras', name: 'Borås', data: () => readSeedData() },
  { key: 'vg', name: 'Västra Götaland (49 kommuner)', data: () => generateGraph({ municipalities: 49 }) },
  { key: 'sverige', name: 'Sverige (290 kommuner)', data: () => generateGraph({ municipalities: 290 }) },
].filter((s) => !process.env.BENCH_SIZES || process.env.BENCH_SIZES.split(',').includes(s.key));
const LOADS = Number(process.env.BENCH_LOADS ?? 9);
const FRAMES = 30;
const VIEWPORT = { width: 1400, height: 900 };
const RESULTS = new URL('./web-results.json', import.meta.url);

if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('Bygg webbappen först: npm run build');

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}
const round = (ms: number) => Math.round(ms * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Time from a pan or a zoom to the frame that shows it, alternating the two.
 * The page-side code is a string: tsx would otherwise add helpers to it that
 * do not exist in the page.
 */
async function frames(page: Page): Promise<number[]> {
  return page.evaluate(`(async () => {
    const cy = window.cy ?? document.querySelector('.graph').cy;
    const samples = [];
    for (let i = 0; i < ${FRAMES}; i++) {
      const frame = new Promise((resolve) => {
        const start = performance.now();
        cy.one('render', () => resolve(performance.now() - start));
      });
      if (i % 2) cy.panBy({ x: i % 4 === 1 ? 40 : -40, y: 20 });
      else cy.zoom({ level: cy.zoom() * (i % 4 === 0 ? 1.1 : 1 / 1.1), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      samples.push(await frame);
    }
    return samples;
  })()`);
}

/** The page's JS heap now, from Chromium's own counters (CDP Performance.getMetrics). */
async function heapOf(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/**
 * Waits until an expression is true in the page, by asking it every 20 ms:
 * Playwright's waitForFunction evaluates its string with eval, which the
 * app's CSP (script-src 'self') refuses. The timings come from the page's
 * own performance marks, so the polling interval does not enter them.
 */
async function until(page: Page, expression: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Väntade förgäves på ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function benchSize(browser: Browser, bareUrl: string, size: { name: string; data: () => SeedData }) {
  const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-web-'));
  const store = await EmbeddedStore.open(dir);
  const app = createHttpServer(store);
  try {
    await store.ensureSchema();
    const loadStart = performance.now();
    await loadInBatches(store, size.data());
    console.log(`${size.name}: laddad på ${Math.round(performance.now() - loadStart)} ms`);
    const appUrl = await listen(app);
    // App and bare page take turns, load by load: on a shared machine both then see the same load.
    const page = await browser.newPage({ viewport: VIEWPORT });
    const barePage = await browser.newPage({ viewport: VIEWPORT });
    const loads: { firstFrame: number; final: number; layout: number; sinceNavigation: number; finalSinceNavigation: number }[] = [];
    const bareFirst: { layoutMs: number; firstRenderMs: number }[] = [];
    const bareFinal: { layoutMs: number; firstRenderMs: number }[] = [];
    let appHeap = 0;
    let bareHeap = 0;
    let drawn: { actors: number; groups: number; edges: number; width: number; height: number; elements: unknown[] } | null = null;
    for (let i = 0; i < LOADS; i++) {
      await page.goto(appUrl);
      // The last drawing's final frame: the grouped view's once its worker returns, the actor view's first (it has no other).
      await until(page, `performance.getEntriesByName('graph:final').length > 0 || (performance.getEntriesByName('graph:rendered').length > 0
        && document.querySelector('p.status[role="status"]')?.dataset.state === 'done' && document.querySelector('.graph').cy.nodes('[type = "Group"]').empty())`);
      loads.push(
        await page.evaluate(`(() => {
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
          const start = at('graph:controller');
          const final = at('graph:final') ?? at('graph:rendered');
          return { firstFrame: at('graph:rendered') - start, final: final - start, layout: at('graph:laid-out') - at('graph:layout-start'), sinceNavigation: at('graph:rendered'), finalSinceNavigation: final };
        })()`),
      );
      appHeap = Math.max(appHeap, await heapOf(page));
      drawn ??= await page.evaluate(`(() => {
        const box = document.querySelector('.graph');
        const cy = box.cy;
        return {
          actors: cy.nodes('[type = "Actor"]').length, groups: cy.nodes('[type = "Group"]').length, edges: cy.edges().length,
          width: box.clientWidth, height: box.clientHeight,
          elements: cy.elements().map((e) => ({ group: e.group(), data: e.data() })),
        };
      })()`);
      const style = JSON.stringify(drawn!.groups ? 'summary' : 'network');
      // The same box as the view's graph (drawing cost grows with the canvas), on a fresh page each time:
      // a second drawing on one page runs on warmed-up code, and the view's worker starts cold.
      const freshBare = async () => {
        await barePage.goto(bareUrl);
        await until(barePage, `typeof window.draw === 'function'`);
        await barePage.evaluate(`Object.assign(document.getElementById('cy').style, { width: '${drawn!.width}px', height: '${drawn!.height}px' })`);
      };
      await freshBare();
      bareFirst.push(await barePage.evaluate(`window.draw(${JSON.stringify(drawn!.elements)}, ${style}, 'first')`));
      bareHeap = Math.max(bareHeap, await heapOf(barePage));
      if (drawn!.groups) {
        await freshBare();
        bareFinal.push(await barePage.evaluate(`window.draw(${JSON.stringify(drawn!.elements)}, ${style}, 'final')`));
      }
      bareHeap = Math.max(bareHeap, await heapOf(barePage));
    }
    const style = drawn!.groups ? 'summary' : 'network';
    const appFrames = await frames(page);
    appHeap = Math.max(appHeap, await heapOf(page));
    const bareFrames = await frames(barePage);
    bareHeap = Math.max(bareHeap, await heapOf(barePage));
    await page.close();
    await barePage.close();

    const grouped = style === 'summary';
    const result = {
      graph: size.name,
      drawn: grouped ? `${drawn!.groups} grupper, ${drawn!.edges} summerade relationer` : `${drawn!.actors} aktörer, ${drawn!.edges} relationer`,
      app: {
        firstFrameMs: stats(loads.map((l) => l.firstFrame)),
        finalFrameMs: stats(loads.map((l) => l.final)),
        mainThreadLayoutMs: stats(loads.map((l) => l.layout)),
        firstFrameSinceNavigationMs: stats(loads.map((l) => l.sinceNavigation)),
        finalFrameSinceNavigationMs: stats(loads.map((l) => l.finalSinceNavigation)),
        panZoomFrameMs: stats(appFrames),
        peakHeapMb: mb(appHeap),
      },
      bare: {
        firstFrameMs: stats(bareFirst.map((l) => l.firstRenderMs)),
        finalFrameMs: stats((grouped ? bareFinal : bareFirst).map((l) => l.firstRenderMs)),
        layoutMs: stats((grouped ? bareFinal : bareFirst).map((l) => l.layoutMs)),
        panZoomFrameMs: stats(bareFrames),
        peakHeapMb: mb(bareHeap),
      },
    };
    // Each load's app against the bare page's drawing right after it, then the median of those: on a shared
    // machine the load changes from one pair to the next more than within one.
    const paired = (app: number[], bare: number[]) => ratio(stats(app.map((a, i) => (100 * a) / bare[i]!)).median, 100);
    const ratios = {
      firstFrame: paired(loads.map((l) => l.firstFrame), bareFirst.map((l) => l.firstRenderMs)),
      finalFrame: paired(loads.map((l) => l.final), (grouped ? bareFinal : bareFirst).map((l) => l.firstRenderMs)),
      panZoomFrame: ratio(result.app.panZoomFrameMs.median, result.bare.panZoomFrameMs.median),
      peakHeap: ratio(appHeap, bareHeap),
    };
    const layoutWhere = grouped ? 'fCoSE i en web worker' : `fCoSE på sidan ${result.app.mainThreadLayoutMs.median} ms`;
    console.log(`Nätverksvyn, ${result.graph}: ritar ${result.drawn} (headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height}, grafrutan ${drawn!.width}×${drawn!.height})`);
    console.log(`  appen: första bild ${result.app.firstFrameMs.median} ms${grouped ? ` (rutnät), slutlig layout ritad ${result.app.finalFrameMs.median} ms` : ''} (${layoutWhere}; efter navigering ${result.app.firstFrameSinceNavigationMs.median}/${result.app.finalFrameSinceNavigationMs.median} ms), pan/zoom-bild ${result.app.panZoomFrameMs.median} ms (p95 ${result.app.panZoomFrameMs.p95}), JS-heap högst ${result.app.peakHeapMb} MB`);
    console.log(`  bar Cytoscape: första bild ${result.bare.firstFrameMs.median} ms${grouped ? `, med fCoSE på sidan ${result.bare.finalFrameMs.median} ms (layout ${result.bare.layoutMs.median} ms)` : ` (layout ${result.bare.layoutMs.median} ms)`}, pan/zoom-bild ${result.bare.panZoomFrameMs.median} ms (p95 ${result.bare.panZoomFrameMs.p95}), JS-heap högst ${result.bare.peakHeapMb} MB`);
    console.log(`  kvot app/bar (median av paren): första bild ${ratios.firstFrame}${grouped ? `, slutlig layout ${ratios.finalFrame}` : ''}, pan/zoom-bild ${ratios.panZoomFrame}, JS-heap ${ratios.peakHeap}`);
    return { ...result, ratios };
  } finally {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bareDir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-bare-'));
await build({ configFile: false, root: fileURLToPath(new URL('./web/', import.meta.url)), logLevel: 'error', build: { outDir: bareDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
const bareFiles = sirv(bareDir);
const bare = createServer((req, res) => bareFiles(req, res, () => void res.writeHead(404).end()));
const bareUrl = await listen(bare);

const browser = await launchBrowser();
try {
  const results = [];
  for (const size of SIZES) results.push(await benchSize(browser, bareUrl, size));
  writeFileSync(RESULTS, `${JSON.stringify({ viewport: VIEWPORT, loads: LOADS, frames: FRAMES, sizes: results }, null, 2)}\n`);
} finally {
  await browser.close();
  await new Promise((resolve) => bare.close(resolve));
  rmSync(bareDir, { recursive: true, force: true });
}
