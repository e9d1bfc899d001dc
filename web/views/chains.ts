import { html, type TemplateResult } from 'lit-html';
import { graphql } from '../api/client.ts';
import { CHAINS_QUERY, type ChainTargetArea, type ChainsData } from '../api/documents.ts';
import { chainElements, chainRows, chainTable, orphanGoals } from '../graph/chains.ts';
import { presetLayout } from '../graph/layouts.ts';
import { chainStyle } from '../graph/styles.ts';
import { sv } from '../i18n/sv.ts';
import { setParams } from '../lib/url-state.ts';
import { dataTable, graphBox, legend, selectField, sidePanel, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce } from './view.ts';

/** Effektkedjor: per målområde, from ansvar to effektmål, with the goals nobody works toward standing out. */
export class ChainsView extends GraphView {
  protected readonly fileName = 'effektkedjor';
  private areas: ChainTargetArea[] = [];
  private area: ChainTargetArea | null = null;
  private selected: string | null = null;

  protected async start(params: URLSearchParams): Promise<void> {
    const data = await this.request((signal) => graphql<ChainsData>(CHAINS_QUERY, {}, signal));
    if (!data) return;
    this.areas = data.targetAreas;
    this.status = this.areas.length ? DONE : { state: 'empty', text: sv.state.empty };
    this.update();
    if (!this.areas.length) return;
    this.setArea(params.get('targetArea'), params.get('node'));
  }

  private setArea(id: string | null, selected: string | null = null): void {
    this.area = this.areas.find((a) => a.id === id) ?? this.areas[0]!;
    setParams({ targetArea: this.area.id });
    this.update();
    this.controller(chainStyle, (node) => this.select(node)).show(chainElements(this.area), presetLayout, { grow: true });
    this.select(selected);
  }

  private select(id: string | null): void {
    const known = id !== null && this.graph?.cy.getElementById(id).nonempty();
    this.selected = known ? id : null;
    setParams({ node: this.selected });
    this.graph?.select(this.selected, { lineage: true });
    announce(this.selected ? sv.common.selected(this.title(this.selected)) : sv.common.nothingSelected);
    this.update();
  }

  private title(id: string): string {
    const goal = this.area?.goals.find((g) => g.id === id);
    if (goal) return goal.text;
    return this.area ? (chainRows(this.area).find((r) => r.activity.id === id)?.activity.name ?? id) : id;
  }

  protected template(): TemplateResult {
    const c = sv.chains;
    const area = this.area;
    const table = area ? chainTable(area) : null;
    const orphans = area ? orphanGoals(area) : [];
    const ready = this.status.state === 'done';
    return html`
      ${viewHeading(c.title, c.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-target-area', c.targetArea, area?.id ?? null, this.areas.map((a) => ({ value: a.id, label: a.name })), (v) => this.setArea(v), true)}
      </form>
      ${statusLine(this.status)}
      <p class="summary ${orphans.length ? 'flag' : ''}" ?hidden=${!ready}>${orphans.length ? c.orphans(orphans.length) : ''}</p>
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(c.graphLabel, this.graphBox, this.savePng, legend([{ label: c.legend.orphan, mark: 'dashed-alert' }, { label: c.legend.missing, mark: 'muted-box' }]))}
        ${sidePanel(this.panel(), c.select)}
      </div>
      <section class="tables" aria-label=${sv.common.asTable} ?hidden=${!ready}>
        ${table
          ? dataTable(table, {
              selected: this.selected,
              // A row is a goal and an activity; choosing it shows the activity's chain, or the goal when no activity leads to it.
              onSelect: (key) => this.select(key.split('|').at(-1)!),
              onCsv: () => this.saveCsv(table),
            })
          : ''}
      </section>
    `;
  }

  private panel(): { title: string; body: TemplateResult } | null {
    if (!this.area || !this.selected) return null;
    const c = sv.chains;
    const goal = this.area.goals.find((g) => g.id === this.selected);
    if (goal) {
      return {
        title: goal.text,
        body: goal.activities.length
          ? html`<h4>${c.columns.activity}</h4><ul>${goal.activities.map((a) => html`<li><button type="button" class="link" @click=${() => this.select(a.id)}>${a.name}</button></li>`)}</ul>`
          : html`<p class="flag">${c.orphanGoal}</p>`,
      };
    }
    const row = chainRows(this.area).find((r) => r.activity.id === this.selected);
    if (!row) return null;
    const a = row.activity;
    const value = (text: string | null) => text ?? html`<span class="muted">${c.missing}</span>`;
    return {
      title: a.name,
      body: html`<dl class="facts">
        <dt>${c.columns.responsible}</dt><dd>${a.responsible.map((r) => r.name).join(', ') || html`<span class="muted">${c.noResponsible}</span>`}</dd>
        <dt>${c.columns.output}</dt><dd>${value(a.output)}</dd>
        <dt>${c.columns.effect}</dt><dd>${value(a.shortTermEffect)}</dd>
        <dt>${c.columns.goal}</dt>${row.goals.map((g) => html`<dd><button type="button" class="link" @click=${() => this.select(g.id)}>${g.text}</button></dd>`)}
      </dl>`,
    };
  }
}
