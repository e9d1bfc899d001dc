import { html, nothing, svg, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTORS_PAGE,
  type ActorSummary,
  FINDING_RULES_QUERY,
  FINDINGS_QUERY,
  type FindingRule,
  type FindingRulesData,
  type FindingsData,
  PLACES_QUERY,
  type PlacesData,
  type RuleCount,
  SUBJECTS_QUERY,
  type SubjectNode,
  type SubjectsData,
} from '../api/documents.ts';
import { canEdit } from '../api/session.ts';
import { type ReportFinding, type RuleBar, findingElements, findingTable, ruleBars, subgraphTable, subjectGraph, subjectHref, subjectName } from '../graph/findings.ts';
import { ringsLayout } from '../graph/layouts.ts';
import { findingStyle } from '../graph/styles.ts';
import { label, sv } from '../i18n/sv.ts';
import { oneOf, setParams } from '../lib/url-state.ts';
import { codeOptions, dataTable, graphBox, searchField, selectField, sidePanel, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, LOADING, announce } from './view.ts';

const REPORTS = ['all', 'gaps', 'overlaps'] as const;
type ReportChoice = (typeof REPORTS)[number];
const FILTER_KEYS = ['rule', 'severity', 'targetArea', 'area', 'actor', 'q'] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string | null>;
const TEXT_DELAY_MS = 300;

/** Luckor och överlapp: the analysis' findings, filtered; the selected one with its evidence, action and subgraph. */
export class FindingsView extends GraphView {
  protected readonly fileName = 'luckor-och-overlapp';
  private report: ReportChoice = 'all';
  private filters: Filters = { rule: null, severity: null, targetArea: null, area: null, actor: null, q: null };
  /** Every rule, as the server names and explains it, by Swedish name. */
  private rules: FindingRule[] = [];
  /** The shown findings per rule: the reports' byRule for the same filters. */
  private counts: RuleCount[] = [];
  /** Grouped findings whose parts the list shows. */
  private readonly expanded = new Set<string>();
  private places: PlacesData = { targetAreas: [], areas: [] };
  private actors: ActorSummary[] = [];
  private findings: ReportFinding[] = [];
  private selected: string | null = null;
  private subjects: { id: string; nodes: SubjectNode[] | 'loading' } | null = null;
  private textTimer: ReturnType<typeof setTimeout> | undefined;

  protected async start(params: URLSearchParams): Promise<void> {
    this.report = oneOf(params, 'report', REPORTS) ?? 'all';
    for (const key of FILTER_KEYS) this.filters[key] = params.get(key);
    const choices = await this.request((signal) =>
      Promise.all([
        graphql<FindingRulesData>(FINDING_RULES_QUERY, {}, signal),
        graphql<PlacesData>(PLACES_QUERY, {}, signal),
        allNodes<ActorSummary>(ACTORS_PAGE, {}, signal),
      ]),
    );
    if (!choices) return;
    const [rules, places, actors] = choices;
    this.rules = [...rules.findingRules].sort((a, b) => a.label.localeCompare(b.label, 'sv'));
    this.places = places;
    this.actors = actors.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    await this.loadFindings();
    const selected = params.get('finding');
    if (selected) this.select(selected);
  }

  private async loadFindings(): Promise<void> {
    this.status = LOADING;
    this.update();
    const { rule, severity, targetArea, area, actor, q } = this.filters;
    const filter = { rules: rule ? [rule] : null, severities: severity ? [severity] : null, targetArea, area, actor, text: q };
    const data = await this.request((signal) =>
      graphql<FindingsData>(FINDINGS_QUERY, { filter, gaps: this.report !== 'overlaps', overlaps: this.report !== 'gaps' }, signal),
    );
    if (!data) return;
    this.findings = [
      ...(data.gaps?.findings ?? []).map((f): ReportFinding => ({ ...f, report: 'gap' })),
      ...(data.overlaps?.findings ?? []).map((f): ReportFinding => ({ ...f, report: 'overlap' })),
    ];
    this.counts = [...(data.gaps?.byRule ?? []), ...(data.overlaps?.byRule ?? [])];
    const filtered = this.report !== 'all' || Object.values(this.filters).some(Boolean);
    this.status = this.findings.length ? DONE : { state: 'empty', text: filtered ? sv.state.emptyFiltered : sv.state.empty };
    announce(sv.findings.count(this.findings.length));
    if (this.selected && !this.findings.some((f) => f.id === this.selected)) this.select(null);
    else this.update();
  }

  private setFilter(key: keyof Filters | 'report', value: string | null): void {
    if (key === 'report') this.report = (value as ReportChoice | null) ?? 'all';
    else this.filters[key] = value;
    setParams({ [key]: key === 'report' && value === 'all' ? null : value });
    void this.loadFindings();
  }

  private onText = (text: string): void => {
    clearTimeout(this.textTimer);
    this.textTimer = setTimeout(() => this.setFilter('q', text.trim() || null), TEXT_DELAY_MS);
  };

  private clearFilters = (): void => {
    this.report = 'all';
    for (const key of FILTER_KEYS) this.filters[key] = null;
    setParams(Object.fromEntries(['report', ...FILTER_KEYS].map((k) => [k, null])));
    void this.loadFindings();
  };

  private select(id: string | null): void {
    const finding = this.findings.find((f) => f.id === id) ?? null;
    this.selected = finding?.id ?? null;
    setParams({ finding: this.selected });
    announce(finding ? sv.common.selected(finding.title) : sv.common.nothingSelected);
    this.update();
    if (finding) void this.loadSubjects(finding);
  }

  private async loadSubjects(finding: ReportFinding): Promise<void> {
    this.subjects = { id: finding.id, nodes: 'loading' };
    const data = await this.request((signal) => graphql<SubjectsData>(SUBJECTS_QUERY, { ids: finding.subjectIds }, signal));
    // A later choice wins over a slow answer to an earlier one.
    if (!data || this.subjects?.id !== finding.id) return;
    const nodes = data.nodes.filter((n): n is SubjectNode => n !== null);
    this.subjects = { id: finding.id, nodes };
    this.update();
    const graph = subjectGraph(nodes);
    this.controller(findingStyle, (node) => node && this.graph?.select(node)).show(findingElements(graph, finding.subjectIds), ringsLayout);
  }

  protected template(): TemplateResult {
    const f = sv.findings.filters;
    const table = findingTable(this.findings, new Map(this.rules.map((r) => [r.id, r.label])));
    const ready = this.status.state === 'done';
    const finding = this.findings.find((x) => x.id === this.selected) ?? null;
    const nodes = finding && this.subjects?.id === finding.id && this.subjects.nodes !== 'loading' ? this.subjects.nodes : null;
    const subgraph = nodes ? subjectGraph(nodes) : null;
    const sub = subgraph && finding ? subgraphTable(subgraph, finding.subjectIds) : null;
    return html`
      ${viewHeading(sv.findings.title, sv.findings.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-report', f.report, this.report, REPORTS.map((r) => ({ value: r, label: sv.findings.reports[r]! })), (v) => this.setFilter('report', v), true)}
        ${selectField('f-rule', f.rule, this.filters.rule, this.rules.map((r) => ({ value: r.id, label: r.label })), (v) => this.setFilter('rule', v))}
        ${selectField('f-severity', f.severity, this.filters.severity, codeOptions(sv.severities), (v) => this.setFilter('severity', v))}
        ${selectField('f-target-area', f.targetArea, this.filters.targetArea, this.places.targetAreas.map((t) => ({ value: t.id, label: t.name })), (v) => this.setFilter('targetArea', v))}
        ${selectField('f-area', f.area, this.filters.area, this.places.areas.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('area', v))}
        ${selectField('f-actor', f.actor, this.filters.actor, this.actors.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('actor', v))}
        ${searchField('f-text', f.text, this.filters.q ?? '', this.onText)}
        <button type="button" class="secondary" @click=${this.clearFilters}>${sv.common.clearFilters}</button>
      </form>
      ${statusLine(this.status)}
      <p class="summary" ?hidden=${!ready}>${sv.findings.count(this.findings.length)}</p>
      ${ready ? ruleChart(ruleBars(this.counts)) : nothing}
      <div class="finding-list" ?hidden=${!ready}>
        ${dataTable(table, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(table), expanded: this.expanded, onToggle: this.toggle })}
        ${sidePanel(finding ? { title: finding.title, body: this.detail(finding) } : null, sv.findings.select)}
      </div>
      <div class="subgraph" ?hidden=${!ready || !sub}>
        ${graphBox(sv.findings.graphLabel, this.graphBox, this.saves)}
        ${sub ? dataTable(sub, { onCsv: () => this.saveCsv(sub, '-noder') }) : ''}
      </div>
    `;
  }

  private toggle = (id: string): void => {
    if (!this.expanded.delete(id)) this.expanded.add(id);
    this.update();
  };

  private detail(f: ReportFinding): TemplateResult {
    const s = sv.findings;
    const t = sv.filtersAndFindings;
    const rule = this.rules.find((r) => r.id === f.rule);
    const nodes = this.subjects?.id === f.id ? this.subjects.nodes : 'loading';
    const edit = canEdit();
    return html`
      <p>
        <span class="badge ${f.severity}">${label(sv.severities, f.severity)}</span>
        ${label(s.kind, f.report)} · ${rule?.label ?? f.rule}
      </p>
      ${rule ? html`<p class="rule-explanation"><span class="muted">${t.ruleExplanation}:</span> ${rule.explanation}</p>` : nothing}
      <h4>${s.evidence}</h4>
      <p class="evidence">${f.evidence}</p>
      ${f.parts.length > 1
        ? html`<h4>${t.parts}</h4><ul class="finding-parts">${f.parts.map((p) => html`<li><strong>${p.label}</strong>: ${p.action}</li>`)}</ul>`
        : f.action ? html`<h4>${s.action}</h4><p class="action">${f.action}</p>` : nothing}
      <h4>${t.subjects}</h4>
      ${nodes === 'loading'
        ? html`<p class="status">${t.subjectsLoading}</p>`
        : html`<ul class="subject-links">
            ${nodes.map((n) => html`<li><a href=${subjectHref(n, edit)} data-subject=${n.id}>${subjectName(n)}</a> <span class="muted">(${label(sv.nodeTypes, n.__typename)}${edit ? `, ${t.editHint}` : ''})</span></li>`)}
          </ul>`}
    `;
  }

  override destroy(): void {
    clearTimeout(this.textTimer);
    super.destroy();
  }
}

const BAR_HEIGHT = 24;
const LABEL_WIDTH = 300;
const BAR_SPACE = 280;

/** The summary per rule as a small bar chart, the same numbers as the reports' byRule. */
function ruleChart(bars: readonly RuleBar[]): TemplateResult {
  const t = sv.filtersAndFindings;
  if (bars.length === 0) return html``;
  const height = bars.length * BAR_HEIGHT;
  return html`<figure class="rule-chart">
    <figcaption>${t.chartTitle}</figcaption>
    <svg viewBox="0 0 ${LABEL_WIDTH + BAR_SPACE + 50} ${height}" width="100%" role="img" aria-label=${t.chartLabel(bars.map((b) => t.chartBar(b.label, b.count)).join(', '))}>
      ${bars.map((b, i) => {
        const y = i * BAR_HEIGHT;
        const width = Math.max(2, b.share * BAR_SPACE);
        return svg`<g class="bar" data-rule=${b.rule} data-count=${b.count}>
          <title>${t.chartBar(b.label, b.count)}</title>
          <text x=${LABEL_WIDTH - 8} y=${y + BAR_HEIGHT / 2} text-anchor="end" dominant-baseline="middle">${b.label}</text>
          <rect x=${LABEL_WIDTH} y=${y + 4} width=${width} height=${BAR_HEIGHT - 8}></rect>
          <text class="count" x=${LABEL_WIDTH + width + 6} y=${y + BAR_HEIGHT / 2} dominant-baseline="middle">${b.count}</text>
        </g>`;
      })}
    </svg>
  </figure>`;
}
