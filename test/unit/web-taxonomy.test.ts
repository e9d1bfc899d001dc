import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import type { TaxonomyCollaboration } from '../../web/api/documents.ts';
import { toTaxonomyCollaboration } from '../../web/api/taxonomy.ts';
import { columnX, standing, taxonomyElements, taxonomyGroups, taxonomyTable } from '../../web/graph/taxonomy.ts';

const area = (id: string) => ({ id: `target-area:${id}`, name: `Område ${id}` });
function collaboration(id: string, over: Partial<TaxonomyCollaboration> = {}): TaxonomyCollaboration {
  return { id, name: `Samverkan ${id}`, type: null, level: null, targetLevel: null, history: [], drifting: false, participants: [], targetAreas: [], ...over };
}
const byId = (elements: ElementDefinition[]) => new Map(elements.map((e) => [e.data.id!, e]));

describe('taxonomy elements', () => {
  it('puts each collaboration in the column of its level, and the never assessed in their own lane at the left', () => {
    const elements = byId(taxonomyElements([collaboration('a', { level: 'SAMVERKAN', history: [{ date: '2024-01-01', level: 'SAMVERKAN' }] }), collaboration('b')], 'targetArea'));
    expect(elements.get('a')!.position!.x).toBe(columnX('SAMVERKAN'));
    expect(elements.get('b')!.position!.x).toBe(columnX(null));
    expect(elements.get('b')!.classes).toContain('unassessed');
    expect(elements.get('heading:SAMVERKAN')!.position!.x).toBe(columnX('SAMVERKAN'));
    expect(elements.get('heading:unassessed')!.position!.x).toBe(columnX(null));
    // Columns run left to right, the lane apart from them.
    const xs = [null, 'SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT'].map(columnX);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
  });

  it('marks the target with a ring on the same row, joined to the card', () => {
    const elements = byId(taxonomyElements([collaboration('a', { level: 'SAMORDNAT', targetLevel: 'INTEGRERAT', history: [{ date: '2024-01-01', level: 'SAMORDNAT' }] })], 'type'));
    const ring = elements.get('a/target')!;
    expect(ring.position).toEqual({ x: columnX('INTEGRERAT'), y: elements.get('a')!.position!.y });
    expect(ring.data.owner).toBe('a');
    expect(elements.get('a/to-target')!.data).toMatchObject({ source: 'a', target: 'a/target' });
    expect(elements.get('a')!.classes).toContain('below');
  });

  it('draws the history as arrows through earlier levels, red where they go left, and flags drift', () => {
    const history = [
      { date: '2022-01-01', level: 'SAMVERKAN' },
      { date: '2023-01-01', level: 'SAMVERKAN' },
      { date: '2023-06-01', level: 'INTEGRERAT' },
      { date: '2024-01-01', level: 'SAMORDNAT' },
    ];
    const elements = taxonomyElements([collaboration('a', { level: 'SAMORDNAT', history, drifting: true })], 'type');
    const steps = elements.filter((e) => e.data.id?.startsWith('a/step')).map((e) => [e.data.source, e.data.target, e.classes]);
    expect(steps).toEqual([
      ['a/h2', 'a/h3', 'trajectory'],
      ['a/h3', 'a', 'trajectory leftward'],
    ]);
    expect(byId(elements).get('a/h2')!.position!.x).toBe(columnX('SAMVERKAN'));
    expect(byId(elements).get('a')!.classes).toContain('drift');
  });

  it('groups by the målområde a collaboration serves most, or by type, the ungrouped last', () => {
    const collaborations = [
      collaboration('x', { targetAreas: [area('b')], type: 'MELLAN_PROFESSIONER' }),
      collaboration('y'),
      collaboration('z', { targetAreas: [area('a'), area('b')] }),
    ];
    expect(taxonomyGroups(collaborations, 'targetArea').map((g) => [g.name, g.collaborations.map((c) => c.id)])).toEqual([
      ['Område a', ['z']],
      ['Område b', ['x']],
      ['Inget målområde', ['y']],
    ]);
    expect(taxonomyGroups(collaborations, 'type').map((g) => g.name)).toEqual(['Mellan professioner', 'Ingen form angiven']);
  });

  it('tables level, target, history and standing row for row', () => {
    const table = taxonomyTable(
      [collaboration('a', { level: 'SAMORDNAT', targetLevel: 'SAMVERKAN', drifting: true, history: [{ date: '2023-01-01', level: 'SAMVERKAN' }, { date: '2024-01-01', level: 'SAMORDNAT' }] }), collaboration('b')],
      'type',
    );
    expect(table.rows).toEqual([
      { key: 'a', cells: ['Samverkan a', 'Ingen form angiven', 'Samordnat', 'Samverkan', '2023-01-01: Samverkan → 2024-01-01: Samordnat', 'Under målnivån, Drift åt vänster'] },
      { key: 'b', cells: ['Samverkan b', 'Ingen form angiven', 'Ej skattad', '–', '–', 'Ej skattad'] },
    ]);
  });

  it('tells where a collaboration stands against its target', () => {
    expect(standing(collaboration('a'))).toBe('unassessed');
    expect(standing(collaboration('a', { level: 'SAMVERKAN' }))).toBe('no-target');
    expect(standing(collaboration('a', { level: 'SAMVERKAN', targetLevel: 'SAMVERKAN' }))).toBe('on');
    expect(standing(collaboration('a', { level: 'SAMMANSMALT', targetLevel: 'SAMVERKAN' }))).toBe('above');
  });

  it("takes a collaboration's målområden from the goals its activities serve, most served first", () => {
    const node = {
      id: 'c', name: 'C', type: null, targetLevel: null, participants: [],
      activities: [{ goals: [{ targetArea: area('b') }] }, { goals: [{ targetArea: area('a') }, { targetArea: area('b') }] }],
    };
    expect(toTaxonomyCollaboration(node).targetAreas.map((a) => a.id)).toEqual(['target-area:b', 'target-area:a']);
  });
});
