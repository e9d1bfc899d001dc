import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { groupName, groupTable, keepPositions, summaryElements } from '../../web/graph/aggregate.ts';
import type { SummaryData, SummaryGroup } from '../../web/api/relation-summary.ts';

type Summary = SummaryData['workingRelationSummary'];
const actor = (id: string) => ({ id, name: `Namn ${id}`, shortName: null, kind: 'FORVALTNING', sector: 'KOMMUN' });
const group = (id: string, name: string | null, actors: string[], expanded = false): SummaryGroup => ({
  id, key: name ? `actor:${id}` : null, name, actorCount: actors.length, relationCount: 1, strength: 2, expanded,
  members: expanded ? actors.map((a) => ({ actor: actor(a), evidence: 'Del av kommunen' })) : [],
});

const closed: Summary = {
  actorCount: 7,
  groups: [group('g:a', 'Kommun A', ['a1', 'a2', 'a3']), group('g:b', 'Kommun B', ['b1', 'b2']), group('g:none', null, ['r', 's'])],
  groupRelations: [
    { source: 'g:a', target: 'g:none', relationCount: 4, strength: 16 },
    { source: 'g:a', target: 'g:b', relationCount: 1, strength: 1 },
  ],
  relations: [],
};
const opened: Summary = {
  ...closed,
  groups: [group('g:a', 'Kommun A', ['a1', 'a2', 'a3'], true), closed.groups[1]!, closed.groups[2]!],
  groupRelations: [
    { source: 'a1', target: 'g:none', relationCount: 4, strength: 16 },
    { source: 'a2', target: 'g:b', relationCount: 1, strength: 1 },
  ],
  relations: [{ actors: [{ id: 'a1' }, { id: 'a2' }], strength: 3, reasons: ['Delar forum: F'] }],
};
const nodes = (elements: ElementDefinition[]) => elements.filter((e) => e.group === 'nodes');

describe('summary elements', () => {
  it('draws a closed group as one node with its name and count, and edges as wide as their summed strength', () => {
    const elements = summaryElements(closed, 'MUNICIPALITY');
    expect(nodes(elements).map((e) => e.data.label)).toEqual(['Kommun A\n3 aktörer', 'Kommun B\n2 aktörer', 'Flera eller ingen kommun\n2 aktörer']);
    const widths = elements.filter((e) => e.group === 'edges').map((e) => e.data.width as number);
    // The strongest edge is the widest there is; one of 1/16 the strength is a quarter as far from the thinnest.
    expect(widths[0]).toBe(12);
    expect(widths[1]).toBeCloseTo(1.5 + 10.5 * 0.25, 1);
  });

  it('draws an opened group as a box holding its actors, with their relations between them and to closed groups', () => {
    const elements = summaryElements(opened, 'MUNICIPALITY');
    expect(nodes(elements).filter((e) => e.data.parent === 'g:a').map((e) => e.data.id)).toEqual(['a1', 'a2', 'a3']);
    expect(nodes(elements).find((e) => e.data.id === 'g:a')!.data).toMatchObject({ expanded: true, label: 'Kommun A (3)' });
    expect(elements.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(['a1~g:none', 'a2~g:b', 'a1~a2']);
  });

  it('names sectors and kinds in Swedish', () => {
    expect(groupName({ key: 'CIVILSAMHALLE', name: null }, 'SECTOR')).toBe('Civilsamhälle');
    expect(groupName({ key: 'FORVALTNING', name: null }, 'KIND')).toBe('Förvaltning');
  });
});

describe('keeping positions', () => {
  const known = new Map([['g:a', { x: 0, y: 0 }], ['g:b', { x: 100, y: 0 }], ['g:none', { x: 0, y: 1000 }]]);

  it("puts an opened group's actors on a ring where the group stood, and moves the others out of its way in their direction", () => {
    const kept = keepPositions(summaryElements(opened, 'MUNICIPALITY'), known)!;
    const at = (id: string) => kept.find((e) => e.data.id === id)!.position!;
    const ring = ['a1', 'a2', 'a3'].map(at);
    const radius = ring.map((p) => Math.hypot(p.x, p.y));
    expect(Math.max(...radius) - Math.min(...radius)).toBeLessThanOrEqual(1);
    // B was 100 to the right, inside the ring's reach: it is pushed further right, past the ring.
    expect(at('g:b').y).toBe(0);
    expect(at('g:b').x).toBeGreaterThan(radius[0]!);
    // The far group barely moves, and keeps its direction.
    expect(at('g:none').x).toBe(0);
    expect(at('g:none').y - 1000).toBeLessThan(10);
    expect(at('g:none').y).toBeGreaterThanOrEqual(1000);
  });

  it('leaves every known node where it was when a group closes, and needs a full layout for nodes it has never seen', () => {
    const reopened = new Map([...known, ['a1', { x: 5, y: 5 }], ['a2', { x: 7, y: 7 }], ['a3', { x: 9, y: 9 }]]);
    const kept = keepPositions(summaryElements(closed, 'MUNICIPALITY'), reopened)!;
    expect(nodes(kept).map((e) => e.position)).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 1000 }]);
    expect(keepPositions(summaryElements(closed, 'MUNICIPALITY'), new Map())).toBeNull();
  });
});

describe('group table', () => {
  it('lists the groups by name, counting the relations of an opened group outward from its actors', () => {
    const table = groupTable(opened, 'MUNICIPALITY');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Flera eller ingen kommun', '2', '1', '2', '4'],
      ['Kommun A', '3', '1', '2', '5'],
      ['Kommun B', '2', '1', '2', '1'],
    ]);
  });
});
