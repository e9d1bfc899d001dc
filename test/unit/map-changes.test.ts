import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../server/analysis/graph-index.ts';
import { type MapAsOf, mapChanges } from '../../server/analysis/map-changes.ts';
import { snapshot } from './fixtures/snapshot.ts';

/** A day's map from a hand-made graph: levels and findings given, nothing else. */
function day(parts: Parameters<typeof snapshot>[0], levels: [string, number | null][] = [], findings: [string, string][] = []): MapAsOf {
  return {
    index: buildIndex(snapshot(parts)),
    levels: new Map(levels),
    findings: new Map(findings.map(([id, title]) => [id, { title, subjects: [id] }])),
  };
}

const actors: [string, 'FORVALTNING'][] = [['actor:a', 'FORVALTNING'], ['actor:b', 'FORVALTNING'], ['actor:c', 'FORVALTNING']];

describe('what changed between two days', () => {
  it('names ansvar that moved from one actor to another as one move, and gained and lost ansvar apart', () => {
    const before = day({ actors, activities: [{ id: 'activity:x', responsible: ['actor:a'] }, { id: 'activity:y', responsible: ['actor:a'] }] });
    const after = day({ actors, activities: [{ id: 'activity:x', responsible: ['actor:b'] }, { id: 'activity:y', responsible: ['actor:a', 'actor:c'] }] });
    expect(mapChanges(before, after)).toEqual([
      { kind: 'RESPONSIBILITY_GAINED', subjects: ['activity:y', 'actor:c'], description: '”c” fick ansvar för ”y”.' },
      { kind: 'RESPONSIBILITY_MOVED', subjects: ['activity:x', 'actor:a', 'actor:b'], description: 'Ansvaret för ”x” gick från ”a” till ”b”.' },
    ]);
  });

  it('lists a started forum once, not its seats again; a level change and findings that came and went', () => {
    const before = day({ actors, collaborations: [{ id: 'collaboration:s' }] }, [['collaboration:s', 3]], [['gap:1', 'Lucka ett']]);
    const after = day({ actors, forums: [{ id: 'forum:f', members: ['actor:a', 'actor:b'] }], collaborations: [{ id: 'collaboration:s' }] }, [['collaboration:s', 2]], [['gap:2', 'Lucka två']]);
    expect(mapChanges(before, after).map((c) => [c.kind, c.description])).toEqual([
      ['FORUM_STARTED', 'Forumet ”f” startade.'],
      ['LEVEL_CHANGED', '”s” gick från nivå 3 till nivå 2.'],
      ['FINDING_APPEARED', 'Nytt fynd: Lucka två.'],
      ['FINDING_DISAPPEARED', 'Fyndet finns inte längre: Lucka ett.'],
    ]);
  });

  it('finds nothing between a day and itself', () => {
    const map = day({ actors, forums: [{ id: 'forum:f', members: ['actor:a'] }] }, [], [['gap:1', 'Lucka']]);
    expect(mapChanges(map, map)).toEqual([]);
  });
});
