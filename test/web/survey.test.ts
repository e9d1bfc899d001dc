import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeView, screenshot, signIn, VIEWPORT, waitForGraph } from '../support/browser.ts';
import { respond } from '../support/survey.ts';
import { readSeedData } from '../../seed/load.ts';
import { sv } from '../../web/i18n/sv.ts';

/*
 * A skattningsomgång from start to Taxonomi, as a new editor runs it: open it
 * for Skolan som arena, add four respondents from its three organisations,
 * answer from three links in browsers of their own (one a phone), close it,
 * and see the collaboration in its column; a second, lower round flags drift.
 */

const seed = readSeedData();
const SKOLAN = seed.collaborations.find((c) => c.name === 'Skolan som arena')!;
const actorName = (id: string) => seed.actors.find((a) => a.id === id)!;
const [GRUF, NARINGSLIVET, CIVILSAMHALLET] = ['actor:gruf', 'actor:naringslivet', 'actor:civilsamhallet'].map(actorName) as [ReturnType<typeof actorName>, ReturnType<typeof actorName>, ReturnType<typeof actorName>];
const PHONE = { width: 390, height: 844 };

describeView('Skattningsomgång', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  const links = new Map<string, string>();

  /** The column a collaboration's card stands in on Taxonomi, by its heading's key. */
  const columnOf = (p: Page, id: string) =>
    p.evaluate((wanted) => {
      const cy = (document.querySelector('.graph') as any).cy;
      const columns = new Map(cy.nodes('.heading').not('.call, .group').map((n: any) => [n.position('x'), n.id().replace('heading:', '')]));
      return columns.get(cy.getElementById(wanted).position('x')) ?? 'none';
    }, id);

  /** Answers every question of the page by the keyboard alone: Tab to each group, Space, then arrows to the level. */
  async function answerByKeyboard(p: Page, levels: number[]): Promise<void> {
    await p.locator('form.respond input[type="radio"]').first().focus();
    for (const [i, level] of levels.entries()) {
      if (i > 0) await p.keyboard.press('Tab');
      await p.keyboard.press('Space');
      for (let step = 1; step < level; step++) await p.keyboard.press('ArrowDown');
      await p.locator('p.status[data-state="done"]', { hasText: 'Sparat' }).waitFor();
    }
  }

  /** Opens a link in a browser context of its own, as the respondent's own device would. */
  async function answerAs(name: string, levels: number[], options: { phone?: boolean; keyboard?: boolean } = {}): Promise<{ requests: string[]; axe: string[] }> {
    const context = await suite.browser.newContext({ viewport: options.phone ? PHONE : VIEWPORT, ...(options.phone ? { isMobile: true, hasTouch: true } : {}) });
    const p = await context.newPage();
    const requests: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    try {
      await p.goto(links.get(name)!);
      await p.getByRole('heading', { name: sv.respond.heading(SKOLAN.name) }).waitFor();
      expect(await p.locator('nav').count()).toBe(0);
      const text = await p.locator('main').textContent();
      for (const participant of [GRUF, NARINGSLIVET, CIVILSAMHALLET]) expect(text).toContain(participant.name);
      expect(text).toContain(sv.respond.closes((await p.locator('strong').first().textContent())!.replace(/^.*till och med /, '').replace(/\.$/, '')));
      expect(await p.getByRole('radio', { name: sv.respond.dontKnow }).count()).toBe(9);
      if (options.keyboard) await answerByKeyboard(p, levels);
      else {
        const groups = p.locator('form.respond fieldset.item');
        for (const [i, level] of levels.entries()) {
          await groups.nth(i).locator('label.choice').nth(level - 1).click();
          await p.locator('p.status[data-state="done"]', { hasText: 'Sparat' }).waitFor();
        }
      }
      await p.getByLabel(sv.respond.comment).fill(`Kommentar från ${name}`);
      await p.getByRole('button', { name: sv.respond.done }).click();
      await p.getByText(sv.respond.thanks).waitFor();
      const axe = await axeViolations(p);
      if (options.phone) {
        // Nothing wider than the phone: no sideways scrolling to read a statement.
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(p, 'survey-respond-phone');
      }
      return { requests, axe };
    } finally {
      await context.close();
    }
  }

  it('opens a round for Skolan som arena from Taxonomi, as a new editor, with four respondents from three organisations', async () => {
    await page().goto(`${server().url}/taxonomi`);
    await waitForGraph(page());
    await signIn(page(), server().keys.REDAKTOR);
    await page().getByRole('button', { name: 'Logga ut' }).waitFor();
    await page().getByRole('button', { name: SKOLAN.name }).click();
    await page().getByRole('link', { name: sv.survey.start }).click();
    await page().getByRole('button', { name: sv.survey.open }).waitFor();
    expect(await page().inputValue('#survey-open-collaborationIds')).toBe(SKOLAN.id);
    await page().getByLabel(sv.survey.message).fill('Svara gärna före nästa möte i beredningsgruppen.');
    await page().getByRole('button', { name: sv.survey.open }).click();
    await page().getByRole('heading', { name: sv.survey.roundOf(SKOLAN.name) }).waitFor();
    // One by one, and the rest as a pasted list with organisations by short name and by name.
    await page().locator('#survey-add-respondents-0-name').fill('Anna');
    await page().locator('#survey-add-respondents-0-organisationId').selectOption(GRUF.id);
    await page().getByRole('button', { name: sv.survey.addOne, exact: true }).click();
    await page().locator('.tally', { hasText: '0 av 1' }).waitFor();
    await page().locator('#survey-add-list').fill(`Bo\t${GRUF.shortName}\tbo@example.org\nCilla\t${NARINGSLIVET.name}\nDavid\t${CIVILSAMHALLET.name}`);
    await page().getByRole('button', { name: sv.survey.addList }).click();
    await page().locator('.tally', { hasText: '0 av 4, 0 organisationer' }).waitFor();
    for (const name of ['Anna', 'Bo', 'Cilla', 'David']) {
      const value = await page().getByLabel(new RegExp(`^${sv.survey.linkFor(name)}`)).inputValue();
      expect(value).toMatch(new RegExp(`^${server().url}/svar/[A-Za-z0-9_-]{43}$`));
      links.set(name, value);
    }
    const download = page().waitForEvent('download');
    await page().getByRole('button', { name: sv.survey.csv }).click();
    const csv = await (await (await download).createReadStream()).toArray();
    const text = Buffer.concat(csv).toString('utf8');
    expect(text).toContain(sv.survey.csvColumns.join(';'));
    expect(text).toContain(`Bo;${GRUF.name};bo@example.org;${links.get('Bo')}`);
    expect(await axeViolations(page())).toEqual([]);
    await screenshot(page(), 'survey-round');
  }, 60_000);

  it('is answered from three links, each in a browser of its own, one a phone, one by keyboard alone; the page reads nothing but its survey', async () => {
    const nine = (n: number) => Array.from({ length: 9 }, () => n);
    const anna = await answerAs('Anna', nine(4), { keyboard: true });
    // Every keypress saved, none lost or undone by an earlier save's answer.
    const stored = (await respond(server(), 'las', { token: links.get('Anna')!.split('/svar/')[1] })).body.answers;
    expect(Object.values(stored)).toEqual(nine(4));
    const cilla = await answerAs('Cilla', nine(2), { phone: true });
    const david = await answerAs('David', nine(3));
    for (const seen of [anna, cilla, david]) {
      expect(seen.axe).toEqual([]);
      const data = seen.requests.filter((path) => !path.startsWith('/assets/') && !path.startsWith('/svar/') && !/\.(css|js|ico|svg)$/.test(path));
      expect(data.length).toBeGreaterThan(0);
      expect([...new Set(data)].sort()).toEqual(['/api/svar/las', '/api/svar/spara']);
    }
    await page().reload();
    await page().locator('.tally', { hasText: '3 av 4, 3 organisationer' }).waitFor();
    const comments = await page().locator('ul.comments li').allTextContents();
    expect(comments).toEqual(['Kommentar från Anna', 'Kommentar från Cilla', 'Kommentar från David']);
    // Three browsers answering 27 questions, each saved as it is given: slow on a shared machine, not a hang.
  }, 120_000);

  it('closes, and the collaboration stands in its column on Taxonomi with its A/B/C profile and the perception gap', async () => {
    await page().getByRole('button', { name: sv.survey.close }).click();
    await page().getByRole('button', { name: sv.survey.closeYes }).click();
    await page().locator('.notice-saved', { hasText: sv.survey.closed }).waitFor();
    // Answers 4, 2 and 3 throughout: every layer's median is 3, so Samverkan; GRUF (4) and Näringslivet (2) differ by 2.
    expect(await page().locator('p.evidence').textContent()).toContain(sv.levels.SAMVERKAN);
    const closedLink = await respond(server(), 'las', { token: links.get('Bo')!.split('/svar/')[1] });
    expect(closedLink.status).toBe(404);
    await page().getByRole('link', { name: sv.survey.toTaxonomy }).click();
    await waitForGraph(page());
    expect(await columnOf(page(), SKOLAN.id)).toBe('SAMVERKAN');
    const panel = page().locator('aside.panel');
    await panel.locator('h3', { hasText: SKOLAN.name }).waitFor();
    const profile = panel.getByRole('table', { name: sv.taxonomy.profile });
    expect((await profile.locator('tbody tr').allTextContents()).map((row) => row.replace(/\s+/g, ' ').trim().slice(0, 1))).toEqual(['A', 'B', 'C']);
    expect(await profile.locator('tbody td:first-of-type').allTextContents()).toEqual(['3', '3', '3']);
    await panel.getByRole('heading', { name: sv.taxonomy.perceptionGaps }).waitFor();
    expect(await panel.locator('ul').first().textContent()).toContain(GRUF.name);
    await screenshot(page(), 'survey-taxonomy');
  });

  it('a second round with lower answers flags drift to the left', async () => {
    await page().getByRole('link', { name: sv.survey.start }).click();
    await page().getByRole('button', { name: sv.survey.open }).click();
    await page().getByRole('heading', { name: sv.survey.roundOf(SKOLAN.name) }).waitFor();
    await page().locator('#survey-add-list').fill(`Anna;GRUF\nCilla;${NARINGSLIVET.name}\nDavid;${CIVILSAMHALLET.name}`);
    await page().getByRole('button', { name: sv.survey.addList }).click();
    await page().locator('.tally', { hasText: '0 av 3' }).waitFor();
    for (const input of await page().locator('input.survey-link').all()) {
      const token = (await input.inputValue()).split('/svar/')[1]!;
      const lower = { a1: 2, a2: 2, b1: 2, b2: 2, c1: 1, c2: 1, targetA: 3, targetB: 3, targetC: 3 };
      expect((await respond(server(), 'spara', { token, answers: lower })).status).toBe(200);
    }
    await page().reload();
    await page().locator('.tally', { hasText: '3 av 3, 3 organisationer' }).waitFor();
    await page().getByRole('button', { name: sv.survey.close }).click();
    await page().getByRole('button', { name: sv.survey.closeYes }).click();
    await page().locator('.notice-saved', { hasText: sv.survey.closed }).waitFor();
    await page().getByRole('link', { name: sv.survey.toTaxonomy }).click();
    await waitForGraph(page());
    expect(await columnOf(page(), SKOLAN.id)).toBe('SAMORDNAT');
    expect(await page().evaluate((id) => (document.querySelector('.graph') as any).cy.getElementById(id).hasClass('drift'), SKOLAN.id)).toBe(true);
    const panel = page().locator('aside.panel');
    await panel.getByRole('heading', { name: sv.taxonomy.drift }).waitFor();
    // Both rounds stand in its history, the later one lower and marked as a step to the left.
    const history = await panel.locator(`h4:text-is("${sv.taxonomy.history}") + ol > li`).allTextContents();
    expect(history.map((h) => h.replace(/^.*: /, '').trim())).toEqual([sv.levels.SAMVERKAN, `${sv.levels.SAMORDNAT} ${sv.taxonomy.leftStep}`]);
  });

  it('has no uncaught error', () => {
    expect(suite.errors).toEqual([]);
  });
});
