import type { ElementDefinition } from 'cytoscape';
import { type ChainActivity, type ChainGoal, type ChainTargetArea, isInferred, type SourceData } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { sv } from '../i18n/sv.ts';
import { columnLanes } from './lanes.ts';
import { card } from './text.ts';
import { pushTo } from '../../server/analysis/push-to.ts';

const COLUMN = 215;
const CARD_WIDTH = 195;
const ROW_GAP = 18;
const TOP = 60;
const STEPS = ['responsible', 'activity', 'output', 'effect', 'goal'] as const;
const x = (step: (typeof STEPS)[number]) => STEPS.indexOf(step) * COLUMN;

/** One of an activity's links to an effektmål, with what it rests on. */
export interface ChainLink {
  goal: ChainGoal;
  source: SourceData | null;
}

export interface ChainRow {
  activity: ChainActivity;
  /** The målområde's goals this activity contributes to, inferred links included. */
  goals: ChainLink[];
}

export interface ChainOptions {
  /** "Endast uttryckliga uppgifter": leave out the links and ansvar the documents do not state. */
  statedOnly?: boolean;
}

/** One row per activity serving the målområde, in the order of its goals, then of the effektkedja (the ids number its rows). */
export function chainRows(area: ChainTargetArea): ChainRow[] {
  const rows = new Map<string, ChainRow>();
  for (const goal of area.goals) {
    for (const activity of goal.activities) {
      const row = rows.get(activity.id) ?? { activity, goals: [] };
      row.goals.push({ goal, source: activity.goalLinks.find((l) => l.goal.id === goal.id)?.source ?? null });
      rows.set(activity.id, row);
    }
  }
  return [...rows.values()];
}

/** The links (or ansvar) to show: all of them, or only those the documents state. */
export function shownLinks<T extends { source: SourceData | null }>(links: readonly T[], { statedOnly = false }: ChainOptions = {}): T[] {
  return statedOnly ? links.filter((l) => !isInferred(l.source)) : [...links];
}

/** Goals no activity leads to: the gap this view exists to show. */
export const orphanGoals = (area: ChainTargetArea): ChainGoal[] => area.goals.filter((g) => g.activities.length === 0);

/** A name or role as a card, edge or cell shows it: marked "härlett" when the fact is inferred. */
export const markedIf = (text: string, source: SourceData | null | undefined): string => (isInferred(source) ? sv.source.marked(text) : text);

/**
 * The Ansvar cell: each actor (an inferred one marked), then what it names
 * besides actors. A card has room for short names (its tooltip and the table
 * spell them out, `full`).
 */
export function responsibleText(a: ChainActivity, options: ChainOptions = {}, full = false): string {
  const actors = shownLinks(a.responsibility, options).map((r) => markedIf(full ? r.actor.name : (r.actor.shortName ?? r.actor.name), r.source));
  return [...actors, ...(a.responsibleOthers ? [a.responsibleOthers] : [])].join(', ');
}

/**
 * The effect chains of one målområde, left to right: ansvar → aktivitet →
 * prestation → kortsiktig effekt → effektmål, a row per activity. Each goal
 * stands level with the activities leading to it; goals with none go last, marked.
 */
export function chainElements(area: ChainTargetArea, options: ChainOptions = {}): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const goalRows = new Map<string, number[]>();
  let y = TOP;
  for (const { activity: a, goals } of chainRows(area)) {
    const responsible = responsibleText(a, options);
    const tooltips: Partial<Record<string, string>> = { responsible: responsibleText(a, options, true) };
    const texts = {
      responsible: responsible || sv.chains.noResponsible,
      activity: a.name,
      output: a.output ?? sv.chains.missing,
      effect: a.shortTermEffect ?? sv.chains.missing,
    };
    const sizes = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, card(t, CARD_WIDTH)])) as Record<keyof typeof texts, ReturnType<typeof card>>;
    const height = Math.max(...Object.values(sizes).map((s) => s.height));
    const rowY = y + height / 2;
    const missing = { responsible: !responsible, activity: false, output: !a.output, effect: !a.shortTermEffect };
    for (const step of ['responsible', 'activity', 'output', 'effect'] as const) {
      const id = step === 'activity' ? a.id : `${a.id}/${step}`;
      elements.push({
        group: 'nodes',
        data: { id, label: texts[step], tooltip: tooltips[step], ...sizes[step], ...(step === 'activity' ? {} : { owner: a.id }) },
        position: { x: x(step), y: rowY },
        classes: `step ${step}${missing[step] ? ' missing' : ''}`,
      });
    }
    elements.push(edge(`${a.id}/responsible`, a.id), edge(a.id, `${a.id}/output`), edge(`${a.id}/output`, `${a.id}/effect`));
    for (const { goal, source } of shownLinks(goals, options)) {
      elements.push(edge(`${a.id}/effect`, goal.id, source));
      pushTo(goalRows, goal.id, rowY);
    }
    y += height + ROW_GAP;
  }

  // Each goal level with the mean of its activities' rows, pushed down where it would overlap the one above.
  const placed = area.goals
    .filter((g) => goalRows.has(g.id))
    .map((g) => ({ goal: g, want: mean(goalRows.get(g.id)!) }))
    .sort((a, b) => a.want - b.want);
  let bottom = TOP - ROW_GAP;
  const place = (goal: ChainGoal, want: number, mark: 'orphan' | 'unlinked' | null) => {
    const note = { orphan: sv.chains.orphanGoal, unlinked: sv.chains.onlyInferred }[mark ?? 'orphan'];
    const label = mark ? `${goal.text}\n(${note})` : goal.text;
    const size = card(label, CARD_WIDTH);
    const centre = Math.max(want, bottom + ROW_GAP + size.height / 2);
    elements.push({ group: 'nodes', data: { id: goal.id, label, ...size }, position: { x: x('goal'), y: centre }, classes: mark ? `step goal ${mark}` : 'step goal' });
    bottom = centre + size.height / 2;
  };
  for (const p of placed) place(p.goal, p.want, null);
  bottom = Math.max(bottom, y - ROW_GAP);
  // Activities lead here, but only by links the documents do not state, and those are hidden.
  for (const goal of area.goals.filter((g) => g.activities.length > 0 && !goalRows.has(g.id))) place(goal, 0, 'unlinked');
  for (const goal of orphanGoals(area)) place(goal, 0, 'orphan');

  const c = sv.chains.columns;
  const columns = STEPS.map((step) => ({ key: step, heading: c[step], x: x(step) }));
  return [...columnLanes(columns, COLUMN, TOP - 20, bottom - TOP + 40), ...elements];
}

/** An edge of the chain; a link the documents do not state is drawn dashed and labelled "härlett". */
const edge = (source: string, target: string, evidence: SourceData | null = null): ElementDefinition => ({
  group: 'edges',
  data: { id: `${source}>${target}`, source, target, ...(isInferred(evidence) ? { label: sv.source.inferred, note: evidence!.note } : {}) },
  classes: isInferred(evidence) ? 'inferred' : '',
});
const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** The chains as a table: a row per goal and activity leading to it, and a row for each goal with none. */
export function chainTable(area: ChainTargetArea, options: ChainOptions = {}): TableModel {
  const c = sv.chains.columns;
  const links = new Map(chainRows(area).map((r) => [r.activity.id, r.goals]));
  return {
    caption: sv.chains.caption(area.name),
    columns: [c.goal, c.activity, c.responsible, c.output, c.effect, c.period, c.resources, c.link],
    rows: area.goals.flatMap((g) => {
      const shown = shownLinks(g.activities.map((a) => ({ activity: a, source: links.get(a.id)!.find((l) => l.goal.id === g.id)!.source })), options);
      if (shown.length) {
        return shown.map(({ activity: a, source }) => ({
          key: `${g.id}|${a.id}`,
          cells: [
            g.text, a.name, responsibleText(a, options, true) || sv.chains.noResponsible,
            ...[a.output, a.shortTermEffect, a.period, a.resources].map((v) => v ?? sv.chains.missing),
            isInferred(source) ? `${sv.source.inferred}: ${source!.note}` : '',
          ],
        }));
      }
      return [{ key: g.id, cells: [g.text, g.activities.length ? sv.chains.onlyInferred : sv.chains.orphanGoal, '', '', '', '', '', ''] }];
    }),
  };
}
