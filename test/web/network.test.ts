import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, nodePosition, waitForGraph } from '../support/browser.ts';
import { idOf, readSeedData } from '../../seed/load.ts';

const GOD_START = 'target-area:god-start-i-livet';
const seed = readSeedData();
const godStartGoals = new Set(seed.goals.filter((g) => idOf(g.targetArea) === GOD_START).map((g) => g.id));
/** The activities that serve a goal of God start i livet, by name, as the seed documents give them. */
const godStartActivities = new Set(seed.activities.filter((a) => a.goals.some((g) => godStartGoals.has(idOf(g)))).map((a) => a.name));
const ACTIVITY_HEADING = 'Delat ansvar för aktiviteter';

describeView('Nätverk', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  const nodeCount = () => page().evaluate(() => (document.querySelector('.graph') as any).cy.nodes().length as number);

  it('draws the seeded actors and their relations, with tables of the same actors and relations', async () => {
    await page().goto(`${server().url}/`);
    await waitForGraph(page());
    const { data } = await server().gql('{ actors(first: 500) { totalCount } workingRelations(first: 500) { totalCount } }');
    expect(await nodeCount()).toBe(data!.actors.totalCount);
    expect(await page().getByRole('table', { name: 'Aktörerna i grafen', exact: true }).locator('tbody tr').count()).toBe(data!.actors.totalCount);
    expect(await page().getByRole('table', { name: 'Relationer mellan aktörerna i grafen' }).locator('tbody tr').count()).toBe(data!.workingRelations.totalCount);
    await screenshot(page(), 'network');
  });

  it("shows an actor's shared forums and partners when the actor is clicked, and puts it in the URL", async () => {
    const { x, y } = await nodePosition(page(), 'actor:ska');
    await page().mouse.click(x, y);
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Stadsledningskansliet' }).waitFor();
    await panel.locator('dl.shared').first().waitFor();
    expect(await panel.textContent()).toContain('Beredningsgrupp barn och unga');
    expect(await panel.textContent()).toContain('Delat ansvar för aktiviteter');
    expect(new URL(page().url()).searchParams.get('actor')).toBe('actor:ska');
    await screenshot(page(), 'network-actor', false);
  });

  it('shows why two actors work together when their relation is chosen in the table', async () => {
    await page().getByRole('table', { name: 'Relationer mellan aktörerna i grafen' }).getByRole('button').first().click();
    const panel = page().locator('aside.panel');
    await panel.locator('dt', { hasText: 'Delat ansvar för aktiviteter' }).waitFor();
    expect(new URL(page().url()).searchParams.get('relation')).toContain('~');
  });

  it('with God start i livet chosen, shows only shared activities that serve its goals, in the table, the relation panel and the actor panel', async () => {
    await page().goto(`${server().url}/?targetArea=${encodeURIComponent(GOD_START)}`);
    await waitForGraph(page());
    const { data } = await server().gql(`{ workingRelations(first: 500, filter: { targetArea: "${GOD_START}" }) { totalCount nodes { actors { id } sharedOutsideFilter } } }`);
    const relations = page().getByRole('table', { name: 'Relationer mellan aktörerna i grafen' });
    expect(await relations.locator('tbody tr').count()).toBe(data!.workingRelations.totalCount);
    expect(await page().evaluate(() => (document.querySelector('.graph') as any).cy.edges().length)).toBe(data!.workingRelations.totalCount);
    const reasons = (await relations.locator('tbody tr td:last-child').allTextContents()).flatMap((cell) => cell.split('; '));
    const activityReasons = reasons.filter((r) => r.startsWith('Delar ansvar för: ')).map((r) => r.slice('Delar ansvar för: '.length));
    expect(activityReasons.length).toBeGreaterThan(0);
    for (const name of activityReasons) expect(godStartActivities.has(name), name).toBe(true);

    // The activities a panel lists under "Delat ansvar för aktiviteter".
    const panelActivities = () => page().evaluate((heading) => [...document.querySelectorAll('aside.panel dl.shared')].flatMap((dl) => {
      const names: string[] = [];
      let under = false;
      for (const child of dl.children) {
        if (child.tagName === 'DT') under = child.textContent === heading;
        else if (under) names.push(child.textContent ?? '');
      }
      return names;
    }), ACTIVITY_HEADING);
    await relations.getByRole('button').first().click();
    const panel = page().locator('aside.panel');
    await panel.locator('dl.shared').first().waitFor();
    const relationId = new URL(page().url()).searchParams.get('relation')!;
    const chosen = data!.workingRelations.nodes.find((r: any) => r.actors.map((a: any) => a.id).join('~') === relationId);
    for (const name of await panelActivities()) expect(godStartActivities.has(name), name).toBe(true);
    if (chosen.sharedOutsideFilter > 0) await panel.locator('.outside-filter', { hasText: `${chosen.sharedOutsideFilter} gemensam` }).waitFor();
    else expect(await panel.locator('.outside-filter').count()).toBe(0);

    // The strongest relation's first actor: it has partners inside the filter and, on the Borås graph, outside it too.
    const actorId = data!.workingRelations.nodes[0].actors[0].id;
    const { data: actor } = await server().gql(`{ node(id: "${actorId}") { ... on Actor { name all: workingRelations { strength } inside: workingRelations(filter: { targetArea: "${GOD_START}" }) { sharedOutsideFilter } } } }`);
    await page().goto(`${server().url}/?targetArea=${encodeURIComponent(GOD_START)}&actor=${encodeURIComponent(actorId)}`);
    await panel.locator('h3', { hasText: actor!.node.name }).waitFor();
    await panel.locator('ul.partners').waitFor();
    const names = await panelActivities();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(godStartActivities.has(name), name).toBe(true);
    const hidden = actor!.node.all.length - actor!.node.inside.length;
    if (hidden > 0) await panel.locator('.outside-filter', { hasText: `${hidden} samarbetspartner utanför filtret` }).waitFor();
    const leftOut = actor!.node.inside.filter((r: any) => r.sharedOutsideFilter > 0).length;
    expect(await panel.locator('ul.partners .outside-filter').count()).toBe(leftOut);
    await screenshot(page(), 'network-target-area', false);

    // Stadsledningskansliet shares nothing on God start i livet: its partners are all left out, and the panel says how many.
    const { data: ska } = await server().gql(`{ node(id: "actor:ska") { ... on Actor { all: workingRelations { strength } inside: workingRelations(filter: { targetArea: "${GOD_START}" }) { strength } } } }`);
    expect(ska!.node.all.length).toBeGreaterThan(ska!.node.inside.length);
    await page().goto(`${server().url}/?targetArea=${encodeURIComponent(GOD_START)}&actor=actor%3Aska`);
    await panel.locator('.outside-filter', { hasText: `${ska!.node.all.length - ska!.node.inside.length} samarbetspartner utanför filtret visas inte` }).waitFor();
    await page().goto(`${server().url}/`);
    await waitForGraph(page());
  });

  it('filters by sector on the server and searches by name', async () => {
    await page().selectOption('#f-sector', 'STAT');
    await page().waitForFunction(() => new URL(location.href).searchParams.get('sector') === 'STAT');
    await waitForGraph(page());
    const { data } = await server().gql('{ actors(first: 500, filter: { sectors: [STAT] }) { totalCount } }');
    expect(await nodeCount()).toBe(data!.actors.totalCount);
    await page().fill('#f-search', 'polis');
    await page().waitForFunction(() => (document.querySelector('.graph') as any).cy.nodes('.match').length === 1);
    await page().press('#f-search', 'Enter');
    await page().locator('aside.panel h3', { hasText: 'Polisen' }).waitFor();
  });

  it('restores filters, search, neighbourhood and selection from a copied URL', async () => {
    await page().selectOption('#f-depth', '2');
    const copied = page().url();
    expect(copied).toMatch(/sector=STAT.*q=polis|q=polis.*sector=STAT/);
    await suite.openLink(copied, async (other) => {
      await waitForGraph(other);
      await other.locator('aside.panel h3', { hasText: 'Polisen' }).waitFor();
      expect(await other.inputValue('#f-sector')).toBe('STAT');
      expect(await other.inputValue('#f-search')).toBe('polis');
      expect(await other.inputValue('#f-depth')).toBe('2');
      const state = await other.evaluate(() => {
        const cy = (document.querySelector('.graph') as any).cy;
        return { nodes: cy.nodes().length, selected: cy.$(':selected').map((n: any) => n.id()) };
      });
      expect(state).toEqual({ nodes: await nodeCount(), selected: ['actor:polisen'] });
    });
  });

  it('moves the selection between actors with the arrow keys', async () => {
    await page().goto(`${server().url}/?actor=actor%3Aska`);
    await waitForGraph(page());
    await page().locator('aside.panel h3', { hasText: 'Stadsledningskansliet' }).waitFor();
    await page().focus('.graph');
    await page().keyboard.press('ArrowRight');
    await page().waitForFunction(() => new URL(location.href).searchParams.get('actor') !== 'actor:ska');
    await page().keyboard.press('Escape');
    await page().waitForFunction(() => !new URL(location.href).searchParams.has('actor'));
  });

  it('exports the table as CSV', async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: /CSV: Aktörerna/ }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFAktör;Sektor;Aktörstyp;Antal relationer');
    expect(text).toContain('Stadsledningskansliet;Kommun;Förvaltning;');
  });

  it('says so when no actor matches the filters, and when the server cannot be reached', async () => {
    await page().goto(`${server().url}/?sector=AKADEMI`);
    await page().locator('p.status[data-state="empty"]', { hasText: 'Inget matchar filtren' }).waitFor();
    await page().route('**/graphql', (route) => route.fulfill({ status: 503, body: 'Tjänsten är nere' }));
    await page().goto(`${server().url}/`);
    await page().locator('p.status[data-state="error"]', { hasText: 'Kunde inte hämta data: HTTP 503' }).waitFor();
    await page().unroute('**/graphql');
    await page().goto(`${server().url}/`);
    await waitForGraph(page());
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error, with an actor open in the panel', async () => {
    await page().goto(`${server().url}/?actor=actor%3Aska&q=ska`);
    await page().locator('aside.panel dl.shared').first().waitFor();
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
