import { describe, expect, it } from 'vitest';
import { driftOf } from '../../server/analysis/drift.ts';
import { assessmentHistory } from '../../server/analysis/taxonomy.ts';
import { placement, profile, survey } from '../support/assessments.ts';

const drift = (...records: Parameters<typeof assessmentHistory>[0]) => driftOf(assessmentHistory(records));

describe('drift to the left', () => {
  it('flags a sequence that falls a level', () => {
    const result = drift(survey('2022-03-01', profile(3, 3, 3)), survey('2023-03-01', profile(3, 2, 3)));
    expect(result.flagged).toBe(true);
    expect(result.findings).toEqual([{
      rule: 'LAYER_FALL',
      title: 'Ett skikt har sjunkit minst en nivå',
      layer: 'B',
      assessments: [{ id: 'assessment:2022-03-01', date: '2022-03-01' }, { id: 'assessment:2023-03-01', date: '2023-03-01' }],
      values: [3, 2],
      evidence: 'Skikt B (Mål/strategi/organisation) sjönk från 3 till 2 mellan skattningarna 2022-03-01 och 2023-03-01, 1 nivå (regeln: minst 1).',
      current: true,
    }]);
  });

  it('measures the widening gap against the target set on the collaboration, when respondents gave none', () => {
    const history = assessmentHistory([survey('2022-01-01', profile(3, 3, 3)), survey('2023-01-01', profile(3, 2, 3))]);
    expect(driftOf(history).findings.map((f) => [f.rule, f.layer])).toEqual([['LAYER_FALL', 'B']]);
    const fallen = driftOf(history, 4);
    expect(fallen.findings.map((f) => [f.rule, f.layer])).toEqual([['LAYER_FALL', 'B'], ['GAP_WIDENS', 'B']]);
    expect(fallen.findings[1]!.evidence).toBe(
      'Gapet till målnivån för skikt B (Mål/strategi/organisation) växte från 1 till 2 mellan skattningarna 2022-01-01 och 2023-01-01 (mål 4, skattat 2; regeln: minst 1).',
    );
  });

  it('does not flag a steady or rising sequence', () => {
    expect(drift(survey('2022-01-01', profile(2, 2, 2)), survey('2023-01-01', profile(2.5, 3, 2)), survey('2024-01-01', profile(3, 3, 2)))).toEqual({ flagged: false, findings: [] });
  });

  it('does not flag a single assessment, or none', () => {
    expect(drift(survey('2022-01-01', profile(3, 3, 3)))).toEqual({ flagged: false, findings: [] });
    expect(drift()).toEqual({ flagged: false, findings: [] });
  });

  it('flags a layer that falls half a level twice in a row, naming all three dates', () => {
    const result = drift(survey('2021-01-01', profile(4, 3, 3)), survey('2022-01-01', profile(3.5, 3, 3)), survey('2023-01-01', profile(3, 3, 3)));
    expect(result.findings.map((f) => f.rule)).toEqual(['REPEATED_FALL']);
    expect(result.findings[0]).toMatchObject({ layer: 'A', values: [4, 3.5, 3], current: true });
    expect(result.findings[0]!.assessments.map((a) => a.date)).toEqual(['2021-01-01', '2022-01-01', '2023-01-01']);
    expect(result.findings[0]!.evidence).toBe(
      'Skikt A (Aktiviteter/språk) sjönk två gånger i rad: från 4 till 3,5 (2021-01-01 → 2022-01-01) och till 3 (2022-01-01 → 2023-01-01) (regeln: minst 0,5 varje gång).',
    );
  });

  it('does not flag half a level once', () => {
    expect(drift(survey('2021-01-01', profile(4, 3, 3)), survey('2022-01-01', profile(3.5, 3, 3))).findings).toEqual([]);
  });

  it('flags the gap to target widening by 1 even when the level holds (the need grew)', () => {
    const result = drift(survey('2022-01-01', profile(3, 3, 3, [3, 3, 3])), survey('2023-01-01', profile(3, 3, 3, [3, 4, 3])));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'GAP_WIDENS', layer: 'B', values: [0, 1] });
    expect(result.findings[0]!.evidence).toBe(
      'Gapet till målnivån för skikt B (Mål/strategi/organisation) växte från 0 till 1 mellan skattningarna 2022-01-01 och 2023-01-01 (mål 4, skattat 3; regeln: minst 1).',
    );
  });

  it('does not count a shrinking surplus over target as a widening gap', () => {
    expect(drift(survey('2022-01-01', profile(5, 3, 3, [3, 3, 3])), survey('2023-01-01', profile(5, 3, 3, [4.5, 3, 3]))).findings).toEqual([]);
  });

  it('flags layer C falling while A holds: form without substance', () => {
    const result = drift(survey('2022-01-01', profile(3, 3, 3)), survey('2023-01-01', profile(3.5, 3, 2.5)));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'DEPTH_LOSS', layer: 'C', values: [3, 2.5, 3, 3.5] });
    expect(result.findings[0]!.evidence).toMatch(/formen består men djupet tappar/);
  });

  it('does not call it depth loss when A falls with C', () => {
    expect(drift(survey('2022-01-01', profile(3, 3, 3)), survey('2023-01-01', profile(2.5, 3, 2.5))).findings).toEqual([]);
  });

  it('compares direct placements on the overall level', () => {
    const result = drift(placement('2022-01-01', 3, 4), survey('2023-01-01', profile(3, 3, 3, [4, 4, 4])), placement('2024-01-01', 2, 4));
    expect(result.findings.map((f) => [f.rule, f.layer, f.values])).toEqual([
      ['LAYER_FALL', null, [3, 2]],
      ['GAP_WIDENS', null, [1, 2]],
    ]);
    expect(result.findings[0]!.evidence).toMatch(/^Nivån sjönk från 3 till 2/);
  });

  it('keeps an old finding but does not flag a collaboration that has stopped falling', () => {
    const result = drift(survey('2021-01-01', profile(4, 4, 4)), survey('2022-01-01', profile(3, 3, 3)), survey('2023-01-01', profile(3, 3, 3)));
    expect(result.flagged).toBe(false);
    expect(result.findings.map((f) => [f.rule, f.current])).toEqual([['LAYER_FALL', false], ['LAYER_FALL', false], ['LAYER_FALL', false]]);
  });

  it('says when a compared assessment is provisional', () => {
    const thin = survey('2023-01-01', profile(3, 3, 1).slice(0, 2));
    const result = drift(survey('2022-01-01', profile(3, 3, 3)), thin);
    expect(result.findings.find((f) => f.rule === 'LAYER_FALL')!.evidence).toMatch(/preliminär/);
  });
});
