import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, signIn, signOut, waitForGraph } from '../support/browser.ts';

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

  it('sums up every rule in a bar chart with the counts of byRule, each rule by the name the server gives it', async () => {
    await page().goto(`${server().url}/luckor`);
    await findings().first().waitFor();
    const { data } = await server().gql('{ gaps { byRule { rule label count } } overlaps { byRule { rule label count } } }');
    const expected = [...data!.gaps.byRule, ...data!.overlaps.byRule].map((c: any) => [c.rule, c.count, c.label]).sort();
    const bars = await page().evaluate(() => [...document.querySelectorAll('.rule-chart g.bar')].map((g) => [(g as SVGGElement).dataset.rule, Number((g as SVGGElement).dataset.count), g.querySelector('text')!.textContent]));
    expect(bars.length).toBeGreaterThan(5);
    expect([...bars].sort()).toEqual(expected);
    // Most first, so the biggest rule leads.
    expect(bars.map((b) => b[1])).toEqual([...bars.map((b) => b[1])].sort((a, b) => Number(b) - Number(a)));
    // No raw rule id anywhere a user reads one: the table's Regel column and the rule filter.
    const ruleCells = await findings().locator('td:nth-child(4)').allTextContents();
    for (const cell of [...ruleCells, ...(await page().locator('#f-rule option').allTextContents())]) expect(cell).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    await screenshot(page(), 'findings-summary', false);
  });

  it('lists an activity\'s empty cells in one finding, and expands it to show each cell with what to do', async () => {
    await page().goto(`${server().url}/luckor?rule=activity-empty-cells`);
    await findings().first().waitFor();
    const { data } = await server().gql('{ gaps(filter: { rules: ["activity-empty-cells"] }) { totalCount findings { title parts { label action } } } }');
    expect(await findings().count()).toBe(data!.gaps.totalCount);
    const grouped = data!.gaps.findings.find((f: any) => f.parts.length === 3);
    const row = findings().filter({ hasText: grouped.title });
    const toggle = row.getByRole('button', { name: /Visa eller dölj de 3 delarna/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const parts = page().locator('table tbody tr.part');
    expect((await parts.locator('th').allTextContents()).map((t) => t.trim())).toEqual(grouped.parts.map((p: any) => p.label));
    expect((await parts.locator('td').allTextContents()).map((t) => t.trim())).toEqual(grouped.parts.map((p: any) => p.action));
    await toggle.click();
    expect(await parts.count()).toBe(0);
  });

  it('links each subject of a finding to its node in the view where it is fixed', async () => {
    const { data } = await server().gql(`{ goals: gaps(filter: { rules: ["goal-without-activity"] }) { findings { id title subjectIds } }
      forums: gaps(filter: { rules: ["forum-unconfirmed"] }) { findings { id subjectIds subjects { ... on Forum { name } } } } }`);
    const homeless = data!.goals.findings.find((f: any) => f.title.includes(HOMELESS));
    await page().goto(`${server().url}/luckor?rule=goal-without-activity&finding=${encodeURIComponent(homeless.id)}`);
    const links = page().locator('aside.panel .subject-links a');
    await links.first().waitFor();
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-subject')))).toEqual(homeless.subjectIds);
    await links.filter({ hasText: HOMELESS }).click();
    await page().waitForURL((url) => url.pathname === '/effektkedjor' && url.searchParams.get('node') === 'goal:ingen-hemlos');
    await waitForGraph(page());
    await page().locator('aside.panel h3', { hasText: HOMELESS }).waitFor();
    expect(await page().evaluate(() => (document.querySelector('.graph') as any).cy.$(':selected').map((n: any) => n.id()))).toEqual(['goal:ingen-hemlos']);

    const forum = data!.forums.findings[0];
    await page().goto(`${server().url}/luckor?rule=forum-unconfirmed&finding=${encodeURIComponent(forum.id)}`);
    await links.first().waitFor();
    await links.filter({ hasText: forum.subjects[0].name }).click();
    await page().waitForURL((url) => url.pathname === '/forum' && url.searchParams.get('forum') === forum.subjectIds[0]);
    await page().locator('aside.panel h3', { hasText: forum.subjects[0].name }).waitFor();
  });

  it('opens the edit form of a subject for an editor who follows its link', async () => {
    const { data } = await server().gql('{ gaps(filter: { rules: ["forum-unconfirmed"] }) { findings { id subjectIds subjects { ... on Forum { name } } } } }');
    const forum = data!.gaps.findings[0];
    await page().goto(`${server().url}/luckor?rule=forum-unconfirmed&finding=${encodeURIComponent(forum.id)}`);
    await signIn(page(), server().keys.REDAKTOR);
    const link = page().locator('aside.panel .subject-links a').filter({ hasText: forum.subjects[0].name });
    await page().waitForFunction(() => document.querySelector('aside.panel .subject-links a')?.getAttribute('href')?.includes('edit=1'));
    await link.click();
    await page().getByRole('heading', { name: `Ändra ${forum.subjects[0].name}` }).waitFor();
    // The request to edit is taken off the URL: a copied link shows the forum without opening its form.
    expect(new URL(page().url()).searchParams.get('edit')).toBeNull();
    expect(new URL(page().url()).searchParams.get('forum')).toBe(forum.subjectIds[0]);
    await signOut(page());
    await page().goto(`${server().url}/luckor?rule=goal-without-activity`);
    await findings().first().waitFor();
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
