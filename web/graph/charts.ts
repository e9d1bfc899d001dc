import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js';
import type { ChartModel } from '../lib/report-tables.ts';
import { formatAmount } from '../lib/report-tables.ts';

/*
 * The Rapport's bar charts, drawn with Chart.js onto canvases the view owns.
 * Drawn at once and at a fixed size, with no animation and no resizing: a
 * print (or page.pdf) right after drawing gets every bar, and the printed
 * width is the A4 text width whatever the window was. Only the Rapport
 * loads this module (and Chart.js with it), when it has data to draw.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

/** Sharp on paper: drawn at twice the CSS resolution. */
const PRINT_RATIO = 2;
// The app's accent and warning colours: distinct in greyscale too.
const COLOURS = ['#005a9c', '#8a4500', '#4f5459'];
const TEXT = '#1b1b1b';

/** A long label on two or three lines of about `width` characters; the table twin has it whole. */
function wrap(text: string, width = 48, lines = 3): string[] {
  const words = text.split(/\s+/);
  const out: string[] = [];
  for (const word of words) {
    const last = out.at(-1);
    if (last !== undefined && (last + ' ' + word).length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.length > lines ? [...out.slice(0, lines - 1), `${out[lines - 1]} …`] : out;
}

export function drawChart(canvas: HTMLCanvasElement, chart: ChartModel): Chart {
  const value = (v: number | string) => (chart.money ? formatAmount(Number(v)) : String(v));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels.map((l) => wrap(l)),
      datasets: chart.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })),
    },
    options: {
      indexAxis: chart.horizontal ? 'y' : 'x',
      animation: false,
      responsive: false,
      devicePixelRatio: PRINT_RATIO,
      events: [],
      plugins: { legend: { display: chart.series.length > 1, labels: { color: TEXT } } },
      scales: {
        [chart.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0, callback: value, color: TEXT } },
        [chart.horizontal ? 'y' : 'x']: { ticks: { autoSkip: false, font: { size: 11 }, color: TEXT } },
      },
    },
  });
}
