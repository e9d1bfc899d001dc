import type { ReportData, ReportFindings, ReportPlacement } from '../api/report.ts';
import { label, sv } from '../i18n/sv.ts';
import type { TableModel } from './csv.ts';

/*
 * The Rapport as a model: its sections, each chart with the table that says
 * the same in numbers, and the detail tables. The view draws it and the XLSX
 * export writes its tables, so the printed report and the workbook agree.
 */

/** A bar chart's data: one bar per label and series; its table twin is `chartTable`. */
export interface ChartModel {
  id: string;
  title: string;
  /** What the bars are: the twin table's first column. */
  category: string;
  labels: string[];
  series: { name: string; values: number[] }[];
  /** Amounts in kronor rather than counts. */
  money?: boolean;
  /** Long labels read better on a horizontal bar. */
  horizontal?: boolean;
}

export interface ReportSection {
  id: string;
  heading: string;
  intro: string;
  charts: ChartModel[];
  tables: TableModel[];
}

export interface ReportModel {
  title: string;
  /** The målområde's id, or null for the whole programme. */
  targetArea: string | null;
  /** The documents the shown facts rest on, by title. */
  sources: string[];
  sections: ReportSection[];
}

const money = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
export const formatAmount = (amount: number): string => money.format(amount);

/** The table beside a chart: the same numbers, one row per bar. */
export function chartTable(chart: ChartModel): TableModel {
  return {
    caption: chart.title,
    columns: [chart.category, ...chart.series.map((s) => s.name)],
    rows: chart.labels.map((l, i) => ({ key: `${chart.id}:${i}`, cells: [l, ...chart.series.map((s) => (chart.money ? formatAmount(s.values[i]!) : String(s.values[i])))] })),
  };
}

const actorName = (a: { name: string; shortName: string | null }) => a.shortName ?? a.name;
const orGap = (text: string | null | undefined) => (text?.trim() ? text : sv.report.missing);

function goalsSection(data: ReportData, programme: boolean): ReportSection {
  const t = sv.report.goals;
  const c = t.columns;
  const counts = new Map(data.activityCounts.map((g) => [g.key, g.count]));
  const goals = data.goals.nodes;
  const rows = goals.flatMap((g) => {
    const lead = programme ? [g.targetArea.name, g.text] : [g.text];
    if (!g.activities.length) return [{ key: g.id, cells: [...lead, sv.report.noActivity, '', '', ''] }];
    return g.activities.map((a) => {
      const responsible = [...a.responsible.map(actorName), ...(a.responsibleOthers ? [a.responsibleOthers] : [])].join(', ');
      return { key: `${g.id}|${a.id}`, cells: [...lead, a.name, orGap(responsible), orGap(a.period), orGap(a.resources)] };
    });
  });
  const chart: ChartModel = {
    id: 'goals',
    title: t.chart,
    category: c.goal,
    labels: goals.map((g) => g.text),
    series: [{ name: c.count, values: goals.map((g) => counts.get(g.id) ?? 0) }],
    horizontal: true,
  };
  return {
    id: 'effektmal',
    heading: t.heading,
    intro: t.intro,
    charts: [chart],
    tables: [{ caption: t.table, columns: [...(programme ? [c.targetArea] : []), c.goal, c.activity, c.responsible, c.period, c.resources], rows }],
  };
}

function findingRows(report: ReportFindings, kind: string) {
  const c = sv.report.findings.columns;
  return {
    caption: kind,
    columns: [c.title, c.severity, c.rule, c.evidence],
    rows: report.findings.map((f) => ({ key: f.id, cells: [f.title, label(sv.severities, f.severity), f.ruleInfo.label, f.evidence] })),
  };
}

function findingsSection(data: ReportData): ReportSection {
  const t = sv.report.findings;
  const severities = data.gaps.bySeverity.map((s) => s.severity);
  const countOf = (report: ReportFindings, severity: string) => report.bySeverity.find((s) => s.severity === severity)?.count ?? 0;
  return {
    id: 'luckor',
    heading: t.heading,
    intro: t.intro,
    charts: [{
      id: 'findings',
      title: t.chart,
      category: t.columns.severity,
      labels: severities.map((s) => label(sv.severities, s)),
      series: [
        { name: t.gaps, values: severities.map((s) => countOf(data.gaps, s)) },
        { name: t.overlaps, values: severities.map((s) => countOf(data.overlaps, s)) },
      ],
    }],
    tables: [findingRows(data.gaps, t.gaps), findingRows(data.overlaps, t.overlaps)],
  };
}

function collaborationsSection(data: ReportData, targetArea: string | null): ReportSection {
  const t = sv.report.collaborations;
  const c = t.columns;
  const group = targetArea ? data.taxonomy.byTargetArea.find((g) => g.key === targetArea) : null;
  const levels = targetArea ? (group?.levels ?? data.taxonomy.levels.map((l) => ({ ...l, count: 0 }))) : data.taxonomy.levels;
  const placements: ReportPlacement[] = targetArea ? (group?.placements ?? []) : data.taxonomy.collaborations;
  const yesNo = (value: boolean) => (value ? sv.report.yes : sv.report.no);
  return {
    id: 'samverkan',
    heading: t.heading,
    intro: t.intro,
    charts: [{ id: 'levels', title: t.chart, category: c.level, labels: levels.map((l) => l.label), series: [{ name: c.count, values: levels.map((l) => l.count) }] }],
    tables: [{
      caption: t.table,
      columns: [c.name, c.level, c.targetLevel, c.belowTarget, c.drift, c.participants],
      rows: placements.map((p) => ({
        key: p.collaboration.id,
        cells: [p.collaboration.name, p.column, p.targetLevel ? label(sv.levels, p.targetLevel) : sv.report.missing, yesNo(p.belowTarget), yesNo(p.driftFlagged), p.collaboration.participants.map(actorName).join(', ')],
      })),
    }],
  };
}

function forumsSection(data: ReportData): ReportSection {
  const t = sv.report.forums;
  const c = t.columns;
  return {
    id: 'forum',
    heading: t.heading,
    intro: t.intro,
    charts: [],
    tables: [{
      caption: t.table,
      columns: [c.name, c.level, c.convenor, c.members, c.frequency],
      rows: data.forums.nodes.map((f) => ({
        key: f.id,
        cells: [f.name, f.level ? label(sv.forums.levels, f.level) : sv.report.missing, f.convenor ? actorName(f.convenor) : sv.report.missing, f.members.map((m) => actorName(m.actor)).join(', '), orGap(f.meetingFrequency)],
      })),
    }],
  };
}

function fundingSection(data: ReportData, targetArea: string | null): ReportSection {
  const t = sv.report.funding;
  const c = t.columns;
  const of = (breakdown: string) => data.fundings.filter((f) => f.breakdown === breakdown);
  const perYear = of('PER_YEAR').filter((f) => f.year !== null).sort((a, b) => a.year! - b.year!);
  const perArea = of('PER_TARGET_AREA').filter((f) => !targetArea || f.targetArea?.id === targetArea);
  const charts: ChartModel[] = [{ id: 'funding-year', title: t.perYear, category: c.year, labels: perYear.map((f) => String(f.year)), series: [{ name: c.amount, values: perYear.map((f) => f.amountSek) }], money: true }];
  if (!targetArea) charts.push({ id: 'funding-area', title: t.perTargetArea, category: c.targetArea, labels: perArea.map((f) => f.targetArea?.name ?? f.description ?? ''), series: [{ name: c.amount, values: perArea.map((f) => f.amountSek) }], money: true, horizontal: true });
  const tables: TableModel[] = [];
  if (targetArea) {
    tables.push({ caption: t.perTargetArea, columns: [c.targetArea, c.amount, c.source], rows: perArea.map((f) => ({ key: f.id, cells: [f.targetArea?.name ?? '', formatAmount(f.amountSek), f.citation?.document ?? ''] })) });
  }
  const totals = [...of('PRINTED_TOTAL'), ...of('GRANT')];
  tables.push({ caption: t.totals, columns: [c.post, c.funder, c.amount, c.source], rows: totals.map((f) => ({ key: f.id, cells: [f.description ?? '', f.source, formatAmount(f.amountSek), f.citation?.document ?? ''] })) });
  return { id: 'finansiering', heading: t.heading, intro: t.intro, charts, tables };
}

/** The documents behind what the report shows, in the order of their titles. */
function sourcesOf(data: ReportData, sections: { placements: ReportPlacement[] }): string[] {
  const titles = new Set<string>();
  const add = (source: { document: string } | null | undefined) => source?.document && titles.add(source.document);
  for (const g of data.goals.nodes) {
    add(g.source);
    g.activities.forEach((a) => add(a.source));
  }
  data.forums.nodes.forEach((f) => add(f.source));
  sections.placements.forEach((p) => add(p.collaboration.source));
  data.fundings.forEach((f) => add(f.citation));
  return [...titles].sort((a, b) => a.localeCompare(b, 'sv'));
}

/** The report for one målområde, or for the whole programme when `targetArea` is null. */
export function reportModel(data: ReportData, targetArea: string | null): ReportModel {
  const area = targetArea ? data.targetAreas.find((t) => t.id === targetArea) : null;
  const id = area?.id ?? null;
  const collaborations = collaborationsSection(data, id);
  const placements = id ? (data.taxonomy.byTargetArea.find((g) => g.key === id)?.placements ?? []) : data.taxonomy.collaborations;
  return {
    title: sv.report.title(area?.name ?? sv.report.programme),
    targetArea: id,
    sources: sourcesOf(data, { placements }),
    sections: [goalsSection(data, !id), findingsSection(data), collaborations, forumsSection(data), fundingSection(data, id)],
  };
}

/** Every table of the report, the charts' twins beside their section's tables, in the order printed. */
export function reportTables(model: ReportModel): TableModel[] {
  return model.sections.flatMap((s) => [...s.charts.map(chartTable), ...s.tables]);
}
