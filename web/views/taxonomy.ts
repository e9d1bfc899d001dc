import { html, nothing, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTIVITY_NAMES_PAGE,
  ACTORS_PAGE,
  type ActorSummary,
  COLLABORATION_QUERY,
  type CollaborationData,
  type CollaborationRecord,
  FORUM_NAMES_PAGE,
  INSTRUMENT_QUERY,
  type Named,
  type InstrumentData,
  type LayerScore,
  TAXONOMY_QUERY,
  type TaxonomyCollaboration,
  type TaxonomyData,
  type TaxonomyGroupData,
} from '../api/documents.ts';
import { canEdit } from '../api/session.ts';
import { taxonomyGroupings, toTaxonomyCollaboration } from '../api/taxonomy.ts';
import { presetLayout } from '../graph/layouts.ts';
import { taxonomyStyle } from '../graph/styles.ts';
import { TAXONOMY_FONT_SIZE } from '../graph/text.ts';
import { GROUPINGS, type Grouping, levelIndex, standing, taxonomyElements, taxonomyTable } from '../graph/taxonomy.ts';
import { label, sv } from '../i18n/sv.ts';
import { oneOf, setParams } from '../lib/url-state.ts';
import { AssessmentEditor, type AssessmentMode } from './assessment-editor.ts';
import { CollaborationEditor, type CollaborationChoices } from './collaboration-editor.ts';
import { EditorSlot } from './editor.ts';
import { HistoryPanel } from './history.ts';
import { type LegendItem, dataTable, graphBox, inferredNote, selectField, sidePanel, sourceBlock, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce } from './view.ts';

/** Taxonomi: every collaboration on the scale specificerat → sammansmält, with its target and its history. */
export class TaxonomyView extends GraphView {
  protected readonly fileName = 'taxonomi';
  private collaborations: TaxonomyCollaboration[] = [];
  private groups: Record<Grouping, TaxonomyGroupData[]> = { targetArea: [], type: [] };
  private counts: Omit<TaxonomyData['taxonomy'], 'collaborations' | 'byTargetArea' | 'byType'> | null = null;
  private grouping: Grouping = 'targetArea';
  private selected: string | null = null;
  private readonly form = new EditorSlot(() => this.update(), () => this.root, { edit: '.panel .edit-collaboration', create: '.new-collaboration' });
  private instrument: InstrumentData['taxonomyInstrument'] | null = null;
  private choices: CollaborationChoices | null = null;
  private readonly history = new HistoryPanel(() => this.update());

  protected async start(params: URLSearchParams): Promise<void> {
    this.grouping = oneOf(params, 'group', GROUPINGS) ?? 'targetArea';
    if (!(await this.load())) return;
    const selected = params.get('collaboration');
    if (selected) this.select(selected);
    if (selected && (await this.editRequested(params))) await this.openCollaboration(selected);
  }

  /** Reads the taxonomy report and draws it; false when there is nothing to show. */
  private async load(): Promise<boolean> {
    const data = await this.request((signal) => graphql<TaxonomyData>(TAXONOMY_QUERY, {}, signal));
    if (!data) return false;
    const { collaborations, byTargetArea: _a, byType: _t, ...counts } = data.taxonomy;
    this.collaborations = collaborations.map(toTaxonomyCollaboration);
    this.groups = taxonomyGroupings(data.taxonomy);
    this.counts = counts;
    this.status = this.collaborations.length ? DONE : { state: 'empty', text: sv.state.empty };
    this.update();
    if (!this.collaborations.length) return false;
    this.draw();
    return true;
  }

  /** Opens the survey or the direct placement for a collaboration; the instrument is read on first use. */
  private async assess(c: TaxonomyCollaboration, mode: AssessmentMode): Promise<void> {
    this.instrument ??= (await this.request((signal) => graphql<InstrumentData>(INSTRUMENT_QUERY, {}, signal)))?.taxonomyInstrument ?? null;
    if (!this.instrument) return;
    this.form.notice = null;
    // Respondents answer for an organisation that takes part: the server takes no others.
    const editor = new AssessmentEditor(mode, c, c.participants, this.instrument, {
      update: () => this.update(),
      element: this.form.element,
      saved: (id, message) => this.saved(id, message),
      cancel: () => this.form.close(`.panel .assess-${mode}`),
    });
    this.form.showOther(editor, c.id);
  }

  /** The collaboration form; its choices (actors, forums, activities) are read on first use, the collaboration as it is now. */
  private async openCollaboration(id: string | null): Promise<void> {
    this.choices ??=
      (await this.request(async (signal): Promise<CollaborationChoices> => {
        const [actors, forums, activities] = await Promise.all([
          allNodes<ActorSummary>(ACTORS_PAGE, { filter: null }, signal),
          allNodes<Named>(FORUM_NAMES_PAGE, {}, signal),
          allNodes<Named>(ACTIVITY_NAMES_PAGE, {}, signal),
        ]);
        const byName = (a: Named, b: Named) => a.name.localeCompare(b.name, 'sv');
        return { actors: actors.sort(byName), forums: forums.sort(byName), activities: activities.sort(byName) };
      })) ?? null;
    const record = id ? await this.readCollaboration(id) : null;
    if (!this.choices || (id && !record)) return;
    this.form.notice = null;
    const choices = this.choices;
    this.form.show<CollaborationRecord>((host) => new CollaborationEditor(record, choices, host), {
      saved: async (savedId, message, closed) => {
        await this.saved(savedId, message, closed);
        return this.readCollaboration(savedId);
      },
      deleted: (message) =>
        this.form.afterDelete(message, async () => {
          this.history.reset();
          await this.load();
          this.select(null);
        }),
    });
  }

  private async readCollaboration(id: string): Promise<CollaborationRecord | null> {
    return (await this.request((signal) => graphql<CollaborationData>(COLLABORATION_QUERY, { id }, signal)))?.node ?? null;
  }

  /** The lane's call to assess, as a control: the first collaboration never assessed that has participants to ask, in the table's order. */
  private nextUnassessed(): TaxonomyCollaboration | undefined {
    const order = taxonomyTable(this.collaborations, this.groups[this.grouping]).rows.map((r) => r.key);
    return order.map((id) => this.collaborations.find((c) => c.id === id)).find((c) => c && standing(c) === 'unassessed' && c.participants.length > 0);
  }

  private assessNext = (): void => {
    const next = this.nextUnassessed();
    if (!next) return;
    this.select(next.id);
    void this.assess(next, 'survey');
  };

  /** After an assessment or an edit: the taxonomy as it is now, with the collaboration in its (new) column. */
  private saved(id: string, message: string, closed = true): Promise<void> {
    return this.form.afterSave(closed, message, async () => {
      this.history.reset();
      await this.load();
      this.select(id);
    });
  }

  private draw(): void {
    this.controller(taxonomyStyle, (id) => this.select(id)).show(taxonomyElements(this.collaborations, this.groups[this.grouping]), presetLayout, { grow: true, smallestFont: TAXONOMY_FONT_SIZE });
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
    if (found?.id !== this.selected) this.form.notice = null;
    this.selected = found?.id ?? null;
    setParams({ collaboration: this.selected });
    this.graph?.select(this.selected);
    announce(found ? sv.common.selected(found.name) : sv.common.nothingSelected);
    this.update();
  }

  protected override legendItems(): LegendItem[] {
    const t = sv.taxonomy.legend;
    return [
      { label: t.target, mark: 'ring' },
      { label: t.trajectory, mark: 'arrow' },
      { label: t.unassessed, mark: 'badge-unassessed' },
      { label: t.below, mark: 'badge-below' },
      { label: t.drift, mark: 'badge-drift' },
      ...(this.collaborations.some((c) => c.isDemo) ? [{ label: t.demo, mark: 'badge-demo' as const }] : []),
    ];
  }

  protected template(): TemplateResult {
    const t = sv.taxonomy;
    const table = taxonomyTable(this.collaborations, this.groups[this.grouping]);
    const ready = this.status.state === 'done';
    return html`
      ${viewHeading(t.title, t.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-group', t.groupBy, this.grouping, GROUPINGS.map((g) => ({ value: g, label: t.groupings[g]! })), (v) => this.setGrouping(v), true)}
      </form>
      ${canEdit() && !this.form.open
        ? html`<p><button type="button" class="new-collaboration" @click=${() => void this.openCollaboration(null)}>${sv.collaborationForm.create}</button>
            <a class="button secondary" href="/skattningsomgang">${sv.survey.startMany}</a></p>`
        : nothing}
      ${this.selected ? nothing : this.form.noticeTemplate()}
      ${this.form.template()}
      ${statusLine(this.status)}
      ${this.counts
        ? html`<p class="summary">${t.summary(this.collaborations.length, this.counts.notAssessedCount, this.counts.belowTargetCount, this.counts.driftCount)}
              ${canEdit() && !this.form.open && this.nextUnassessed()
                ? html`<button type="button" class="secondary" @click=${this.assessNext}>${sv.assess.next}</button>`
                : nothing}</p>
            ${this.counts.demoAssessments ? html`<p class="notice" role="note">${t.demoBanner(this.counts.demoAssessments)}</p>` : ''}`
        : ''}
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(t.graphLabel, this.graphBox, this.saves, this.legendItems())}
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
    const actions = canEdit()
      ? html`<div class="panel-actions">
          ${c.participants.length
            ? html`<a class="button start-survey" href=${`/skattningsomgang?collaboration=${encodeURIComponent(c.id)}`}>${sv.survey.start}</a>
                <button type="button" class="secondary assess-survey" @click=${() => void this.assess(c, 'survey')}>${sv.assess.survey}</button>`
            : html`<p class="hint">${sv.assess.noParticipants}</p>`}
          <button type="button" class="secondary assess-place" @click=${() => void this.assess(c, 'place')}>${sv.assess.place}</button>
          <button type="button" class="secondary edit-collaboration" @click=${() => void this.openCollaboration(c.id)}>${sv.collaborationForm.edit}</button>
        </div>`
      : nothing;
    return {
      title: c.name,
      body: html`
        ${this.form.noticeTemplate()}
        ${where === 'unassessed' ? nothing : actions}
        <dl class="facts">
          <dt>${t.columns.level}</dt><dd>${c.level ? label(sv.levels, c.level) : t.notAssessed}${c.provisional ? ` (${t.provisional})` : ''}</dd>
          <dt>${t.target}</dt><dd>${c.targetLevel ? label(sv.levels, c.targetLevel) : t.noTarget}</dd>
          <dt>${sv.taxonomy.groupings.type}</dt><dd>${label(sv.collaborationTypes, c.type)}</dd>
          <dt>${sv.taxonomy.groupings.targetArea}</dt><dd>${this.groups.targetArea.filter((g) => g.ids.includes(c.id)).map((g) => g.label).join(', ') || sv.common.none}</dd>
        </dl>
        ${c.isDemo ? html`<p class="notice">${t.demoMark}</p>` : ''}
        ${where === 'below' ? html`<p class="flag">${t.belowTarget}</p>` : ''}
        ${where === 'unassessed' ? html`<p class="action">${t.callToAssess}</p>${actions}` : html`<h4>${t.evidence}</h4><p class="evidence">${c.evidence}</p>`}
        ${c.layers.length ? profileTable(c.layers) : ''}
        ${c.perceptionGaps.length ? html`<h4>${t.perceptionGaps}</h4><ul>${c.perceptionGaps.map((g) => html`<li>${g}</li>`)}</ul>` : ''}
        ${c.driftFindings.length
          ? html`<h4 class=${c.drifting ? 'flag' : ''}>${t.drift}</h4>
              <ul>${c.driftFindings.map((d) => html`<li><strong>${d.title}.</strong> ${d.evidence}</li>`)}</ul>`
          : ''}
        ${c.history.length
          ? html`<h4>${t.history}</h4>
              <ol class="timeline">${c.history.map((h, i) => {
                // A step to a lower level than the one before is the movement the taxonomy warns of.
                const before = i > 0 ? levelIndex(c.history[i - 1]!.level) : null;
                const now = levelIndex(h.level);
                const leftward = before !== null && now !== null && now < before;
                return html`<li class=${leftward ? 'leftward' : ''}>${h.date}: ${label(sv.levels, h.level)}${h.provisional ? ` (${t.provisional})` : ''}${leftward ? html` <strong class="flag">${t.leftStep}</strong>` : ''}</li>`;
              })}</ol>`
          : ''}
        <h4>${t.participants}</h4>
        ${c.participations.length
          ? html`<ul>${c.participations.map((p) => html`<li>${p.actor.name}${p.role ? ` (${p.role})` : ''}${inferredNote(p.source)}</li>`)}</ul>`
          : html`<p>${sv.common.none}</p>`}
        ${sourceBlock(c.source)}
        ${this.history.template(c.id, (id) => c.participants.find((p) => p.id === id)?.name)}
      `,
    };
  }
}

const number = (n: number | null) => (n === null ? sv.common.none : n.toLocaleString('sv-SE', { maximumFractionDigits: 1 }));

/** The A/B/C profile: the taxonomy asks for it always, since a high A over a low C is form without depth. */
function profileTable(layers: readonly LayerScore[]): TemplateResult {
  const c = sv.taxonomy.profileColumns;
  return html`<table class="profile">
    <caption>${sv.taxonomy.profile}</caption>
    <thead><tr><th scope="col">${c.layer}</th><th scope="col">${c.score}</th><th scope="col">${c.target}</th><th scope="col">${c.gap}</th></tr></thead>
    <tbody>${layers.map((l) => html`<tr><th scope="row"><strong>${l.layer}</strong> ${l.name}</th><td>${number(l.score)}</td><td>${number(l.target)}</td><td>${number(l.gap)}</td></tr>`)}</tbody>
  </table>`;
}
