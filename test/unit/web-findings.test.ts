import { describe, expect, it } from 'vitest';
import type { SubjectNode } from '../../web/api/documents.ts';
import { findingElements, findingTable, ruleBars, subgraphTable, subjectGraph, subjectHref } from '../../web/graph/findings.ts';

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
    const table = findingTable([{ id: 'f1', rule: 'goal-without-activity', title: 'T', severity: 'HIGH', evidence: 'E', action: null, subjectIds: [], parts: [], report: 'gap' }], new Map([['goal-without-activity', 'Effektmål utan aktivitet']]));
    expect(table.shown).toBe(4);
    expect(table.rows).toEqual([{ key: 'f1', cells: ['T', 'Hög', 'Effektmål utan aktivitet', 'Lucka', 'E', ''] }]);
  });

  it('gives a grouped finding its parts as child rows, and names a rule the server did not name by its id', () => {
    const parts = [{ key: 'period', label: 'Tid saknas', action: 'Ange när.' }, { key: 'resources', label: 'Resurser saknas', action: 'Ange resurser.' }];
    const [row] = findingTable([{ id: 'f2', rule: 'activity-empty-cells', title: 'Tid och resurser saknas: A', severity: 'MEDIUM', evidence: 'E', action: 'X', subjectIds: [], parts, report: 'gap' }], new Map()).rows;
    expect(row!.cells[2]).toBe('activity-empty-cells');
    expect(row!.children).toEqual([{ key: 'f2/period', cells: ['Tid saknas', 'Ange när.'] }, { key: 'f2/resources', cells: ['Resurser saknas', 'Ange resurser.'] }]);
  });

  it('adds up byRule of both reports into bars, most first, scaled to the longest', () => {
    const bars = ruleBars([
      { rule: 'a', label: 'Bbb', count: 2 }, { rule: 'b', label: 'Aaa', count: 2 }, { rule: 'c', label: 'Ccc', count: 8 }, { rule: 'd', label: 'Ddd', count: 0 },
    ]);
    expect(bars.map((b) => [b.rule, b.count, b.share])).toEqual([['c', 8, 1], ['b', 2, 0.25], ['a', 2, 0.25]]);
  });

  it('links each subject to the view where it is fixed, and to its edit form for an editor', () => {
    const activity: SubjectNode = { __typename: 'Activity', id: 'activity:x', name: 'X', responsible: [], goals: [{ id: 'goal:g', text: 'G', targetArea: { id: 'target-area:t' } }], forums: [] };
    expect(subjectHref(activity, false)).toBe('/effektkedjor?targetArea=target-area%3At&node=activity%3Ax');
    expect(subjectHref(activity, true)).toBe('/effektkedjor?targetArea=target-area%3At&node=activity%3Ax&edit=1');
    expect(subjectHref({ __typename: 'Forum', id: 'forum:f', name: 'F', convenor: null, members: [], goals: [] }, true)).toBe('/forum?forum=forum%3Af&edit=1');
    expect(subjectHref({ __typename: 'Collaboration', id: 'collaboration:c', name: 'C', participants: [], forums: [], activities: [] }, false)).toBe('/taxonomi?collaboration=collaboration%3Ac');
    expect(subjectHref({ __typename: 'Actor', id: 'actor:a', name: 'A', sector: 'KOMMUN', kind: 'FORVALTNING', forums: [], activities: [] }, false)).toBe('/?actor=actor%3Aa');
    expect(subjectHref({ __typename: 'PolicyDocument', id: 'policy-document:p', title: 'P', owner: null }, true)).toBe('/styrdokument?document=policy-document%3Ap&edit=1');
    // An område or målområde has no form of its own: the link opens where it is shown.
    expect(subjectHref({ __typename: 'Area', id: 'area:n', name: 'Norrby' }, true)).toBe('/?area=area%3An');
  });
});
