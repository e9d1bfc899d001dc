import { describe, expect, it } from 'vitest';
import { type GroupedActor, groupActors, groupId, summarizeRelations } from '../../server/analysis/relation-summary.ts';
import type { WorkingRelation } from '../../server/analysis/working-relations.ts';

const actor = (id: string, kind: GroupedActor['kind'], parents: string[] = []): GroupedActor => ({ id, name: `Namn ${id}`, kind, parents });
const relation = (a: string, b: string, strength: number): WorkingRelation => ({ actors: a < b ? [a, b] : [b, a], shared: [], strength });

// Two municipalities: a förvaltning part of each, a nämnd part of a förvaltning (two steps), an
// association working mostly in A, a company split evenly, and a region working with both.
const actors = [
  actor('a', 'KOMMUN'),
  actor('a-f', 'FORVALTNING', ['a']),
  actor('a-n', 'NAMND', ['a-f']),
  actor('b', 'KOMMUN'),
  actor('b-f', 'FORVALTNING', ['b']),
  actor('forening', 'CIVILSAMHALLE'),
  actor('foretag', 'NARINGSLIV'),
  actor('region', 'REGION'),
];
const relations = [
  relation('a', 'a-f', 2),
  relation('a-f', 'a-n', 1),
  relation('forening', 'a-f', 3),
  relation('forening', 'b-f', 1),
  relation('foretag', 'a-n', 2),
  relation('foretag', 'b-f', 2),
  relation('region', 'a', 1),
  relation('region', 'b', 1),
  relation('region', 'forening', 1),
  relation('b', 'b-f', 1),
];

describe('relation summary', () => {
  it('puts an actor in the municipality it is part of at any depth, or that has more than half its relation strength with municipal actors', () => {
    const grouping = groupActors(actors, relations, 'MUNICIPALITY');
    const members = Object.fromEntries(grouping.groups.map((g) => [g.id, g.actors]));
    expect(members).toEqual({
      [groupId('MUNICIPALITY', 'a')]: ['a', 'a-f', 'a-n', 'forening'],
      [groupId('MUNICIPALITY', 'b')]: ['b', 'b-f'],
      [groupId('MUNICIPALITY', null)]: ['foretag', 'region'],
    });
    expect(grouping.groups.find((g) => g.key === 'a')!.name).toBe('Namn a');
    expect(grouping.evidence.get('a-n')).toBe('Del av kommunen');
    expect(grouping.evidence.get('forening')).toMatch(/Mer än hälften/);
    // 2 of the företag's 4 is half, not more than half: it belongs to no one municipality. The
    // förening's tie to the region does not count: 3 of its 4 with municipal actors are with A.
    expect(grouping.evidence.get('foretag')).toMatch(/^Ingen kommun/);
    // A state agency working only in A is still above the municipalities.
    const polis = groupActors([actor('a', 'KOMMUN'), actor('polis', 'STATLIG_MYNDIGHET')], [relation('a', 'polis', 2)], 'MUNICIPALITY');
    expect(polis.groupOf.get('polis')).toBe(groupId('MUNICIPALITY', null));
  });

  it("counts a group's own relations in the group and sums those between groups into one weighted edge per pair", () => {
    const summary = summarizeRelations(groupActors(actors, relations, 'MUNICIPALITY'), relations);
    const a = summary.grouping.groups.find((g) => g.key === 'a')!;
    expect([a.relationCount, a.strength]).toEqual([3, 6]);
    expect(summary.edges).toEqual([
      { source: groupId('MUNICIPALITY', 'a'), target: groupId('MUNICIPALITY', null), relationCount: 3, strength: 4 },
      { source: groupId('MUNICIPALITY', 'b'), target: groupId('MUNICIPALITY', null), relationCount: 2, strength: 3 },
      { source: groupId('MUNICIPALITY', 'a'), target: groupId('MUNICIPALITY', 'b'), relationCount: 1, strength: 1 },
    ]);
    expect(summary.relations).toEqual([]);
  });

  it('opens a group, named or through one of its actors, into its actors with their own relations and edges to the closed groups', () => {
    const grouping = groupActors(actors, relations, 'MUNICIPALITY');
    const byActor = summarizeRelations(grouping, relations, ['forening']);
    expect(byActor.expanded).toEqual([groupId('MUNICIPALITY', 'a')]);
    expect(summarizeRelations(grouping, relations, [groupId('MUNICIPALITY', 'a')])).toEqual(byActor);
    expect(byActor.relations.map((r) => r.actors)).toEqual([['a', 'a-f'], ['a-f', 'a-n'], ['a-f', 'forening']]);
    const none = groupId('MUNICIPALITY', null);
    expect(byActor.edges).toContainEqual({ source: 'a-n', target: none, relationCount: 1, strength: 2 });
    expect(byActor.edges).toContainEqual({ source: 'forening', target: groupId('MUNICIPALITY', 'b'), relationCount: 1, strength: 1 });
    // Every relation is drawn once: inside a closed group, between two actors, or in one summed edge.
    const closedInside = grouping.groups.filter((g) => !byActor.expanded.includes(g.id)).reduce((n, g) => n + g.relationCount, 0);
    expect(closedInside + byActor.relations.length + byActor.edges.reduce((n, e) => n + e.relationCount, 0)).toBe(relations.length);
    expect(summarizeRelations(grouping, relations, ['nobody']).expanded).toEqual([]);
  });

  it('groups by sector or kind as well', () => {
    const sectors = groupActors(actors, relations, 'SECTOR');
    expect(sectors.groups.map((g) => [g.key, g.actors.length])).toEqual([['KOMMUN', 5], ['CIVILSAMHALLE', 1], ['NARINGSLIV', 1], ['REGION', 1]]);
    expect(groupActors(actors, relations, 'KIND').groups.find((g) => g.key === 'FORVALTNING')!.actors).toEqual(['a-f', 'b-f']);
  });
});
