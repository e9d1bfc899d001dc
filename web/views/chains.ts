import { html, type TemplateResult } from 'lit-html';
import { graphql } from '../api/client.ts';
import { CHAINS_QUERY, type ChainTargetArea, type ChainsData, type SourceData } from '../api/documents.ts';
import { chainElements, chainRows, chainTable, orphanGoals, shownLinks } from '../graph/chains.ts';
import { presetLayout } from '../graph/layouts.ts';
import { chainStyle } from '../graph/styles.ts';
import { sv } from '../i18n/sv.ts';
import { setParams } from '../lib/url-state.ts';
import { checkField, dataTable, graphBox, inferredNote, legend, selectField, sidePanel, sourceBlock, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce } from './view.ts';

/** Effektkedjor: per målområde, from ansvar to effektmål, with the goals nobody works toward standing out. */
export class ChainsView extends GraphView {
  protected readonly fileName = 'effektkedjor';
  private areas: ChainTargetArea[] = [];
  private area: ChainTargetArea | null = null;
  private selected: string | null = null;
  /** "Endast uttryckliga uppgifter": the chains without what is inferred. */
  private statedOnly = false;

  protected async start(params: URLSearchParams): Promise<void> {
    this.statedOnly = params.get('stated') === '1';
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
    this.draw(selected);
  }

  private draw(selected: string | null): void {
    this.update();
    this.controller(chainStyle, (node) => this.select(node)).show(chainElements(this.area!, this.options()), presetLayout, { grow: true });
    this.select(selected);
  }

  private options() {
    return { statedOnly: this.statedOnly };
  }

  private setStatedOnly = (statedOnly: boolean): void => {
    this.statedOnly = statedOnly;
    setParams({ stated: statedOnly ? '1' : null });
    this.draw(this.selected);
  };

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
    const table = area ? chainTable(area, this.options()) : null;
    const orphans = area ? orphanGoals(area) : [];
    const ready = this.status.state === 'done';
    return html`
      ${viewHeading(c.title, c.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-target-area', c.targetArea, area?.id ?? null, this.areas.map((a) => ({ value: a.id, label: a.name })), (v) => this.setArea(v), true)}
        ${checkField('f-stated-only', sv.source.statedOnly, this.statedOnly, this.setStatedOnly, sv.source.statedOnlyHint)}
      </form>
      ${statusLine(this.status)}
      <p class="summary ${orphans.length ? 'flag' : ''}" ?hidden=${!ready}>${orphans.length ? c.orphans(orphans.length) : ''}</p>
      ${area?.officials.length && ready ? officialsLine(area) : ''}
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(c.graphLabel, this.graphBox, this.savePng, legend([{ label: c.legend.orphan, mark: 'dashed-alert' }, { label: c.legend.missing, mark: 'muted-box' }, { label: sv.source.legend, mark: 'dashed-edge' }]))}
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
    const rows = chainRows(this.area);
    if (goal) {
      const leading = shownLinks(rows.flatMap((r) => r.goals.filter((l) => l.goal.id === goal.id).map((l) => ({ activity: r.activity, source: l.source }))), this.options());
      return {
        title: goal.text,
        body: html`${leading.length
          ? html`<h4>${c.columns.activity}</h4><ul>${leading.map(({ activity: a, source }) => html`<li><button type="button" class="link" @click=${() => this.select(a.id)}>${a.name}</button>${inferredNote(source)}</li>`)}</ul>`
          : html`<p class="flag">${goal.activities.length ? c.onlyInferred : c.orphanGoal}</p>`}
          ${sourceBlock(goal.source)}`,
      };
    }
    const row = rows.find((r) => r.activity.id === this.selected);
    if (!row) return null;
    const a = row.activity;
    const value = (text: string | null) => text ?? html`<span class="muted">${c.missing}</span>`;
    const responsible = shownLinks(a.responsibility, this.options());
    return {
      title: a.name,
      body: html`<dl class="facts">
        <dt>${c.columns.responsible}</dt>
        ${responsible.map((r) => html`<dd>${r.actor.name}${inferredNote(r.source)}</dd>`)}
        ${a.responsibleOthers ? html`<dd>${c.responsibleOthers}: ${a.responsibleOthers}</dd>` : ''}
        ${responsible.length || a.responsibleOthers ? '' : html`<dd class="muted">${c.noResponsible}</dd>`}
        <dt>${c.columns.output}</dt><dd>${value(a.output)}</dd>
        <dt>${c.columns.effect}</dt><dd>${value(a.shortTermEffect)}</dd>
        <dt>${c.columns.goal}</dt>${shownLinks(row.goals, this.options()).map((l) => html`<dd><button type="button" class="link" @click=${() => this.select(l.goal.id)}>${l.goal.text}</button>${inferredNote(l.source)}</dd>`)}
      </dl>
      ${distinctSources(responsible.map((r) => r.source)).map((source) => sourceBlock(source, sv.source.of(c.columns.responsible)))}
      ${sourceBlock(a.source, sv.source.of(c.columns.activity))}`,
    };
  }
}

/** The Ansvar cells behind an activity's ansvar, each once: several actors usually share one cell. */
function distinctSources(sources: readonly (SourceData | null)[]): (SourceData | null)[] {
  const seen = new Map<string, SourceData | null>();
  for (const source of sources) seen.set(`${source?.document}|${source?.quote}|${source?.basis}`, source);
  return [...seen.values()];
}

/** Who answers for the målområde (001), with the slide it is read from. */
function officialsLine(area: ChainTargetArea): TemplateResult {
  const names = area.officials.map((o) => [o.person.title, o.person.name].filter(Boolean).join(' ')).join(', ');
  const source = area.officials[0]!.source;
  return html`<p class="officials">${sv.chains.officials(names)} <span class="muted">(${sv.source.of(source?.document ?? sv.source.editorEntered)})</span></p>`;
}
