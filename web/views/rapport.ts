import { html, nothing, type TemplateResult } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import type { Chart } from 'chart.js';
import { graphql } from '../api/client.ts';
import { REPORT_QUERY, type ReportData, reportXlsxHref } from '../api/report.ts';
import { chartHeight, CHART_WIDTH } from '../graph/chart-size.ts';
import { type ChartModel, chartTable, type ReportModel, reportModel } from '../lib/report-tables.ts';
import { sv } from '../i18n/sv.ts';
import { dataTable, statusLine } from './parts.ts';
import { DONE, GraphView, type Status } from './view.ts';
import { longDay } from '../../server/domain/days.ts';

const PARAM = 'malomrade';

/** The path of the Rapport for one målområde, or for the whole programme. */
export const reportHref = (targetArea: string | null): string => (targetArea ? `/rapport?${PARAM}=${encodeURIComponent(targetArea)}` : '/rapport');

/**
 * Rapport: the biennial follow-up as a document to print, for one målområde
 * (?malomrade=…) or the whole programme, from one query. Each chart is drawn
 * before the page says it is ready (data-charts="drawn" on the report), so a
 * print never catches an empty canvas; each has its table twin under it.
 */
export class RapportView extends GraphView {
  protected readonly fileName = 'rapport';
  private model: ReportModel | null = null;
  /** Every målområde, for the links to their reports. */
  private areas: { id: string; name: string }[] = [];
  private notice: string | null = null;
  private readonly canvases = new Map<string, HTMLCanvasElement>();
  private charts: Chart[] = [];
  private drawn = false;
  private readonly printedOn = longDay();

  protected async start(params: URLSearchParams): Promise<void> {
    await this.load(params.get(PARAM));
  }

  private async load(asked: string | null): Promise<void> {
    // Before the canvases are drawn over: a destroyed chart puts back the canvas size it found.
    this.charts.forEach((c) => c.destroy());
    this.charts = [];
    this.drawn = false;
    this.status = { state: 'loading', text: sv.state.loading };
    this.update();
    const data = await this.request((signal) => graphql<ReportData>(REPORT_QUERY, { targetArea: asked }, signal));
    if (!data) return;
    const known = asked === null || data.targetAreas.some((t) => t.id === asked);
    this.notice = known ? null : sv.report.unknownArea(asked!);
    // An unknown id would filter everything away: the whole programme is shown, and said so.
    const final = known ? data : await this.request((signal) => graphql<ReportData>(REPORT_QUERY, { targetArea: null }, signal));
    if (!final) return;
    this.areas = final.targetAreas;
    this.model = reportModel(final, known ? asked : null);
    this.status = DONE;
    this.update();
    await this.draw();
  }

  /** Every chart drawn anew onto its canvas, then the report marked as ready to print. */
  private async draw(): Promise<void> {
    const { drawChart } = await import('../graph/charts.ts');
    if (this.abort.signal.aborted) return;
    const charts = this.model?.sections.flatMap((s) => s.charts) ?? [];
    this.charts = charts.flatMap((chart) => {
      const canvas = this.canvases.get(chart.id);
      return canvas ? [drawChart(canvas, chart)] : [];
    });
    this.drawn = this.charts.length === charts.length;
    this.update();
  }

  private go = (event: MouseEvent, targetArea: string | null): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', reportHref(targetArea));
    document.getElementById('view-title')?.focus();
    void this.load(targetArea);
  };

  private links(): TemplateResult {
    const link = (id: string | null, name: string) =>
      html`<li><a href=${reportHref(id)} aria-current=${this.model?.targetArea === id ? 'page' : 'false'} @click=${(e: MouseEvent) => this.go(e, id)}>${name}</a></li>`;
    return html`<nav class="report-links" aria-label=${sv.report.choose}>
      <h3>${sv.report.choose}</h3>
      <ul>${link(null, sv.report.wholeProgramme)}${this.areas.map((a) => link(a.id, a.name))}</ul>
    </nav>`;
  }

  private chart(chart: ChartModel): TemplateResult {
    const table = chartTable(chart);
    return html`<figure class="report-chart">
        <figcaption>${chart.title}</figcaption>
        <canvas
          ${ref((el) => (el ? this.canvases.set(chart.id, el as HTMLCanvasElement) : this.canvases.delete(chart.id)))}
          role="img"
          aria-label=${sv.report.chartLabel(chart.title)}
          width=${CHART_WIDTH}
          height=${chartHeight(chart)}
          data-chart=${chart.id}
        ></canvas>
      </figure>
      ${dataTable(table, { onCsv: () => this.saveCsv(table, `-${chart.id}`) })}`;
  }

  protected template(): TemplateResult {
    const m = this.model;
    const status: Status = this.status;
    return html`<article class="report" data-charts=${this.drawn ? 'drawn' : 'pending'}>
      <header class="report-header">
        <h2 id="view-title" tabindex="-1">${m?.title ?? sv.views.report}</h2>
        <p class="intro">${sv.report.intro}</p>
        <p class="report-date">${sv.report.printedOn(this.printedOn)}</p>
        ${m ? html`<p class="report-sources"><strong>${sv.report.sources}:</strong> ${m.sources.length ? m.sources.join('; ') : sv.report.sourcesNone}.</p>` : nothing}
      </header>
      ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      ${statusLine(status)}
      ${m
        ? html`<div class="report-actions">
              <button type="button" @click=${() => window.print()}>${sv.report.print}</button>
              <a class="button secondary" href=${reportXlsxHref(m.targetArea)} download>${sv.report.xlsx}</a>
            </div>
            ${this.links()}
            ${m.sections.map(
              (s) => html`<section class="report-section" id=${`rapport-${s.id}`} aria-labelledby=${`rapport-${s.id}-heading`}>
                <h3 id=${`rapport-${s.id}-heading`}>${s.heading}</h3>
                <p class="intro">${s.intro}</p>
                ${s.charts.map((c) => this.chart(c))}
                ${s.tables.map((t, i) =>
                  t.rows.length
                    ? dataTable(t, { onCsv: () => this.saveCsv(t, `-${s.id}-${i + 1}`), gap: sv.report.missing })
                    : html`<p class="report-empty"><strong>${t.caption}:</strong> ${sv.report.none}</p>`)}
              </section>`,
            )}`
        : nothing}
    </article>`;
  }

  override destroy(): void {
    this.charts.forEach((c) => c.destroy());
    this.charts = [];
    super.destroy();
  }
}
