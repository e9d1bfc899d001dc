import { html, nothing, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTORS_PAGE,
  type ActorSummary,
  GOVERNED_ACTIVITIES_PAGE,
  GOVERNED_FORUMS_PAGE,
  GOVERNED_GOALS_QUERY,
  type Governed,
  type GovernedGoalsData,
  POLICY_DOCUMENTS_PAGE,
  type PolicyDocumentSummary,
} from '../api/documents.ts';
import { canEdit } from '../api/session.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';
import { UrlFilters, setParams } from '../lib/url-state.ts';
import { EditorSlot } from './editor.ts';
import { HistoryPanel } from './history.ts';
import { type EditableDocument, type Governable, PolicyDocumentEditor } from './policy-document-editor.ts';
import { codeOptions, dataTable, searchField, selectField, sidePanel, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce } from './view.ts';

const FILTER_KEYS = ['q', 'type'] as const;
type GovernedKind = 'activities' | 'forums' | 'goals';

/**
 * Styrdokument: every programme, plan and policy with its owner, dates and
 * what it governs in the map, searched and filtered in the URL; those that
 * govern nothing stand out. Editors add, edit and delete them. A view with no
 * graph: it is a list, and the other views draw what the documents govern.
 */
export class PolicyDocumentsView extends GraphView {
  protected readonly fileName = 'styrdokument';
  private documents: PolicyDocumentSummary[] = [];
  /** What each document governs, by kind, read from the governed side. */
  private governed = new Map<string, { kind: GovernedKind; id: string; name: string }[]>();
  private governable: Governable = { activities: [], forums: [], goals: [] };
  private actors: ActorSummary[] = [];
  private filters!: UrlFilters<(typeof FILTER_KEYS)[number]>;
  private selected: string | null = null;
  private readonly history = new HistoryPanel(() => this.update());
  private readonly form = new EditorSlot(() => this.update(), () => this.root, { edit: '.panel .edit-document', create: '.new-document' });

  protected async start(params: URLSearchParams): Promise<void> {
    this.filters = new UrlFilters(FILTER_KEYS, params, { type: Object.keys(sv.documentTypes) });
    if (!(await this.load())) return;
    const selected = params.get('document');
    this.select(selected);
    if (selected && this.record(selected) && (await this.editRequested(params))) await this.open(selected);
  }

  private async load(): Promise<boolean> {
    const data = await this.request((signal) =>
      Promise.all([
        allNodes<PolicyDocumentSummary>(POLICY_DOCUMENTS_PAGE, {}, signal),
        allNodes<Governed>(GOVERNED_ACTIVITIES_PAGE, {}, signal),
        allNodes<Governed>(GOVERNED_FORUMS_PAGE, {}, signal),
        graphql<GovernedGoalsData>(GOVERNED_GOALS_QUERY, {}, signal),
      ]),
    );
    if (!data) return false;
    const [documents, activities, forums, goals] = data;
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
    this.documents = documents.sort((a, b) => a.title.localeCompare(b.title, 'sv'));
    this.governable = {
      activities: activities.sort(byName),
      forums: forums.sort(byName),
      goals: goals.targetAreas.map((t) => ({ targetArea: t.name, goals: t.goals.map((g) => ({ id: g.id, name: g.text })) })),
    };
    this.governed = new Map();
    const add = (kind: GovernedKind, node: { id: string; name: string; policyDocuments: { id: string }[] }) => {
      for (const d of node.policyDocuments) this.governed.set(d.id, [...(this.governed.get(d.id) ?? []), { kind, id: node.id, name: node.name }]);
    };
    activities.forEach((a) => add('activities', a));
    forums.forEach((f) => add('forums', f));
    goals.targetAreas.flatMap((t) => t.goals).forEach((g) => add('goals', { id: g.id, name: g.text, policyDocuments: g.policyDocuments }));
    this.status = this.documents.length ? DONE : { state: 'empty', text: sv.state.empty };
    this.update();
    return true;
  }

  /** The documents the filters let through: the title contains the text, ignoring case, and the type is the one chosen. */
  private shown(): PolicyDocumentSummary[] {
    const { q, type } = this.filters?.values ?? { q: null, type: null };
    const text = q?.toLocaleLowerCase('sv');
    return this.documents.filter((d) => (!text || d.title.toLocaleLowerCase('sv').includes(text)) && (!type || d.type === type));
  }

  private setFilter(key: (typeof FILTER_KEYS)[number], value: string | null): void {
    this.filters.set(key, value);
    announce(sv.documents.count(this.shown().length));
    this.update();
  }

  private clearFilters = (): void => {
    this.filters.clear();
    announce(sv.documents.count(this.shown().length));
    this.update();
  };

  private select(id: string | null): void {
    const found = this.documents.find((d) => d.id === id) ?? null;
    if (found?.id !== this.selected) this.form.notice = null;
    this.selected = found?.id ?? null;
    setParams({ document: this.selected });
    announce(found ? sv.common.selected(found.title) : sv.common.nothingSelected);
    this.update();
  }

  private record(id: string): EditableDocument | null {
    const d = this.documents.find((x) => x.id === id);
    return d ? { ...d, governsIds: (this.governed.get(id) ?? []).map((g) => g.id) } : null;
  }

  private async open(id: string | null): Promise<void> {
    if (!this.actors.length) this.actors = (await this.request((signal) => allNodes<ActorSummary>(ACTORS_PAGE, { filter: null }, signal)))?.sort((a, b) => a.name.localeCompare(b.name, 'sv')) ?? [];
    const record = id ? this.record(id) : null;
    this.form.notice = null;
    this.form.show<EditableDocument>((host) => new PolicyDocumentEditor(record, this.actors, this.governable, host), {
      saved: async (savedId, message, closed) => {
        await this.form.afterSave(closed, message, async () => {
          this.history.reset();
          await this.load();
          // A document saved outside the filters would vanish with its message: the filters give way.
          if (!this.shown().some((d) => d.id === savedId)) this.filters.clear();
          this.select(savedId);
        });
        return this.record(savedId);
      },
      deleted: (message) =>
        this.form.afterDelete(message, async () => {
          await this.load();
          this.select(null);
        }),
    });
  }

  private table(documents: readonly PolicyDocumentSummary[]): TableModel {
    const c = sv.documents.columns;
    return {
      caption: sv.documents.caption,
      columns: [c.title, c.type, c.owner, c.adopted, c.validUntil, c.governs],
      rows: documents.map((d) => ({
        key: d.id,
        cells: [d.title, label(sv.documentTypes, d.type), d.owner?.name ?? sv.common.none, d.adopted ?? sv.common.none, d.validUntil ?? sv.common.none, (this.governed.get(d.id) ?? []).map((g) => g.name).join('; ') || sv.documents.nothing],
      })),
    };
  }

  protected template(): TemplateResult {
    const s = sv.documents;
    const shown = this.shown();
    const table = this.table(shown);
    const ready = this.status.state === 'done';
    const values = this.filters?.values;
    return html`
      ${viewHeading(s.title, s.intro)}
      ${values
        ? html`<form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
            ${searchField('f-text', s.filters.text, values.q ?? '', (v) => this.filters.setLater('q', v, () => this.setFilter('q', v)))}
            ${selectField('f-type', s.filters.type, values.type, codeOptions(sv.documentTypes), (v) => this.setFilter('type', v))}
            <button type="button" class="secondary" @click=${this.clearFilters}>${sv.common.clearFilters}</button>
          </form>`
        : nothing}
      ${canEdit() && !this.form.open ? html`<p><button type="button" class="new-document" @click=${() => void this.open(null)}>${sv.documentForm.create}</button></p>` : nothing}
      ${this.selected ? nothing : this.form.noticeTemplate()}
      ${this.form.template()}
      ${statusLine(this.status)}
      <p class="summary" ?hidden=${!ready}>${s.count(shown.length)}</p>
      <div class="finding-list" ?hidden=${!ready}>
        ${dataTable(table, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(table) })}
        ${sidePanel(this.panel(), s.select)}
      </div>
    `;
  }

  private panel(): { title: string; body: TemplateResult } | null {
    const d = this.documents.find((x) => x.id === this.selected);
    if (!d) return null;
    const s = sv.documents;
    const governed = this.governed.get(d.id) ?? [];
    const kinds: GovernedKind[] = ['activities', 'forums', 'goals'];
    return {
      title: d.title,
      body: html`
        ${this.form.noticeTemplate()}
        ${canEdit() ? html`<div class="panel-actions"><button type="button" class="edit-document" @click=${() => void this.open(d.id)}>${sv.documentForm.edit}</button></div>` : nothing}
        <dl class="facts">
          <dt>${s.columns.type}</dt><dd>${label(sv.documentTypes, d.type)}</dd>
          <dt>${s.columns.owner}</dt><dd>${d.owner?.name ?? sv.common.none}</dd>
          <dt>${s.columns.adopted}</dt><dd>${d.adopted ?? sv.common.none}</dd>
          <dt>${s.columns.validUntil}</dt><dd>${d.validUntil ?? sv.common.none}</dd>
        </dl>
        <h4>${s.columns.governs}</h4>
        ${governed.length
          ? kinds
              .filter((k) => governed.some((g) => g.kind === k))
              .map((k) => html`<h5>${s.governs[k]}</h5><ul>${governed.filter((g) => g.kind === k).map((g) => html`<li>${g.name}</li>`)}</ul>`)
          : html`<p class="flag">${s.nothing}</p>`}
        ${this.history.template(d.id, (id) => governed.find((g) => g.id === id)?.name ?? this.actors.find((a) => a.id === id)?.name)}
      `,
    };
  }

  override destroy(): void {
    this.filters?.stop();
    super.destroy();
  }
}
