import type { ElementDefinition } from 'cytoscape';
import type { GroupBy, SummaryData, SummaryGroup } from '../api/relation-summary.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';
import { pushTo } from '../../server/analysis/push-to.ts';

type Summary = SummaryData['workingRelationSummary'];
type Point = { x: number; y: number };

/** Above this many actors Nätverk opens grouped: a region's 838 actors drawn one by one are a hairball no one reads. */
export const AGGREGATE_ABOVE = 300;

const MIN_GROUP = 28;
const MIN_EDGE = 1.5;
const MAX_EDGE = 12;
/** Room per actor on the ring an opened group's actors are placed on. */
const RING_STEP = 70;
/** Room beyond the ring for its actors' labels and the group's box. */
const RING_MARGIN = 140;

/** A group's name: the municipality's, or the sector's or kind's in Swedish. */
export function groupName(group: Pick<SummaryGroup, 'key' | 'name'>, groupBy: GroupBy): string {
  if (groupBy === 'SECTOR') return label(sv.sectors, group.key ?? '');
  if (groupBy === 'KIND') return label(sv.kinds, group.key ?? '');
  return group.name ?? sv.network.summary.noMunicipality;
}

/**
 * The summary → Cytoscape elements, with no side effects: a closed group is
 * one node sized by its actors, an opened one a compound node holding them;
 * edges are as wide as their summed strength against the strongest drawn.
 */
export function summaryElements(summary: Summary, groupBy: GroupBy): ElementDefinition[] {
  const strongest = Math.max(1, ...summary.groupRelations.map((e) => e.strength), ...summary.relations.map((r) => r.strength));
  const width = (strength: number) => Math.round((MIN_EDGE + (MAX_EDGE - MIN_EDGE) * Math.sqrt(strength / strongest)) * 10) / 10;
  const elements: ElementDefinition[] = [];
  for (const group of summary.groups) {
    const name = groupName(group, groupBy);
    if (!group.expanded) {
      const size = Math.round(MIN_GROUP + 6 * Math.sqrt(group.actorCount));
      elements.push({ group: 'nodes', data: { id: group.id, type: 'Group', label: `${name}\n${sv.network.summary.actors(group.actorCount)}`, name, count: group.actorCount, size } });
      continue;
    }
    elements.push({ group: 'nodes', data: { id: group.id, type: 'Group', expanded: true, label: `${name} (${group.actorCount})`, name, count: group.actorCount } });
    for (const { actor } of group.members) {
      elements.push({ group: 'nodes', data: { id: actor.id, type: 'Actor', parent: group.id, label: actor.shortName ?? actor.name, name: actor.name, sector: actor.sector, kind: actor.kind } });
    }
  }
  for (const e of summary.groupRelations) {
    elements.push({ group: 'edges', data: { id: `${e.source}~${e.target}`, source: e.source, target: e.target, strength: e.strength, count: e.relationCount, width: width(e.strength) } });
  }
  for (const r of summary.relations) {
    const [a, b] = r.actors.map((x) => x.id) as [string, string];
    elements.push({ group: 'edges', data: { id: `${a}~${b}`, source: a, target: b, strength: r.strength, count: 1, width: width(r.strength), reasons: r.reasons } });
  }
  return elements;
}

/**
 * Where every node goes when a group opens or closes, so the picture does not
 * jump: drawn nodes stay where they were, an opened group's actors go on a
 * ring where the group stood (a compound node stands at the middle of its
 * actors, so a closed group goes back where they were). Null when
 * some node has nowhere to go (a first drawing, another grouping): lay it all out.
 */
export function keepPositions(elements: readonly ElementDefinition[], known: ReadonlyMap<string, Point>): ElementDefinition[] | null {
  const members = new Map<string, string[]>();
  for (const e of elements) if (e.group === 'nodes' && e.data.parent) pushTo(members, e.data.parent, e.data.id!);
  const placed = new Map<string, Point>();
  const rings: { centre: Point; reach: number; ids: Set<string> }[] = [];
  for (const [group, ids] of members) {
    const centre = known.get(group) ?? centreOf(ids.map((id) => known.get(id)).filter((p): p is Point => !!p));
    if (!centre) return null;
    const radius = ids.length < 2 ? 0 : (ids.length * RING_STEP) / (2 * Math.PI);
    if (ids.some((id) => !known.has(id))) rings.push({ centre, reach: radius + RING_MARGIN, ids: new Set(ids) });
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length - Math.PI / 2;
      placed.set(id, known.get(id) ?? { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) });
    });
  }
  const out: ElementDefinition[] = [];
  for (const e of elements) {
    if (e.group !== 'nodes' || members.has(e.data.id!)) {
      out.push(e);
      continue;
    }
    let position = placed.get(e.data.id!) ?? known.get(e.data.id!);
    if (!position) return null;
    for (const ring of rings) if (!ring.ids.has(e.data.id!)) position = makeRoom(position, ring.centre, ring.reach);
    out.push({ ...e, position });
  }
  return out;
}

/**
 * Moves a node away from a newly opened group so the group's actors do not
 * cover it: by `reach` at the group's centre, less and less further out
 * (d + reach·e^(−d/reach) grows with d), so nodes keep their order outward
 * and do not cross each other.
 */
function makeRoom(p: Point, centre: Point, reach: number): Point {
  const dx = p.x - centre.x;
  const dy = p.y - centre.y;
  const d = Math.hypot(dx, dy);
  if (reach <= 0) return p;
  // A node exactly at the centre goes straight up.
  const [ux, uy] = d === 0 ? [0, -1] : [dx / d, dy / d];
  const moved = d + reach * Math.exp(-d / reach);
  return { x: Math.round(centre.x + ux * moved), y: Math.round(centre.y + uy * moved) };
}

function centreOf(points: readonly Point[]): Point | null {
  if (!points.length) return null;
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

/** The groups as a table: what the graph shows, for a screen reader and a CSV. */
export function groupTable(summary: Summary, groupBy: GroupBy): TableModel {
  const c = sv.network.summary.columns;
  // An opened group's relations outward start at its actors.
  const groupOf = new Map(summary.groups.flatMap((g) => g.members.map((m) => [m.actor.id, g.id] as const)));
  const between = new Map<string, number>();
  for (const e of summary.groupRelations) {
    for (const id of [e.source, e.target]) {
      const group = groupOf.get(id) ?? id;
      between.set(group, (between.get(group) ?? 0) + e.relationCount);
    }
  }
  return {
    caption: sv.network.summary.caption,
    columns: [c.group, c.actors, c.inside, c.strength, c.outside],
    rows: [...summary.groups].sort((a, b) => groupName(a, groupBy).localeCompare(groupName(b, groupBy), 'sv', { numeric: true })).map((g) => ({
      key: g.id,
      cells: [groupName(g, groupBy), String(g.actorCount), String(g.relationCount), String(g.strength), String(between.get(g.id) ?? 0)],
    })),
  };
}
