import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, waitForGraph } from '../support/browser.ts';
import { sv } from '../../web/i18n/sv.ts';

describeView('Forum', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  const matrix = () => page().getByRole('table', { name: 'Forum × aktör: roller' });

  it('shows every forum in the forum × actor matrix, with the role in the cell', async () => {
    // A missing control fails at once, naming it, rather than at the test's timeout.
    page().setDefaultTimeout(8000);
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

  it('finds forums by text, målgrupp and member, keeps the filters in the URL, and says when nothing matches', async () => {
    const FORUM = 'forum:beredningsgrupp-barn-och-unga';
    const { data } = await server().gql(`{ node(id: "${FORUM}") { ... on Forum { version } } }`);
    const set = await server().gql('mutation($input: UpdateForumInput!) { updateForum(input: $input) { __typename } }', { input: { id: FORUM, version: data!.node.version, targetGroups: ['BARN_OCH_UNGA'] } }, { as: server().keys.REDAKTOR });
    expect(set.data!.updateForum.__typename).toBe('UpdateForumSuccess');
    await page().goto(`${server().url}/forum`);
    await waitForGraph(page());
    const rows = async () => (await matrix().locator('tbody tr th').allTextContents()).map((t) => t.trim());

    await page().getByRole('combobox', { name: 'Målgrupp' }).selectOption({ label: 'Barn och unga' });
    await page().waitForFunction(() => document.querySelectorAll('table.matrix tbody tr').length === 1);
    expect(await rows()).toEqual(['Beredningsgrupp barn och unga']);
    expect(new URL(page().url()).searchParams.get('targetGroup')).toBe('BARN_OCH_UNGA');
    expect(await page().locator('p.summary').first().textContent()).toContain('1 forum visas.');

    await page().getByRole('combobox', { name: 'Målgrupp' }).selectOption({ label: 'Äldre' });
    await page().getByText('Inget matchar filtren. Ändra eller rensa filtren.').waitFor();
    await page().getByRole('button', { name: 'Rensa filter' }).click();
    await page().waitForFunction(() => document.querySelectorAll('table.matrix tbody tr').length === 5);

    await page().getByRole('searchbox', { name: 'Sök forum' }).fill('styrgrupp');
    await page().waitForFunction(() => document.querySelectorAll('table.matrix tbody tr').length === 2);
    expect(await rows()).toEqual(['Styrgrupp mot organiserad brottslighet', 'Styrgruppen för familjecentraler']);
    await page().getByRole('searchbox', { name: 'Sök forum' }).fill('');
    await page().getByRole('combobox', { name: 'Medlem' }).selectOption({ label: 'Stadsledningskansliet' });
    await page().waitForFunction(() => document.querySelectorAll('table.matrix tbody tr').length === 1);
    expect(await rows()).toEqual(['Beredningsgrupp barn och unga']);
    await screenshot(page(), 'forums-filtered', false);

    await suite.openLink(`${server().url}/forum?targetGroup=BARN_OCH_UNGA&q=beredning&forum=${FORUM}`, async (other) => {
      await other.locator('aside.panel h3', { hasText: 'Beredningsgrupp barn och unga' }).waitFor();
      expect(await other.getByRole('combobox', { name: 'Målgrupp' }).inputValue()).toBe('BARN_OCH_UNGA');
      expect(await other.getByRole('searchbox', { name: 'Sök forum' }).inputValue()).toBe('beredning');
      expect(await other.locator('table.matrix tbody tr').count()).toBe(1);
      expect(await other.locator('dt:text-is("Målgrupper") + dd').textContent()).toBe('Barn och unga');
    });
    await page().getByRole('button', { name: 'Rensa filter' }).click();
  });

  it('lists the forums to confirm, never confirmed first, then the one due longest; confirmed ones by their filter', async () => {
    const version = async (id: string) => (await server().gql(`{ node(id: "${id}") { ... on Forum { version } } }`)).data!.node.version;
    const confirm = async (id: string) => {
      const result = await server().gql('mutation($input: NodeVersionInput!) { confirmForum(input: $input) { __typename } }', { input: { id, version: await version(id) } }, { as: server().keys.REDAKTOR });
      expect(result.data!.confirmForum.__typename).toBe('ConfirmForumSuccess');
    };
    const STALE = 'forum:styrgruppen-for-familjecentraler';
    const FRESH = 'forum:natverksgruppen-barn-och-unga';
    await confirm(STALE);
    await confirm(FRESH);
    // A confirmation made long ago: the API only confirms now, so the test moves it back in the store.
    await server().store.write([{ query: 'node/update-node', params: { id: STALE, version: await version(STALE), props: { confirmedAt: '2024-03-01T09:00:00.000Z' } } }]);

    await page().goto(`${server().url}/forum`);
    await waitForGraph(page());
    const due = page().getByRole('table', { name: /^Forum att bekräfta/ });
    const dueRows = await due.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim())));
    expect(dueRows).toEqual([
      ['Beredningsgrupp barn och unga', 'Uppgift saknas', 'Aldrig bekräftad', 'Nu (aldrig bekräftad)'],
      ['Beredningsgrupp för medborgarinflytande', 'Uppgift saknas', 'Aldrig bekräftad', 'Nu (aldrig bekräftad)'],
      ['Styrgrupp mot organiserad brottslighet', 'Uppgift saknas', 'Aldrig bekräftad', 'Nu (aldrig bekräftad)'],
      ['Styrgruppen för familjecentraler', 'Uppgift saknas', '2024-03-01', '2025-03-01'],
    ]);
    await page().getByRole('heading', { name: 'Att bekräfta' }).scrollIntoViewIfNeeded();
    await screenshot(page(), 'forums-due', false);
    await due.getByRole('button', { name: 'Styrgruppen för familjecentraler' }).click();
    await page().locator('aside.panel h3', { hasText: 'Styrgruppen för familjecentraler' }).waitFor();
    expect(await page().locator('aside.panel').textContent()).toContain('Bekräftad för mer än 12 månader sedan');

    await page().getByRole('combobox', { name: 'Bekräftelse' }).selectOption({ label: sv.forums.filters.confirmations.confirmed! });
    await page().waitForFunction(() => document.querySelectorAll('table.matrix tbody tr').length === 1);
    expect((await matrix().locator('tbody tr th').allTextContents()).map((t) => t.trim())).toEqual(['Nätverksgruppen barn och unga']);
    await page().getByText('Inga forum att bekräfta bland dem som visas.').waitFor();
    await page().getByRole('combobox', { name: 'Bekräftelse' }).selectOption({ label: sv.forums.filters.confirmations.due! });
    await page().waitForFunction(() => document.querySelectorAll('table.matrix tbody tr').length === 4);
    expect(new URL(page().url()).searchParams.get('confirmation')).toBe('due');
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
