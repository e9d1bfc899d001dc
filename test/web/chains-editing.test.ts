import { expect, it } from 'vitest';
import { axeViolations, describeView, focusedId, screenshot, signIn, waitForGraph } from '../support/browser.ts';

/*
 * The effektkedjor edited as a table, cell by cell, by a REDAKTOR: an
 * activity given two responsible actors, Tid, Resurser and an effektmål, seen
 * in Effektkedjor, in Nätverk and gone from the findings of empty cells; rows added, refused, undone, stale and deleted; effektmål
 * created, moved and deleted. What each save wrote is read back through the API.
 */
describeView('Effektkedjor att redigera', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  const BOENDE = 'target-area:boende-och-narmiljo';
  const ACTIVITY = 'activity:boende-04-kompensatorisk-overenskommelse';
  const NAME = 'Ta fram förslag på kompensatorisk överenskommelse';
  const HOMELESS = 'I Borås ska ingen vara hemlös';
  const row = (key: string) => page().locator(`tr[data-key="${key}"]`);
  const cell = (key: string, col: string) => `#chain-${key.replace(/[^a-z0-9-]/gi, '-')}-${col}`;
  const panel = () => page().locator('aside.panel');
  const read = async (query: string, variables: Record<string, unknown> = {}) => (await server().gql(query, variables)).data!;
  const activity = async (id: string) =>
    (await read('query($id: ID!) { node(id: $id) { ... on Activity { name version period resources output responsible { id } goals { id } } } }', { id })).node;
  const emptyCells = async (id: string) =>
    ((await read('{ gaps(filter: { rules: ["activity-empty-cells"] }) { findings { subjectIds parts { key } } } }')).gaps.findings.find((f: any) => f.subjectIds[0] === id)?.parts ?? []).map((p: any) => p.key);

  it('opens the table of a målområde for an editor, one row per activity, and it passes axe', async () => {
    page().setDefaultTimeout(8000);
    await page().goto(`${server().url}/effektkedjor?targetArea=${BOENDE}`);
    await waitForGraph(page());
    expect(await page().getByRole('button', { name: /^Redigera effektkedjorna/ }).count()).toBe(0);
    await signIn(page(), server().keys.REDAKTOR);
    await page().getByRole('button', { name: 'Redigera effektkedjorna i Boende och närmiljö' }).click();
    await page().getByRole('heading', { name: 'Redigera effektkedjorna i Boende och närmiljö' }).waitFor();
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('chain-editor-heading');
    expect(await page().locator('table.edit-table tbody tr[data-key]').count()).toBe(5);
    expect(await page().inputValue(cell(ACTIVITY, 'name'))).toBe(NAME);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('gives an activity two responsible actors, Tid, Resurser and an effektmål in one save, by keyboard: Tab across, Enter saves and goes down', async () => {
    expect(await emptyCells(ACTIVITY)).toEqual(expect.arrayContaining(['period', 'resources']));
    const before = await activity(ACTIVITY);

    // Tab walks the row, cell by cell: Aktivitet, Prestation, Kortsiktig effekt, each effektmål's "Ta bort", then its list to add one.
    await page().focus(cell(ACTIVITY, 'name'));
    await page().keyboard.press('Tab');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'output').slice(1));
    await page().keyboard.press('Tab');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'shortTermEffect').slice(1));
    await page().keyboard.press('Tab');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Ta bort I Borås ska/);
    for (let i = 0; i < 6 && (await focusedId(page())) !== cell(ACTIVITY, 'goalIds').slice(1); i++) await page().keyboard.press('Tab');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'goalIds').slice(1));
    await page().selectOption(cell(ACTIVITY, 'goalIds'), { label: HOMELESS });
    await row(ACTIVITY).getByRole('button', { name: `Ta bort ${HOMELESS}` }).waitFor();
    await page().focus(cell(ACTIVITY, 'responsibleIds'));
    await page().keyboard.type('Socialtjänsten');
    await page().keyboard.press('Enter');
    await row(ACTIVITY).getByRole('button', { name: 'Ta bort Socialtjänsten' }).waitFor();
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'responsibleIds').slice(1));
    await page().keyboard.press('Tab');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'period').slice(1));
    await page().keyboard.type('2025–2027');
    await page().keyboard.press('Tab');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'resources').slice(1));
    await page().keyboard.type('0,5 årsarbetare och 200 000 kr');
    expect(await row(ACTIVITY).locator('.row-status').textContent()).toBe('Ändrad, inte sparad');
    expect(await axeViolations(page())).toEqual([]);
    await page().locator('.chain-editor').screenshot({ path: new URL('chain-table-editing.png', new URL('../web/screenshots/', import.meta.url)).pathname });
    await page().keyboard.press('Enter');

    // Saved, and focus is on the same cell one row down.
    await row(ACTIVITY).locator('.row-status', { hasText: 'Sparad' }).waitFor();
    const keys = await page().locator('table.edit-table tbody tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(await focusedId(page())).toBe(cell(keys[keys.indexOf(ACTIVITY) + 1]!, 'resources').slice(1));
    const after = await activity(ACTIVITY);
    expect(after.version).toBe(before.version + 1);
    expect(after).toMatchObject({ period: '2025–2027', resources: '0,5 årsarbetare och 200 000 kr' });
    expect(after.responsible.map((a: any) => a.id).sort()).toEqual(['actor:ska', 'actor:socialtjansten']);
    expect(after.goals.map((g: any) => g.id)).toContain('goal:ingen-hemlos');
    expect(await emptyCells(ACTIVITY)).toEqual([]);

    // Shift+Enter goes back up.
    await page().keyboard.press('Shift+Enter');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'resources').slice(1));
  });

  it('shows the saved row in the Effektkedjor graph and table: the goal nobody worked for has an activity now', async () => {
    const graph = await page().evaluate((id) => {
      const cy = (document.querySelector('.graph') as any).cy;
      return { responsible: cy.getElementById(`${id}/responsible`).data('label').split(', ').sort(), homeless: cy.getElementById('goal:ingen-hemlos').hasClass('orphan'), edge: cy.getElementById(`${id}/effect>goal:ingen-hemlos`).nonempty() };
    }, ACTIVITY);
    // The Ansvar cell also keeps what its document names besides actors (responsibleOthers), which the row does not edit.
    expect(graph).toEqual({ responsible: ['SKA', 'Socialtjänsten', 'samtliga förvaltningar & bolag'], homeless: false, edge: true });
    const table = page().getByRole('table', { name: 'Effektkedjor i Boende och närmiljö' });
    const line = table.locator('tbody tr', { hasText: HOMELESS }).filter({ hasText: NAME });
    const cells = (await line.locator('td').allTextContents()).map((t) => t.trim());
    expect(cells[0]).toBe(NAME);
    // The card has room for short names; the table spells them out.
    expect(cells[1]!.split(', ').sort()).toEqual(['Stadsledningskansliet', 'Socialtjänsten', 'samtliga förvaltningar & bolag'].sort());
    // Tid and Resurser, then Koppling: empty, as the link an editor entered is not read into a document.
    expect(cells.slice(-3)).toEqual(['2025–2027', '0,5 årsarbetare och 200 000 kr', '']);
    await line.getByRole('button').click();
    await panel().locator('h3', { hasText: NAME }).waitFor();
    expect(await panel().locator('dt:text-is("Tid") + dd').textContent()).toBe('2025–2027');
    await screenshot(page(), 'chains-edited');
  });

  it('shows the two responsible actors working together in Nätverk, and the activity gone from the empty cells in Luckor', async () => {
    await page().getByRole('link', { name: 'Nätverk' }).click();
    await waitForGraph(page());
    const relation = page().getByRole('table', { name: 'Relationer mellan aktörerna i grafen' }).locator('tbody tr', { hasText: NAME });
    await relation.first().waitFor();
    expect(await relation.first().locator('th').textContent()).toMatch(/Stadsledningskansliet – Socialtjänsten|Socialtjänsten – Stadsledningskansliet/);

    await page().goto(`${server().url}/luckor?rule=activity-empty-cells`);
    const findings = page().getByRole('table', { name: 'Fynd' });
    await findings.locator('tbody tr').first().waitFor();
    expect(await findings.textContent()).not.toContain(NAME);
  });

  it('refuses a row at its cells and writes none of it: a missing name before the request, a Tid too long from the server', async () => {
    await page().goto(`${server().url}/effektkedjor?targetArea=${BOENDE}`);
    await waitForGraph(page());
    await page().getByRole('button', { name: 'Redigera effektkedjorna i Boende och närmiljö' }).click();
    const before = await activity(ACTIVITY);
    await page().fill(cell(ACTIVITY, 'name'), '');
    await page().press(cell(ACTIVITY, 'name'), 'Enter');
    await page().locator(`${cell(ACTIVITY, 'name')}-error`).waitFor();
    expect(await page().locator(`${cell(ACTIVITY, 'name')}-error`).textContent()).toBe('måste anges');
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'name').slice(1));
    await page().fill(cell(ACTIVITY, 'name'), NAME);

    // A valid change of Ansvar and output, and a Tid the server refuses: nothing of it lands.
    await page().fill(cell(ACTIVITY, 'responsibleIds'), 'AB Bostäder');
    await page().press(cell(ACTIVITY, 'responsibleIds'), 'Enter');
    await page().fill(cell(ACTIVITY, 'output'), 'Ett förslag till överenskommelse');
    await page().fill(cell(ACTIVITY, 'period'), 'x'.repeat(201));
    await page().press(cell(ACTIVITY, 'output'), 'Enter');
    await page().locator(`${cell(ACTIVITY, 'period')}-error`).waitFor();
    expect(await focusedId(page())).toBe(cell(ACTIVITY, 'period').slice(1));
    expect(await page().locator('.row-problem .error-summary').textContent()).toContain(`Tid, ${NAME}`);
    expect(await activity(ACTIVITY)).toEqual(before);
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'chain-row-refused', false);

    // Esc undoes the row.
    await page().keyboard.press('Escape');
    expect(await page().inputValue(cell(ACTIVITY, 'period'))).toBe('2025–2027');
    expect(await row(ACTIVITY).getByRole('button', { name: 'Ta bort AB Bostäder i Borås (AB Bostäder)' }).count()).toBe(0);
  });

  it('refuses a row saved over someone else\'s change, naming who, and reads it again on request', async () => {
    const before = await activity(ACTIVITY);
    const other = await server().gql('mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { __typename } }', { input: { id: ACTIVITY, version: before.version, output: 'Ändrat av någon annan' } }, { as: server().keys.ADMIN });
    expect(other.data!.updateActivity.__typename).toBe('UpdateActivitySuccess');
    await page().fill(cell(ACTIVITY, 'resources'), '1 årsarbetare');
    await page().press(cell(ACTIVITY, 'resources'), 'Enter');
    const conflict = page().locator('.row-problem .conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Test ADMIN ändrade det .*Ingenting av din ändring sparades/);
    expect((await activity(ACTIVITY)).resources).toBe('0,5 årsarbetare och 200 000 kr');
    await conflict.getByRole('button', { name: 'Läs in på nytt' }).click();
    await page().waitForFunction((id) => (document.querySelector(id) as HTMLInputElement | null)?.value === 'Ändrat av någon annan', cell(ACTIVITY, 'output'));
    expect(await page().inputValue(cell(ACTIVITY, 'resources'))).toBe('0,5 årsarbetare och 200 000 kr');
  });

  it('adds a row with its details, and deletes it after saying what it takes along', async () => {
    await page().getByRole('button', { name: 'Ny rad' }).click();
    const key = await page().locator('table.edit-table tbody tr[data-key^="new-"]').getAttribute('data-key');
    expect(await focusedId(page())).toBe(cell(key!, 'name').slice(1));
    await page().keyboard.type('Bostad först');
    await page().fill(cell(key!, 'responsibleIds'), 'Socialtjänsten');
    await page().press(cell(key!, 'responsibleIds'), 'Enter');
    await row(key!).getByRole('button', { name: 'Fler uppgifter' }).click();
    const details = page().getByRole('group', { name: 'Fler uppgifter om Bostad först' });
    await details.getByRole('checkbox', { name: 'Hässleholmen' }).check();
    await details.getByRole('checkbox', { name: 'Program mot hemlöshet' }).check();
    await page().press(cell(key!, 'name'), 'Enter');
    const savedKey = () =>
      [...document.querySelectorAll<HTMLTextAreaElement>('table.edit-table textarea')].find((i) => i.value === 'Bostad först' && i.closest('tr')?.dataset.key?.startsWith('activity:'))?.closest('tr')?.dataset.key;
    await page().waitForFunction(savedKey);
    const id = (await page().evaluate(savedKey))!;
    const stored = (await read('query($id: ID!) { node(id: $id) { ... on Activity { kind responsible { id } goals { id } areas { id } policyDocuments { id } version } } }', { id })).node;
    expect(stored).toMatchObject({ kind: 'EFFEKTKEDJA', responsible: [{ id: 'actor:socialtjansten' }], goals: [{ id: 'goal:inga-sarskilt-utsatta-omraden-2030' }], areas: [{ id: 'area:hassleholmen' }], policyDocuments: [{ id: 'policy-document:program-mot-hemloshet' }] });

    await row(id).getByRole('button', { name: 'Ta bort Bostad först' }).click();
    const ask = row(id).getByRole('group', { name: /^Vill du ta bort Bostad först\?/ });
    expect(await ask.textContent()).toContain('Det tar bort aktiviteten och dess 1 ansvarig aktör, 1 koppling till effektmål och 2 andra kopplingar.');
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Ja, ta bort raden');
    await ask.getByRole('button', { name: 'Ja, ta bort raden' }).click();
    await page().locator('#main').getByText('Aktiviteten Bostad först är borttagen.').waitFor();
    expect(await read('query($id: ID!) { node(id: $id) { id } }', { id })).toEqual({ node: null });
    expect(await row(id).count()).toBe(0);
  });

  it('adds an effektmål, refuses it without text, moves it to another målområde and deletes it', async () => {
    await page().getByRole('button', { name: 'Nytt effektmål' }).click();
    const form = page().locator('section.editor');
    await form.getByRole('heading', { name: 'Nytt effektmål' }).waitFor();
    expect(await form.getByRole('combobox', { name: /^Målområde/ }).inputValue()).toBe(BOENDE);
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await form.locator('#goal-form-text-error').textContent()).toBe('måste anges');
    expect(await focusedId(page())).toBe('goal-form-text');
    await form.getByRole('textbox', { name: /^Effektmål/ }).fill('I Borås ska alla ha en trygg bostad');
    expect(await axeViolations(page())).toEqual([]);
    await form.getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Effektmålet I Borås ska alla ha en trygg bostad är sparat.').waitFor();
    expect(await panel().textContent()).toContain('Ingen aktivitet leder hit');

    await panel().getByRole('button', { name: 'Ändra effektmålet' }).click();
    await form.getByRole('combobox', { name: /^Målområde/ }).selectOption({ label: 'Områdesutveckling' });
    await form.getByRole('button', { name: 'Spara' }).click();
    await panel().getByText('Ändringarna i effektmålet I Borås ska alla ha en trygg bostad är sparade.').waitFor();
    expect(await page().inputValue('#f-target-area')).toBe('target-area:omradesutveckling');
    const { goals } = await read('{ goals(first: 50, filter: { text: "trygg bostad" }) { edges { node { id targetArea { id } } } } }');
    expect(goals.edges.map((e: any) => e.node.targetArea.id)).toEqual(['target-area:omradesutveckling']);

    await panel().getByRole('button', { name: 'Ändra effektmålet' }).click();
    await form.getByRole('button', { name: 'Ta bort effektmålet' }).click();
    const ask = form.getByRole('group', { name: /^Vill du ta bort effektmålet I Borås ska alla ha en trygg bostad\?/ });
    expect(await ask.textContent()).toContain('Det tar bort effektmålet.');
    await ask.getByRole('button', { name: 'Ja, ta bort effektmålet' }).click();
    await page().locator('#main').getByText('Effektmålet I Borås ska alla ha en trygg bostad är borttaget.').waitFor();
    expect((await read('{ goals(first: 50, filter: { text: "trygg bostad" }) { totalCount } }')).goals.totalCount).toBe(0);
  });

  it('has no WCAG 2.1 AA violation (axe-core) and no uncaught error', async () => {
    expect(await axeViolations(page())).toEqual([]);
    expect(suite.errors).toEqual([]);
  });
});
