import { expect, it } from 'vitest';
import { SCREENSHOTS, axeViolations, describeView, screenshot, signIn, signOut, tabTo as tabToText, focusedId, waitForGraph } from '../support/browser.ts';

/*
 * Editing in the web app against the real server: sign-in with an API key in
 * the header, a forum added with two members that shows in the matrix and the
 * network, a stale edit refused with who and when, confirmation, the history
 * panel, and an assessment that moves a collaboration out of "Ej skattad".
 */
describeView('Redigering', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  const FORUM = 'Samverkansgrupp Sjöbo';
  const matrix = () => page().getByRole('table', { name: 'Forum × aktör: roller' });
  const panel = () => page().locator('aside.panel');

  async function selectForum(name: string): Promise<void> {
    await matrix().getByRole('button', { name, exact: true }).click();
    await panel().locator('h3', { hasText: name }).waitFor();
  }

  it('refuses a wrong key at its field, and shows a reader who is signed in but no editing controls', async () => {
    // A missing control fails at once, naming it, rather than at the test's timeout.
    page().setDefaultTimeout(8000);
    await page().goto(`${server().url}/forum`);
    await waitForGraph(page());
    await signIn(page(), 'svk_fel-nyckel');
    const error = page().locator('#sign-in-key-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('okänd eller återkallad API-nyckel');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('sign-in-key');
    expect(await page().getByLabel('API-nyckel').getAttribute('aria-describedby')).toContain('sign-in-key-error');
    expect(await axeViolations(page())).toEqual([]);
    await page().locator('header').screenshot({ path: new URL('sign-in-error.png', SCREENSHOTS).pathname });

    await page().getByLabel('API-nyckel').fill(server().keys.LASARE);
    await page().getByRole('form', { name: 'Inloggning' }).getByRole('button', { name: 'Logga in' }).click();
    await page().getByText('Inloggad som Test LASARE (läsare)').waitFor();
    await selectForum('Beredningsgrupp barn och unga');
    expect(await page().getByRole('button', { name: 'Nytt forum' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Ändra forumet' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Bekräfta uppgifterna' }).count()).toBe(0);
    // A reader may read the audit trail, which names editors.
    await panel().getByRole('heading', { name: 'Ändringshistorik' }).waitFor();
    await signOut(page());
    expect(await panel().getByRole('heading', { name: 'Ändringshistorik' }).count()).toBe(0);
  });

  it('lets an editor add a forum with two members: field errors first, then the forum in the matrix', async () => {
    await signIn(page(), server().keys.REDAKTOR);
    await page().getByText('Inloggad som Test REDAKTOR (redaktör)').waitFor();
    await page().getByRole('button', { name: 'Nytt forum' }).click();
    const form = page().locator('section.editor');
    await form.getByRole('heading', { name: 'Nytt forum' }).waitFor();
    await form.getByRole('button', { name: 'Lägg till medlem' }).click();
    await form.getByRole('button', { name: 'Spara' }).click();
    // Errors at their fields, in a summary, and focus on the first.
    await form.locator('.error-summary').waitFor();
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('forum-form-name');
    expect(await form.locator('#forum-form-name-error').textContent()).toBe('måste anges');
    expect(await form.locator('#forum-form-members-0-actorId-error').textContent()).toBe('välj en aktör');
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'forum-form-errors', false);

    await form.getByRole('textbox', { name: /^Namn/ }).fill(FORUM);
    await form.getByRole('textbox', { name: 'Syfte' }).fill('Samordna insatser för barn och unga i Sjöbo');
    await form.getByRole('combobox', { name: 'Nivå', exact: true }).selectOption({ label: 'Operativ' });
    await form.getByRole('textbox', { name: 'Mötesfrekvens' }).fill('En gång i månaden');
    await form.getByRole('combobox', { name: 'Sammankallande' }).fill('Kulturförvaltningen');
    const first = form.getByRole('group', { name: 'Medlem 1' });
    await first.getByRole('combobox', { name: /^Aktör/ }).fill('KUF');
    await first.getByRole('combobox', { name: /^Roll/ }).selectOption({ label: 'sammankallande' });
    await form.getByRole('button', { name: 'Lägg till medlem' }).click();
    const second = form.getByRole('group', { name: 'Medlem 2' });
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('forum-form-members-1-actorId');
    await second.getByRole('combobox', { name: /^Aktör/ }).fill('Tillväxtverket');
    await form.getByRole('checkbox', { name: /^I Borås ska barn och unga ha tillit till sin egen förmåga/ }).check();
    await form.getByRole('group', { name: 'Målgrupper' }).getByRole('checkbox', { name: 'Barn och unga' }).check();
    // A date the calendar lacks is refused by the server, and its message stands at that member's field.
    await second.getByRole('textbox', { name: 'Från (ÅÅÅÅ-MM-DD)' }).fill('2025-02-30');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.locator('#forum-form-members-1-from-error').waitFor();
    expect(await form.locator('#forum-form-members-1-from-error').textContent()).toBe('finns inte i kalendern');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('forum-form-members-1-from');
    expect(await form.locator('.error-summary').textContent()).toContain('Medlem 2, från (åååå-mm-dd): finns inte i kalendern');
    await second.getByRole('textbox', { name: 'Från (ÅÅÅÅ-MM-DD)' }).fill('2025-02-01');
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'forum-form', false);
    await form.getByRole('button', { name: 'Spara' }).click();

    await panel().locator('h3', { hasText: FORUM }).waitFor();
    await panel().getByText(`Forumet ${FORUM} är sparat.`).waitFor();
    const row = matrix().locator('tbody tr', { hasText: FORUM });
    const columns = await matrix().locator('thead th').allTextContents();
    const cells = row.locator('th, td');
    expect(await cells.nth(columns.indexOf('Kulturförvaltningen')).textContent()).toBe('sammankallande');
    expect(await cells.nth(columns.indexOf('Tillväxtverket')).textContent()).toBe('ledamot');
    expect(await panel().textContent()).toContain('Aldrig bekräftad');
    expect(await panel().textContent()).toContain('Tillväxtverket (ledamot, från 2025-02-01)');
    expect(await panel().locator('dt:text-is("Målgrupper") + dd').textContent()).toBe('Barn och unga');
    const drawn = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      const forum = cy.nodes().filter((n: any) => n.data('label') === 'Samverkansgrupp Sjöbo');
      return forum.connectedEdges().map((e: any) => e.source().id()).sort();
    });
    expect(drawn).toEqual(['actor:kuf', 'actor:tillvaxtverket']);
    await screenshot(page(), 'forum-created');
  });

  it('shows the two members working together in the network, because of the new forum', async () => {
    await page().getByRole('link', { name: 'Nätverk' }).click();
    await waitForGraph(page());
    const relations = page().getByRole('table', { name: 'Relationer mellan aktörerna i grafen' });
    const row = relations.locator('tbody tr', { hasText: FORUM });
    await row.waitFor();
    expect(await row.locator('th').textContent()).toMatch(/Kulturförvaltningen – Tillväxtverket|Tillväxtverket – Kulturförvaltningen/);
    const edge = await page().evaluate(() => {
      const cy = (document.querySelector('.graph') as any).cy;
      return cy.edges().filter((e: any) => [e.source().id(), e.target().id()].sort().join('~') === 'actor:kuf~actor:tillvaxtverket').length;
    });
    expect(edge).toBe(1);
    await row.getByRole('button').click();
    await panel().getByText(FORUM).waitFor();
    await page().locator('.layout').screenshot({ path: new URL('network-new-forum.png', SCREENSHOTS).pathname });
  });

  it('refuses a stale edit, naming who changed the forum and when, and reloads on request', async () => {
    await page().getByRole('navigation').getByRole('link', { name: 'Forum', exact: true }).click();
    await waitForGraph(page());
    await selectForum(FORUM);
    await panel().getByRole('button', { name: 'Ändra forumet' }).click();
    const form = page().locator('section.editor');
    await form.getByRole('heading', { name: `Ändra ${FORUM}` }).waitFor();

    // Another editor saves first.
    const { data } = await server().gql('{ forums(first: 5, filter: { text: "Samverkansgrupp Sjöbo" }) { edges { node { id version } } } }');
    const { id, version } = data!.forums.edges[0].node;
    const other = await server().gql(
      'mutation($input: UpdateForumInput!) { updateForum(input: $input) { __typename } }',
      { input: { id, version, meetingFrequency: 'Varannan vecka' } },
      { as: server().keys.ADMIN },
    );
    expect(other.data!.updateForum.__typename).toBe('UpdateForumSuccess');

    await form.getByRole('textbox', { name: 'Mötesfrekvens' }).fill('Varje vecka');
    await form.getByRole('button', { name: 'Spara' }).click();
    const conflict = form.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Test ADMIN ändrade det \d{4}-\d\d-\d\d \d\d:\d\d.*Ingenting av din ändring sparades/);
    await screenshot(page(), 'forum-conflict', false);
    const stored = await server().gql('query($id: ID!) { node(id: $id) { ... on Forum { meetingFrequency } } }', { id });
    expect(stored.data!.node.meetingFrequency).toBe('Varannan vecka');

    await conflict.getByRole('button', { name: 'Läs in på nytt' }).click();
    await page().waitForFunction(() => (document.getElementById('forum-form-meetingFrequency') as HTMLInputElement | null)?.value === 'Varannan vecka');
    expect(await form.locator('.conflict').count()).toBe(0);
  });

  it('writes nothing of an edit refused at one seat: the purpose, the seats and the målgrupper stay as they were (checked through the API)', async () => {
    const form = page().locator('section.editor');
    const stored = async () => {
      const { data } = await server().gql('{ forums(first: 5, filter: { text: "Samverkansgrupp Sjöbo" }) { edges { node { version purpose targetGroups members { role from actor { id } } } } } }');
      return data!.forums.edges[0].node;
    };
    const before = await stored();
    await form.getByRole('textbox', { name: 'Syfte' }).fill('Ett syfte som inte ska sparas');
    await form.getByRole('group', { name: 'Målgrupper' }).getByRole('checkbox', { name: 'Familjer' }).check();
    await form.getByRole('button', { name: 'Lägg till medlem' }).click();
    const added = form.getByRole('group', { name: 'Medlem 3' });
    await added.getByRole('combobox', { name: /^Aktör/ }).fill('Polisen');
    await added.getByRole('textbox', { name: 'Till (ÅÅÅÅ-MM-DD)' }).fill('2025-13-01');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.locator('#forum-form-members-2-to-error').waitFor();
    expect(await stored()).toEqual(before);
    expect(await form.locator('.error-summary').textContent()).not.toContain('sparades');
    await form.getByRole('button', { name: 'Ta bort Polisen' }).click();
    await form.getByRole('textbox', { name: 'Syfte' }).fill(before.purpose ?? '');
    await form.getByRole('group', { name: 'Målgrupper' }).getByRole('checkbox', { name: 'Familjer' }).uncheck();
  });

  it('changes a member and removes another at the versions read, then confirms the forum and shows its history', async () => {
    const form = page().locator('section.editor');
    await form.getByRole('button', { name: 'Ta bort Kulturförvaltningen' }).click();
    await form.getByRole('group', { name: 'Medlem 1' }).getByRole('combobox', { name: /^Roll/ }).selectOption({ label: 'ordförande' });
    await form.getByRole('button', { name: 'Lägg till medlem' }).click();
    await form.getByRole('group', { name: 'Medlem 2' }).getByRole('combobox', { name: /^Aktör/ }).fill('polisen');
    await form.getByRole('button', { name: 'Spara' }).click();
    await panel().getByText(`Ändringarna i ${FORUM} är sparade.`).waitFor();
    expect(await panel().textContent()).toContain('Tillväxtverket (ordförande, från 2025-02-01)');
    expect(await panel().textContent()).toContain('Polisen (ledamot)');
    expect(await panel().textContent()).not.toContain('Kulturförvaltningen (sammankallande)');

    // Confirming data someone has changed since it was read is refused too, and says so in the panel.
    const { data } = await server().gql('{ forums(first: 5, filter: { text: "Samverkansgrupp Sjöbo" }) { edges { node { id version } } } }');
    const { id, version } = data!.forums.edges[0].node;
    await server().gql('mutation($input: UpdateForumInput!) { updateForum(input: $input) { __typename } }', { input: { id, version, purpose: 'Samordna insatser i Sjöbo' } }, { as: server().keys.ADMIN });
    await panel().getByRole('button', { name: 'Bekräfta uppgifterna' }).click();
    const refused = panel().locator('.notice.problem');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Test ADMIN ändrade det');
    expect(await page().evaluate(() => document.activeElement?.classList.contains('problem'))).toBe(true);
    await refused.getByRole('button', { name: 'Läs in på nytt' }).click();
    await panel().locator('dd', { hasText: 'Samordna insatser i Sjöbo' }).waitFor();

    await panel().getByRole('button', { name: 'Bekräfta uppgifterna' }).click();
    await panel().getByText(`Uppgifterna om ${FORUM} är bekräftade.`).waitFor();
    expect(await panel().textContent()).toMatch(/Bekräftad\s*\d{4}-\d\d-\d\d \d\d:\d\d av Test REDAKTOR/);
    const history = panel().locator('section.history li');
    // Each save is one write: created, two edits by ADMIN, the REDAKTOR's, the confirmation.
    await page().waitForFunction(() => document.querySelectorAll('aside.panel section.history li').length >= 5);
    const lines = await history.allTextContents();
    expect(lines[0]).toContain('Bekräftade uppgifterna');
    expect(lines.some((l) => l.includes('Test REDAKTOR') && l.includes('Ändrade forumet: medlemmar (+ Polisen, − Kulturförvaltningen, ändrad: Tillväxtverket)'))).toBe(true);
    expect(lines.some((l) => l.includes('Test ADMIN') && l.includes('Ändrade forumet: mötesfrekvens'))).toBe(true);
    expect(lines.at(-1)).toContain('Skapade forumet');
    await panel().locator('section.history').scrollIntoViewIfNeeded();
    await panel().screenshot({ path: new URL('forum-history.png', SCREENSHOTS).pathname });
  });

  it('submits an assessment, and the collaboration leaves the ej skattad lane', async () => {
    const COLLABORATION = 'collaboration:socialtjansten-polisen';
    await page().getByRole('link', { name: 'Taxonomi' }).click();
    await waitForGraph(page());
    const column = () => page().evaluate((id) => {
      const cy = (document.querySelector('.graph') as any).cy;
      const columns = new Map(cy.nodes('.heading').not('.call, .group').map((n: any) => [n.position('x'), n.id().replace('heading:', '')]));
      return columns.get(cy.getElementById(id).position('x')) ?? 'none';
    }, COLLABORATION);
    expect(await column()).toBe('unassessed');
    await page().getByRole('table', { name: /Samverkan, nivå/ }).getByRole('button', { name: 'Socialtjänsten och polisen' }).click();
    await panel().getByRole('button', { name: 'Skatta med enkäten' }).click();
    const form = page().locator('section.editor');
    await form.getByRole('heading', { name: 'Skattning av Socialtjänsten och polisen' }).waitFor();
    await form.getByRole('button', { name: 'Skicka skattningen' }).click();
    await form.locator('.error-summary').waitFor();
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('assessment-form-responses-0-respondent');
    expect(await axeViolations(page())).toEqual([]);

    const respondent = form.getByRole('group', { name: 'Svarande 1' });
    await respondent.getByRole('textbox', { name: /^Namn eller pseudonym/ }).fill('Anna');
    await respondent.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: 'Polisen' });
    // Every item answered at 3, by keyboard-reachable radio buttons.
    for (const item of ['a1', 'a2', 'b1', 'b2', 'c1', 'c2']) await form.locator(`#assessment-form-responses-0-${item}-3`).check();
    await respondent.getByRole('combobox', { name: 'Målnivå för A' }).selectOption('4');
    await form.getByRole('checkbox').first().check();
    await screenshot(page(), 'assessment-form', false);
    await form.getByRole('button', { name: 'Skicka skattningen' }).click();
    await panel().getByText('Skattningen av Socialtjänsten och polisen är sparad: Samverkan.').waitFor();
    expect(await column()).toBe('SAMVERKAN');
    await screenshot(page(), 'assessment-saved');

    // The lane's call to assess, as a button: a collaboration never assessed, with participants to ask.
    await page().getByRole('button', { name: 'Skatta nästa ej skattade' }).click();
    const heading = form.getByRole('heading', { name: /^Skattning av / });
    await heading.waitFor();
    const next = (await heading.textContent())!.replace('Skattning av ', '');
    expect(next).not.toBe('Socialtjänsten och polisen');
    expect(await page().getByRole('table', { name: /Samverkan, nivå/ }).locator('tbody tr', { hasText: next }).first().textContent()).toContain('Ej skattad');
    expect(await form.getByRole('combobox', { name: /^Organisation/ }).locator('option').count()).toBeGreaterThan(1);
    await form.getByRole('button', { name: 'Avbryt' }).click();
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Skatta med enkäten');
  });

  it('places a collaboration directly, with its level and grounds; one without participants is offered no survey', async () => {
    await page().getByRole('table', { name: /Samverkan, nivå/ }).getByRole('button', { name: 'Gemensam KAA-enhet' }).click();
    await panel().getByText(/^Enkäten besvaras av deltagarna/).waitFor();
    expect(await panel().getByRole('button', { name: 'Skatta med enkäten' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Placera direkt' }).count()).toBe(1);

    await page().getByRole('table', { name: /Samverkan, nivå/ }).getByRole('button', { name: 'Skolan som arena' }).click();
    await panel().getByRole('button', { name: 'Placera direkt' }).click();
    const form = page().locator('section.editor');
    await form.getByRole('button', { name: 'Spara placeringen' }).click();
    await form.locator('.error-summary').waitFor();
    expect(await form.locator('#assessment-form-note-error').textContent()).toBe('måste anges');
    expect(await axeViolations(page())).toEqual([]);
    await form.getByRole('radio', { name: '2. Samordnat' }).check();
    await form.getByRole('textbox', { name: /^Grund för placeringen/ }).fill('Bedömt av beredningsgruppen');
    await screenshot(page(), 'placement-form', false);
    await form.getByRole('button', { name: 'Spara placeringen' }).click();
    await panel().getByText('Skattningen av Skolan som arena är sparad: Samordnat.').waitFor();
    // The history is read again after the write.
    await panel().locator('section.history li', { hasText: 'Placerade direkt på taxonomin' }).waitFor();
  });

  it('can be used by keyboard alone: sign in, add a forum with two members, save', async () => {
    await suite.openLink(`${server().url}/forum`, async (p) => {
      await waitForGraph(p);
      const tabTo = (text: string) => tabToText(p, text);
      const focused = () => focusedId(p);
      await tabTo('Logga in');
      await p.keyboard.press('Enter');
      expect(await focused()).toBe('sign-in-key');
      await p.keyboard.type(server().keys.REDAKTOR);
      await p.keyboard.press('Enter');
      await p.getByText('Inloggad som Test REDAKTOR (redaktör)').waitFor();
      await tabTo('Nytt forum');
      await p.keyboard.press('Enter');
      // The form's choices (actors, goals) are read first, then focus moves to its heading.
      await p.waitForFunction(() => document.activeElement?.id === 'editor-heading');
      await p.keyboard.press('Tab');
      expect(await focused()).toBe('forum-form-name');
      await p.keyboard.type('Tangentbordsforum');
      for (const [n, actor] of [[0, 'Polisen'], [1, 'Vuxenutbildningen']] as const) {
        await tabTo('Lägg till medlem');
        await p.keyboard.press('Enter');
        expect(await focused()).toBe(`forum-form-members-${n}-actorId`);
        await p.keyboard.type(actor);
      }
      await tabTo('Spara');
      await p.keyboard.press('Enter');
      await p.locator('aside.panel h3', { hasText: 'Tangentbordsforum' }).waitFor();
      expect(await p.locator('aside.panel').textContent()).toMatch(/Polisen \(ledamot\)[\s\S]*Vuxenutbildningen \(ledamot\)/);
    });
  });

  it('deletes a forum after asking once more, and it leaves the matrix', async () => {
    await page().getByRole('navigation').getByRole('link', { name: 'Forum', exact: true }).click();
    await waitForGraph(page());
    await selectForum('Tangentbordsforum');
    await panel().getByRole('button', { name: 'Ändra forumet' }).click();
    const form = page().locator('section.editor');
    await form.getByRole('button', { name: 'Ta bort forumet' }).click();
    const ask = form.getByRole('group', { name: /^Vill du ta bort Tangentbordsforum/ });
    await ask.waitFor();
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Ja, ta bort forumet');
    expect(await axeViolations(page())).toEqual([]);
    await ask.getByRole('button', { name: 'Ja, ta bort forumet' }).click();
    await page().locator('#main').getByText('Forumet Tangentbordsforum är borttaget.').waitFor();
    expect(await matrix().locator('tbody tr', { hasText: 'Tangentbordsforum' }).count()).toBe(0);
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Nytt forum');
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
