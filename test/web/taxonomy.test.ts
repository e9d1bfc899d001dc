import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadDemo } from '../../seed/demo.ts';
import { BADGES } from '../../web/graph/legend.ts';
import { SCREENSHOTS, axeViolations, describeView, screenshot, waitForGraph } from '../support/browser.ts';

describeView('Taxonomi', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;

  /** For each collaboration, the column its card stands in, by the key of that column's heading. */
  async function columnsOf(ids: string[]): Promise<[string, string][]> {
    return page().evaluate((wanted) => {
      const cy = (document.querySelector('.graph') as any).cy;
      const columns = new Map(cy.nodes('.heading').not('.call, .group').map((n: any) => [n.position('x'), n.id().replace('heading:', '')]));
      return wanted.map((id) => [id, columns.get(cy.getElementById(id).position('x')) ?? 'none'] as [string, string]);
    }, ids);
  }

  /** Each collaboration's placement as the API gives it. */
  async function placements(): Promise<{ id: string; level: string | null; drift: boolean; below: boolean; demo: boolean }[]> {
    const { data } = await server().gql('{ taxonomy { collaborations { level driftFlagged belowTarget isDemo collaboration { id } } } }');
    return data!.taxonomy.collaborations.map((p: any) => ({ id: p.collaboration.id, level: p.level, drift: p.driftFlagged, below: p.belowTarget, demo: p.isDemo }));
  }

  it('stands every collaboration in the ej skattad lane while none is assessed, as in the Borås documents', async () => {
    await page().goto(`${server().url}/taxonomi`);
    await waitForGraph(page());
    const expected = await placements();
    expect(expected.every((p) => p.level === null)).toBe(true);
    expect(await columnsOf(expected.map((p) => p.id))).toEqual(expected.map((p) => [p.id, 'unassessed']));
  });

  it('places collaborations in the column of their level, marks drift and below-target, and says which data is invented', async () => {
    await loadDemo(server().store);
    await page().reload();
    await waitForGraph(page());
    const expected = await placements();
    expect(expected.some((p) => p.level !== null)).toBe(true);
    expect(await columnsOf(expected.map((p) => p.id))).toEqual(expected.map((p) => [p.id, p.level ?? 'unassessed']));
    const marked = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      return { drift: cy.nodes('.drift').map((n: any) => n.id()).sort(), below: cy.nodes('.below').map((n: any) => n.id()).sort() };
    });
    expect(marked).toEqual({ drift: expected.filter((p) => p.drift).map((p) => p.id).sort(), below: expected.filter((p) => p.below).map((p) => p.id).sort() });
    expect(await page().locator('.notice').first().textContent()).toContain('påhittade exempeldata');
    expect(await page().getByRole('table', { name: /Samverkan, nivå/ }).locator('tbody tr').count()).toBe(expected.length);
    await screenshot(page(), 'taxonomy');
  });

  it('gives each mark its own badge, so one below target that drifts shows both; invented data is a tag, not a line of text; no text under 11 px', async () => {
    const expected = await placements();
    // The Borås demo has collaborations both below target and drifting: the case where one mark used to hide the other.
    expect(expected.some((p) => p.below && p.drift)).toBe(true);
    const drawn = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      const labelled = cy.nodes().filter((n: any) => n.style('label') && n.style('label').trim() !== '');
      return {
        badges: Object.fromEntries(cy.nodes('.collaboration').map((n: any) => [n.id(), cy.nodes(`.badge[owner = "${n.id()}"]`).map((b: any) => b.data('label')).sort()])),
        demoTags: cy.nodes('.demo-tag').map((n: any) => n.data('owner')).sort(),
        cardLabels: cy.nodes('.collaboration').map((n: any) => n.data('label')),
        // Rendered size: the style's font size times the zoom of the first drawing.
        smallestText: Math.min(...labelled.map((n: any) => parseFloat(n.style('font-size')) * cy.zoom())),
      };
    });
    const glyphs = (p: (typeof expected)[number]) =>
      [p.level === null ? BADGES.unassessed.glyph : null, p.below ? BADGES.below.glyph : null, p.drift ? BADGES.drift.glyph : null].filter((g) => g !== null).sort();
    expect(drawn.badges).toEqual(Object.fromEntries(expected.map((p) => [p.id, glyphs(p)])));
    expect(drawn.demoTags).toEqual(expected.filter((p) => p.demo).map((p) => p.id).sort());
    expect(drawn.cardLabels.filter((l: string) => l.includes('påhittade'))).toEqual([]);
    expect(drawn.smallestText).toBeGreaterThanOrEqual(11);
    // The legend beside the graph names every badge.
    const legend = await page().locator('.graph-tools .legend').allTextContents();
    for (const word of ['Ej skattad', 'Under målnivån', 'Drift åt vänster', 'exempel']) expect(legend.join(' ')).toContain(word);
    // The SVG export carries the badges, the tags and the legend that explains them.
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: /vektorbild \(SVG\)/ }).click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    for (const text of [BADGES.below.glyph, BADGES.drift.glyph, BADGES.unassessed.glyph, '>exempel<', '>Under målnivån<', '>Drift åt vänster<', 'Källa: Samverkanskartan, Socialt hållbart Borås']) expect(svg).toContain(text);
  });

  it('shows a collaboration with its history when it is chosen, and the call to assess one never assessed', async () => {
    await page().getByRole('button', { name: 'Socialtjänsten och polisen' }).click();
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: 'Socialtjänsten och polisen' }).waitFor();
    expect(await panel.locator('ol li').count()).toBeGreaterThan(1);
    await screenshot(page(), 'taxonomy-selected', false);
    await page().getByRole('button', { name: 'Socialtjänsten och näringslivet i centrala Borås' }).click();
    await panel.locator('h3', { hasText: 'Socialtjänsten och näringslivet' }).waitFor();
    expect(await panel.textContent()).toContain('aldrig skattats');
    await page().getByRole('button', { name: 'Skolan som arena' }).click();
    expect(new URL(page().url()).searchParams.get('collaboration')).toBe('collaboration:skolan-som-arena');
    // A surveyed collaboration shows its A/B/C profile, and where its organisations see it differently.
    const profile = panel.getByRole('table', { name: 'Profil per skikt (senaste enkäten)' });
    expect(await profile.locator('tbody tr').count()).toBe(3);
    expect(await panel.textContent()).toContain('Olika bilder hos organisationerna');
    await panel.screenshot({ path: new URL('taxonomy-panel.png', SCREENSHOTS).pathname });
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

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
