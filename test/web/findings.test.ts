import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, waitForGraph } from '../support/browser.ts';

const HOMELESS = 'I Borås ska ingen vara hemlös';

describeView('Luckor och överlapp', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  const findings = () => page().getByRole('table', { name: 'Fynd', exact: true }).locator('tbody tr');

  it('lists every gap and overlap, the goal nobody works toward among them', async () => {
    await page().goto(`${server().url}/luckor`);
    await findings().first().waitFor();
    const { data } = await server().gql('{ gaps { totalCount } overlaps { totalCount } }');
    expect(await findings().count()).toBe(data!.gaps.totalCount + data!.overlaps.totalCount);
    await page().getByRole('button', { name: new RegExp(HOMELESS) }).waitFor();
    await screenshot(page(), 'findings', false);
  });

  it('filters by rule on the server', async () => {
    await page().selectOption('#f-rule', 'goal-without-activity');
    await page().waitForFunction(() => new URL(location.href).searchParams.get('rule') === 'goal-without-activity');
    const { data } = await server().gql('{ gaps(filter: { rules: ["goal-without-activity"] }) { totalCount } }');
    await page().waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, data!.gaps.totalCount);
  });

  it('shows the chosen finding with its evidence, its action and its subjects marked in a graph', async () => {
    await page().getByRole('button', { name: new RegExp(HOMELESS) }).click();
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: HOMELESS }).waitFor();
    await waitForGraph(page());
    expect(await panel.locator('.evidence').textContent()).toContain(HOMELESS);
    expect(await panel.locator('.action').count()).toBe(1);
    const subjects = await page().evaluate(() => (document.querySelector('.graph') as any).cy.nodes('.subject').map((n: any) => n.id()).sort());
    const { data } = await server().gql('{ gaps(filter: { rules: ["goal-without-activity"] }) { findings { title subjectIds } } }');
    const finding = data!.gaps.findings.find((f: { title: string }) => f.title.includes(HOMELESS));
    expect(subjects).toContain('goal:ingen-hemlos');
    expect(subjects).toEqual([...finding.subjectIds].sort());
    expect(await page().getByRole('table', { name: 'Noder och relationer i grafen' }).textContent()).toContain('Boende och närmiljö');
    await screenshot(page(), 'findings-selected');
  });

  it('restores filter and chosen finding from a copied URL', async () => {
    const copied = page().url();
    await suite.openLink(copied, async (other) => {
      await other.locator('aside.panel h3', { hasText: HOMELESS }).waitFor();
      expect(await other.inputValue('#f-rule')).toBe('goal-without-activity');
      await waitForGraph(other);
    });
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
