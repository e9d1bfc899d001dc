/**
 * `npm run bench:web`: the network view at the size of Västra Götaland (the
 * synthetic graph of 49 municipalities) in headless Chromium: time to first
 * render and to a pan/zoom frame, beside a bare Cytoscape page drawing the
 * same elements with the same layout. The ratio app/bare is the figure.
 * A benchmark, not a test: nothing here passes or fails.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { EmbeddedStore } from '../server/store/embedded.ts';
import { WEB_DIST, createHttpServer } from '../server/http.ts';
import { generateGraph } from '../seed/generate.ts';
import { loadInBatches } from '../seed/load.ts';
import { launchBrowser } from '../test/support/browser.ts';

const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 49);
const LOADS = 3;
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

const data = generateGraph({ municipalities: MUNICIPALITIES });
const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-web-'));
const store = await EmbeddedStore.open(dir);
await store.ensureSchema();
await loadInBatches(store, data);
const app = createHttpServer(store);
await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;

const bareDir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-bare-'));
await build({ configFile: false, root: fileURLToPath(new URL('./web/', import.meta.url)), logLevel: 'error', build: { outDir: bareDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
const bareFiles = sirv(bareDir);
const bare = createServer((req, res) => bareFiles(req, res, () => void res.writeHead(404).end()));
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const loads: { firstRender: number; dataReady: number; layout: number }[] = [];
  const bareLoads: { layoutMs: number; firstRenderMs: number }[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(appUrl);
    await page.waitForFunction(`performance.getEntriesByName('graph:rendered').length > 0`, undefined, { timeout: 300_000 });
    loads.push(
      await page.evaluate(`(() => {
        const at = (name) => performance.getEntriesByName(name)[0].startTime;
        return { firstRender: at('graph:rendered'), dataReady: at('graph:layout-start'), layout: at('graph:laid-out') - at('graph:layout-start') };
      })()`),
    );
  }
  const counts: { nodes: number; edges: number; elements: unknown[] } = await page.evaluate(`(() => {
    const cy = document.querySelector('.graph').cy;
    return { nodes: cy.nodes().length, edges: cy.edges().length, elements: cy.elements().map((e) => ({ group: e.group(), data: e.data() })) };
  })()`);
  const appFrames = await frames(page);

  const barePage = await browser.newPage({ viewport: VIEWPORT });
  for (let i = 0; i < LOADS; i++) {
    await barePage.goto(bareUrl);
    await barePage.waitForFunction(`typeof window.draw === 'function'`);
    bareLoads.push(await barePage.evaluate(`window.draw(${JSON.stringify(counts.elements)})`));
  }
  const bareFrames = await frames(barePage);

  const result = {
    graph: `${MUNICIPALITIES} kommuner: ${counts.nodes} aktörer, ${counts.edges} relationer`,
    app: {
      firstRenderMs: stats(loads.map((l) => l.firstRender)),
      dataReadyMs: stats(loads.map((l) => l.dataReady)),
      layoutMs: stats(loads.map((l) => l.layout)),
      panZoomFrameMs: stats(appFrames),
    },
    bare: { firstRenderMs: stats(bareLoads.map((l) => l.firstRenderMs)), layoutMs: stats(bareLoads.map((l) => l.layoutMs)), panZoomFrameMs: stats(bareFrames) },
  };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const drawOnly = result.app.firstRenderMs.median - result.app.dataReadyMs.median;
  console.log(`Nätverksvyn, ${result.graph} (headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height})`);
  console.log(`  appen: första bild ${result.app.firstRenderMs.median} ms efter navigering (data klar ${result.app.dataReadyMs.median} ms, layout ${result.app.layoutMs.median} ms), pan/zoom-bild ${result.app.panZoomFrameMs.median} ms (p95 ${result.app.panZoomFrameMs.p95})`);
  console.log(`  bar Cytoscape: första bild ${result.bare.firstRenderMs.median} ms (layout ${result.bare.layoutMs.median} ms), pan/zoom-bild ${result.bare.panZoomFrameMs.median} ms (p95 ${result.bare.panZoomFrameMs.p95})`);
  console.log(`  kvot app/bar: från data till första bild ${ratio(drawOnly, result.bare.firstRenderMs.median)}, pan/zoom-bild ${ratio(result.app.panZoomFrameMs.median, result.bare.panZoomFrameMs.median)}`);
  writeFileSync(RESULTS, `${JSON.stringify({ ...result, ratios: { drawFromData: ratio(drawOnly, result.bare.firstRenderMs.median), panZoomFrame: ratio(result.app.panZoomFrameMs.median, result.bare.panZoomFrameMs.median) } }, null, 2)}\n`);
} finally {
  await browser.close();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
  await new Promise((resolve) => bare.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(bareDir, { recursive: true, force: true });
}
