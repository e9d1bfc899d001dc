import { describe, expect, it } from 'vitest';
import { comments, counts, organisationSummaries, resultResponses, resultSignals, type RespondentRow, tally } from '../../server/analysis/survey.ts';
import { scoreAssessment } from '../../server/analysis/taxonomy.ts';
import { GuessLimit } from '../../server/survey/guess-limit.ts';

/** A respondent as the store gives it: items a1 a2 b1 b2 c1 c2 (0 is "vet ej", null not answered). */
function respondent(id: string, organisation: string, items: (number | null)[] | null, more: Partial<RespondentRow> = {}): RespondentRow {
  const [a1, a2, b1, b2, c1, c2] = items ?? [];
  return { id, name: id, organisation, organisationName: organisation, createdAt: '2026-01-01T00:00:00Z', a1, a2, b1, b2, c1, c2, ...more };
}

describe('a round\'s answers', () => {
  const round = [
    respondent('anna', 'org:a', [4, 4, 4, 4, 4, 4], { signals: ['B'], comment: 'Zebra' }),
    respondent('bo', 'org:a', [4, 4, 0, 3, 4, 4], { signals: ['A'], comment: ' Äpple ' }),
    respondent('cilla', 'org:b', [2, 2, 2, 2, 2, 2]),
    // Every item of layer C "vet ej": nothing to score C by, so not counted.
    respondent('david', 'org:c', [3, 3, 3, 3, 0, 0]),
    respondent('eva', 'org:c', null),
    respondent('fia', 'org:b', [5, 5, 5, 5, 5, 5], { revokedAt: '2026-01-02T00:00:00Z', comment: 'Återkallad' }),
  ];

  it('counts an answer when every layer has an item answered with a level, and not from a revoked link', () => {
    expect(round.map(counts)).toEqual([true, true, true, false, false, false]);
    expect(tally(round)).toEqual({ invited: 5, answered: 3, organisationsInvited: 3, organisationsAnswered: 2, text: '3 av 5, 2 organisationer' });
    expect(tally([round[0]!]).text).toBe('1 av 1, 1 organisation');
  });

  it('gives each organisation asked its medians, never a person\'s answers by name', () => {
    expect(organisationSummaries(round)).toEqual([
      { organisation: 'org:a', name: 'org:a', invited: 2, answered: 2, medians: { A: 4, B: 3.5, C: 4 } },
      { organisation: 'org:b', name: 'org:b', invited: 1, answered: 1, medians: { A: 2, B: 2, C: 2 } },
      { organisation: 'org:c', name: 'org:c', invited: 2, answered: 0, medians: { A: null, B: null, C: null } },
    ]);
  });

  it('lists comments of live links, trimmed and in alphabetical order', () => {
    expect(comments(round)).toEqual(['Zebra', 'Äpple']);
  });

  it('becomes an assessment by the existing rules: "vet ej" leaves an item out, a layer rests on the other', () => {
    const responses = resultResponses(round);
    expect(responses.map((r) => r.respondent)).toEqual(['anna', 'bo', 'cilla']);
    expect(responses[1]!.answers.b1).toBeNull();
    const scored = scoreAssessment({
      collaboration: 'collaboration:c',
      assessment: { id: 'assessment:x', date: '2026-01-10', method: 'SURVEY' },
      responses: responses.map((r) => ({ respondent: r.respondent, organisation: r.organisation, ...r.answers })),
    });
    expect(scored).toMatchObject({ layers: { A: 4, B: 3, C: 4 }, respondents: 3, organisations: 2, provisional: false, level: 4 });
    expect(resultSignals(round).sort()).toEqual([]);
  });

  it('keeps the signals any counted respondent saw, in the instrument\'s order', () => {
    const seen = [respondent('x', 'org:a', [3, 3, 3, 3, 3, 3], { signals: ['SJUNKANDE_NARVARO'] })];
    expect(resultSignals(seen)).toEqual(['SJUNKANDE_NARVARO']);
  });
});

describe('GuessLimit', () => {
  it('refuses an address after its allowed misses until the window ends, and no other address', () => {
    let now = 0;
    const limit = new GuessLimit(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limit.retryAfter('a')).toBe(0);
      limit.miss('a');
    }
    now = 15_000;
    expect(limit.retryAfter('a')).toBe(45);
    expect(limit.retryAfter('b')).toBe(0);
    now = 60_000;
    expect(limit.retryAfter('a')).toBe(0);
  });
});
