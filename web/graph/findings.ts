import type { ElementDefinition } from 'cytoscape';
import type { Finding, RuleCount, SubjectNode } from '../api/documents.ts';
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

/** The findings list as a table; a grouped finding's parts (an activity's empty cells) are its child rows. */
export function findingTable(findings: readonly ReportFinding[], ruleLabels: ReadonlyMap<string, string>): TableModel {
  const c = sv.findings.columns;
  return {
    caption: sv.findings.caption,
    columns: [c.title, c.severity, c.rule, c.kind, c.evidence, c.action],
    shown: 4,
    rows: findings.map((f) => ({
      key: f.id,
      cells: [f.title, label(sv.severities, f.severity), ruleLabels.get(f.rule) ?? f.rule, label(sv.findings.kind, f.report), f.evidence, f.action ?? ''],
      ...(f.parts.length > 1 ? { children: f.parts.map((p) => ({ key: `${f.id}/${p.key}`, cells: [p.label, p.action] })) } : {}),
    })),
  };
}

/** One bar of the summary per rule. */
export interface RuleBar extends RuleCount {
  /** Its length as a share of the longest bar, 0–1. */
  share: number;
}

/** Counts per rule (the reports' byRule, added up), most first, then by name: the bar chart's data. */
export function ruleBars(counts: readonly RuleCount[]): RuleBar[] {
  const merged = new Map<string, RuleCount>();
  for (const c of counts) merged.set(c.rule, { ...c, count: (merged.get(c.rule)?.count ?? 0) + c.count });
  const bars = [...merged.values()].filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'));
  const most = Math.max(1, ...bars.map((b) => b.count));
  return bars.map((b) => ({ ...b, share: b.count / most }));
}

/** The first målområde of an activity's goals: the Effektkedjor page it is drawn on. */
const areaOfActivity = (goals: readonly { targetArea?: { id: string } }[]) => goals.find((g) => g.targetArea)?.targetArea?.id ?? null;

/**
 * Where a subject can be fixed: its node opened in the view that shows and edits it (a forum in
 * Forum, an activity or effektmål in Effektkedjor, a collaboration in Taxonomi, an actor in
 * Nätverk, a styrdokument in Styrdokument; an område opens Nätverk filtered by it), and with
 * `edit` its edit form as well.
 */
export function subjectHref(node: SubjectNode, edit: boolean): string {
  const at = (path: string, params: Record<string, string | null>, editable = true) => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null));
    if (edit && editable) query.set('edit', '1');
    return `${path}?${query}`;
  };
  switch (node.__typename) {
    case 'Actor': return at('/', { actor: node.id });
    case 'Forum': return at('/forum', { forum: node.id });
    case 'Activity': return at('/effektkedjor', { targetArea: areaOfActivity(node.goals), node: node.id });
    case 'Goal': return at('/effektkedjor', { targetArea: node.targetArea.id, node: node.id });
    case 'TargetArea': return at('/effektkedjor', { targetArea: node.id }, false);
    case 'Strategy': return at('/effektkedjor', { targetArea: node.strategyArea?.id ?? null }, false);
    case 'Collaboration': return at('/taxonomi', { collaboration: node.id });
    case 'PolicyDocument': return at('/styrdokument', { document: node.id });
    case 'Area': return at('/', { area: node.id }, false);
  }
}

/** A subject's name as the lists show it. */
export const subjectName = (node: SubjectNode): string =>
  'name' in node ? node.name : 'text' in node ? node.text : node.title;
