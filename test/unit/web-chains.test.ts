import { describe, expect, it } from 'vitest';
import type { ChainActivity, ChainTargetArea, SourceData } from '../../web/api/documents.ts';
import { chainElements, chainRows, chainTable, orphanGoals, responsibleText } from '../../web/graph/chains.ts';
import { card, wrapLines } from '../../web/graph/text.ts';

const source = (basis: 'STATED' | 'INFERRED', note: string | null = null): SourceData => ({ document: 'Dokument', section: null, quote: 'Citat', basis, note, proposed: false });
const ska = { actor: { id: 'actor:ska', name: 'Stadsledningskansliet', shortName: 'SKA' }, source: source('STATED') };
const goalLink = (id: string, basis: 'STATED' | 'INFERRED' = 'STATED') => ({ goal: { id }, source: source(basis, basis === 'INFERRED' ? 'läst ur blocket' : null) });
const activity = (id: string, over: Partial<ChainActivity> = {}): ChainActivity => ({
  id, name: `Aktivitet ${id}`, kind: 'EFFEKTKEDJA', output: `Prestation ${id}`, shortTermEffect: `Effekt ${id}`, period: null, resources: null, version: 1,
  responsible: [{ id: 'actor:ska', name: 'Stadsledningskansliet', shortName: 'SKA' }], goals: [], strategies: [], areas: [], forums: [], policyDocuments: [],
  responsibility: [ska], responsibleOthers: null, goalLinks: [goalLink('g1'), goalLink('g2', 'INFERRED')], source: source('STATED'), ...over,
});
const a1 = activity('a1');
const goal = (id: string, text: string, activities: ChainActivity[]) => ({ id, text, version: 1, forums: [], activities, source: null });
const area: ChainTargetArea = {
  id: 'ta', name: 'Boende', officials: [],
  goals: [
    goal('g1', 'Mål 1', [a1, activity('a2', { output: null, responsible: [], responsibility: [], period: '2025–2027' })]),
    goal('g2', 'Mål 2', [a1]),
    goal('g3', 'Ingen ska vara hemlös', []),
  ],
};

describe('effect chain elements', () => {
  it('makes one row per activity, with the goals it serves', () => {
    expect(chainRows(area).map((r) => [r.activity.id, r.goals.map((l) => l.goal.id)])).toEqual([['a1', ['g1', 'g2']], ['a2', ['g1']]]);
    expect(orphanGoals(area).map((g) => g.id)).toEqual(['g3']);
  });

  it('lays each chain out left to right and marks empty cells, missing ansvar and goals with no activity', () => {
    const elements = new Map(chainElements(area).map((e) => [e.data.id!, e]));
    const x = (id: string) => elements.get(id)!.position!.x;
    expect([x('a1/responsible'), x('a1'), x('a1/output'), x('a1/effect'), x('g1')]).toEqual([...[x('a1/responsible'), x('a1'), x('a1/output'), x('a1/effect'), x('g1')]].sort((p, q) => p - q));
    expect(new Set([x('a1'), x('a1/output')]).size).toBe(2);
    expect(elements.get('a1')!.position!.y).toBe(elements.get('a1/effect')!.position!.y);
    expect(elements.get('a2/output')!.classes).toBe('step output missing');
    expect(elements.get('a2/responsible')!.classes).toBe('step responsible missing');
    expect(elements.get('g3')!.classes).toBe('step goal orphan');
    // The goal with no activity stands below every other goal.
    expect(elements.get('g3')!.position!.y).toBeGreaterThan(Math.max(elements.get('g1')!.position!.y, elements.get('g2')!.position!.y));
    expect(elements.get('a1/effect>g2')!.data).toMatchObject({ source: 'a1/effect', target: 'g2' });
  });

  it('draws a link the documents do not state dashed, labelled "härlett" with its note, and leaves it out when only stated facts are asked for', () => {
    const all = new Map(chainElements(area).map((e) => [e.data.id!, e]));
    expect(all.get('a1/effect>g2')).toMatchObject({ classes: 'inferred', data: { label: 'härlett', note: 'läst ur blocket' } });
    expect(all.get('a1/effect>g1')!.classes).toBe('');
    const stated = new Map(chainElements(area, { statedOnly: true }).map((e) => [e.data.id!, e]));
    expect(stated.has('a1/effect>g2')).toBe(false);
    expect(stated.has('a1/effect>g1')).toBe(true);
    // Activities lead to g2, but only by an inferred link: not a goal without activity.
    expect(stated.get('g2')!.classes).toBe('step goal unlinked');
    expect(stated.get('g3')!.classes).toBe('step goal orphan');
    expect(chainTable(area, { statedOnly: true }).rows.map((r) => r.key)).toEqual(['g1|a1', 'g1|a2', 'g2', 'g3']);
  });

  it('writes the Ansvar cell as the documents do: actors, an inferred one marked, then the rest of the cell', () => {
    const polisen = { actor: { id: 'actor:polisen', name: 'Polisen', shortName: null }, source: source('INFERRED', 'en egen rad') };
    const row = activity('a', { responsibility: [ska, polisen], responsibleOthers: 'samtliga förvaltningar & bolag' });
    expect(responsibleText(row)).toBe('SKA, Polisen (härlett), samtliga förvaltningar & bolag');
    expect(responsibleText(row, { statedOnly: true })).toBe('SKA, samtliga förvaltningar & bolag');
  });

  it('tables a row per goal and activity with its Tid, Resurser and Koppling, and a row for each goal with none', () => {
    expect(chainTable(area).rows.map((r) => r.key)).toEqual(['g1|a1', 'g1|a2', 'g2|a1', 'g3']);
    expect(chainTable(area).columns.slice(-3)).toEqual(['Tid', 'Resurser', 'Koppling']);
    expect(chainTable(area).rows[1]!.cells).toEqual(['Mål 1', 'Aktivitet a2', 'Ansvar saknas', 'Saknas', 'Effekt a2', '2025–2027', 'Saknas', '']);
    expect(chainTable(area).rows[2]!.cells.at(-1)).toBe('härlett: läst ur blocket');
  });
});

describe('card sizes', () => {
  it('wraps text by words and breaks a word longer than a line', () => {
    expect(wrapLines('kort', 200)).toBe(1);
    expect(wrapLines('ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton', 100)).toBeGreaterThan(2);
    expect(wrapLines('x'.repeat(100), 100)).toBe(Math.ceil(100 / Math.floor(100 / (11 * 0.55))));
    expect(card('a b c', 200).height).toBeLessThan(card('a '.repeat(80), 200).height);
  });
});
