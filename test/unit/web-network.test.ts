import { describe, expect, it } from 'vitest';
import { actorTable, comparedElements, matchActors, networkElements, relationTable } from '../../web/graph/network.ts';

const actor = (id: string, shortName: string | null = null) => ({ id, name: `Namn ${id}`, shortName, kind: 'FORVALTNING', sector: 'KOMMUN' });
const relation = (a: string, b: string, strength = 1) => ({ actors: [{ id: a }, { id: b }], strength, reasons: [`Delar forum: ${a}${b}`], shared: [{ kind: 'FORUM' as const, name: `${a}${b}` }], sharedOutsideFilter: 0 });

describe('network elements', () => {
  it('turns actors into nodes labelled by short name, spelt out in the tooltip, and relations into weighted edges', () => {
    expect(networkElements([actor('a', 'ALF'), actor('b')], [relation('a', 'b', 3)])).toEqual([
      { group: 'nodes', data: { id: 'a', type: 'Actor', label: 'ALF', name: 'Namn a', tooltip: 'Namn a (ALF)', sector: 'KOMMUN', kind: 'FORVALTNING' } },
      { group: 'nodes', data: { id: 'b', type: 'Actor', label: 'Namn b', name: 'Namn b', tooltip: 'Namn b', sector: 'KOMMUN', kind: 'FORVALTNING' } },
      { group: 'edges', data: { id: 'a~b', source: 'a', target: 'b', strength: 3, reasons: ['Delar forum: ab'] } },
    ]);
  });

  it('drops relations to actors that are not shown', () => {
    const elements = networkElements([actor('a')], [relation('a', 'x')]);
    expect(elements.filter((e) => e.group === 'edges')).toEqual([]);
  });

  it('finds actors by any part of name or short name, ignoring case, and nothing for an empty search', () => {
    const actors = [actor('ska', 'SKA'), { ...actor('pol'), name: 'Polisen' }];
    expect(matchActors(actors, 'ska')).toEqual(['ska']);
    expect(matchActors(actors, ' POL ')).toEqual(['pol']);
    expect(matchActors(actors, 'namn')).toEqual(['ska']);
    expect(matchActors(actors, '  ')).toEqual([]);
  });

  it('tables the shown actors with their number of relations, and the shown relations strongest first', () => {
    const actors = [actor('b'), actor('a'), actor('c')];
    const relations = [relation('a', 'b', 1), relation('b', 'c', 4), relation('a', 'x', 9)];
    expect(actorTable(actors, relations).rows.map((r) => [r.key, r.cells[3]])).toEqual([['a', '1'], ['b', '2'], ['c', '1']]);
    expect(relationTable(actors, relations).rows).toEqual([
      { key: 'b~c', cells: ['Namn b – Namn c', '4', 'Delar forum: bc'] },
      { key: 'a~b', cells: ['Namn a – Namn b', '1', 'Delar forum: ab'] },
    ]);
  });
});

describe('Jämför: two days as one graph', () => {
  it('marks what only the later day has as added, what only the earlier had as removed, and leaves the rest unmarked', () => {
    const before = { actors: [actor('a'), actor('b'), actor('c')], relations: [relation('a', 'b'), relation('b', 'c')] };
    const after = { actors: [actor('a'), actor('b'), actor('d')], relations: [relation('a', 'b'), relation('a', 'd')] };
    const { elements, added, removed } = comparedElements(before, after);
    expect(added).toEqual(['a~d', 'd']);
    expect(removed).toEqual(['b~c', 'c']);
    expect(Object.fromEntries(elements.map((e) => [e.data.id, e.classes]))).toEqual({ a: '', b: '', c: 'removed', d: 'added', 'a~b': '', 'b~c': 'removed', 'a~d': 'added' });
  });

  it('marks nothing when the days agree', () => {
    const day = { actors: [actor('a'), actor('b')], relations: [relation('a', 'b')] };
    const { elements, added, removed } = comparedElements(day, day);
    expect([added, removed]).toEqual([[], []]);
    expect(elements.every((e) => e.classes === '')).toBe(true);
  });
});
