import { describe, expect, it } from 'vitest';
import { type ActorTie, contextsInScope, reasonsOf, workingRelations } from '../../server/analysis/working-relations.ts';
import { snapshot } from './fixtures/snapshot.ts';

const tie = (actor: string, context: string, via: ActorTie['via'], name = context): ActorTie => ({ actor, context, via, name });

describe('working relations', () => {
  it('pairs actors that share a forum, an activity or a collaboration, and weighs each', () => {
    const relations = workingRelations([
      tie('a', 'forum:1', 'MEMBER_OF', 'Nätverket'),
      tie('b', 'forum:1', 'CONVENES', 'Nätverket'),
      tie('a', 'activity:1', 'RESPONSIBLE_FOR', 'Uppsökande verksamhet'),
      tie('b', 'activity:1', 'RESPONSIBLE_FOR', 'Uppsökande verksamhet'),
      tie('c', 'collaboration:1', 'PARTICIPATES_IN', 'KAA'),
      tie('a', 'collaboration:1', 'PARTICIPATES_IN', 'KAA'),
    ]);
    expect(relations.map((r) => [r.actors, r.strength])).toEqual([
      [['a', 'b'], 3],
      [['a', 'c'], 2],
    ]);
    expect(reasonsOf(relations[0]!)).toEqual(['Delar ansvar för: Uppsökande verksamhet', 'Delar forum: Nätverket']);
  });

  it('counts a context once per pair even when an actor is tied to it twice', () => {
    const relations = workingRelations([tie('a', 'forum:1', 'MEMBER_OF'), tie('a', 'forum:1', 'CONVENES'), tie('b', 'forum:1', 'MEMBER_OF')]);
    expect(relations).toEqual([{ actors: ['a', 'b'], strength: 1, shared: [{ id: 'forum:1', name: 'forum:1', kind: 'FORUM' }] }]);
  });

  it('finds no relation for an actor alone in its contexts', () => {
    expect(workingRelations([tie('a', 'forum:1', 'MEMBER_OF'), tie('b', 'forum:2', 'MEMBER_OF')])).toEqual([]);
  });

  describe('inside a målområde or område filter', () => {
    const graph = snapshot({
      goals: [['goal:start', 'target-area:start'], ['goal:boende', 'target-area:boende']],
      activities: [
        { id: 'activity:sprak', goals: ['goal:start'], areas: ['area:norrby'], responsible: ['a', 'b'] },
        { id: 'activity:trygg', goals: ['goal:boende'], areas: ['area:norrby'], responsible: ['a', 'b'] },
        { id: 'activity:lasa', goals: ['goal:start'], areas: ['area:hela'] },
      ],
      forums: [
        { id: 'forum:samordnar', activities: ['activity:sprak'], members: ['a', 'b'] },
        { id: 'forum:mal', goals: ['goal:start'], members: ['a', 'b'] },
        { id: 'forum:annat', goals: ['goal:boende'], activities: ['activity:trygg'], members: ['a', 'b'] },
      ],
      collaborations: [
        { id: 'collaboration:pa', activities: ['activity:sprak'], participants: ['a', 'b'] },
        { id: 'collaboration:genom', forums: ['forum:mal'], participants: ['a', 'b'] },
        { id: 'collaboration:utanfor', forums: ['forum:annat'], participants: ['a', 'b'] },
      ],
    });
    const sorted = (set: Set<string> | null) => (set ? [...set].sort() : set);

    it('keeps activities on its goals, forums working on them or coordinating such an activity, and collaborations on or through those', () => {
      expect(sorted(contextsInScope(graph, { targetArea: 'target-area:start' }))).toEqual([
        'activity:lasa', 'activity:sprak', 'collaboration:genom', 'collaboration:pa', 'forum:mal', 'forum:samordnar',
      ]);
    });

    it('places forums by the activities they coordinate alone when an område is given, and asks both of an activity when both are', () => {
      expect(sorted(contextsInScope(graph, { area: 'area:norrby' }))).toEqual([
        'activity:sprak', 'activity:trygg', 'collaboration:pa', 'collaboration:utanfor', 'forum:annat', 'forum:samordnar',
      ]);
      expect(sorted(contextsInScope(graph, { targetArea: 'target-area:start', area: 'area:norrby' }))).toEqual(['activity:sprak', 'collaboration:pa', 'forum:samordnar']);
      expect(contextsInScope(graph, {})).toBeNull();
    });

    it('gives a relation only the reasons and strength inside the filter', () => {
      const inside = contextsInScope(graph, { targetArea: 'target-area:start' })!;
      const [relation] = workingRelations(graph.ties.filter((t) => inside.has(t.context)));
      expect(relation!.shared.map((c) => c.id)).toEqual(['activity:sprak', 'collaboration:genom', 'collaboration:pa', 'forum:mal', 'forum:samordnar']);
      expect(relation!.strength).toBe(2 + 2 + 2 + 1 + 1);
    });
  });
});
