import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../server/analysis/graph-index.ts';
import { duplicateActivities, findOverlaps, forumMergeCandidates, meetingLoad, uncoordinatedWork } from '../../server/analysis/overlaps.ts';
import { snapshot } from './fixtures/snapshot.ts';

describe('overlap rules on hand-made graphs', () => {
  const forums = snapshot({
    goals: [['goal:unga', 'target-area:start'], ['goal:jobb', 'target-area:arbete']],
    forums: [
      { id: 'forum:natverk', members: ['actor:a', 'actor:b', 'actor:c'], goals: ['goal:unga'] },
      { id: 'forum:beredning', members: ['actor:a', 'actor:b', 'actor:c', 'actor:d'], goals: ['goal:unga', 'goal:jobb'] },
      { id: 'forum:annat', members: ['actor:a', 'actor:b', 'actor:c'], goals: ['goal:jobb'] },
      { id: 'forum:litet', members: ['actor:a', 'actor:x', 'actor:y', 'actor:z'], goals: ['goal:unga'] },
    ],
  });

  it('proposes merging forums with overlapping members that serve the same goal, with the numbers', () => {
    const findings = forumMergeCandidates(buildIndex(forums), 0.5).filter((f) => f.severity === 'MEDIUM');
    expect(findings.map((f) => f.subjects.slice(0, 2))).toEqual([
      ['forum:natverk', 'forum:beredning'],
      ['forum:beredning', 'forum:annat'],
    ]);
    expect(findings[0]!.metrics).toMatchObject({ memberJaccard: 0.75, sharedMembers: 3, sharedGoals: 1 });
    expect(findings[0]!.evidence).toBe('”natverk” och ”beredning” delar 3 av 4 medlemmar (75 %, gräns 50 %) och arbetar båda med ”unga”.');
    expect(findings[0]!.action).toBe('Överväg att slå samman natverk och beredning, eller samordna deras möten, för att undvika dubbelarbete.');
  });

  it('proposes forums whose members overlap with no shared goal recorded, at a lower severity, saying so', () => {
    const findings = forumMergeCandidates(buildIndex(forums), 0.5).filter((f) => f.severity === 'LOW');
    // natverk and annat have the same three members but different goals.
    expect(findings.map((f) => f.subjects)).toEqual([['forum:natverk', 'forum:annat']]);
    expect(findings[0]!.metrics).toEqual({ memberJaccard: 1, goalJaccard: 0, sharedMembers: 3, sharedGoals: 0 });
    expect(findings[0]!.evidence).toBe('”natverk” och ”annat” delar 3 av 3 medlemmar (100 %, gräns 50 %). Inget gemensamt effektmål är registrerat för dem, så det är inte känt om de arbetar med samma sak.');
  });

  it('needs two shared members when no goal is shared: one actor in two small forums is not an overlap', () => {
    const ix = buildIndex(snapshot({
      forums: [
        { id: 'forum:ett', members: ['actor:ska'] },
        { id: 'forum:tva', members: ['actor:ska'] },
        { id: 'forum:tre', members: ['actor:ska', 'actor:ff'] },
        { id: 'forum:fyra', members: ['actor:ska', 'actor:ff', 'actor:kuf'] },
      ],
    }));
    expect(forumMergeCandidates(ix, 0.5).map((f) => f.subjects)).toEqual([['forum:tre', 'forum:fyra']]);
  });

  it('finds every pair above the threshold, as comparing all pairs does, with one actor in every forum', () => {
    const members = Array.from({ length: 40 }, (_, i) => ['actor:region', ...Array.from({ length: 1 + (i % 5) }, (_, k) => `actor:${(i * 7 + k * 3) % 11}`)]);
    const ix = buildIndex(snapshot({ forums: members.map((m, i) => ({ id: `forum:${String(i).padStart(2, '0')}`, members: m })) }));
    const sets = ix.snapshot.forums.map((f) => new Set(f.members));
    for (const threshold of [0.3, 0.5, 0.75, 1]) {
      const all: string[] = [];
      for (let i = 0; i < sets.length; i++) {
        for (let j = i + 1; j < sets.length; j++) {
          const shared = [...sets[i]!].filter((m) => sets[j]!.has(m)).length;
          if (shared >= 2 && shared / (sets[i]!.size + sets[j]!.size - shared) >= threshold) all.push(`${i}~${j}`);
        }
      }
      const found = forumMergeCandidates(ix, threshold).map((f) => f.subjects.map((s) => Number(s.slice('forum:'.length))).join('~'));
      expect(found, String(threshold)).toEqual(all);
    }
  });

  it('uses the default thresholds when an option is given as undefined (an argument the client left out)', () => {
    const defaults = findOverlaps(buildIndex(forums)).map((f) => f.rule);
    expect(findOverlaps(buildIndex(forums), { memberOverlap: undefined, meetingLoad: undefined }).map((f) => f.rule)).toEqual(defaults);
    expect(defaults).toEqual(['forum-merge-candidate', 'forum-merge-candidate', 'forum-merge-candidate', 'meeting-load']);
  });

  it('takes the member threshold as an argument', () => {
    expect(forumMergeCandidates(buildIndex(forums), 1).map((f) => f.subjects)).toEqual([['forum:natverk', 'forum:annat']]);
    // natverk and litet share one of six members (17 %) and a goal; litet and annat one of six and no goal: too few.
    expect(forumMergeCandidates(buildIndex(forums), 0.15).map((f) => f.subjects.slice(0, 2))).toEqual([
      ['forum:natverk', 'forum:beredning'], ['forum:natverk', 'forum:annat'], ['forum:natverk', 'forum:litet'], ['forum:beredning', 'forum:annat'],
    ]);
  });

  it('finds activities by different actors on the same goal with the same short-term effect', () => {
    const ix = buildIndex(snapshot({
      goals: [['goal:jobb', 'target-area:arbete']],
      activities: [
        { id: 'activity:a', responsible: ['actor:alf'], goals: ['goal:jobb'], shortTermEffect: 'Fler i arbete' },
        { id: 'activity:b', responsible: ['actor:af'], goals: ['goal:jobb'], shortTermEffect: 'fler i arbete.' },
        { id: 'activity:c', responsible: ['actor:alf'], goals: ['goal:jobb'], shortTermEffect: 'Annan effekt' },
      ],
    }));
    const [finding, ...rest] = duplicateActivities(ix);
    expect(rest).toEqual([]);
    expect(finding!.subjects).toEqual(['activity:a', 'activity:b', 'goal:jobb']);
    expect(finding!.metrics).toEqual({ activities: 2, actors: 2 });
  });

  it('does not call one actor\'s two activities a duplicate', () => {
    const ix = buildIndex(snapshot({
      activities: [
        { id: 'activity:a', responsible: ['actor:alf'], goals: ['goal:jobb'], shortTermEffect: 'Fler i arbete' },
        { id: 'activity:b', responsible: ['actor:alf'], goals: ['goal:jobb'], shortTermEffect: 'Fler i arbete' },
      ],
    }));
    expect(duplicateActivities(ix)).toEqual([]);
  });

  it('finds actors carrying many forums for one goal', () => {
    const findings = meetingLoad(buildIndex(forums), 3);
    expect(findings.map((f) => f.subjects)).toEqual([['actor:a', 'goal:unga', 'forum:natverk', 'forum:beredning', 'forum:litet']]);
    expect(meetingLoad(buildIndex(forums), 4)).toEqual([]);
  });

  it('finds work that must be coordinated but has no forum doing it, and not work a forum coordinates', () => {
    const ix = buildIndex(snapshot({
      activities: [
        { id: 'activity:trygg', coordinateWith: ['activity:folkhalsa', 'activity:bokslut'] },
        { id: 'activity:folkhalsa' },
        { id: 'activity:bokslut' },
      ],
      forums: [{ id: 'forum:samordning', activities: ['activity:trygg', 'activity:bokslut'] }],
    }));
    expect(uncoordinatedWork(ix).map((f) => f.subjects)).toEqual([['activity:trygg', 'activity:folkhalsa']]);
  });
});
