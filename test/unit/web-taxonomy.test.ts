import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import type { TaxonomyCollaboration, TaxonomyGroupData } from '../../web/api/documents.ts';
import { taxonomyGroupings, toTaxonomyCollaboration } from '../../web/api/taxonomy.ts';
import { badgesOf, columnX, standing, taxonomyElements, taxonomyTable } from '../../web/graph/taxonomy.ts';
import { BADGES } from '../../web/graph/legend.ts';

function collaboration(id: string, over: Partial<TaxonomyCollaboration> = {}): TaxonomyCollaboration {
  return { id, name: `Samverkan ${id}`, type: null, level: null, targetLevel: null, history: [], belowTarget: false, drifting: false, provisional: false, isDemo: false, evidence: '', driftFindings: [], layers: [], perceptionGaps: [], participants: [], participations: [], source: null, ...over };
}
const step = (date: string, level: string) => ({ date, level, provisional: false });
const oneGroup = (...ids: string[]): TaxonomyGroupData[] => [{ key: 'NONE', label: 'Ingen form angiven', ids }];
const byId = (elements: ElementDefinition[]) => new Map(elements.map((e) => [e.data.id!, e]));

describe('taxonomy elements', () => {
  it('puts each collaboration in the column of its level, and the never assessed in their own lane at the left', () => {
    const elements = byId(taxonomyElements([collaboration('a', { level: 'SAMVERKAN', history: [step('2024-01-01', 'SAMVERKAN')] }), collaboration('b')], oneGroup('a', 'b')));
    expect(elements.get('a')!.position!.x).toBe(columnX('SAMVERKAN'));
    expect(elements.get('b')!.position!.x).toBe(columnX(null));
    expect(elements.get('b')!.classes).toContain('unassessed');
    expect(elements.get('heading:SAMVERKAN')!.position!.x).toBe(columnX('SAMVERKAN'));
    expect(elements.get('heading:unassessed')!.position!.x).toBe(columnX(null));
    // Columns run left to right, the lane apart from them.
    const xs = [null, 'SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT'].map(columnX);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
  });

  it('marks the target with a ring on the same row, joined to the card, and a collaboration below it', () => {
    const elements = byId(taxonomyElements([collaboration('a', { level: 'SAMORDNAT', targetLevel: 'INTEGRERAT', belowTarget: true, history: [step('2024-01-01', 'SAMORDNAT')] })], oneGroup('a')));
    const ring = elements.get('a/target')!;
    expect(ring.position).toEqual({ x: columnX('INTEGRERAT'), y: elements.get('a')!.position!.y });
    expect(ring.data.owner).toBe('a');
    expect(elements.get('a/to-target')!.data).toMatchObject({ source: 'a', target: 'a/target' });
    expect(elements.get('a')!.classes).toContain('below');
  });

  it('draws the history as arrows through earlier levels, red where they go left, and flags drift', () => {
    const history = [step('2022-01-01', 'SAMVERKAN'), step('2023-01-01', 'SAMVERKAN'), step('2023-06-01', 'INTEGRERAT'), step('2024-01-01', 'SAMORDNAT')];
    const elements = taxonomyElements([collaboration('a', { level: 'SAMORDNAT', history, drifting: true })], oneGroup('a'));
    const steps = elements.filter((e) => e.data.id?.startsWith('a/step')).map((e) => [e.data.source, e.data.target, e.classes]);
    expect(steps).toEqual([
      ['a/h2', 'a/h3', 'trajectory'],
      ['a/h3', 'a', 'trajectory leftward'],
    ]);
    expect(byId(elements).get('a/h2')!.position!.x).toBe(columnX('SAMVERKAN'));
    expect(byId(elements).get('a')!.classes).toContain('drift');
  });

  it('draws a collaboration in each of its groups, the second time standing for the first', () => {
    const groups = [
      { key: 'ta:a', label: 'A', ids: ['x', 'y'] },
      { key: 'ta:b', label: 'B', ids: ['x'] },
    ];
    const elements = byId(taxonomyElements([collaboration('x', { level: 'SAMVERKAN', targetLevel: 'INTEGRERAT' }), collaboration('y')], groups));
    expect(elements.get('x@ta:b')!.data.selects).toBe('x');
    expect(elements.get('x@ta:b/target')!.data.owner).toBe('x');
    expect(elements.get('x@ta:b')!.position!.y).toBeGreaterThan(elements.get('y')!.position!.y);
    // The table lists it once, with both groups.
    expect(taxonomyTable([collaboration('x'), collaboration('y')], groups).rows.map((r) => [r.key, r.cells[1]])).toEqual([['x', 'A, B'], ['y', 'A']]);
  });

  it('tags invented example data on the card, leaving its name alone', () => {
    const elements = byId(taxonomyElements([collaboration('a', { level: 'SAMVERKAN', isDemo: true })], oneGroup('a')));
    expect(elements.get('a')!.data.label).toBe('Samverkan a');
    expect(elements.get('a/demo')!.data).toMatchObject({ owner: 'a', label: 'exempel' });
  });

  it('gives each mark its own badge, so below target and drifting show together', () => {
    const both = collaboration('a', { level: 'SAMORDNAT', targetLevel: 'SAMVERKAN', belowTarget: true, drifting: true });
    expect(badgesOf(both)).toEqual(['below', 'drift']);
    expect(badgesOf(collaboration('b'))).toEqual(['unassessed']);
    const elements = byId(taxonomyElements([both], oneGroup('a')));
    expect([elements.get('a/badge-below')!.data.label, elements.get('a/badge-drift')!.data.label]).toEqual([BADGES.below.glyph, BADGES.drift.glyph]);
    expect(elements.get('a')!.classes).toBe('collaboration below drift');
  });

  it('tables level, target, history and standing row for row', () => {
    const table = taxonomyTable(
      [collaboration('a', { level: 'SAMORDNAT', targetLevel: 'SAMVERKAN', belowTarget: true, drifting: true, provisional: true, history: [step('2023-01-01', 'SAMVERKAN'), step('2024-01-01', 'SAMORDNAT')] }), collaboration('b')],
      oneGroup('a', 'b'),
    );
    expect(table.rows).toEqual([
      { key: 'a', cells: ['Samverkan a', 'Ingen form angiven', 'Samordnat (preliminär)', 'Samverkan', '2023-01-01: Samverkan → 2024-01-01: Samordnat', 'Under målnivån, Drift åt vänster'] },
      { key: 'b', cells: ['Samverkan b', 'Ingen form angiven', 'Ej skattad', '–', '–', 'Ej skattad'] },
    ]);
  });

  it('tells where a collaboration stands against its target', () => {
    expect(standing(collaboration('a'))).toBe('unassessed');
    expect(standing(collaboration('a', { level: 'SAMVERKAN' }))).toBe('no-target');
    expect(standing(collaboration('a', { level: 'SAMVERKAN', targetLevel: 'SAMVERKAN' }))).toBe('on');
    expect(standing(collaboration('a', { level: 'SAMMANSMALT', targetLevel: 'SAMVERKAN' }))).toBe('above');
  });

  it('reads the taxonomy report: placements into collaborations, groups into ids', () => {
    const placement = {
      level: 'SAMORDNAT', targetLevel: 'INTEGRERAT', belowTarget: true, driftFlagged: true, provisional: false, isDemo: true, evidence: 'E',
      trajectory: [step('2024-01-01', 'SAMORDNAT')],
      collaboration: { id: 'c', name: 'C', type: null, source: null, participants: [], participations: [], drift: { findings: [{ title: 'T', evidence: 'D', current: true }] }, layers: [], perceptionGaps: [{ evidence: 'P' }] },
    };
    expect(toTaxonomyCollaboration(placement)).toMatchObject({ id: 'c', level: 'SAMORDNAT', drifting: true, belowTarget: true, isDemo: true, driftFindings: [{ title: 'T' }], perceptionGaps: ['P'] });
    const report = { demoAssessments: 0, notAssessedCount: 0, belowTargetCount: 0, driftCount: 0, collaborations: [], byTargetArea: [{ key: 'ta', label: 'TA', placements: [{ collaboration: { id: 'c' } }] }], byType: [] };
    expect(taxonomyGroupings(report)).toEqual({ targetArea: [{ key: 'ta', label: 'TA', ids: ['c'] }], type: [] });
  });
});
