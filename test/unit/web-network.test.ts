import { describe, expect, it } from 'vitest';
import { networkElements } from '../../web/graph/elements.ts';

const actor = (id: string, shortName: string | null = null) => ({ id, name: `Namn ${id}`, shortName, kind: 'FORVALTNING', sector: 'KOMMUN' });

describe('network elements', () => {
  it('turns actors into nodes labelled by short name and relations into weighted edges', () => {
    const elements = networkElements([actor('a', 'ALF'), actor('b')], [{ actors: [{ id: 'a' }, { id: 'b' }], strength: 3, reasons: ['Delar forum: X'] }]);
    expect(elements).toEqual([
      { group: 'nodes', data: { id: 'a', label: 'ALF', name: 'Namn a', sector: 'KOMMUN', kind: 'FORVALTNING' } },
      { group: 'nodes', data: { id: 'b', label: 'Namn b', name: 'Namn b', sector: 'KOMMUN', kind: 'FORVALTNING' } },
      { group: 'edges', data: { id: 'a~b', source: 'a', target: 'b', strength: 3, reasons: ['Delar forum: X'] } },
    ]);
  });

  it('drops relations to actors that are not shown', () => {
    const elements = networkElements([actor('a')], [{ actors: [{ id: 'a' }, { id: 'x' }], strength: 1, reasons: [] }]);
    expect(elements.filter((e) => e.group === 'edges')).toEqual([]);
  });
});
