import type { ElementDefinition } from 'cytoscape';
import type { ChainActivity, ChainGoal, ChainTargetArea } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { sv } from '../i18n/sv.ts';
import { columnLanes } from './lanes.ts';
import { card } from './text.ts';

const COLUMN = 215;
const CARD_WIDTH = 195;
const ROW_GAP = 18;
const TOP = 60;
const STEPS = ['responsible', 'activity', 'output', 'effect', 'goal'] as const;
const x = (step: (typeof STEPS)[number]) => STEPS.indexOf(step) * COLUMN;

export interface ChainRow {
  activity: ChainActivity;
  /** The målområde's goals this activity contributes to. */
  goals: ChainGoal[];
}

/** One row per activity serving the målområde, in the order of its goals, then of the effektkedja (the ids number its rows). */
export function chainRows(area: ChainTargetArea): ChainRow[] {
  const rows = new Map<string, ChainRow>();
  for (const goal of area.goals) {
    for (const activity of goal.activities) {
      const row = rows.get(activity.id) ?? { activity, goals: [] };
      row.goals.push(goal);
      rows.set(activity.id, row);
    }
  }
  return [...rows.values()];
}

/** Goals no activity leads to: the gap this view exists to show. */
export const orphanGoals = (area: ChainTargetArea): ChainGoal[] => area.goals.filter((g) => g.activities.length === 0);

const responsibleText = (a: ChainActivity) => a.responsible.map((r) => r.shortName ?? r.name).join(', ');

/**
 * The effect chains of one målområde, left to right: ansvar → aktivitet →
 * prestation → kortsiktig effekt → effektmål, a row per activity. Each goal
 * stands level with the activities leading to it; goals with none go last, marked.
 */
export function chainElements(area: ChainTargetArea): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const goalRows = new Map<string, number[]>();
  let y = TOP;
  for (const { activity: a, goals } of chainRows(area)) {
    const texts = {
      responsible: responsibleText(a) || sv.chains.noResponsible,
      activity: a.name,
      output: a.output ?? sv.chains.missing,
      effect: a.shortTermEffect ?? sv.chains.missing,
    };
    const sizes = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, card(t, CARD_WIDTH)])) as Record<keyof typeof texts, ReturnType<typeof card>>;
    const height = Math.max(...Object.values(sizes).map((s) => s.height));
    const rowY = y + height / 2;
    const missing = { responsible: a.responsible.length === 0, activity: false, output: !a.output, effect: !a.shortTermEffect };
    for (const step of ['responsible', 'activity', 'output', 'effect'] as const) {
      const id = step === 'activity' ? a.id : `${a.id}/${step}`;
      elements.push({
        group: 'nodes',
        data: { id, label: texts[step], ...sizes[step], ...(step === 'activity' ? {} : { owner: a.id }) },
        position: { x: x(step), y: rowY },
        classes: `step ${step}${missing[step] ? ' missing' : ''}`,
      });
    }
    elements.push(edge(`${a.id}/responsible`, a.id), edge(a.id, `${a.id}/output`), edge(`${a.id}/output`, `${a.id}/effect`));
    for (const goal of goals) {
      elements.push(edge(`${a.id}/effect`, goal.id));
      goalRows.set(goal.id, [...(goalRows.get(goal.id) ?? []), rowY]);
    }
    y += height + ROW_GAP;
  }

  // Each goal level with the mean of its activities' rows, pushed down where it would overlap the one above.
  const placed = area.goals
    .filter((g) => goalRows.has(g.id))
    .map((g) => ({ goal: g, want: mean(goalRows.get(g.id)!) }))
    .sort((a, b) => a.want - b.want);
  let bottom = TOP - ROW_GAP;
  const place = (goal: ChainGoal, want: number, orphan: boolean) => {
    const label = orphan ? `${goal.text}\n(${sv.chains.orphanGoal})` : goal.text;
    const size = card(label, CARD_WIDTH);
    const centre = Math.max(want, bottom + ROW_GAP + size.height / 2);
    elements.push({ group: 'nodes', data: { id: goal.id, label, ...size }, position: { x: x('goal'), y: centre }, classes: orphan ? 'step goal orphan' : 'step goal' });
    bottom = centre + size.height / 2;
  };
  for (const p of placed) place(p.goal, p.want, false);
  bottom = Math.max(bottom, y - ROW_GAP);
  for (const goal of orphanGoals(area)) place(goal, 0, true);

  const c = sv.chains.columns;
  const columns = STEPS.map((step) => ({ key: step, heading: c[step], x: x(step) }));
  return [...columnLanes(columns, COLUMN, TOP - 20, bottom - TOP + 40), ...elements];
}

const edge = (source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id: `${source}>${target}`, source, target } });
const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** The chains as a table: a row per goal and activity leading to it, and a row for each goal with none. */
export function chainTable(area: ChainTargetArea): TableModel {
  const c = sv.chains.columns;
  return {
    caption: sv.chains.caption(area.name),
    columns: [c.goal, c.activity, c.responsible, c.output, c.effect, c.period, c.resources],
    rows: area.goals.flatMap((g) =>
      g.activities.length
        ? g.activities.map((a) => ({
            key: `${g.id}|${a.id}`,
            cells: [g.text, a.name, responsibleText(a) || sv.chains.noResponsible, ...[a.output, a.shortTermEffect, a.period, a.resources].map((v) => v ?? sv.chains.missing)],
          }))
        : [{ key: g.id, cells: [g.text, sv.chains.orphanGoal, '', '', '', '', ''] }],
    ),
  };
}
