import { describe, expect, it } from 'vitest';
import type { SubjectNode } from '../../web/api/documents.ts';
import { findingElements, findingTable, subgraphTable, subjectGraph } from '../../web/graph/findings.ts';

const actor = (id: string) => ({ id, name: `Aktör ${id}`, sector: 'KOMMUN', kind: 'FORVALTNING' });

describe('finding subgraph', () => {
  it('draws a goal with no activity beside its målområde, the goal marked', () => {
    const goal: SubjectNode = { __typename: 'Goal', id: 'goal:g', text: 'Ingen ska vara hemlös', targetArea: { id: 'ta:b', name: 'Boende' }, activities: [], forums: [] };
    const graph = subjectGraph([goal]);
    expect(graph.nodes).toEqual([
      { id: 'goal:g', type: 'Goal', label: 'Ingen ska vara hemlös' },
      { id: 'ta:b', type: 'TargetArea', label: 'Boende' },
    ]);
    expect(graph.edges).toEqual([{ source: 'goal:g', target: 'ta:b', relation: 'IN_TARGET_AREA' }]);
    const elements = findingElements(graph, ['goal:g']);
    expect(elements.filter((e) => e.classes === 'subject').map((e) => e.data.id)).toEqual(['goal:g']);
    expect(subgraphTable(graph, ['goal:g']).rows).toEqual([
      { key: 'goal:g>IN_TARGET_AREA>ta:b', cells: ['Ingen ska vara hemlös (Effektmål) – berörd', 'i målområde', 'Boende (Målområde)'] },
    ]);
  });

  it('points edges the way the graph model does and keeps a subject’s own record over its mention as a neighbour', () => {
    const forum: SubjectNode = { __typename: 'Forum', id: 'forum:f', name: 'F', convenor: actor('a'), members: [{ actor: actor('a') }, { actor: actor('b') }], goals: [{ id: 'goal:g', text: 'G' }] };
    const b: SubjectNode = { __typename: 'Actor', id: 'b', name: 'Aktör b', sector: 'STAT', kind: 'STATLIG_MYNDIGHET', forums: [{ forum: { id: 'forum:f', name: 'F' } }], activities: [] };
    const graph = subjectGraph([forum, b]);
    expect(graph.edges).toEqual([
      { source: 'a', target: 'forum:f', relation: 'CONVENES' },
      { source: 'a', target: 'forum:f', relation: 'MEMBER_OF' },
      { source: 'b', target: 'forum:f', relation: 'MEMBER_OF' },
      { source: 'forum:f', target: 'goal:g', relation: 'WORKS_ON' },
    ]);
    expect(graph.nodes.find((n) => n.id === 'b')).toEqual({ id: 'b', type: 'Actor', label: 'Aktör b', sector: 'STAT', kind: 'STATLIG_MYNDIGHET' });
  });

  it('lists a subject with no neighbours in the table all the same', () => {
    const area: SubjectNode = { __typename: 'Area', id: 'area:n', name: 'Norrby' };
    expect(subgraphTable(subjectGraph([area]), ['area:n']).rows).toEqual([{ key: 'area:n', cells: ['Norrby (Område) – berörd', '–', '–'] }]);
  });

  it('tables findings with title, severity, rule and kind on the page, and evidence and action in the CSV', () => {
    const table = findingTable([{ id: 'f1', rule: 'goal-without-activity', title: 'T', severity: 'HIGH', evidence: 'E', action: null, subjectIds: [], report: 'gap' }]);
    expect(table.shown).toBe(4);
    expect(table.rows).toEqual([{ key: 'f1', cells: ['T', 'Hög', 'Effektmål utan aktivitet', 'Lucka', 'E', ''] }]);
  });
});
