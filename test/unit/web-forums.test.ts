import { describe, expect, it } from 'vitest';
import type { ForumSummary } from '../../web/api/documents.ts';
import { forumDetails, forumElements, forumMatrix, overlapPartners } from '../../web/graph/forums.ts';

const actor = (id: string) => ({ id, name: `Aktör ${id}`, shortName: null, kind: 'FORVALTNING', sector: 'KOMMUN' });
const forum = (id: string, over: Partial<ForumSummary> = {}): ForumSummary => ({
  id, name: `Forum ${id}`, purpose: null, level: null, meetingFrequency: null, convenor: null, members: [], goals: [], targetGroups: [], version: 1, confirmedAt: null, confirmedBy: null, confirmationDueAt: null, ...over,
});
const forums = [
  forum('forum:a', { members: [{ role: 'ORDFORANDE', version: 1, from: null, to: null, actor: actor('x') }, { role: 'LEDAMOT', version: 1, from: null, to: null, actor: actor('y') }], purpose: 'Samordna', level: 'TAKTISK', targetGroups: ['FAMILJER', 'BARN_OCH_UNGA'] }),
  forum('forum:b', { members: [{ role: 'LEDAMOT', version: 1, from: null, to: null, actor: actor('y') }], convenor: { id: 'z', name: 'Aktör z' } }),
];
const overlaps = [{ id: 'o', evidence: 'E', action: 'Slå samman', subjectIds: ['forum:a', 'forum:b', 'goal:g'] }];

describe('forum inventory', () => {
  it('puts a role in each cell of the forum × actor matrix, a convenor outside the forum as sammankallande', () => {
    const matrix = forumMatrix(forums);
    expect(matrix.columns).toEqual(['Forum', 'Aktör x', 'Aktör y', 'Aktör z']);
    expect(matrix.rows).toEqual([
      { key: 'forum:a', cells: ['Forum forum:a', 'ordförande', 'ledamot', ''] },
      { key: 'forum:b', cells: ['Forum forum:b', '', 'ledamot', 'sammankallande'] },
    ]);
  });

  it('marks a seat no document states as "härlett", in the matrix and on its dashed edge', () => {
    const inferred = { document: 'D', section: null, quote: 'Q', basis: 'INFERRED' as const, note: 'läst ur ansvaret', proposed: false };
    const seated = [forum('forum:c', { members: [{ role: 'LEDAMOT', version: 1, from: null, to: null, actor: actor('x'), source: inferred }] })];
    expect(forumMatrix(seated).rows[0]!.cells).toEqual(['Forum forum:c', 'ledamot (härlett)']);
    expect(forumElements(seated, []).find((e) => e.data.id === 'x>forum:c')).toMatchObject({ classes: 'inferred', data: { label: 'ledamot (härlett)' } });
    expect(forumElements(forums, []).find((e) => e.data.id === 'x>forum:a')!.classes).toBe('');
  });

  it('flags forums an overlap finding names together, each with the other, and lists målgrupper in the vocabulary\'s order', () => {
    expect(overlapPartners(overlaps)).toEqual(new Map([['forum:a', ['forum:b']], ['forum:b', ['forum:a']]]));
    const elements = forumElements(forums, overlaps);
    expect(elements.filter((e) => e.classes === 'overlap').map((e) => e.data.id)).toEqual(['forum:a', 'forum:b']);
    expect(elements.find((e) => e.data.id === 'z>convenes>forum:b')).toMatchObject({ classes: 'convenes', data: { source: 'z', target: 'forum:b' } });
    expect(forumDetails(forums, overlaps).rows[0]!.cells).toEqual(['Forum forum:a', 'Samordna', 'Uppgift saknas', 'Uppgift saknas', 'Barn och unga, Familjer', 'Taktisk', 'Uppgift saknas', '2', 'Aldrig bekräftad', 'Forum forum:b']);
  });
});
