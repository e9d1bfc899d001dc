import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, waitForGraph } from '../support/browser.ts';

describeView('Forum', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  it('shows every forum in the forum × actor matrix, with the role in the cell', async () => {
    await page().goto(`${server().url}/forum`);
    await waitForGraph(page());
    const { data } = await server().gql('{ forums(first: 500) { totalCount } }');
    const matrix = page().getByRole('table', { name: 'Forum × aktör: roller' });
    expect(await matrix.locator('tbody tr').count()).toBe(data!.forums.totalCount);
    const row = matrix.locator('tbody tr', { hasText: 'Beredningsgrupp barn och unga' });
    const column = (await matrix.locator('thead th').allTextContents()).indexOf('Stadsledningskansliet');
    expect(column).toBeGreaterThan(0);
    // No document states the seat or its role: it is read from the Ansvar cell, and says so.
    expect(await row.locator('th, td').nth(column).textContent()).toBe('ledamot (härlett)');
    await screenshot(page(), 'forums');
  });

  it('shows a forum with its purpose, convenor, goals and members when it is chosen, and restores it from the URL', async () => {
    await page().getByRole('table', { name: 'Forum × aktör: roller' }).getByRole('button', { name: 'Beredningsgrupp barn och unga' }).click();
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Beredningsgrupp barn och unga' }).waitFor();
    expect(await panel.textContent()).toContain('Stadsledningskansliet (ledamot)');
    await suite.openLink(page().url(), async (other) => {
      await other.locator('aside.panel h3', { hasText: 'Beredningsgrupp barn och unga' }).waitFor();
    });
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
