import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, nodePosition, waitForGraph } from '../support/browser.ts';

const BOENDE = 'target-area:boende-och-narmiljo';

describeView('Effektkedjor', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  it('draws each chain left to right, and the goals with no activity stand out', async () => {
    await page().goto(`${server().url}/effektkedjor`);
    await waitForGraph(page());
    await page().selectOption('#f-target-area', BOENDE);
    await page().waitForFunction(() => (document.querySelector('.graph') as any).cy.getElementById('goal:ingen-hemlos').nonempty());
    const { data } = await server().gql(`{ goals(first: 500, filter: { targetArea: "${BOENDE}" }) { edges { node { id activities { id } } } } }`);
    const graph = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      const x = (sel: string) => [...new Set(cy.nodes(sel).map((n: any) => n.position('x')))];
      return { orphans: cy.nodes('.orphan').map((n: any) => n.id()).sort(), columns: ['.responsible', '.activity', '.output', '.effect', '.goal'].map(x) };
    });
    const orphans = data!.goals.edges.filter((e: any) => e.node.activities.length === 0).map((e: any) => e.node.id).sort();
    expect(orphans).toContain('goal:ingen-hemlos');
    expect(graph.orphans).toEqual(orphans);
    // One x per column, increasing left to right.
    expect(graph.columns.map((c) => c.length)).toEqual([1, 1, 1, 1, 1]);
    const xs = graph.columns.map((c) => c[0] as number);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    await screenshot(page(), 'chains');
  });

  it('shows an activity with its ansvar, prestation and effect when it is clicked', async () => {
    const { x, y } = await nodePosition(page(), 'activity:boende-01-segregationsindex');
    await page().mouse.click(x, y);
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Implementering av Segregationsindex' }).waitFor();
    expect(await panel.textContent()).toContain('Ökad kunskap om förutsättningar för olika bostadsområden');
    expect(await panel.textContent()).toContain('Stadsledningskansliet');
  });

  it('restores målområde and selection from a copied URL', async () => {
    await suite.openLink(page().url(), async (other) => {
      await other.locator('aside.panel h3', { hasText: 'Implementering av Segregationsindex' }).waitFor();
      expect(await other.inputValue('#f-target-area')).toBe(BOENDE);
    });
  });

  it("shows under Källa the quote of the activity's Ansvar cell and of its row, with the document's title", async () => {
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Implementering av Segregationsindex' }).waitFor();
    const ansvar = panel.locator('section.source', { has: page().getByRole('heading', { name: 'Källa: Ansvar' }) });
    expect(await ansvar.locator('blockquote').textContent()).toBe('FOF, SKA, SBF');
    expect(await ansvar.locator('.source-document').textContent()).toBe('Socialt hållbart Borås (bildspel) – Boende & närmiljö- Effektkedja');
    const row = panel.locator('section.source', { has: page().getByRole('heading', { name: 'Källa: Aktivitet' }) });
    expect(await row.locator('blockquote').textContent()).toContain('Implementering av Segregationsindex');
  });

  it('draws an inferred link dashed and labelled "härlett", and says why in the panel', async () => {
    const link = 'activity:boende-01-segregationsindex/effect>goal:inga-utsatta-omraden';
    const drawn = await page().evaluate((id) => {
      const edge = (document.querySelector('.graph') as any).cy.getElementById(id);
      return { inferred: edge.hasClass('inferred'), style: edge.style('line-style'), label: edge.style('label') };
    }, link);
    expect(drawn).toEqual({ inferred: true, style: 'dashed', label: 'härlett' });
    const goal = page().locator('aside.panel dd', { hasText: 'I Borås ska det inte finnas några utsatta områden' });
    expect(await goal.locator('.inferred .tag').textContent()).toBe('härlett');
    expect(await goal.textContent()).toContain('inget knyter en av dem till en viss rad');
    await screenshot(page(), 'chains-inferred', false);
  });

  it('hides what is inferred with "Endast uttryckliga uppgifter", and keeps it in the address', async () => {
    await page().getByLabel('Endast uttryckliga uppgifter').check();
    await page().waitForFunction(() => new URL(location.href).searchParams.get('stated') === '1');
    const graph = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      return { inferred: cy.edges('.inferred').length, unlinked: cy.nodes('.unlinked').map((n: any) => n.id()).sort(), orphans: cy.nodes('.orphan').map((n: any) => n.id()) };
    });
    // Every Boende row is linked to its four goals only by reading the block: with them hidden, no goal is reached, yet none is a gap.
    expect(graph.inferred).toBe(0);
    expect(graph.unlinked).toEqual(['goal:attraktiva-narmiljoer', 'goal:blandad-bebyggelse', 'goal:inga-utsatta-omraden', 'goal:tillit-och-delaktighet']);
    expect(graph.orphans.sort()).toEqual(['goal:inga-sarskilt-utsatta-omraden-2030', 'goal:ingen-hemlos']);
    await suite.openLink(page().url(), async (other) => {
      await waitForGraph(other);
      expect(await other.getByLabel('Endast uttryckliga uppgifter').isChecked()).toBe(true);
    });
    await page().getByLabel('Endast uttryckliga uppgifter').uncheck();
    await page().waitForFunction(() => (document.querySelector('.graph') as any).cy.edges('.inferred').length > 0);
  });

  it('marks Polisen in the last Norrby row as inferred ansvar, and names the målområde\'s officials', async () => {
    await page().selectOption('#f-target-area', 'target-area:omradesutveckling');
    const { x, y } = await nodePosition(page(), 'activity:norrby-05-upprustning');
    await page().mouse.click(x, y);
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Upprustning – kortsiktiga åtgärder' }).waitFor();
    const polisen = panel.locator('dd', { hasText: 'Polisen' });
    expect(await polisen.locator('.inferred .tag').textContent()).toBe('härlett');
    expect(await panel.locator('section.source blockquote').allTextContents()).toEqual(expect.arrayContaining(['TEK, AB-bostäder', 'TEK, AB-bostäder Polisen']));
    await page().selectOption('#f-target-area', 'target-area:god-start-i-livet');
    await page().locator('p.officials').waitFor();
    expect(await page().locator('p.officials').textContent()).toContain('Ansvariga för målområdet: Anna Svalander, Pär Arvidsson Fäldt.');
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
