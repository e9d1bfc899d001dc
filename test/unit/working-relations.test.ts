import { describe, expect, it } from 'vitest';
import { type ActorTie, reasonsOf, workingRelations } from '../../server/analysis/working-relations.ts';

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
});
