import type { ChartModel } from '../lib/report-tables.ts';

/** The A4 text width (210 mm less the margins) in CSS pixels: a chart's printed width. */
export const CHART_WIDTH = 680;
/** Room per bar of a horizontal chart: three lines of label. */
const BAR = 44;

/** The canvas height a chart needs: a row per bar when horizontal. */
export function chartHeight(chart: ChartModel): number {
  if (!chart.horizontal) return 260;
  return Math.max(160, 60 + chart.labels.length * chart.series.length * BAR);
}
