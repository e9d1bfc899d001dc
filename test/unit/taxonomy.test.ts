import { describe, expect, it } from 'vitest';
import {
  collaborationLayerScores,
  collaborationStanding,
  median,
  overallLevel,
  perceptionGaps,
  respondentLayerScores,
  scoreAssessment,
  standingsByCollaboration,
} from '../../server/analysis/taxonomy.ts';
import { INSTRUMENT, levelCode, readInstrument } from '../../server/domain/instrument.ts';
import { answer, placement, profile, survey } from '../support/assessments.ts';

describe('the instrument (seed/instrument/taxonomy-v1.json)', () => {
  it('has three layers of two items, each with five statements, and the early-warning signals', () => {
    expect(INSTRUMENT.layers.map((l) => l.name)).toEqual(['Aktiviteter/språk', 'Mål/strategi/organisation', 'Utgångspunkt/grundläggande antaganden']);
    for (const layer of INSTRUMENT.layers) {
      expect(layer.items).toHaveLength(2);
      for (const item of layer.items) expect(item.statements).toHaveLength(5);
    }
    expect(INSTRUMENT.signals).toHaveLength(5);
    expect(INSTRUMENT.targetQuestion).toMatch(/12 månader/);
  });

  it('refuses a file whose structure the stored answers do not fit, naming the field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { pathToFileURL } = await import('node:url');
    const file = join(mkdtempSync(join(tmpdir(), 'instrument-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ ...INSTRUMENT, layers: INSTRUMENT.layers.slice(0, 2) }));
    expect(() => readInstrument(pathToFileURL(file))).toThrow(/layers: must be the layers A, B, C/);
  });

  it('maps levels 1–5 to SPECIFICERAT … SAMMANSMALT', () => {
    expect([1, 2, 3, 4, 5].map(levelCode)).toEqual(['SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT']);
    expect(() => levelCode(6)).toThrow();
  });
});

describe('scoring', () => {
  it('takes a respondent\'s layer score as the mean of its two items', () => {
    expect(respondentLayerScores({ respondent: 'r', ...answer('o', [1, 2, 3, 3, 5, 4]) })).toEqual({ A: 1.5, B: 3, C: 4.5 });
  });

  it('takes the collaboration\'s layer score as the median over respondents', () => {
    expect(median([1, 5, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    const responses = [answer('x', [1, 1, 2, 2, 3, 3]), answer('x', [5, 5, 4, 4, 3, 3]), answer('y', [2, 2, 2, 2, 1, 1])];
    expect(collaborationLayerScores(responses.map((r, i) => ({ respondent: String(i), ...r })))).toEqual({ A: 2, B: 2, C: 3 });
  });

  it('gives the rounded mean of the layers as the overall level', () => {
    expect(overallLevel({ A: 3, B: 3, C: 3 }).level).toBe(3);
    expect(overallLevel({ A: 3, B: 3.5, C: 3 }).level).toBe(3);
    expect(overallLevel({ A: 3.5, B: 3.5, C: 3 }).level).toBe(3);
    // 3.5 exactly rounds up.
    expect(overallLevel({ A: 4, B: 3.5, C: 3 }).level).toBe(4);
  });

  it('caps the overall level at the lowest layer + 1: form without depth does not move right', () => {
    const { level, evidence } = overallLevel({ A: 5, B: 5, C: 1 });
    expect(level).toBe(2);
    expect(evidence).toBe('Skikten A 5, B 5, C 1: medelvärdet 3,67 avrundas till 4, men taket är lägsta skiktet + 1 = 2, så nivån blir 2 (Samordnat).');
    expect(overallLevel({ A: 5, B: 4, C: 2.5 }).level).toBe(3);
  });

  it('marks a result provisional with fewer than 3 respondents or only one organisation', () => {
    expect(scoreAssessment(survey('2024-01-01', profile(3, 3, 3))).provisional).toBe(false);
    const twoRespondents = scoreAssessment(survey('2024-01-01', [answer('x', [3, 3, 3, 3, 3, 3]), answer('y', [3, 3, 3, 3, 3, 3])]));
    expect(twoRespondents).toMatchObject({ provisional: true, respondents: 2, organisations: 2 });
    expect(twoRespondents.evidence).toMatch(/preliminärt/);
    const oneOrganisation = scoreAssessment(survey('2024-01-01', [1, 2, 3].map(() => answer('x', [3, 3, 3, 3, 3, 3]))));
    expect(oneOrganisation).toMatchObject({ provisional: true, respondents: 3, organisations: 1 });
  });

  it('scores a survey: layers, level, the targets respondents gave', () => {
    const scored = scoreAssessment(survey('2024-01-01', profile(4, 3, 2, [4, 4, 3])));
    expect(scored).toMatchObject({
      method: 'SURVEY', layers: { A: 4, B: 3, C: 2 }, targets: { A: 4, B: 4, C: 3 }, level: 3, targetLevel: 4, provisional: false,
    });
    expect(scored.evidence).toBe('Skikten A 4, B 3, C 2: medelvärdet 3 avrundas till 3 (Samverkan). Underlag: 3 svarande från 2 organisationer.');
  });

  it('keeps a direct placement as placed, marked as such, with no layer profile', () => {
    const scored = scoreAssessment(placement('2024-01-01', 4, 5));
    expect(scored).toMatchObject({ method: 'DIRECT', level: 4, targetLevel: 5, layers: null, provisional: false, note: 'Bedömning' });
    expect(scored.evidence).toMatch(/Direkt placerad av en redaktör på nivå 4 \(Integrerat\)/);
  });

  it('finds a perception gap when two organisations\' medians on a layer differ by 2 or more', () => {
    const responses = [
      answer('actor:socialtjansten', [3, 3, 3, 3, 1, 2]),
      answer('actor:socialtjansten', [3, 3, 3, 3, 2, 1]),
      answer('actor:polisen', [3, 3, 4, 4, 4, 4]),
    ].map((r, i) => ({ respondent: String(i), ...r }));
    const gaps = perceptionGaps(responses);
    expect(gaps).toEqual([{
      layer: 'C',
      organisations: ['actor:socialtjansten', 'actor:polisen'],
      medians: [1.5, 4],
      difference: 2.5,
      evidence: 'Skikt C (Utgångspunkt/grundläggande antaganden): actor:socialtjansten ger medianen 1,5 och actor:polisen 4, en skillnad på 2,5 nivåer (regeln: minst 2).',
    }]);
    // B differs by 1: below the rule.
    expect(gaps.some((g) => g.layer === 'B')).toBe(false);
  });
});

describe('a collaboration\'s standing', () => {
  it('is "never assessed" with no level and no target when there are no assessments', () => {
    expect(collaborationStanding([])).toMatchObject({ level: null, target: null, belowTarget: false, neverAssessed: true, gaps: [] });
  });

  it('takes the latest assessment\'s level, whatever order the rows come in', () => {
    const standing = collaborationStanding([survey('2024-01-01', profile(2, 2, 2)), survey('2022-01-01', profile(4, 4, 4))]);
    expect(standing.history.map((a) => a.date)).toEqual(['2022-01-01', '2024-01-01']);
    expect(standing).toMatchObject({ level: 2, neverAssessed: false });
  });

  it('is below target when the latest level is under the target respondents gave', () => {
    const standing = collaborationStanding([survey('2024-01-01', profile(3, 2, 2, [4, 4, 4]))]);
    expect(standing).toMatchObject({ level: 2, target: 4, belowTarget: true });
    expect(standing.evidence).toBe('Senaste skattningen (2024-01-01) ger nivå 2 (Samordnat); målnivån är 4 (Integrerat), enligt de svarande: under målnivån.');
  });

  it('gives gap = target − actual per layer, negative when more integrated than needed', () => {
    const standing = collaborationStanding([survey('2024-01-01', profile(4, 3, 2, [3, 3, 4]))]);
    expect(standing.gaps).toEqual([
      { layer: 'A', actual: 4, target: 3, gap: -1 },
      { layer: 'B', actual: 3, target: 3, gap: 0 },
      { layer: 'C', actual: 2, target: 4, gap: 2 },
    ]);
  });

  it('lets a target set on the collaboration win over the respondents\' targets', () => {
    const standing = collaborationStanding([survey('2024-01-01', profile(3, 3, 3, [5, 5, 5]))], 'SAMVERKAN');
    expect(standing).toMatchObject({ level: 3, target: 3, belowTarget: false });
    expect(standing.gaps.map((g) => g.gap)).toEqual([0, 0, 0]);
  });

  it('shows the profile of the latest survey even after a direct placement', () => {
    const standing = collaborationStanding([survey('2023-01-01', profile(3, 3, 2)), placement('2024-01-01', 2, 3)]);
    expect(standing).toMatchObject({ level: 2, target: 3, belowTarget: true });
    expect(standing.latestSurvey?.date).toBe('2023-01-01');
  });

  it('groups every collaboration\'s rows in one pass, for the gap rules', () => {
    const standings = standingsByCollaboration([
      survey('2024-01-01', profile(2, 2, 2, [3, 3, 3]), 'collaboration:a'),
      placement('2024-02-01', 4, null, 'collaboration:b'),
    ]);
    expect([...standings.keys()].sort()).toEqual(['collaboration:a', 'collaboration:b']);
    expect(standings.get('collaboration:a')).toMatchObject({ level: 2, target: 3, belowTarget: true });
    expect(standings.get('collaboration:b')).toMatchObject({ level: 4, target: null, belowTarget: false });
  });
});
