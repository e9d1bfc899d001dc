import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeView, screenshot, signIn, waitForGraph } from '../support/browser.ts';

/*
 * The forms for every domain type, as a REDAKTOR uses them against the real
 * server: each created, edited, refused with its field errors and deleted,
 * every save one mutation (what it wrote checked through the API), axe-clean.
 */
describeView('Formulär', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  const panel = () => page().locator('aside.panel');
  const form = () => page().locator('section.editor');
  const read = async (query: string, variables: Record<string, unknown> = {}) => (await server().gql(query, variables)).data!;
  const actorByName = async (name: string) => (await read('query($t: String) { actors(first: 5, filter: { text: $t }) { edges { node { id name shortName kind version partOf { id } } } } }', { t: name })).actors.edges.map((e: any) => e.node).find((a: any) => a.name === name);

  async function open(p: Page, path: string): Promise<void> {
    await p.goto(`${server().url}${path}`);
    await waitForGraph(p);
  }

  it('adds an actor from the Nätverk view: field errors first, a likely duplicate named, then the actor in the graph', async () => {
    page().setDefaultTimeout(8000);
    await open(page(), '/');
    await signIn(page(), server().keys.REDAKTOR);
    await page().getByText('Inloggad som Test REDAKTOR (redaktör)').waitFor();
    await page().getByRole('button', { name: 'Ny aktör' }).click();
    await form().getByRole('heading', { name: 'Ny aktör' }).waitFor();
    await form().getByRole('button', { name: 'Spara' }).click();
    await form().locator('.error-summary').waitFor();
    expect(await form().locator('#actor-form-name-error').textContent()).toBe('måste anges');
    expect(await form().locator('#actor-form-kind-error').textContent()).toBe('välj en aktörstyp');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('actor-form-name');

    await form().getByRole('textbox', { name: /^Namn/ }).fill('Arbetslivsforvaltningen');
    expect(await form().locator('.duplicate-warning').textContent()).toMatch(/Menade du\s+Arbetslivsförvaltningen \(ALF\)\s*\?\s*Den finns redan\./);
    await form().getByRole('textbox', { name: /^Namn/ }).fill('Sjöbo fritidsförening');
    expect(await form().locator('.duplicate-warning').count()).toBe(0);
    await form().getByRole('textbox', { name: 'Kortnamn' }).fill('SFF');
    await form().getByRole('combobox', { name: /^Aktörstyp/ }).selectOption({ label: 'Civilsamhälle' });
    const partOf = form().getByRole('group', { name: 'Del av' });
    await partOf.getByRole('combobox', { name: 'Lägg till organisation' }).fill('Civilsamhället');
    await partOf.getByRole('combobox', { name: 'Lägg till organisation' }).press('Enter');
    await partOf.getByRole('button', { name: 'Ta bort Civilsamhället' }).waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'actor-form', false);
    await form().getByRole('button', { name: 'Spara' }).click();

    await panel().getByText('Aktören Sjöbo fritidsförening är sparad.').waitFor();
    expect(await panel().textContent()).toContain('Civilsamhälle · Civilsamhälle · SFF');
    expect(await panel().textContent()).toContain('Del av: Civilsamhället');
    const stored = await actorByName('Sjöbo fritidsförening');
    expect(stored).toMatchObject({ shortName: 'SFF', kind: 'CIVILSAMHALLE', partOf: [{ id: 'actor:civilsamhallet' }] });
    expect(await page().evaluate((id) => (document.querySelector('.graph') as any).cy.getElementById(id).nonempty(), stored.id)).toBe(true);
  });

  it('edits the actor at the version read, and a save over someone else\'s names who and writes nothing', async () => {
    await panel().getByRole('button', { name: 'Ändra aktören' }).click();
    await form().getByRole('heading', { name: 'Ändra Sjöbo fritidsförening' }).waitFor();
    const before = await actorByName('Sjöbo fritidsförening');
    const other = await server().gql('mutation($input: UpdateActorInput!) { updateActor(input: $input) { __typename } }', { input: { id: before.id, version: before.version, shortName: 'SjFF' } }, { as: server().keys.ADMIN });
    expect(other.data!.updateActor.__typename).toBe('UpdateActorSuccess');
    await form().getByRole('textbox', { name: /^Namn/ }).fill('Sjöbo fritidsförening och fritidsgård');
    await form().getByRole('button', { name: 'Spara' }).click();
    await form().locator('.conflict').waitFor();
    expect(await form().locator('.conflict').textContent()).toMatch(/Test ADMIN ändrade det .*Ingenting av din ändring sparades/);
    expect(await actorByName('Sjöbo fritidsförening')).toMatchObject({ shortName: 'SjFF' });

    await form().locator('.conflict').getByRole('button', { name: 'Läs in på nytt' }).click();
    await page().waitForFunction(() => (document.getElementById('actor-form-shortName') as HTMLInputElement | null)?.value === 'SjFF');
    await form().getByRole('textbox', { name: /^Namn/ }).fill('Sjöbo fritidsförening och fritidsgård');
    await form().getByRole('group', { name: 'Del av' }).getByRole('button', { name: 'Ta bort Civilsamhället' }).click();
    await form().getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Ändringarna i Sjöbo fritidsförening och fritidsgård är sparade.').waitFor();
    expect(await actorByName('Sjöbo fritidsförening och fritidsgård')).toMatchObject({ shortName: 'SjFF', partOf: [] });
  });

  it('deletes the actor after saying what it takes along, and it leaves the graph', async () => {
    const { id } = await actorByName('Sjöbo fritidsförening och fritidsgård');
    await panel().getByRole('button', { name: 'Ändra aktören' }).click();
    await form().getByRole('button', { name: 'Ta bort aktören' }).click();
    const ask = form().getByRole('group', { name: /^Vill du ta bort Sjöbo fritidsförening och fritidsgård\?/ });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Det tar bort aktören.');
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Ja, ta bort aktören');
    await ask.getByRole('button', { name: 'Ja, ta bort aktören' }).click();
    await page().locator('#main').getByText('Aktören Sjöbo fritidsförening och fritidsgård är borttagen.').waitFor();
    expect(await read('query($id: ID!) { node(id: $id) { id } }', { id })).toEqual({ node: null });
    expect(await page().evaluate((actor) => (document.querySelector('.graph') as any).cy.getElementById(actor).empty(), id)).toBe(true);
  });

  it('adds a new actor from the member picker of a forum, where the text names no actor, and seats it', async () => {
    await page().getByRole('link', { name: 'Forum' }).click();
    await waitForGraph(page());
    await page().getByRole('table', { name: 'Forum × aktör: roller' }).getByRole('button', { name: 'Nätverksgruppen barn och unga' }).click();
    await panel().getByRole('button', { name: 'Ändra forumet' }).click();
    await form().getByRole('button', { name: 'Lägg till medlem' }).click();
    const seat = form().getByRole('group', { name: 'Medlem 1' });
    const picker = seat.getByRole('combobox', { name: /^Aktör/ });
    // A near miss is offered first: the actor it likely means.
    await picker.fill('Arbetslivsförvaltning');
    expect(await seat.locator('.picker-miss').textContent()).toMatch(/Menade du\s+Arbetslivsförvaltningen \(ALF\)\s*\?/);
    await picker.fill('Fritidsgården Norrby');
    await seat.getByText('Ingen aktör heter ”Fritidsgården Norrby”.').waitFor();
    await seat.getByRole('button', { name: 'Ny aktör …' }).click();
    const inline = seat.getByRole('group', { name: 'Ny aktör' });
    expect(await page().evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Fritidsgården Norrby');
    await inline.getByRole('button', { name: 'Skapa aktören' }).click();
    expect(await inline.locator('[id$="new-actor-kind-error"]').textContent()).toBe('välj en aktörstyp');
    await inline.getByRole('combobox', { name: /^Aktörstyp/ }).selectOption({ label: 'Civilsamhälle' });
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'member-picker-new-actor', false);
    await inline.getByRole('button', { name: 'Skapa aktören' }).click();
    await inline.waitFor({ state: 'detached' });
    expect(await picker.inputValue()).toBe('Fritidsgården Norrby');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('forum-form-members-0-actorId');
    await form().getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Ändringarna i Nätverksgruppen barn och unga är sparade.').waitFor();
    expect(await panel().textContent()).toContain('Fritidsgården Norrby (ledamot)');
    const created = await actorByName('Fritidsgården Norrby');
    expect(created).toMatchObject({ kind: 'CIVILSAMHALLE' });
    const { node } = await read('query($id: ID!) { node(id: $id) { ... on Forum { members { actor { id } } } } }', { id: 'forum:natverksgruppen-barn-och-unga' });
    expect(node.members.map((m: any) => m.actor.id)).toEqual([created.id]);
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
