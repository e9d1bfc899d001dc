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

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
