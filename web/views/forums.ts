import { html, nothing, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTORS_PAGE,
  type ActorSummary,
  FORUM_CHOICES_QUERY,
  FORUM_OVERLAPS_QUERY,
  FORUMS_PAGE,
  type ForumChoicesData,
  type ForumFilter,
  type ForumOverlap,
  type ForumOverlapsData,
  type ForumSummary,
  PLACES_QUERY,
  type PlacesData,
} from '../api/documents.ts';
import { formatTime, mutate, outcome, saveFailed } from '../api/mutations.ts';
import { canEdit } from '../api/session.ts';
import { dayOrNull, today } from '../api/as-of.ts';
import { confirmation } from '../edit/forum.ts';
import { dueTable, forumActors, forumDetails, forumElements, forumMatrix, overlapPartners, targetGroupsText } from '../graph/forums.ts';
import { forceLayout } from '../graph/layouts.ts';
import { forumStyle } from '../graph/styles.ts';
import { NODE_FONT_SIZE } from '../graph/text.ts';
import { label, sv } from '../i18n/sv.ts';
import { UrlFilters, setParams } from '../lib/url-state.ts';
import { EditorSlot } from './editor.ts';
import { ForumEditor, type ForumChoices } from './forum-editor.ts';
import { HistoryPanel } from './history.ts';
import { type LegendItem, actorLegend, codeOptions, dataTable, graphBox, inferredNote, searchField, selectField, sidePanel, sourceBlock, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, LOADING, announce } from './view.ts';

const FILTER_KEYS = ['q', 'targetGroup', 'targetArea', 'level', 'convenor', 'actor', 'confirmation'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const CONFIRMATION_CHOICES = ['due', 'confirmed'] as const;

/**
 * Forum: the forum inventory, searched and filtered (målgrupp, målområde,
 * nivå, sammankallande, medlem, bekräftelse), a forum × actor matrix, forums
 * that could merge, and those due for confirmation, soonest first; editors
 * add, edit and confirm forums.
 */
export class ForumsView extends GraphView {
  protected readonly fileName = 'forum';
  private forums: ForumSummary[] = [];
  /** The forums the filters let through that are due for confirmation, soonest due first. */
  private due: ForumSummary[] = [];
  private overlaps: ForumOverlap[] = [];
  private filters!: UrlFilters<FilterKey>;
  private actors: ActorSummary[] = [];
  private places: PlacesData = { targetAreas: [], areas: [] };
  private selected: string | null = null;
  private readonly form = new EditorSlot(() => this.update(), () => this.root, { edit: '.panel .edit-forum', create: '.new-forum' });
  private choices: ForumChoices | null = null;
  /** What the last write did, or why a confirmation was refused. */
  private notice: { text: string; problem: boolean } | null = null;
  /** That a forum was deleted: shown above the view, as nothing is selected any more (and said by the announcer, as every success is). */
  private removed: string | null = null;
  private readonly history = new HistoryPanel(() => this.update());

  protected async start(params: URLSearchParams): Promise<void> {
    this.filters = new UrlFilters(FILTER_KEYS, params, { targetGroup: Object.keys(sv.forums.targetGroups), level: Object.keys(sv.forums.levels), confirmation: CONFIRMATION_CHOICES });
    const choices = await this.request((signal) => Promise.all([allNodes<ActorSummary>(ACTORS_PAGE, { filter: null }, signal), graphql<PlacesData>(PLACES_QUERY, {}, signal)]));
    if (!choices) return;
    this.actors = choices[0].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    this.places = choices[1];
    if (!(await this.load())) return;
    this.select(params.get('forum'));
    const forum = this.forums.find((f) => f.id === params.get('forum'));
    if (forum && (await this.editRequested(params))) await this.openEditor(forum);
  }

  /** The filters as the server takes them: the forums, the matrix and the list to confirm all show what they let through. */
  private forumFilter(): ForumFilter {
    const { q, targetGroup, targetArea, level, convenor, actor, confirmation: confirmed } = this.filters.values;
    return { text: q, targetGroup, targetArea, level, convenor, actor, confirmationDue: confirmed ? confirmed === 'due' : null };
  }

  /** Reads the forums the filters let through, those due for confirmation, and the overlaps, and draws them; false when that failed. */
  private async load(): Promise<boolean> {
    const filter = this.forumFilter();
    const data = await this.request((signal) =>
      Promise.all([
        allNodes<ForumSummary>(FORUMS_PAGE, { filter }, signal),
        allNodes<ForumSummary>(FORUMS_PAGE, { filter: { ...filter, confirmationDue: true }, order: 'CONFIRMATION_DUE' }, signal),
        graphql<ForumOverlapsData>(FORUM_OVERLAPS_QUERY, {}, signal),
      ]),
    );
    if (!data) return false;
    this.forums = data[0].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    // "Confirmed" asks for none due: the server's list would hold confirmed ones.
    this.due = filter.confirmationDue === false ? [] : data[1];
    this.overlaps = data[2].overlaps.findings;
    this.status = this.forums.length ? DONE : { state: 'empty', text: this.filters.any ? sv.state.emptyFiltered : sv.state.empty };
    this.update();
    if (this.forums.length) {
      const elements = forumElements(this.forums, this.overlaps);
      this.controller(forumStyle, (id) => this.select(id)).show(elements, forceLayout(elements.filter((e) => e.group === 'nodes').length), { smallestFont: NODE_FONT_SIZE });
    }
    return true;
  }

  /** A changed filter reads the forums again; the selected forum stays selected while the filters let it through. */
  private async refilter(): Promise<void> {
    this.status = LOADING;
    this.update();
    if (!(await this.load())) return;
    announce(sv.forums.count(this.forums.length));
    this.select(this.forums.some((f) => f.id === this.selected) ? this.selected : null);
  }

  private setFilter(key: FilterKey, value: string | null): void {
    this.filters.set(key, value);
    void this.refilter();
  }

  private clearFilters = (): void => {
    this.filters.clear();
    void this.refilter();
  };

  /** A forum shows its card; an actor node selects the actor in the graph only. */
  private select(id: string | null): void {
    const forum = this.forums.find((f) => f.id === id);
    if (forum?.id !== this.selected) this.notice = null;
    if (forum) this.removed = null;
    this.selected = forum ? forum.id : null;
    setParams({ forum: this.selected });
    this.graph?.select(id, { depth: 1 });
    announce(forum ? sv.common.selected(forum.name) : sv.common.nothingSelected);
    this.update();
  }

  /** The name of an actor or goal the page has read: the other end of a seat or link in the history. */
  private nameOf(id: string): string | undefined {
    for (const f of this.forums) {
      const found = f.members.find((m) => m.actor.id === id)?.actor.name ?? (f.convenor?.id === id ? f.convenor.name : undefined) ?? f.goals.find((g) => g.id === id)?.text;
      if (found) return found;
    }
    return this.choices?.actors.find((a) => a.id === id)?.name;
  }

  private async openEditor(forum: ForumSummary | null): Promise<void> {
    this.choices ??= await this.request(async (signal) => ({ actors: this.actors, targetAreas: (await graphql<ForumChoicesData>(FORUM_CHOICES_QUERY, {}, signal)).targetAreas })) ?? null;
    if (!this.choices) return;
    const choices = this.choices;
    this.form.show<ForumSummary>((host) => new ForumEditor(forum, choices, host), { saved: (id, message, closed) => this.saved(id, message, closed), deleted: (message) => this.deleted(message) });
  }

  /** After a write: the forums as they are now, the saved one selected, and the form closed when it is done. */
  private async saved(id: string, message: string, closed: boolean): Promise<ForumSummary | null> {
    this.history.reset();
    await this.load();
    // A forum saved outside the filters would vanish with its message: the filters give way.
    if (this.filters.any && !this.forums.some((f) => f.id === id)) {
      this.filters.clear();
      await this.load();
    }
    if (closed) this.form.close(false);
    this.select(id);
    if (message) {
      this.notice = { text: message, problem: false };
      announce(message);
    }
    this.update();
    if (closed) this.root.querySelector<HTMLElement>('.panel')?.focus();
    return this.forums.find((f) => f.id === id) ?? null;
  }

  private async deleted(message: string): Promise<void> {
    this.form.close(false);
    await this.load();
    this.select(null);
    this.removed = message;
    announce(message);
    this.update();
    this.root.querySelector<HTMLElement>('.new-forum')?.focus();
  }

  /** Bekräfta: a refusal (someone changed the forum since) or a failure is told in the panel, the forum still shown. */
  private confirm(forum: ForumSummary): Promise<void> {
    return this.act(forum, 'confirmForum', 'NodeVersionInput', {}, async () => void (await this.saved(forum.id, sv.forumForm.confirmed(forum.name), false)));
  }

  /** Avsluta: the forum ends on the day chosen (its last day); the map as of the days before still shows it. */
  private end(forum: ForumSummary): Promise<void> {
    const day = dayOrNull(this.root.querySelector<HTMLInputElement>('#end-date')?.value) ?? today();
    return this.act(forum, 'endForum', 'EndInput', { date: day }, async () => {
      const message = sv.forumForm.ended(forum.name, day);
      if (await this.saved(forum.id, message, false)) return;
      // Ended before today, it has left today's map: said where a deleted forum's message is.
      this.select(null);
      this.removed = message;
      announce(message);
      this.update();
    });
  }

  /** One write on the forum at the version shown; a refusal or a failure is told in the panel. */
  private async act(forum: ForumSummary, name: string, inputType: string, input: Record<string, unknown>, done: () => Promise<void>): Promise<void> {
    let problem: string;
    try {
      const read = outcome(await mutate(name, inputType, { id: forum.id, version: forum.version, ...input }, 'forum { id }'));
      if (read.kind === 'ok') return await done();
      problem = read.message;
    } catch (error) {
      problem = saveFailed(error);
    }
    this.notice = { text: problem, problem: true };
    this.update();
    this.root.querySelector<HTMLElement>('.panel .notice')?.focus();
  }

  private reloadSelected = async (): Promise<void> => {
    if (this.selected) await this.saved(this.selected, '', false);
    this.notice = null;
    this.update();
  };

  protected override legendItems(): LegendItem[] {
    const f = sv.forums;
    return [
      { label: f.legend.forum, mark: 'forum' },
      { label: f.legend.overlap, mark: 'double' },
      { label: sv.source.legend, mark: 'dashed-edge' },
      ...actorLegend(forumActors(this.forums).map((a) => a.kind ?? 'OVRIG')),
    ];
  }

  protected template(): TemplateResult {
    const f = sv.forums;
    const matrix = forumMatrix(this.forums);
    const details = forumDetails(this.forums, this.overlaps);
    const due = dueTable(this.due);
    const ready = this.status.state === 'done';
    const filter = f.filters;
    const values = this.filters?.values;
    return html`
      ${viewHeading(f.title, f.intro)}
      ${canEdit() && !this.form.open
        ? html`<p><button type="button" class="new-forum" @click=${() => void this.openEditor(null)}>${sv.forumForm.create}</button></p>`
        : nothing}
      ${this.removed ? html`<p class="notice">${this.removed}</p>` : nothing}
      ${this.form.template()}
      ${values
        ? html`<form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
            ${searchField('f-text', filter.text, values.q ?? '', (v) => this.filters.setLater('q', v, () => void this.refilter()))}
            ${selectField('f-target-group', filter.targetGroup, values.targetGroup, codeOptions(sv.forums.targetGroups), (v) => this.setFilter('targetGroup', v))}
            ${selectField('f-target-area', filter.targetArea, values.targetArea, this.places.targetAreas.map((t) => ({ value: t.id, label: t.name })), (v) => this.setFilter('targetArea', v))}
            ${selectField('f-level', filter.level, values.level, codeOptions(f.levels), (v) => this.setFilter('level', v))}
            ${selectField('f-convenor', filter.convenor, values.convenor, this.actors.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('convenor', v))}
            ${selectField('f-actor', filter.actor, values.actor, this.actors.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('actor', v))}
            ${selectField('f-confirmation', filter.confirmation, values.confirmation, codeOptions(filter.confirmations), (v) => this.setFilter('confirmation', v))}
            <button type="button" class="secondary" @click=${this.clearFilters}>${sv.common.clearFilters}</button>
          </form>`
        : nothing}
      ${statusLine(this.status)}
      <section class="due" aria-labelledby="due-heading" ?hidden=${!ready}>
        <h3 id="due-heading">${f.due.title}</h3>
        ${this.due.length
          ? dataTable(due, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(due, '-att-bekrafta') })
          : html`<p>${f.due.none}</p>`}
      </section>
      <p class="summary" ?hidden=${!ready}>${f.count(this.forums.length)} ${this.overlaps.length ? '' : f.noOverlaps}</p>
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(f.graphLabel, this.graphBox, this.saves, this.legendItems())}
        ${sidePanel(this.panel(), f.select)}
      </div>
      <section class="tables" aria-label=${sv.common.asTable} ?hidden=${!ready}>
        ${dataTable(matrix, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(matrix, '-matris'), className: 'matrix' })}
        ${dataTable(details, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(details, '-inventering') })}
      </section>
    `;
  }

  private panel(): { title: string; body: TemplateResult } | null {
    const forum = this.forums.find((x) => x.id === this.selected);
    if (!forum) return null;
    const f = sv.forums;
    const ff = sv.forumForm;
    const unknown = html`<span class="muted">${f.unknown}</span>`;
    const partners = overlapPartners(this.overlaps).get(forum.id) ?? [];
    const findings = this.overlaps.filter((o) => o.subjectIds.includes(forum.id));
    const confirmed = confirmation(forum);
    return {
      title: forum.name,
      body: html`
        ${this.notice
          ? html`<div class=${this.notice.problem ? 'notice problem' : 'notice'} role=${this.notice.problem ? 'alert' : nothing} tabindex="-1">
              <p>${this.notice.text}</p>
              ${this.notice.problem ? html`<button type="button" class="secondary" @click=${this.reloadSelected}>${sv.edit.reload}</button>` : nothing}
            </div>`
          : nothing}
        ${canEdit()
          ? html`<div class="panel-actions">
              <button type="button" class="edit-forum" @click=${() => void this.openEditor(forum)}>${ff.edit}</button>
              <button type="button" class="secondary" aria-describedby="confirm-hint" @click=${() => void this.confirm(forum)}>${ff.confirm}</button>
              <p class="hint" id="confirm-hint">${ff.confirmHint}</p>
              <a class="button secondary" href=${`/skattningsomgang?forum=${encodeURIComponent(forum.id)}`}>${sv.survey.startForForum}</a>
              <span class="field"><label for="end-date">${ff.endDate}</label><input id="end-date" type="date" .value=${today()} /></span>
              <button type="button" class="secondary end-forum" aria-describedby="end-hint" @click=${() => void this.end(forum)}>${ff.end}</button>
              <p class="hint" id="end-hint">${ff.endHint}</p>
            </div>`
          : nothing}
        ${partners.length
          ? html`<p class="flag">${f.overlapWith(partners.map((id) => this.forums.find((x) => x.id === id)?.name ?? id).join(', '))}</p>
              ${findings.map((o) => html`<p class="evidence">${o.evidence}</p>${o.action ? html`<p class="action">${o.action}</p>` : ''}`)}`
          : ''}
        <dl class="facts">
          <dt>${f.purpose}</dt><dd>${forum.purpose ?? unknown}</dd>
          <dt>${f.convenor}</dt><dd>${forum.convenor?.name ?? unknown}</dd>
          <dt>${f.columns.targetGroups}</dt><dd>${targetGroupsText(forum) || unknown}</dd>
          <dt>${f.columns.level}</dt><dd>${forum.level ? label(f.levels, forum.level) : unknown}</dd>
          <dt>${f.columns.frequency}</dt><dd>${forum.meetingFrequency ?? unknown}</dd>
          <dt>${f.contact}</dt><dd>${forum.contact ?? unknown}</dd>
          <dt>${ff.validity}</dt><dd>${ff.period(forum.validFrom ?? null, forum.validTo ?? null) || ff.always}</dd>
          <dt>${ff.confirmedAt}</dt>
          <dd class=${confirmed === 'fresh' ? '' : 'flag'}>
            ${forum.confirmedAt ? ff.confirmedOn(formatTime(forum.confirmedAt), forum.confirmedBy) : ''}
            ${confirmed === 'fresh' ? '' : html`<span class="badge">${ff.confirmation[confirmed]}</span>`}
          </dd>
        </dl>
        <h4>${f.goals}</h4>
        ${forum.goals.length ? html`<ul>${forum.goals.map((g) => html`<li>${g.text}</li>`)}</ul>` : html`<p>${unknown}</p>`}
        <h4>${f.members}</h4>
        ${forum.members.length
          ? html`<ul>${forum.members.map((m) => html`<li>${m.actor.name} (${[label(sv.roles, m.role), ff.period(m.from, m.to)].filter(Boolean).join(', ')})${inferredNote(m.source)}</li>`)}</ul>`
          : html`<p>${f.noMembers}</p>`}
        ${sourceBlock(forum.source)}
        ${this.history.template(forum.id, (id) => this.nameOf(id))}
      `,
    };
  }

  override destroy(): void {
    this.filters?.stop();
    super.destroy();
  }
}
