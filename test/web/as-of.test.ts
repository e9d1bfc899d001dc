import { beforeAll, expect, it } from 'vitest';
import { axeViolations, describeView, screenshot, signIn, signOut, waitForGraph } from '../support/browser.ts';
import { daysFromToday, today } from '../../server/domain/days.ts';

/*
 * The header's day in Chromium: a story written through the API with dates
 * relative to today (one forum started last month, one ended last month, a
 * collaboration placed twice), then the views read a year back and today.
 */

const daysAgo = (n: number) => daysFromToday(-n);
const YESTERDAY = daysAgo(1);
const LAST_MONTH = daysAgo(30);
const LAST_YEAR = daysAgo(365);
const TWO_YEARS_AGO = daysAgo(730);

describeView('Kartan per dag', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  const names = { one: 'Tidsaktör Ett', two: 'Tidsaktör Två', three: 'Tidsaktör Tre', four: 'Tidsaktör Fyra' };
  const forums = { started: 'Tidsforum som startade', ended: 'Tidsforum som avslutades' };
  const COLLABORATION = 'Tidssamverkan';
  let collaborationId = '';

  async function write(query: string, input: Record<string, unknown>): Promise<any> {
    const response = await server().gql(query, { input }, { as: server().keys.REDAKTOR });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = Object.values(response.data!)[0] as { __typename: string };
    expect(result.__typename, JSON.stringify(result)).toMatch(/Success$/);
    return result;
  }
  const actor = async (name: string) =>
    (await write('mutation($input: CreateActorInput!) { createActor(input: $input) { __typename ... on CreateActorSuccess { actor { id } } } }', { name, kind: 'FORVALTNING' })).actor.id as string;
  const forum = async (input: Record<string, unknown>) =>
    (await write('mutation($input: CreateForumInput!) { createForum(input: $input) { __typename ... on CreateForumSuccess { forum { id version } } } }', input)).forum as { id: string; version: number };
  const seats = (...ids: string[]) => ids.map((actorId) => ({ actorId, role: 'LEDAMOT' }));

  beforeAll(async () => {
    const [one, two, three, four] = [await actor(names.one), await actor(names.two), await actor(names.three), await actor(names.four)];
    await forum({ name: forums.started, validFrom: LAST_MONTH, members: seats(one, two) });
    const ended = await forum({ name: forums.ended, validFrom: TWO_YEARS_AGO, members: seats(three, four) });
    await write('mutation($input: EndInput!) { endForum(input: $input) { __typename } }', { id: ended.id, version: ended.version, date: LAST_MONTH });
    collaborationId = (await write('mutation($input: CreateCollaborationInput!) { createCollaboration(input: $input) { __typename ... on CreateCollaborationSuccess { collaboration { id } } } }', { name: COLLABORATION })).collaboration.id;
    const place = (date: string, level: string) =>
      write('mutation($input: PlaceCollaborationInput!) { placeCollaboration(input: $input) { __typename } }', { collaborationId, date, level, note: `Placerad ${date}` });
    await place(daysAgo(400), 'INTEGRERAT');
    await place(LAST_MONTH, 'SAMORDNAT');
  });

  const matrixRows = async () => (await page().getByRole('table', { name: 'Forum × aktör: roller' }).locator('tbody tr th').allTextContents()).map((t) => t.trim());
  const relationRows = async () => (await page().getByRole('table', { name: 'Relationer mellan aktörerna i grafen' }).locator('tbody tr th').allTextContents()).map((t) => t.trim());
  const dayField = () => page().getByLabel('Kartan per');

  it('moves the date back a year: the forum matrix, the network and the taxonomy as they were then, kept in the URL', async () => {
    page().setDefaultTimeout(8000);
    await page().goto(`${server().url}/forum`);
    await waitForGraph(page());
    expect(await matrixRows()).toContain(forums.started);
    expect(await matrixRows()).not.toContain(forums.ended);
    expect(await dayField().inputValue()).toBe(today());

    await dayField().fill(LAST_YEAR);
    await page().waitForFunction((name) => [...document.querySelectorAll('table.matrix tbody tr th')].some((th) => th.textContent?.trim() === name), forums.ended);
    expect(await matrixRows()).not.toContain(forums.started);
    expect(new URL(page().url()).searchParams.get('datum')).toBe(LAST_YEAR);
    expect(await page().locator('.as-of-note').textContent()).toContain(LAST_YEAR);

    // Another view keeps the day: the network as it was, the relation of the ended forum's members there.
    await page().getByRole('link', { name: 'Nätverk' }).click();
    await waitForGraph(page());
    expect(new URL(page().url()).searchParams.get('datum')).toBe(LAST_YEAR);
    const then = await relationRows();
    expect(then.some((r) => r.includes(names.three) && r.includes(names.four))).toBe(true);
    expect(then.some((r) => r.includes(names.one) && r.includes(names.two))).toBe(false);

    await page().getByRole('link', { name: 'Taxonomi' }).click();
    await waitForGraph(page());
    const column = () =>
      page().evaluate((id) => {
        const cy = (document.querySelector('.graph') as any).cy;
        const x = cy.getElementById(id).position('x');
        return cy.nodes('.heading').not('.call, .group').filter((n: any) => n.position('x') === x).map((n: any) => n.id())[0];
      }, collaborationId);
    expect(await column()).toBe('heading:INTEGRERAT');
    await screenshot(page(), 'as-of-taxonomy-last-year');

    // A shared link shows the same day.
    await suite.openLink(page().url(), async (other) => {
      await waitForGraph(other);
      expect(await other.getByLabel('Kartan per').inputValue()).toBe(LAST_YEAR);
    });

    await page().getByRole('button', { name: 'I dag' }).click();
    await waitForGraph(page());
    expect(new URL(page().url()).searchParams.get('datum')).toBeNull();
    expect(await column()).toBe('heading:SAMORDNAT');
    // Its timeline: both placements, the step down to Samordnat marked as drift to the left.
    await page().getByRole('button', { name: COLLABORATION, exact: true }).first().click();
    const steps = page().locator('aside.panel ol.timeline li');
    await steps.first().waitFor();
    expect((await steps.allTextContents()).map((t) => t.trim())).toEqual([`${daysAgo(400)}: Integrerat`, `${LAST_MONTH}: Samordnat ← åt vänster`]);
    expect(await page().locator('aside.panel ol.timeline li.leftward').count()).toBe(1);
  });

  it('Jämför in Nätverk marks what was added and removed since a year ago, with the list beside the graph', async () => {
    await page().goto(`${server().url}/`);
    await waitForGraph(page());
    await page().getByRole('checkbox', { name: 'Jämför' }).check();
    await page().getByRole('heading', { name: /^Ändringar från/ }).waitFor();
    expect(new URL(page().url()).searchParams.get('jamfor')).toBe(LAST_YEAR);
    const marks = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      const label = (e: any) => (e.isNode() ? e.data('name') : [e.source().data('name'), e.target().data('name')].sort().join(' – '));
      return { added: cy.elements('.added').map(label).sort(), removed: cy.elements('.removed').map(label).sort() };
    });
    // A relation's two actors come in id order: compared as a pair.
    const pair = (a: string, b: string) => [a, b].sort().join(' – ');
    const pairs = (texts: string[]) => texts.map((t) => pair(...(t.trim().split(' – ') as [string, string])));
    expect(marks.added).toEqual([pair(names.one, names.two)]);
    expect(marks.removed).toEqual([pair(names.three, names.four)]);
    const panel = page().locator('aside.panel');
    expect(pairs(await panel.locator('ul.change-list.added li').allTextContents())).toEqual([pair(names.one, names.two)]);
    expect(pairs(await panel.locator('ul.change-list.removed li').allTextContents())).toEqual([pair(names.three, names.four)]);
    const changes = await panel.locator('ul.changes li').allTextContents();
    expect(changes).toContain(`Forumet ”${forums.started}” startade.`);
    expect(changes).toContain(`Forumet ”${forums.ended}” avslutades.`);
    expect(changes).toContain(`”${COLLABORATION}” gick från nivå 4 till nivå 2.`);
    expect((await page().locator('.legend').allTextContents()).join(' ')).toContain('Tillkommit sedan jämförelsedagen');
    await screenshot(page(), 'network-compare');
    expect(await axeViolations(page())).toEqual([]);
  });

  // Last: it ends the forum the comparison above counts as added.
  it('Avsluta ends a forum on a day: gone from today\'s matrix, still there as of the day before, and no editing on that day', async () => {
    await page().goto(`${server().url}/forum`);
    await waitForGraph(page());
    await signIn(page(), server().keys.REDAKTOR);
    await page().getByRole('button', { name: 'Nytt forum' }).waitFor();
    await page().getByRole('table', { name: 'Forum × aktör: roller' }).getByRole('button', { name: forums.started }).click();
    const panel = page().locator('aside.panel');
    expect(await panel.textContent()).toContain(`från ${LAST_MONTH}`);
    await panel.getByLabel('Sista dag').fill(YESTERDAY);
    await panel.getByRole('button', { name: 'Avsluta forumet' }).click();
    await page().locator('p.notice', { hasText: `${forums.started} avslutades ${YESTERDAY}. Det finns kvar på kartan för dagarna före.` }).waitFor();
    expect(await matrixRows()).not.toContain(forums.started);
    // The audit trail has it as an end, not a delete.
    const { data } = await server().gql(`{ forums(filter: { text: "${forums.started}" }, asOf: "${YESTERDAY}") { nodes { id validTo } } }`);
    expect(data!.forums.nodes[0].validTo).toBe(YESTERDAY);
    const trail = await server().gql(`{ changes(nodeId: "${data!.forums.nodes[0].id}", first: 1) { nodes { operation } } }`, {}, { as: server().keys.LASARE });
    expect(trail.data!.changes.nodes[0].operation).toBe('endForum');

    await dayField().fill(YESTERDAY);
    await page().waitForFunction((name) => [...document.querySelectorAll('table.matrix tbody tr th')].some((th) => th.textContent?.trim() === name), forums.started);
    expect(await page().getByRole('button', { name: 'Nytt forum' }).count()).toBe(0);
    await page().getByRole('button', { name: 'I dag' }).click();
    await page().getByRole('button', { name: 'Nytt forum' }).waitFor();
    await signOut(page());
    expect(suite.errors).toEqual([]);
  });
});
