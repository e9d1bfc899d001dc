import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeView, focusedId, screenshot, signIn, tabTo, waitForGraph } from '../support/browser.ts';

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
    await page().getByRole('navigation').getByRole('link', { name: 'Forum', exact: true }).click();
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

  const collaboration = async (name: string) => {
    const { collaborations } = await read('query($t: String) { collaborations(first: 5, filter: { text: $t }) { edges { node { id name type targetLevel version participations { role actor { id } } forums { id } activities { id } } } } }', { t: name });
    return collaborations.edges.map((e: any) => e.node).find((c: any) => c.name === name);
  };

  it('adds a samverkan in Taxonomi with participants and their roles, forums, activities and a target level', async () => {
    await page().getByRole('link', { name: 'Taxonomi' }).click();
    await waitForGraph(page());
    await page().getByRole('button', { name: 'Ny samverkan' }).click();
    await form().getByRole('heading', { name: 'Ny samverkan' }).waitFor();
    await form().getByRole('button', { name: 'Lägg till deltagare' }).click();
    await form().getByRole('button', { name: 'Spara' }).click();
    expect(await form().locator('#collaboration-form-name-error').textContent()).toBe('måste anges');
    expect(await form().locator('#collaboration-form-participants-0-actorId-error').textContent()).toBe('välj en aktör');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('collaboration-form-name');

    await form().getByRole('textbox', { name: /^Namn/ }).fill('Trygg i Sjöbo');
    await form().getByRole('combobox', { name: 'Samverkansform' }).selectOption({ label: 'Över förvaltningsgränser' });
    await form().getByRole('combobox', { name: /^Målnivå/ }).selectOption({ label: 'Integrerat' });
    const first = form().getByRole('group', { name: 'Deltagare 1' });
    await first.getByRole('combobox', { name: /^Aktör/ }).fill('Polisen');
    await first.getByRole('textbox', { name: /^Roll/ }).fill('ansvarig');
    await form().getByRole('button', { name: 'Lägg till deltagare' }).click();
    await form().getByRole('group', { name: 'Deltagare 2' }).getByRole('combobox', { name: /^Aktör/ }).fill('FOF');
    await form().getByRole('group', { name: 'Genom forum' }).getByRole('checkbox', { name: 'Styrgrupp mot organiserad brottslighet' }).check();
    await form().getByRole('group', { name: 'Om aktiviteter' }).getByRole('checkbox', { name: 'Upprustning – kortsiktiga åtgärder' }).check();
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'collaboration-form', false);
    await form().getByRole('button', { name: 'Spara' }).click();

    await panel().getByText('Samverkan Trygg i Sjöbo är sparad.').waitFor();
    expect(await panel().textContent()).toContain('Ej skattad');
    expect(await panel().textContent()).toMatch(/Målnivå\s*Integrerat/);
    const stored = await collaboration('Trygg i Sjöbo');
    expect(stored).toMatchObject({ type: 'OVER_FORVALTNINGSGRANSER', targetLevel: 'INTEGRERAT', forums: [{ id: 'forum:styrgrupp-mot-organiserad-brottslighet' }], activities: [{ id: 'activity:norrby-05-upprustning' }] });
    expect(stored.participations.map((p: any) => [p.actor.id, p.role]).sort()).toEqual([['actor:fof', null], ['actor:polisen', 'ansvarig']]);
  });

  it('writes nothing of a samverkan edit refused at one participant, then saves it whole', async () => {
    await panel().getByRole('button', { name: 'Ändra samverkan' }).click();
    await form().getByRole('heading', { name: 'Ändra Trygg i Sjöbo' }).waitFor();
    const before = await collaboration('Trygg i Sjöbo');
    await form().getByRole('combobox', { name: /^Målnivå/ }).selectOption({ label: 'Samverkan' });
    await form().getByRole('group', { name: 'Deltagare 2' }).getByRole('textbox', { name: /^Roll/ }).fill('r'.repeat(201));
    await form().getByRole('button', { name: 'Spara' }).click();
    await form().locator('#collaboration-form-participants-1-role-error').waitFor();
    expect(await form().locator('.error-summary').textContent()).toContain('Deltagare 2, roll: får vara högst 200 tecken');
    expect(await collaboration('Trygg i Sjöbo')).toEqual(before);

    // The participants as read: FOF first, then Polisen with the refused role.
    expect(await form().getByRole('group', { name: 'Deltagare 1' }).getByRole('combobox', { name: /^Aktör/ }).inputValue()).toBe('Fritids- och folkhälsoförvaltningen (FOF)');
    await form().getByRole('group', { name: 'Deltagare 1' }).getByRole('textbox', { name: /^Roll/ }).fill('part');
    await form().getByRole('button', { name: 'Ta bort Polisen' }).click();
    await form().getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Ändringarna i Trygg i Sjöbo är sparade.').waitFor();
    const after = await collaboration('Trygg i Sjöbo');
    expect(after).toMatchObject({ targetLevel: 'SAMVERKAN', version: before.version + 1 });
    expect(after.participations.map((p: any) => [p.actor.id, p.role])).toEqual([['actor:fof', 'part']]);
  });

  it('deletes the samverkan after saying what it takes along', async () => {
    await panel().getByRole('button', { name: 'Ändra samverkan' }).click();
    await form().getByRole('button', { name: 'Ta bort samverkan' }).click();
    const ask = form().getByRole('group', { name: /^Vill du ta bort Trygg i Sjöbo\?/ });
    expect(await ask.textContent()).toContain('Det tar bort samverkan och dess 1 deltagare, 1 koppling till forum och 1 koppling till aktivitet.');
    await ask.getByRole('button', { name: 'Ja, ta bort samverkan' }).click();
    await page().locator('#main').getByText('Samverkan Trygg i Sjöbo är borttagen.').waitFor();
    expect(await collaboration('Trygg i Sjöbo')).toBeUndefined();
    expect(await page().getByRole('table', { name: /Samverkan, nivå/ }).locator('tbody tr', { hasText: 'Trygg i Sjöbo' }).count()).toBe(0);
  });

  const documentByTitle = async (title: string) => {
    const { policyDocuments } = await read('query($t: String) { policyDocuments(first: 5, filter: { text: $t }) { edges { node { id title type adopted validUntil version owner { id } } } } }', { t: title });
    return policyDocuments.edges.map((e: any) => e.node).find((d: any) => d.title === title);
  };
  const governs = async (id: string) => {
    const { node } = await read('query($id: ID!) { node(id: $id) { ... on Goal { policyDocuments { id } } } }', { id: 'goal:ingen-hemlos' });
    const { forum } = await read('{ forum: node(id: "forum:styrgrupp-mot-organiserad-brottslighet") { ... on Forum { policyDocuments { id } } } }');
    return { goal: node.policyDocuments.some((d: any) => d.id === id), forum: forum.policyDocuments.some((d: any) => d.id === id) };
  };

  it('adds a styrdokument with its owner, dates and what it governs; a date the server refuses writes nothing', async () => {
    await page().goto(`${server().url}/styrdokument`);
    await page().getByRole('table', { name: 'Styrdokumenten och vad de styr' }).waitFor();
    expect(await page().getByRole('table', { name: 'Styrdokumenten och vad de styr' }).locator('tbody tr', { hasText: 'Borås 2025' }).textContent()).toContain('Styr inget i kartan');
    await page().getByRole('button', { name: 'Nytt styrdokument' }).click();
    await form().getByRole('heading', { name: 'Nytt styrdokument' }).waitFor();
    await form().getByRole('button', { name: 'Spara' }).click();
    expect(await form().locator('#document-form-title-error').textContent()).toBe('måste anges');

    await form().getByRole('textbox', { name: /^Titel/ }).fill('Bostadsförsörjningsprogram');
    await form().getByRole('combobox', { name: 'Typ' }).selectOption({ label: 'Program' });
    await form().getByRole('combobox', { name: 'Ägare' }).fill('Kommunstyrelsen');
    await form().getByRole('textbox', { name: 'Antagen' }).fill('2024-13');
    await form().getByRole('textbox', { name: 'Giltig till' }).fill('2030');
    await form().getByRole('group', { name: 'Effektmål i Boende och närmiljö' }).getByRole('checkbox', { name: 'I Borås ska ingen vara hemlös' }).check();
    await form().getByRole('group', { name: 'Forum', exact: true }).getByRole('checkbox', { name: 'Styrgrupp mot organiserad brottslighet' }).check();
    await form().getByRole('button', { name: 'Spara' }).click();
    await form().locator('#document-form-adopted-error').waitFor();
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('document-form-adopted');
    expect(await documentByTitle('Bostadsförsörjningsprogram')).toBeUndefined();

    await form().getByRole('textbox', { name: 'Antagen' }).fill('2024-03');
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'document-form', false);
    await form().getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Styrdokumentet Bostadsförsörjningsprogram är sparat.').waitFor();
    expect(await panel().textContent()).toContain('I Borås ska ingen vara hemlös');
    const stored = await documentByTitle('Bostadsförsörjningsprogram');
    expect(stored).toMatchObject({ type: 'program', adopted: '2024-03', validUntil: '2030', owner: { id: 'actor:kommunstyrelsen' } });
    expect(await governs(stored.id)).toEqual({ goal: true, forum: true });
    expect(new URL(page().url()).searchParams.get('document')).toBe(stored.id);
  });

  it('edits what the styrdokument governs in the same one save, and deletes it after saying what it takes along', async () => {
    await panel().getByRole('button', { name: 'Ändra styrdokumentet' }).click();
    await form().getByRole('group', { name: 'Forum', exact: true }).getByRole('checkbox', { name: 'Styrgrupp mot organiserad brottslighet' }).uncheck();
    await form().getByRole('textbox', { name: 'Giltig till' }).fill('2032');
    await form().getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Ändringarna i Bostadsförsörjningsprogram är sparade.').waitFor();
    const stored = await documentByTitle('Bostadsförsörjningsprogram');
    expect(stored.validUntil).toBe('2032');
    expect(await governs(stored.id)).toEqual({ goal: true, forum: false });

    await panel().getByRole('button', { name: 'Ändra styrdokumentet' }).click();
    await form().getByRole('button', { name: 'Ta bort styrdokumentet' }).click();
    const ask = form().getByRole('group', { name: /^Vill du ta bort Bostadsförsörjningsprogram\?/ });
    expect(await ask.textContent()).toContain('Det tar bort styrdokumentet och dess 1 koppling till det som styrs och 1 koppling till ägaren.');
    await ask.getByRole('button', { name: 'Ja, ta bort styrdokumentet' }).click();
    await page().locator('#main').getByText('Styrdokumentet Bostadsförsörjningsprogram är borttaget.').waitFor();
    expect(await documentByTitle('Bostadsförsörjningsprogram')).toBeUndefined();
    expect(await governs(stored.id)).toEqual({ goal: false, forum: false });
  });

  it('filters the styrdokument by text and type, in the URL', async () => {
    await page().getByRole('combobox', { name: 'Typ' }).selectOption({ label: 'Vision' });
    const rows = page().getByRole('table', { name: 'Styrdokumenten och vad de styr' }).locator('tbody tr');
    expect((await rows.locator('th').allTextContents()).map((t) => t.trim())).toEqual(['Borås 2025', 'Visionen om framtidens Borås']);
    expect(new URL(page().url()).searchParams.get('type')).toBe('vision');
    await page().getByRole('searchbox', { name: 'Sök styrdokument' }).fill('framtidens');
    await page().waitForFunction(() => document.querySelectorAll('.finding-list tbody tr').length === 1);
    await page().getByRole('button', { name: 'Rensa filter' }).click();
    expect(new URL(page().url()).search).toBe('');
  });

  it('adds an actor by keyboard alone in Nätverk: Tab to the button, type the fields, Enter to save', async () => {
    await suite.openLink(`${server().url}/`, async (p) => {
      await waitForGraph(p);
      await tabTo(p, 'Logga in');
      await p.keyboard.press('Enter');
      await p.keyboard.type(server().keys.REDAKTOR);
      await p.keyboard.press('Enter');
      await p.getByText('Inloggad som Test REDAKTOR (redaktör)').waitFor();
      await tabTo(p, 'Ny aktör');
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => document.activeElement?.id === 'editor-heading');
      await p.keyboard.press('Tab');
      expect(await focusedId(p)).toBe('actor-form-name');
      await p.keyboard.type('Tangentbordsföreningen');
      await p.keyboard.press('Tab');
      await p.keyboard.type('TBF');
      await p.keyboard.press('Tab');
      expect(await focusedId(p)).toBe('actor-form-kind');
      await p.keyboard.type('Civil');
      await p.keyboard.press('Tab');
      expect(await focusedId(p)).toBe('actor-form-partOfIds');
      await p.keyboard.type('Civilsamhället');
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: 'Ta bort Civilsamhället' }).waitFor();
      expect(await focusedId(p)).toBe('actor-form-partOfIds');
      await p.keyboard.press('Enter');
      await p.locator('aside.panel').getByText('Aktören Tangentbordsföreningen är sparad.').waitFor();
      expect(await actorByName('Tangentbordsföreningen')).toMatchObject({ shortName: 'TBF', kind: 'CIVILSAMHALLE', partOf: [{ id: 'actor:civilsamhallet' }] });
    });
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
