import { expect, it } from 'vitest';
import { axeViolations, describeView, nodePosition, screenshot, waitForGraph } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { generateGraph } from '../../seed/generate.ts';
import { loadInBatches } from '../../seed/load.ts';
import { AGGREGATE_ABOVE } from '../../web/graph/aggregate.ts';

/*
 * Nätverk over the generated graph of Sweden's size (290 municipalities, 4940
 * actors, far more than AGGREGATE_ABOVE): it opens in groups. Measured on a
 * shared 2-core machine, generating and loading it and the whole file take
 * under 30 s, so the screenshots are of the national graph itself.
 */
const MUNICIPALITIES = 290;
const data = generateGraph({ municipalities: MUNICIPALITIES });

describeView(
  'Nätverk för ett stort nätverk',
  (suite) => {
    const page = () => suite.page;
    type Cy = import('cytoscape').Core;
    const graph = <T>(fn: (cy: Cy) => T) => page().evaluate(`(${fn.toString()})(document.querySelector('.graph').cy)`) as Promise<T>;

    it('opens in municipalities with their counts, joined by edges weighed by their summed strength', async () => {
      expect(data.actors.length).toBeGreaterThan(AGGREGATE_ABOVE);
      // Every text the status line shows on the way, however briefly.
      await page().addInitScript(() => {
        const seen: string[] = ((window as any).statusTexts = []);
        new MutationObserver(() => {
          const text = document.querySelector('p.status[role="status"]')?.textContent ?? '';
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      // The layout runs in a web worker (web/graph/layout-worker.ts), under the app's own CSP.
      const workers: string[] = [];
      page().on('worker', (worker) => workers.push(worker.url()));
      await page().goto(`${suite.server.url}/`);
      await waitForGraph(page());
      expect(await page().evaluate(() => (window as any).statusTexts)).toEqual(['Hämtar relationer …', 'Beräknar layout …']);
      expect(workers).toEqual([expect.stringMatching(/\/assets\/layout-worker-[\w-]+\.js$/)]);
      // On the grid they are first drawn on the groups share a few rows; laid out, most stand at a y of their own.
      const ys = await graph((cy) => cy.nodes().map((n) => Math.round(n.position('y'))));
      expect(new Set(ys).size).toBeGreaterThan(ys.length / 2);
      const { data: answer } = await suite.server.gql('{ workingRelationSummary { groups { id name actorCount } groupRelations { source } } }');
      const groups = answer!.workingRelationSummary.groups;
      // One group per municipality, and one for the regions and state agencies they share.
      expect(groups.length).toBe(MUNICIPALITIES + 1);
      const drawn = await graph((cy) => ({
        groups: cy.nodes('[type = "Group"]').map((n) => ({ id: n.id(), label: n.data('label') as string })),
        actors: cy.nodes('[type = "Actor"]').length,
        edges: cy.edges().length,
      }));
      expect(drawn.actors).toBe(0);
      expect(drawn.edges).toBe(answer!.workingRelationSummary.groupRelations.length);
      const kommun1 = groups.find((g: any) => g.name === 'Kommun 1');
      expect(drawn.groups.find((g) => g.id === kommun1.id)!.label).toBe(`Kommun 1\n${kommun1.actorCount} aktörer`);
      expect(kommun1.actorCount).toBe(data.actors.filter((a) => /\(kommun 1\)$|^Kommun 1$/.test(a.name)).length);
      expect(await page().getByRole('table', { name: 'Grupperna i grafen' }).locator('tbody tr').count()).toBe(groups.length);
      await screenshot(page(), 'network-national-aggregated');
    });

    it("opens a municipality into its actors when it is clicked, keeping the rest in groups", async () => {
      const { data: answer } = await suite.server.gql('{ workingRelationSummary(expand: ["actor:m4"]) { groups { id name expanded members { actor { id } } } relations { actors { id } } } }');
      const opened = answer!.workingRelationSummary.groups.find((g: any) => g.expanded);
      expect(opened.name).toBe('Kommun 5');
      const { x, y } = await nodePosition(page(), opened.id);
      await page().mouse.click(x, y);
      await page().waitForFunction((id) => (document.querySelector('.graph') as any).cy.getElementById(id).isParent(), opened.id);
      await waitForGraph(page());
      const members = await graph((cy) => cy.nodes('[type = "Group"][?expanded]').children().map((n) => n.id()).sort());
      expect(members).toEqual(opened.members.map((m: any) => m.actor.id).sort());
      expect(await graph((cy) => cy.nodes('[type = "Group"][!expanded]').length)).toBe(MUNICIPALITIES);
      expect(await graph((cy) => cy.edges().filter((e) => e.source().isChild() && e.target().isChild()).length)).toBe(answer!.workingRelationSummary.relations.length);
      expect(new URL(page().url()).searchParams.get('oppna')).toBe(opened.id);
      await page().locator('aside.panel h3', { hasText: 'Kommun 5' }).waitFor();
      await screenshot(page(), 'network-national-expanded');
    });

    it('jumps to an actor found by the search, opening its municipality', async () => {
      await page().fill('#f-search', 'Förening 2 (kommun 17)');
      await page().locator('.search-hits button', { hasText: 'Förening 2 (kommun 17)' }).waitFor();
      await page().press('#f-search', 'Enter');
      await page().locator('aside.panel h3', { hasText: 'Förening 2 (kommun 17)' }).waitFor();
      const found = await graph((cy) => {
        const actor = cy.nodes('[name = "Förening 2 (kommun 17)"]')[0]!;
        return { parent: actor.parent().data('name') as string, selected: actor.selected(), match: actor.hasClass('match') };
      });
      expect(found).toEqual({ parent: 'Kommun 17', selected: true, match: true });
      expect(new URL(page().url()).searchParams.get('actor')).toBe('actor:m16-c1');
      // Kommun 5 stays open beside it.
      expect(await graph((cy) => cy.nodes('[type = "Group"][?expanded]').map((n) => n.data('name') as string).sort())).toEqual(['Kommun 17', 'Kommun 5']);
    });

    it('restores the opened groups and the selected actor from a copied link', async () => {
      await suite.openLink(page().url(), async (other) => {
        await waitForGraph(other);
        await other.locator('aside.panel h3', { hasText: 'Förening 2 (kommun 17)' }).waitFor();
        expect(await other.evaluate(() => (document.querySelector('.graph') as any).cy.nodes('[type = "Group"][?expanded]').length)).toBe(2);
      });
    });

    it('moves between nodes by keyboard without opening the groups on the way; the panel opens one', async () => {
      const opened = () => graph((cy) => cy.nodes('[type = "Group"][?expanded]').length);
      const before = await opened();
      await page().locator('.graph').focus();
      for (let i = 0; i < 6; i++) await page().keyboard.press('ArrowRight');
      expect(await opened()).toBe(before);
      const selected = await graph((cy) => cy.nodes(':selected').map((n) => n.id()));
      expect(selected).toHaveLength(1);
      // Chosen in the table, a group is selected, not opened, until its panel's button opens it.
      await page().getByRole('table', { name: 'Grupperna i grafen' }).getByRole('button', { name: 'Kommun 30', exact: true }).click();
      await page().locator('aside.panel h3', { hasText: 'Kommun 30' }).waitFor();
      expect(await opened()).toBe(before);
      await page().locator('aside.panel').getByRole('button', { name: 'Öppna gruppen' }).click();
      await page().locator('aside.panel').getByRole('button', { name: 'Stäng gruppen' }).waitFor();
      expect(await opened()).toBe(before + 1);
      expect(await axeViolations(page())).toEqual([]);
      expect(suite.errors).toEqual([]);
    });
  },
  {
    start: async () => {
      const server = await startTestServer({ seed: false });
      await loadInBatches(server.store, data);
      return server;
    },
  },
);
