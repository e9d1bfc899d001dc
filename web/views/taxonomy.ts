import { html, type TemplateResult } from 'lit-html';
import { allNodes } from '../api/client.ts';
import { COLLABORATIONS_PAGE, type CollaborationNode, type TaxonomyCollaboration } from '../api/documents.ts';
import { toTaxonomyCollaboration } from '../api/taxonomy.ts';
import { presetLayout } from '../graph/layouts.ts';
import { taxonomyStyle } from '../graph/styles.ts';
import { GROUPINGS, type Grouping, standing, taxonomyElements, taxonomyTable } from '../graph/taxonomy.ts';
import { label, sv } from '../i18n/sv.ts';
import { oneOf, setParams } from '../lib/url-state.ts';
import { dataTable, graphBox, legend, selectField, sidePanel, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce } from './view.ts';

/** Taxonomi: every collaboration on the scale specificerat → sammansmält, with its target and its history. */
export class TaxonomyView extends GraphView {
  protected readonly fileName = 'taxonomi';
  private collaborations: TaxonomyCollaboration[] = [];
  private grouping: Grouping = 'targetArea';
  private selected: string | null = null;

  protected async start(params: URLSearchParams): Promise<void> {
    this.grouping = oneOf(params, 'group', GROUPINGS) ?? 'targetArea';
    const nodes = await this.request((signal) => allNodes<CollaborationNode>(COLLABORATIONS_PAGE, {}, signal));
    if (!nodes) return;
    this.collaborations = nodes.map(toTaxonomyCollaboration);
    this.status = this.collaborations.length ? DONE : { state: 'empty', text: sv.state.empty };
    this.update();
    if (!this.collaborations.length) return;
    this.draw();
    const selected = params.get('collaboration');
    if (selected) this.select(selected);
  }

  private draw(): void {
    this.controller(taxonomyStyle, (id) => this.select(id)).show(taxonomyElements(this.collaborations, this.grouping), presetLayout, { grow: true });
    this.graph!.select(this.selected);
  }

  private setGrouping(value: string | null): void {
    this.grouping = value === 'type' ? 'type' : 'targetArea';
    setParams({ group: this.grouping === 'targetArea' ? null : this.grouping });
    this.draw();
    this.update();
  }

  private select(id: string | null): void {
    const found = this.collaborations.find((c) => c.id === id);
    this.selected = found?.id ?? null;
    setParams({ collaboration: this.selected });
    this.graph?.select(this.selected);
    announce(found ? sv.common.selected(found.name) : sv.common.nothingSelected);
    this.update();
  }

  protected template(): TemplateResult {
    const t = sv.taxonomy;
    const table = taxonomyTable(this.collaborations, this.grouping);
    const ready = this.status.state === 'done';
    const marks = legend([
      { label: t.legend.target, mark: 'ring' },
      { label: t.legend.trajectory, mark: 'arrow' },
      { label: t.legend.below, mark: 'dashed' },
      { label: t.legend.drift, mark: 'double' },
    ]);
    return html`
      ${viewHeading(t.title, t.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-group', t.groupBy, this.grouping, GROUPINGS.map((g) => ({ value: g, label: t.groupings[g]! })), (v) => this.setGrouping(v), true)}
      </form>
      ${statusLine(this.status)}
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(t.graphLabel, this.graphBox, this.savePng, marks)}
        ${sidePanel(this.panel(), t.select)}
      </div>
      <section class="tables" aria-label=${sv.common.asTable} ?hidden=${!ready}>
        ${dataTable(table, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(table) })}
      </section>
    `;
  }

  private panel(): { title: string; body: TemplateResult } | null {
    const c = this.collaborations.find((x) => x.id === this.selected);
    if (!c) return null;
    const t = sv.taxonomy;
    const where = standing(c);
    return {
      title: c.name,
      body: html`
        <dl class="facts">
          <dt>${t.columns.level}</dt><dd>${c.level ? label(sv.levels, c.level) : t.notAssessed}</dd>
          <dt>${t.target}</dt><dd>${c.targetLevel ? label(sv.levels, c.targetLevel) : t.noTarget}</dd>
          <dt>${sv.taxonomy.groupings.type}</dt><dd>${label(sv.collaborationTypes, c.type)}</dd>
          <dt>${sv.taxonomy.groupings.targetArea}</dt><dd>${c.targetAreas.map((a) => a.name).join(', ') || sv.common.none}</dd>
        </dl>
        ${c.drifting ? html`<p class="flag">${t.drift}</p>` : ''}
        ${where === 'below' ? html`<p class="flag">${t.belowTarget}</p>` : ''}
        ${where === 'unassessed' ? html`<p class="action">${t.callToAssess}</p>` : ''}
        ${c.history.length
          ? html`<h4>${t.history}</h4>
              <ol>${c.history.map((h) => html`<li>${h.date}: ${label(sv.levels, h.level)}</li>`)}</ol>`
          : ''}
        <h4>${t.participants}</h4>
        ${c.participants.length ? html`<ul>${c.participants.map((p) => html`<li>${p.name}</li>`)}</ul>` : html`<p>${sv.common.none}</p>`}
      `,
    };
  }
}
