import type { ElementDefinition } from 'cytoscape';
import type { Finding, SubjectNode } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';

export type Report = 'gap' | 'overlap';
export type ReportFinding = Finding & { report: Report };

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  sector?: string;
  kind?: string;
}
export interface GraphEdge {
  source: string;
  target: string;
  /** The relationship's name in the graph model (DESIGN.md), e.g. MEMBER_OF. */
  relation: string;
}

type Ref = { id: string; name?: string; text?: string; title?: string; sector?: string; kind?: string };

/**
 * The finding's subjects and their direct neighbours as nodes and edges, each
 * edge pointing the way the graph model's relationship does.
 */
export function subjectGraph(subjects: readonly SubjectNode[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const add = (ref: Ref, type: string) => {
    const existing = nodes.get(ref.id);
    // A subject's own record is fuller than its mention as someone's neighbour.
    if (existing && existing.type === type) return;
    nodes.set(ref.id, { id: ref.id, type, label: ref.name ?? ref.text ?? ref.title ?? ref.id, ...(ref.sector ? { sector: ref.sector, kind: ref.kind } : {}) });
  };
  const link = (from: Ref, fromType: string, relation: string, to: Ref, toType: string) => {
    if (!nodes.has(from.id)) add(from, fromType);
    if (!nodes.has(to.id)) add(to, toType);
    edges.set(`${from.id}>${relation}>${to.id}`, { source: from.id, target: to.id, relation });
  };
  for (const s of subjects) add(s, s.__typename);
  for (const s of subjects) {
    switch (s.__typename) {
      case 'Actor':
        s.forums.forEach((m) => link(s, 'Actor', 'MEMBER_OF', m.forum, 'Forum'));
        s.activities.forEach((a) => link(s, 'Actor', 'RESPONSIBLE_FOR', a, 'Activity'));
        break;
      case 'Forum':
        if (s.convenor) link(s.convenor, 'Actor', 'CONVENES', s, 'Forum');
        s.members.forEach((m) => link(m.actor, 'Actor', 'MEMBER_OF', s, 'Forum'));
        s.goals.forEach((g) => link(s, 'Forum', 'WORKS_ON', g, 'Goal'));
        break;
      case 'Activity':
        s.responsible.forEach((a) => link(a, 'Actor', 'RESPONSIBLE_FOR', s, 'Activity'));
        s.goals.forEach((g) => link(s, 'Activity', 'CONTRIBUTES_TO', g, 'Goal'));
        s.forums.forEach((f) => link(f, 'Forum', 'COORDINATES', s, 'Activity'));
        break;
      case 'Goal':
        link(s, 'Goal', 'IN_TARGET_AREA', s.targetArea, 'TargetArea');
        s.activities.forEach((a) => link(a, 'Activity', 'CONTRIBUTES_TO', s, 'Goal'));
        s.forums.forEach((f) => link(f, 'Forum', 'WORKS_ON', s, 'Goal'));
        break;
      case 'Collaboration':
        s.participants.forEach((a) => link(a, 'Actor', 'PARTICIPATES_IN', s, 'Collaboration'));
        s.forums.forEach((f) => link(s, 'Collaboration', 'THROUGH', f, 'Forum'));
        s.activities.forEach((a) => link(s, 'Collaboration', 'ON', a, 'Activity'));
        break;
      case 'Strategy':
        if (s.strategyArea) link(s, 'Strategy', 'IN_TARGET_AREA', s.strategyArea, 'TargetArea');
        s.activities.forEach((a) => link(a, 'Activity', 'IMPLEMENTS', s, 'Strategy'));
        break;
      case 'TargetArea':
        s.goals.forEach((g) => link(g, 'Goal', 'IN_TARGET_AREA', s, 'TargetArea'));
        break;
      case 'PolicyDocument':
        if (s.owner) link(s.owner, 'Actor', 'OWNS', s, 'PolicyDocument');
        break;
      case 'Area':
        break;
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The subgraph as Cytoscape elements, the finding's subjects marked. */
export function findingElements(graph: ReturnType<typeof subjectGraph>, subjectIds: readonly string[]): ElementDefinition[] {
  const subjects = new Set(subjectIds);
  return [
    ...graph.nodes.map((n): ElementDefinition => ({ group: 'nodes', data: { ...n }, classes: subjects.has(n.id) ? 'subject' : '' })),
    ...graph.edges.map((e): ElementDefinition => ({ group: 'edges', data: { id: `${e.source}>${e.relation}>${e.target}`, ...e } })),
  ];
}

/** The subgraph as a table: one row per relationship. */
export function subgraphTable(graph: ReturnType<typeof subjectGraph>, subjectIds: readonly string[]): TableModel {
  const names = new Map(graph.nodes.map((n) => [n.id, `${n.label} (${label(sv.nodeTypes, n.type)})`]));
  const subjects = new Set(subjectIds);
  const c = sv.findings.subgraphColumns;
  const name = (id: string) => `${names.get(id) ?? id}${subjects.has(id) ? ` – ${sv.findings.subject}` : ''}`;
  const rows = graph.edges.map((e) => ({ key: `${e.source}>${e.relation}>${e.target}`, cells: [name(e.source), label(sv.findings.relations, e.relation), name(e.target)] }));
  // A subject with no neighbours still belongs in the table.
  const alone = graph.nodes.filter((n) => subjects.has(n.id) && !graph.edges.some((e) => e.source === n.id || e.target === n.id));
  return { caption: sv.findings.subgraphCaption, columns: [c.from, c.relation, c.to], rows: [...alone.map((n) => ({ key: n.id, cells: [name(n.id), sv.common.none, sv.common.none] })), ...rows] };
}

/** The findings list as a table. */
export function findingTable(findings: readonly ReportFinding[]): TableModel {
  const c = sv.findings.columns;
  return {
    caption: sv.findings.caption,
    columns: [c.title, c.severity, c.rule, c.kind, c.evidence, c.action],
    shown: 4,
    rows: findings.map((f) => ({
      key: f.id,
      cells: [f.title, label(sv.severities, f.severity), label(sv.rules, f.rule), label(sv.findings.kind, f.report), f.evidence, f.action ?? ''],
    })),
  };
}
