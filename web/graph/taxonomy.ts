import type { ElementDefinition } from 'cytoscape';
import type { TaxonomyCollaboration, TaxonomyGroupData } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';
import { columnLanes, decoration } from './lanes.ts';
import { BADGES } from './legend.ts';
import { TAXONOMY_FONT_SIZE, card } from './text.ts';

/** The taxonomy "Arbeta med andra", left to right. */
export const LEVELS = ['SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT'] as const;
export const GROUPINGS = ['targetArea', 'type'] as const;
export type Grouping = (typeof GROUPINGS)[number];

const COLUMN = 180;
const CARD_WIDTH = 160;
/** The "ej skattad" lane stands apart from the scale. */
const LANE_GAP = 40;
/** Room between cards for the badges that sit on their edges. */
const ROW_GAP = 36;
const BADGE = 22;
const GROUP_GAP = 28;
const TOP = 120;

/** 0 … 4 for a level, null for none or an unknown value. */
export function levelIndex(level: string | null): number | null {
  const i = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  return i < 0 ? null : i;
}

/** The x of a level's column; null (never assessed) is the separate lane at the left. */
export const columnX = (level: string | null): number => {
  const i = levelIndex(level);
  return i === null ? 0 : LANE_GAP + (i + 1) * COLUMN;
};
const LEFT = -COLUMN / 2;
const RIGHT = LANE_GAP + LEVELS.length * COLUMN + COLUMN / 2;

export type Standing = 'unassessed' | 'no-target' | 'below' | 'on' | 'above';

/** Where a collaboration stands against its target (below as the server judges it; above is shown too: more is not always better). */
export function standing(c: TaxonomyCollaboration): Standing {
  const level = levelIndex(c.level);
  const target = levelIndex(c.targetLevel);
  if (level === null) return 'unassessed';
  if (target === null) return 'no-target';
  if (c.belowTarget) return 'below';
  return level > target ? 'above' : 'on';
}

/**
 * The groups with their collaborations, as the server groups them. A
 * collaboration in several groups (several målområden) stands in each; the
 * first time under its own id, after that under `id@group`, standing for it.
 */
export function taxonomyRows(collaborations: readonly TaxonomyCollaboration[], groups: readonly TaxonomyGroupData[]) {
  const byId = new Map(collaborations.map((c) => [c.id, c]));
  const seen = new Set<string>();
  return groups.map((g) => ({
    key: g.key,
    label: g.label,
    rows: g.ids.flatMap((id) => {
      const c = byId.get(id);
      if (!c) return [];
      const instance = seen.has(id) ? `${id}@${g.key}` : id;
      seen.add(id);
      return [{ instance, collaboration: c }];
    }),
  }));
}

/**
 * The taxonomy as preset positions: a column per level and one for the
 * unassessed, a row per collaboration, grouped. On its row a collaboration's
 * card stands at its level, a ring at its target, and dots at its earlier
 * levels joined by arrows in date order (red where they go left).
 */
export function taxonomyElements(collaborations: readonly TaxonomyCollaboration[], groups: readonly TaxonomyGroupData[]): ElementDefinition[] {
  const rows: ElementDefinition[] = [];
  let y = TOP;
  for (const group of taxonomyRows(collaborations, groups)) {
    rows.push(decoration(`group:${group.key}`, 'heading group', group.label, LEFT + 6, y, COLUMN * 6));
    rows.push({ group: 'nodes', data: { id: `divider:${group.key}`, decoration: true, width: RIGHT - LEFT, height: 2 }, position: { x: (LEFT + RIGHT) / 2, y: y + 12 }, classes: 'divider' });
    y += GROUP_GAP;
    for (const { instance, collaboration } of group.rows) {
      const size = card(collaboration.name, CARD_WIDTH, TAXONOMY_FONT_SIZE);
      rows.push(...collaborationRow(collaboration, instance, y + size.height / 2, size));
      y += size.height + ROW_GAP;
    }
    y += GROUP_GAP / 2;
  }
  const columns = [
    { key: 'unassessed', heading: sv.taxonomy.unassessed, x: columnX(null), className: 'unassessed' },
    ...LEVELS.map((level, i) => ({ key: level, heading: `${i + 1}. ${label(sv.levels, level)}`, x: columnX(level) })),
  ];
  return [
    ...columnLanes(columns, COLUMN, TOP - 10, y - TOP + 20),
    decoration('heading:call', 'heading call', sv.taxonomy.unassessedCall, columnX(null), 72, COLUMN - 24),
    ...rows,
  ];
}

/**
 * What a card is marked with, each mark its own badge so several can show at
 * once: never assessed, below its target, drifting left.
 */
export function badgesOf(c: TaxonomyCollaboration): (keyof typeof BADGES)[] {
  const current = standing(c);
  const marks: (keyof typeof BADGES | null)[] = [current === 'unassessed' ? 'unassessed' : null, current === 'below' ? 'below' : null, c.drifting ? 'drift' : null];
  return marks.filter((b) => b !== null);
}

function collaborationRow(c: TaxonomyCollaboration, id: string, y: number, size: ReturnType<typeof card>): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const current = standing(c);
  const badges = badgesOf(c);
  const classes = ['collaboration', ...badges, c.isDemo ? 'demo' : ''].filter(Boolean).join(' ');
  const stands = id === c.id ? {} : { selects: c.id };
  const x = columnX(c.level);
  out.push({ group: 'nodes', data: { id, label: c.name, ...size, ...stands }, position: { x, y }, classes });
  // Badges on the card's top edge, right to left; invented example data says so on a tag at its foot, so a screenshot cannot pass it off as fact.
  badges.forEach((b, i) => {
    out.push({ group: 'nodes', data: { id: `${id}/badge-${b}`, owner: c.id, label: BADGES[b].glyph, colour: BADGES[b].colour }, position: { x: x + CARD_WIDTH / 2 - BADGE / 2 - 4 - i * (BADGE + 4), y: y - size.height / 2 }, classes: 'badge' });
  });
  if (c.isDemo) out.push({ group: 'nodes', data: { id: `${id}/demo`, owner: c.id, label: sv.taxonomy.demoBadge }, position: { x: x + CARD_WIDTH / 2 - 40, y: y + size.height / 2 + 9 }, classes: 'demo-tag' });

  if (c.targetLevel && c.targetLevel !== c.level) {
    const ring = `${id}/target`;
    out.push({ group: 'nodes', data: { id: ring, owner: c.id }, position: { x: columnX(c.targetLevel), y }, classes: 'target' });
    out.push({ group: 'edges', data: { id: `${id}/to-target`, source: id, target: ring, owner: c.id }, classes: 'to-target' });
  }

  // Consecutive placements on one level are one point; earlier visits to the current level end at the card itself.
  const points = c.history.map((h) => h.level).filter((level, i, all) => levelIndex(level) !== null && level !== all[i - 1]);
  const pointId = (level: string) => (level === c.level ? id : `${id}/h${levelIndex(level)}`);
  for (const level of new Set(points)) {
    if (level !== c.level) out.push({ group: 'nodes', data: { id: pointId(level), owner: c.id }, position: { x: columnX(level), y }, classes: 'history' });
  }
  points.slice(1).forEach((level, i) => {
    const from = points[i]!;
    const leftward = levelIndex(level)! < levelIndex(from)!;
    out.push({ group: 'edges', data: { id: `${id}/step${i}`, source: pointId(from), target: pointId(level), owner: c.id }, classes: leftward ? 'trajectory leftward' : 'trajectory' });
  });
  return out;
}

const STANDING_TEXT: Record<Standing, string> = {
  unassessed: sv.taxonomy.notAssessed,
  'no-target': sv.taxonomy.noTarget,
  below: sv.taxonomy.belowTarget,
  on: sv.taxonomy.onTarget,
  above: sv.taxonomy.aboveTarget,
};

/** What the taxonomy shows as a table: a row per collaboration, in the order of its first group, with all its groups. */
export function taxonomyTable(collaborations: readonly TaxonomyCollaboration[], groups: readonly TaxonomyGroupData[]): TableModel {
  const c = sv.taxonomy.columns;
  const groupsOf = new Map<string, string[]>();
  for (const g of groups) for (const id of g.ids) groupsOf.set(id, [...(groupsOf.get(id) ?? []), g.label]);
  const rows = taxonomyRows(collaborations, groups).flatMap((g) => g.rows.filter((r) => r.instance === r.collaboration.id).map((r) => r.collaboration));
  return {
    caption: sv.taxonomy.caption,
    columns: [c.name, c.group, c.level, c.target, c.history, c.status],
    rows: rows.map((col) => ({
      key: col.id,
      cells: [
        col.name,
        (groupsOf.get(col.id) ?? []).join(', '),
        col.level ? `${label(sv.levels, col.level)}${col.provisional ? ` (${sv.taxonomy.provisional})` : ''}` : sv.taxonomy.notAssessed,
        col.targetLevel ? label(sv.levels, col.targetLevel) : sv.common.none,
        col.history.map((h) => `${h.date}: ${label(sv.levels, h.level)}`).join(' → ') || sv.common.none,
        [STANDING_TEXT[standing(col)], col.drifting ? sv.taxonomy.drift : '', col.isDemo ? sv.taxonomy.demoMark : ''].filter(Boolean).join(', '),
      ],
    })),
  };
}
