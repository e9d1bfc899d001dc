import { html, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTORS_PAGE,
  type ActorSummary,
  FINDING_RULES_QUERY,
  FINDINGS_QUERY,
  type FindingRulesData,
  type FindingsData,
  PLACES_QUERY,
  type PlacesData,
  SUBJECTS_QUERY,
  type SubjectNode,
  type SubjectsData,
} from '../api/documents.ts';
import { type ReportFinding, findingElements, findingTable, subgraphTable, subjectGraph } from '../graph/findings.ts';
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
  private rules: string[] = [];
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
    this.rules = [...new Set([...rules.gaps.byRule, ...rules.overlaps.byRule].map((r) => r.rule))].sort((a, b) => label(sv.rules, a).localeCompare(label(sv.rules, b), 'sv'));
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
    const table = findingTable(this.findings);
    const ready = this.status.state === 'done';
    const finding = this.findings.find((x) => x.id === this.selected) ?? null;
    const nodes = finding && this.subjects?.id === finding.id && this.subjects.nodes !== 'loading' ? this.subjects.nodes : null;
    const subgraph = nodes ? subjectGraph(nodes) : null;
    const sub = subgraph && finding ? subgraphTable(subgraph, finding.subjectIds) : null;
    return html`
      ${viewHeading(sv.findings.title, sv.findings.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-report', f.report, this.report, REPORTS.map((r) => ({ value: r, label: sv.findings.reports[r]! })), (v) => this.setFilter('report', v), true)}
        ${selectField('f-rule', f.rule, this.filters.rule, this.rules.map((r) => ({ value: r, label: label(sv.rules, r) })), (v) => this.setFilter('rule', v))}
        ${selectField('f-severity', f.severity, this.filters.severity, codeOptions(sv.severities), (v) => this.setFilter('severity', v))}
        ${selectField('f-target-area', f.targetArea, this.filters.targetArea, this.places.targetAreas.map((t) => ({ value: t.id, label: t.name })), (v) => this.setFilter('targetArea', v))}
        ${selectField('f-area', f.area, this.filters.area, this.places.areas.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('area', v))}
        ${selectField('f-actor', f.actor, this.filters.actor, this.actors.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('actor', v))}
        ${searchField('f-text', f.text, this.filters.q ?? '', this.onText)}
        <button type="button" class="secondary" @click=${this.clearFilters}>${sv.common.clearFilters}</button>
      </form>
      ${statusLine(this.status)}
      <p class="summary" ?hidden=${!ready}>${sv.findings.count(this.findings.length)}</p>
      <div class="finding-list" ?hidden=${!ready}>
        ${dataTable(table, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(table) })}
        ${sidePanel(finding ? { title: finding.title, body: this.detail(finding) } : null, sv.findings.select)}
      </div>
      <div class="subgraph" ?hidden=${!ready || !sub}>
        ${graphBox(sv.findings.graphLabel, this.graphBox, this.saves)}
        ${sub ? dataTable(sub, { onCsv: () => this.saveCsv(sub, '-noder') }) : ''}
      </div>
    `;
  }

  private detail(f: ReportFinding): TemplateResult {
    const s = sv.findings;
    return html`
      <p>
        <span class="badge ${f.severity}">${label(sv.severities, f.severity)}</span>
        ${label(s.kind, f.report)} · ${label(sv.rules, f.rule)}
      </p>
      <h4>${s.evidence}</h4>
      <p class="evidence">${f.evidence}</p>
      ${f.action ? html`<h4>${s.action}</h4><p class="action">${f.action}</p>` : ''}
    `;
  }

  override destroy(): void {
    clearTimeout(this.textTimer);
    super.destroy();
  }
}
