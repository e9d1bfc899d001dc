import { expect, it } from 'vitest';
import { CONTEXT_WEIGHT } from '../../server/analysis/working-relations.ts';
import { sv } from '../../web/i18n/sv.ts';
import { axeViolations, describeView, nodePosition, screenshot, waitForGraph } from '../support/browser.ts';

/** The words in an element that the browser broke across two lines (this Chromium has no hyphenation dictionary, so any such break is a forced one). */
function brokenWords(page: import('playwright-core').Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}

describeView('Words and legends', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  it('spells out every short name in Ordlista, beside the domain words and the five levels of the taxonomy', async () => {
    const { data } = await server().gql('{ actors(first: 500) { nodes { name shortName } } taxonomyInstrument { levels { name } layers { layer name } } }');
    const short = data!.actors.nodes.filter((a: any) => a.shortName);
    expect(short.map((a: any) => a.shortName)).toEqual(expect.arrayContaining(['FOF', 'SBF', 'TEK', 'KUF', 'GVUF', 'GRUF', 'ALF', 'AF', 'SKA', 'VGR']));
    await page().goto(`${server().url}/ordlista`);
    await page().locator('p.status[data-state="done"]').waitFor({ state: 'attached' });
    const rows = await page().getByRole('table', { name: sv.glossary.abbreviationsCaption }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent!.trim())));
    expect(rows.sort()).toEqual(short.map((a: any) => [a.shortName, a.name]).sort());
    const terms = await page().locator('dl.terms dt').allTextContents();
    expect(terms).toEqual(expect.arrayContaining(['Effektmål', 'Målområde', 'Skikt', 'Styrka', 'Drift åt vänster']));
    const levels = page().getByRole('table', { name: sv.glossary.levelsCaption });
    expect((await levels.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(data!.taxonomyInstrument.levels.map((l: any, i: number) => `${i + 1}. ${l.name}`));
    expect((await levels.locator('thead th').allTextContents()).map((t) => t.trim())).toEqual([sv.glossary.columns.level, ...data!.taxonomyInstrument.layers.map((l: any) => `${l.layer} ${l.name}`)]);
    await screenshot(page(), 'glossary');
  });

  it('names an abbreviated node in full in a tooltip, and in the panel and table', async () => {
    await page().goto(`${server().url}/`);
    await waitForGraph(page());
    const { x, y } = await nodePosition(page(), 'actor:fof');
    await page().mouse.move(x, y);
    await page().waitForFunction(() => document.querySelector('.graph')!.getAttribute('title') === 'Fritids- och folkhälsoförvaltningen (FOF)');
    await page().mouse.click(x, y);
    await page().locator('aside.panel h3', { hasText: 'Fritids- och folkhälsoförvaltningen' }).waitFor();
    expect(await page().getByRole('table', { name: sv.network.actorsCaption, exact: true }).textContent()).toContain('Fritids- och folkhälsoförvaltningen');
  });

  it('shows shapes as well as colours in the legend, and explains the strength by the weights the server uses', async () => {
    const legends = await page().locator('.graph-tools ul.legend').evaluateAll((uls) => uls.map((ul) => ul.getAttribute('aria-label')));
    expect(legends).toEqual([sv.common.legendSector, sv.common.legendKind]);
    const kinds = await page().evaluate(() => [...new Set((document.querySelector('.graph') as any).cy.nodes().map((n: any) => n.data('kind')))]);
    const shapes = await page().getByRole('list', { name: sv.common.legendKind }).locator('li:not(.legend-group)').allTextContents();
    expect(shapes.sort()).toEqual(kinds.map((k) => sv.kinds[k as string]).sort());
    expect(await page().locator('.strength-help').textContent()).toBe(`${sv.network.columns.strength}: ${sv.network.strengthHelp(CONTEXT_WEIGHT)}`);
    // The strongest relation's panel adds its strength up, part by part, to the number it shows.
    await page().getByRole('table', { name: sv.network.relationsCaption }).getByRole('button').first().click();
    const panel = page().locator('aside.panel');
    const [strength, sum] = await Promise.all([panel.locator('p').first().textContent(), panel.locator('p.hint').first().textContent()]);
    const total = [...sum!.matchAll(/(\d+) × (\d+)/g)].reduce((s, m) => s + Number(m[1]) * Number(m[2]), 0);
    expect(strength).toBe(sv.network.strength(total));
  });

  it('breaks no word in the middle in the panels, on a phone or a desktop', async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      const other = await suite.browser.newPage({ viewport });
      try {
        await other.goto(`${server().url}/?actor=actor%3Afof`);
        await other.locator('aside.panel dl.shared').first().waitFor();
        expect(await brokenWords(other, 'aside.panel'), `Nätverk at ${viewport.width} px`).toEqual([]);
        await other.goto(`${server().url}/taxonomi?collaboration=collaboration%3Askolan-som-arena`);
        await other.locator('aside.panel h3', { hasText: 'Skolan som arena' }).waitFor();
        expect(await brokenWords(other, 'aside.panel'), `Taxonomi at ${viewport.width} px`).toEqual([]);
        // An activity that three förvaltningar share: three names under one Ansvar.
        await other.goto(`${server().url}/effektkedjor?targetArea=target-area%3Aomradesutveckling&node=activity%3Anorrby-01-dialoger-om-gemensam-malbild`);
        await other.locator('aside.panel dd', { hasText: 'Fritids- och folkhälsoförvaltningen' }).waitFor();
        expect(await brokenWords(other, 'aside.panel'), `Effektkedjor at ${viewport.width} px`).toEqual([]);
      } finally {
        await other.close();
      }
    }
  });

  it('fits the whole name of every målområde in its select', async () => {
    const fits = await page().evaluate(() => {
      const select = document.getElementById('f-target-area') as HTMLSelectElement;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(select).font;
      const widest = Math.max(...[...select.options].map((o) => ctx.measureText(o.text).width));
      return { widest, inner: select.clientWidth };
    });
    expect(fits.widest).toBeLessThan(fits.inner);
  });

  it('names no developer file in the assessment form, and has no WCAG 2.1 AA violation', async () => {
    const { data } = await server().gql('{ taxonomyInstrument { name description targetQuestion } }');
    expect(Object.values(data!.taxonomyInstrument).join(' ')).not.toMatch(/\.(md|json|ts)\b/);
    expect(await axeViolations(page())).toEqual([]);
    await page().goto(`${server().url}/ordlista`);
    await page().locator('dl.terms').waitFor();
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
