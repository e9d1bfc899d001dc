import { html, nothing, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTORS_PAGE,
  type ActorSummary,
  CHAINS_QUERY,
  type ChainTargetArea,
  type ChainsData,
  FORUM_NAMES_PAGE,
  type Named,
  PLACES_QUERY,
  type PlacesData,
  POLICY_DOCUMENTS_PAGE,
  type PolicyDocumentSummary,
  type SourceData,
  STRATEGIES_PAGE,
} from '../api/documents.ts';
import { canEdit } from '../api/session.ts';
import { chainElements, chainRows, chainTable, orphanGoals, shownLinks } from '../graph/chains.ts';
import { presetLayout } from '../graph/layouts.ts';
import { chainStyle } from '../graph/styles.ts';
import { CARD_FONT_SIZE } from '../graph/text.ts';
import { sv } from '../i18n/sv.ts';
import { setParams } from '../lib/url-state.ts';
import { ChainTable, type ChainChoices } from './chain-table.ts';
import { EditorSlot } from './editor.ts';
import { type EditableGoal, GoalEditor } from './goal-editor.ts';
import { type LegendItem, checkField, dataTable, graphBox, inferredNote, selectField, sidePanel, sourceBlock, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, onPhone, announce } from './view.ts';

/**
 * Effektkedjor: per målområde, from ansvar to effektmål, with the goals nobody
 * works toward standing out; editors edit the chains as a table, row by row,
 * and add, edit and delete effektmål.
 */
export class ChainsView extends GraphView {
  protected readonly fileName = 'effektkedjor';
  private areas: ChainTargetArea[] = [];
  private area: ChainTargetArea | null = null;
  private selected: string | null = null;
  /** "Endast uttryckliga uppgifter": the chains without what is inferred. */
  private statedOnly = false;
  private table: ChainTable | null = null;
  private choices: ChainChoices | null = null;
  private readonly form = new EditorSlot(() => this.update(), () => this.root, { edit: '.panel .edit-goal', create: '.new-goal' });

  protected async start(params: URLSearchParams): Promise<void> {
    this.statedOnly = params.get('stated') === '1';
    if (!(await this.load())) return;
    const node = params.get('node');
    this.setArea(params.get('targetArea'), node);
    if (!node || !(await this.editRequested(params))) return;
    // An activity is edited as its row of the table; an effektmål in its form.
    const goal = this.goalRecord(node);
    if (goal) this.openGoal(goal);
    else await this.editRow(node);
  }

  /** Reads the effektkedjor of every målområde; false when that failed or there are none. */
  private async load(): Promise<boolean> {
    const data = await this.request((signal) => graphql<ChainsData>(CHAINS_QUERY, {}, signal));
    if (!data) return false;
    this.areas = data.targetAreas;
    this.status = this.areas.length ? DONE : { state: 'empty', text: sv.state.empty };
    this.update();
    return this.areas.length > 0;
  }

  private setArea(id: string | null, selected: string | null = null): void {
    this.area = this.areas.find((a) => a.id === id) ?? this.areas[0]!;
    setParams({ targetArea: this.area.id });
    this.table?.show(this.area);
    this.draw(selected);
  }

  private draw(selected: string | null): void {
    this.update();
    this.controller(chainStyle, (node) => this.select(node)).show(chainElements(this.area!, this.options()), presetLayout, { grow: true, smallestFont: onPhone() ? CARD_FONT_SIZE : 0 });
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
    if (id !== this.selected) this.form.notice = null;
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

  /** After a write: everything read again, in the målområde `areaId` (where a moved goal went), `selected` chosen. */
  private async reload(areaId: string | null, selected: string | null, message: string): Promise<void> {
    if (!(await this.load())) return;
    this.setArea(areaId ?? this.area?.id ?? null, selected);
    this.form.tell(message);
  }

  /** The table's choices are read when it first opens: actors, strategies, områden, forums, styrdokument. */
  private async openTable(): Promise<void> {
    this.choices ??=
      (await this.request(async (signal): Promise<ChainChoices> => {
        const [actors, strategies, places, forums, documents] = await Promise.all([
          allNodes<ActorSummary>(ACTORS_PAGE, { filter: null }, signal),
          allNodes<Named>(STRATEGIES_PAGE, {}, signal),
          graphql<PlacesData>(PLACES_QUERY, {}, signal),
          allNodes<Named>(FORUM_NAMES_PAGE, {}, signal),
          allNodes<PolicyDocumentSummary>(POLICY_DOCUMENTS_PAGE, {}, signal),
        ]);
        const byName = (a: Named, b: Named) => a.name.localeCompare(b.name, 'sv');
        return { actors: actors.sort(byName), strategies, areas: places.areas, forums, policyDocuments: documents.map((d) => ({ id: d.id, name: d.title })) };
      })) ?? null;
    if (!this.choices || !this.area) return;
    this.table = new ChainTable(this.choices, {
      update: () => this.update(),
      element: () => this.root.querySelector<HTMLElement>('.chain-editor'),
      // The saved row is shown in the graph and the panel; focus stays in the table.
      saved: (id, message) => this.reload(null, id ?? this.selected, message),
    });
    this.table.show(this.area);
    this.update();
    this.root.querySelector<HTMLElement>('#chain-editor-heading')?.focus();
  }

  private closeTable = (): void => {
    this.table = null;
    this.update();
    this.root.querySelector<HTMLElement>('.open-table')?.focus();
  };

  /** An activity's "Ändra i tabellen": the table opens with focus on the activity's row. */
  private async editRow(activityId: string): Promise<void> {
    if (!this.table) await this.openTable();
    this.root.querySelector<HTMLElement>(`tr[data-key="${activityId}"] input`)?.focus();
  }

  private goalRecord(id: string): EditableGoal | null {
    for (const area of this.areas) {
      const goal = area.goals.find((g) => g.id === id);
      if (goal) return { ...goal, targetAreaId: area.id };
    }
    return null;
  }

  private openGoal(goal: EditableGoal | null): void {
    const area = this.area;
    if (!area) return;
    this.form.notice = null;
    this.form.show<EditableGoal>((host) => new GoalEditor(goal, this.areas, area.id, host), {
      saved: async (id, message, closed) => {
        await this.form.afterSave(closed, message, async () => {
          await this.reload(null, null, '');
          // A goal moves with its new målområde: the view follows it there.
          const moved = this.goalRecord(id)?.targetAreaId;
          if (moved && moved !== this.area?.id) this.setArea(moved, id);
          else this.select(id);
        });
        return this.goalRecord(id);
      },
      deleted: (message) => this.form.afterDelete(message, () => this.reload(null, null, '')),
    });
  }

  protected override legendItems(): LegendItem[] {
    const c = sv.chains;
    return [{ label: c.legend.orphan, mark: 'dashed-alert' }, { label: c.legend.missing, mark: 'muted-box' }, { label: sv.source.legend, mark: 'dashed-edge' }];
  }

  protected template(): TemplateResult {
    const c = sv.chains;
    const area = this.area;
    const table = area ? chainTable(area, this.options()) : null;
    const orphans = area ? orphanGoals(area) : [];
    const ready = this.status.state === 'done';
    const editing = canEdit() && ready && area;
    return html`
      ${viewHeading(c.title, c.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-target-area', c.targetArea, area?.id ?? null, this.areas.map((a) => ({ value: a.id, label: a.name })), (v) => this.setArea(v), true)}
        ${checkField('f-stated-only', sv.source.statedOnly, this.statedOnly, this.setStatedOnly, sv.source.statedOnlyHint)}
      </form>
      ${editing
        ? html`<p class="edit-actions">
            ${this.table
              ? html`<button type="button" class="secondary open-table" @click=${this.closeTable}>${sv.chainTable.close}</button>`
              : html`<button type="button" class="open-table" @click=${() => void this.openTable()}>${sv.chainTable.open(area.name)}</button>`}
            ${this.form.open ? nothing : html`<button type="button" class="secondary new-goal" @click=${() => this.openGoal(null)}>${sv.goalForm.create}</button>`}
          </p>`
        : nothing}
      ${this.selected ? nothing : this.form.noticeTemplate()}
      ${this.form.template()}
      ${editing && this.table ? this.table.template() : nothing}
      ${statusLine(this.status)}
      <p class="summary ${orphans.length ? 'flag' : ''}" ?hidden=${!ready}>${orphans.length ? c.orphans(orphans.length) : ''}</p>
      ${area?.officials.length && ready ? officialsLine(area) : ''}
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(c.graphLabel, this.graphBox, this.saves, this.legendItems())}
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
    const notice = this.form.noticeTemplate();
    const goal = this.area.goals.find((g) => g.id === this.selected);
    const rows = chainRows(this.area);
    if (goal) {
      const leading = shownLinks(rows.flatMap((r) => r.goals.filter((l) => l.goal.id === goal.id).map((l) => ({ activity: r.activity, source: l.source }))), this.options());
      return {
        title: goal.text,
        body: html`${notice}
          ${canEdit() ? html`<div class="panel-actions"><button type="button" class="edit-goal" @click=${() => this.openGoal(this.goalRecord(goal.id))}>${sv.goalForm.edit}</button></div>` : nothing}
          ${leading.length
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
      body: html`${notice}
        ${canEdit() ? html`<div class="panel-actions"><button type="button" class="edit-row" @click=${() => void this.editRow(a.id)}>${sv.chainTable.editRow}</button></div>` : nothing}
        <dl class="facts">
          <dt>${c.columns.responsible}</dt>
          ${responsible.map((r) => html`<dd>${r.actor.name}${inferredNote(r.source)}</dd>`)}
          ${a.responsibleOthers ? html`<dd>${c.responsibleOthers}: ${a.responsibleOthers}</dd>` : ''}
          ${responsible.length || a.responsibleOthers ? '' : html`<dd class="muted">${c.noResponsible}</dd>`}
          <dt>${c.columns.output}</dt><dd>${value(a.output)}</dd>
          <dt>${c.columns.effect}</dt><dd>${value(a.shortTermEffect)}</dd>
          <dt>${c.columns.period}</dt><dd>${value(a.period)}</dd>
          <dt>${c.columns.resources}</dt><dd>${value(a.resources)}</dd>
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
