import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, waitForGraph } from '../support/browser.ts';

describeView('Taxonomi', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  /** Each collaboration's level as the API gives it; null for every one while the API has no `level` (none is assessed in the seed). */
  async function levels(): Promise<Map<string, string | null>> {
    const withLevel = await server().gql('{ collaborations(first: 500) { edges { node { id level } } } }');
    const result = withLevel.errors ? await server().gql('{ collaborations(first: 500) { edges { node { id } } } }') : withLevel;
    return new Map(result.data!.collaborations.edges.map((e: { node: { id: string; level?: string | null } }) => [e.node.id, e.node.level ?? null]));
  }

  it('places every collaboration in the column of its level, the unassessed in their own lane', async () => {
    await page().goto(`${server().url}/taxonomi`);
    await waitForGraph(page());
    const expected = await levels();
    expect(expected.size).toBeGreaterThan(0);
    const placed = await page().evaluate((ids) => {
      const cy = (document.querySelector('.graph') as any).cy;
      return ids.map((id) => [id, cy.getElementById(id).position('x')]);
    }, [...expected.keys()]);
    const columns = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      return Object.fromEntries(cy.nodes('.heading').map((n: any) => [n.id().replace('heading:', ''), n.position('x')]));
    });
    for (const [id, x] of placed) expect([id, x]).toEqual([id, columns[expected.get(id as string) ?? 'unassessed']]);
    expect(await page().getByRole('table', { name: /Samverkan, nivå/ }).locator('tbody tr').count()).toBe(expected.size);
    await screenshot(page(), 'taxonomy');
  });

  it('shows a collaboration with the call to assess it when it is chosen', async () => {
    await page().getByRole('button', { name: 'Skolan som arena' }).click();
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Skolan som arena' }).waitFor();
    expect(await panel.textContent()).toContain('aldrig skattats');
    expect(new URL(page().url()).searchParams.get('collaboration')).toBe('collaboration:skolan-som-arena');
  });

  it('groups by type and restores grouping and selection from a copied URL', async () => {
    await page().selectOption('#f-group', 'type');
    await page().waitForFunction(() => (document.querySelector('.graph') as any).cy.getElementById('group:MED_NARINGSLIV_OCH_CIVILSAMHALLE').nonempty());
    const copied = page().url();
    expect(new URL(copied).searchParams.get('group')).toBe('type');
    await suite.openLink(copied, async (other) => {
      await waitForGraph(other);
      await other.locator('aside.panel h3', { hasText: 'Skolan som arena' }).waitFor();
      expect(await other.inputValue('#f-group')).toBe('type');
      expect(await other.evaluate(() => (document.querySelector('.graph') as any).cy.$(':selected').map((n: any) => n.id()))).toEqual(['collaboration:skolan-som-arena']);
    });
  });

  it('has no WCAG 2.1 AA violation (axe-core)', async () => {
    expect(await axeViolations(page())).toEqual([]);
  });
});
