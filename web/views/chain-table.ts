import { html, nothing, type TemplateResult } from 'lit-html';
import type { ActorSummary, ChainActivity, ChainTargetArea, Named } from '../api/documents.ts';
import { mutate, outcome } from '../api/mutations.ts';
import { activityChanged, activityDraft, activityInput, checkActivityDraft, emptyActivityDraft, type ActivityDraft } from '../edit/activity.ts';
import { chainRows } from '../graph/chains.ts';
import { sv } from '../i18n/sv.ts';
import { ActorPicker } from './actor-picker.ts';
import { FormFields, attempt, chosenList, focusFirstError, focusProblem, refusal, savingOn } from './forms.ts';
import { codeOptions } from './parts.ts';
import { announce } from './view.ts';

/** What the cells offer beyond actors and the målområde's effektmål. */
export interface ChainChoices {
  /** The view's list: an actor made in a picker joins it. */
  actors: ActorSummary[];
  strategies: Named[];
  areas: Named[];
  forums: Named[];
  policyDocuments: Named[];
}

export interface ChainTableHost {
  update(): void;
  element(): HTMLElement | null;
  /** After a row's write: read the effektkedjor again and give them to `show`. */
  saved(activityId: string | null, message: string): Promise<void>;
}

/** The cells of a row, in the order Tab and Enter walk them. */
const COLUMNS = ['name', 'output', 'shortTermEffect', 'goalIds', 'responsibleIds', 'period', 'resources'] as const;
type Column = (typeof COLUMNS)[number];

interface Row {
  /** The activity's id, or `new-1` for a row not saved yet. */
  key: string;
  original: ChainActivity | null;
  draft: ActivityDraft;
  fields: FormFields;
  saving: boolean;
  /** A refusal that names no cell: a conflict (who saved in between), a vanished activity. */
  problem: { text: string; conflict: boolean } | null;
  /** Just saved: the row says so until it is changed again. */
  saved: boolean;
  confirmingDelete: boolean;
}

const safe = (key: string) => key.replace(/[^a-z0-9-]/gi, '-');

/**
 * The effektkedjor of one målområde as a table to edit, like a spreadsheet: a
 * row per activity (Aktivitet, Prestation, Kortsiktig effekt, Effektmål,
 * Ansvar, Tid, Resurser, and behind "Fler uppgifter" its kind, strategies,
 * områden, forums and styrdokument). Tab moves to the next cell, Enter saves
 * the row and goes down a row (Skift+Enter up), Esc undoes the row's changes.
 * Each row saves as one createActivity or updateActivity with the whole row
 * at the version read; a refusal stands in its cells and writes nothing.
 */
export class ChainTable {
  private rows: Row[] = [];
  /** Rows with unsaved changes, by key: kept when the effektkedjor are read again after another row's save. */
  private readonly drafts = new Map<string, Row>();
  private area: ChainTargetArea | null = null;
  private newRows = 0;
  /** The row whose refusal is shown above the table. */
  private failed: string | null = null;
  private readonly picker: ActorPicker;
  /** Rows showing "Fler uppgifter", by key: still open after the table is read again. */
  private readonly expanded = new Set<string>();

  constructor(
    private readonly choices: ChainChoices,
    private readonly host: ChainTableHost,
  ) {
    this.picker = new ActorPicker(choices.actors, host);
  }

  /** The målområde's rows as read now; a row being edited keeps its draft and the version it was read at. */
  show(area: ChainTargetArea): void {
    this.area = area;
    const read = chainRows(area).map(({ activity }) => this.drafts.get(activity.id) ?? this.row(activity.id, activity));
    const unsaved = [...this.drafts.values()].filter((r) => !r.original && r.draft.goalIds.some((g) => area.goals.some((x) => x.id === g)));
    this.rows = [...read, ...unsaved];
  }

  private row(key: string, activity: ChainActivity | null, goalIds: string[] = []): Row {
    return {
      key,
      original: activity,
      draft: activity ? activityDraft(activity) : emptyActivityDraft(goalIds),
      fields: new FormFields(`chain-${safe(key)}`),
      saving: false,
      problem: null,
      saved: false,
        confirmingDelete: false,
    };
  }

  private set(row: Row, change: Partial<ActivityDraft>): void {
    row.draft = { ...row.draft, ...change };
    row.saved = false;
    if (activityChanged(row.original, row.draft) || !row.original) this.drafts.set(row.key, row);
    else this.drafts.delete(row.key);
    this.host.update();
  }

  private rowName(row: Row, index: number): string {
    return row.draft.name.trim() || sv.chainTable.row(index + 1);
  }

  /** Focus on a cell: `col` of the row at `index`, or the add button past the last row. */
  private focusCell(index: number, col: Column): void {
    const row = this.rows[index];
    const target = row ? document.getElementById(row.fields.id(col)) : this.host.element()?.querySelector<HTMLElement>('.add-row');
    target?.focus();
  }

  private addRow = (): void => {
    const area = this.area;
    const goal = area?.goals[0];
    const row = this.row(`new-${++this.newRows}`, null, goal ? [goal.id] : []);
    this.rows.push(row);
    this.drafts.set(row.key, row);
    this.host.update();
    this.focusCell(this.rows.length - 1, 'name');
    announce(sv.chainTable.added);
  };

  /** Enter saves the row and goes down, Skift+Enter up; Esc undoes the row. A picker with text takes Enter first. */
  private keydown = async (event: KeyboardEvent): Promise<void> => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    const index = this.rows.findIndex((r) => target.id.startsWith(`${r.fields.form}-`));
    const row = this.rows[index];
    const col = COLUMNS.find((c) => row && target.id === row.fields.id(c));
    if (!row || !col) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      return this.undo(row, col, index);
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    const up = event.shiftKey;
    const landed = this.changed(row) ? await this.saveRow(row) : row.key;
    if (!landed) return;
    // The rows may have moved with the save: go from where the saved row stands now.
    const now = this.rows.findIndex((r) => r.key === landed);
    this.focusCell(Math.max(0, (now < 0 ? index : now) + (up ? -1 : 1)), col);
  };

  private changed(row: Row): boolean {
    return !row.original || activityChanged(row.original, row.draft);
  }

  private undo(row: Row, col: Column, index: number): void {
    if (!row.original) return this.removeUnsaved(row);
    row.draft = activityDraft(row.original);
    row.fields.errors = {};
    row.problem = null;
    this.drafts.delete(row.key);
    this.host.update();
    announce(sv.chainTable.undone(this.rowName(row, index)));
    this.focusCell(index, col);
  }

  private removeUnsaved(row: Row): void {
    this.drafts.delete(row.key);
    this.rows = this.rows.filter((r) => r !== row);
    if (this.failed === row.key) this.failed = null;
    this.host.update();
    this.host.element()?.querySelector<HTMLElement>('.add-row')?.focus();
  }

  /** One write with the whole row; the activity's id when it landed, else null. */
  private async saveRow(row: Row): Promise<string | null> {
    if (row.saving) return null;
    row.problem = null;
    row.fields.errors = checkActivityDraft(row.draft);
    let landed: string | null = null;
    if (!Object.keys(row.fields.errors).length) {
      const failed = await attempt(savingOn(row, this.host.update), async () => {
        const input = activityInput(row.draft);
        const result = row.original
          ? outcome(await mutate('updateActivity', 'UpdateActivityInput', { id: row.original.id, version: row.original.version, ...input }, 'activity { id }'))
          : outcome(await mutate('createActivity', 'CreateActivityInput', input, 'activity { id }'));
        if (result.kind === 'ok') landed = (result.result.activity as { id: string }).id;
        else this.refused(row, result);
      });
      if (failed) row.problem = { text: failed, conflict: false };
    }
    if (landed) {
      this.drafts.delete(row.key);
      if (this.failed === row.key) this.failed = null;
      await this.host.saved(landed, sv.chainTable.saved(row.draft.name.trim()));
      const now = this.rows.find((r) => r.key === landed);
      if (now) now.saved = true;
      this.host.update();
      return landed;
    }
    this.failed = row.key;
    this.host.update();
    this.focusRowProblem(row);
    return null;
  }

  /** Focus on the row's first wrong cell (in its details too), or on the message above the table. */
  private focusRowProblem(row: Row): void {
    const root = this.host.element();
    const cells = root?.querySelectorAll(`tr[data-key="${row.key}"], #${row.fields.form}-details`);
    if ([...(cells ?? [])].some((tr) => focusFirstError(tr))) return;
    focusProblem(root?.querySelector('.row-problem'), '.row-problem button, .error-summary');
  }

  private refused(row: Row, result: Exclude<ReturnType<typeof outcome>, { kind: 'ok' }>): void {
    const message = refusal(row.fields, result);
    row.problem = message === null ? null : { text: message, conflict: result.kind !== 'invalid' };
  }

  /** After a conflict: the row as it is now, the changes gone (the message said so). */
  private reloadRow = async (row: Row): Promise<void> => {
    this.drafts.delete(row.key);
    this.failed = null;
    await this.host.saved(null, '');
    const index = this.rows.findIndex((r) => r.key === row.key);
    this.focusCell(Math.max(0, index), 'name');
  };

  private async deleteRow(row: Row, index: number): Promise<void> {
    const original = row.original;
    if (!original || row.saving) return;
    let gone = false;
    const failed = await attempt(savingOn(row, this.host.update), async () => {
      const result = outcome(await mutate('deleteActivity', 'NodeVersionInput', { id: original.id, version: original.version }));
      if (result.kind !== 'ok') return this.refused(row, result);
      gone = true;
    });
    if (failed) row.problem = { text: failed, conflict: false };
    row.confirmingDelete = false;
    if (!gone) {
      this.failed = row.key;
      this.host.update();
      return;
    }
    this.drafts.delete(row.key);
    await this.host.saved(null, sv.chainTable.deleted(original.name));
    this.focusCell(Math.min(index, this.rows.length), 'name');
  }

  template(): TemplateResult {
    const t = sv.chainTable;
    const c = sv.chains.columns;
    const area = this.area;
    if (!area) return html``;
    const failed = this.rows.find((r) => r.key === this.failed);
    return html`<section class="chain-editor" aria-labelledby="chain-editor-heading">
      <h3 id="chain-editor-heading" tabindex="-1">${t.title(area.name)}</h3>
      <p class="hint" id="chain-editor-help">${t.help}</p>
      ${failed ? this.problemBox(failed) : nothing}
      <div class="table-wrap edit-wrap" role="region" aria-label=${t.title(area.name)} tabindex="0">
        <table class="edit-table" aria-describedby="chain-editor-help">
          <caption class="visually-hidden">${t.title(area.name)}</caption>
          <colgroup><col class="text" /><col class="text" /><col class="text" /><col class="goals" /><col class="actors" /><col class="short" /><col class="text" /><col class="actions" /></colgroup>
          <thead>
            <tr>
              ${[c.activity, c.output, c.effect, c.goal, c.responsible, c.period, c.resources].map((h) => html`<th scope="col">${h}</th>`)}
              <th scope="col">${t.rowColumn}</th>
            </tr>
          </thead>
          <tbody @keydown=${this.keydown}>
            ${this.rows.map((row, i) => this.rowTemplate(row, i, area))}
          </tbody>
        </table>
      </div>
      <button type="button" class="secondary add-row" @click=${this.addRow}>${t.add}</button>
    </section>`;
  }

  private problemBox(row: Row): TemplateResult {
    const name = this.rowName(row, this.rows.indexOf(row));
    if (row.problem?.conflict) {
      return html`<div class="row-problem"><div class="conflict" role="alert">
        <p>${sv.chainTable.inRow(name)} ${row.problem.text}</p>
        <button type="button" class="secondary" @click=${() => void this.reloadRow(row)}>${sv.edit.reload}</button>
      </div></div>`;
    }
    return html`<div class="row-problem">${row.fields.summary(row.problem ? `${sv.chainTable.inRow(name)} ${row.problem.text}` : null)}</div>`;
  }

  private rowTemplate(row: Row, index: number, area: ChainTargetArea): TemplateResult {
    const t = sv.chainTable;
    const c = sv.chains.columns;
    const d = row.draft;
    const f = row.fields;
    const name = this.rowName(row, index);
    const cell = (label: string) => `${label}, ${name}`;
    // Long texts wrap in their cells, so a row reads whole; Enter still saves the row, as in a spreadsheet.
    const text = (col: 'name' | 'output' | 'shortTermEffect' | 'period' | 'resources', label: string, hint?: string) =>
      f.text(col, cell(label), d[col], (v) => this.set(row, { [col]: v }), { className: 'cell', required: col === 'name', hint, multiline: col !== 'period' });
    const details = `${f.form}-details`;
    const status = row.saving ? sv.edit.saving : row.saved ? t.savedShort : this.changed(row) ? t.changed : '';
    return html`<tr data-key=${row.key} class=${[this.changed(row) ? 'dirty' : '', row.saved ? 'saved' : ''].join(' ')}>
        <th scope="row">${text('name', c.activity)}</th>
        <td>${text('output', c.output)}</td>
        <td>${text('shortTermEffect', c.effect)}</td>
        <td>${this.goalCell(row, area, cell(c.goal))}</td>
        <td>${this.picker.many(f, 'responsibleIds', cell(c.responsible), d.responsibleIds, (ids) => this.set(row, { responsibleIds: ids }), { className: 'cell', addLabel: t.addResponsible(name) })}</td>
        <td>${text('period', c.period, t.periodHint)}</td>
        <td>${text('resources', c.resources)}</td>
        <td>
          <div class="row-actions">
          <p class="row-status">${status}</p>
          ${this.changed(row) ? html`<button type="button" class="small" ?disabled=${row.saving} @click=${() => void this.saveRow(row)}>${t.save(name)}</button>` : nothing}
          <button type="button" class="secondary small" aria-expanded=${this.expanded.has(row.key) ? 'true' : 'false'} aria-controls=${details} @click=${() => this.toggle(row)}>
            ${this.expanded.has(row.key) ? t.less : t.more}
          </button>
          ${this.deleteControls(row, index, name)}
          </div>
        </td>
      </tr>
      ${this.expanded.has(row.key) ? this.detailsRow(row, details, name) : nothing}`;
  }

  private toggle(row: Row): void {
    if (this.expanded.has(row.key)) this.expanded.delete(row.key);
    else this.expanded.add(row.key);
    this.host.update();
  }

  private deleteControls(row: Row, index: number, name: string): TemplateResult {
    const t = sv.chainTable;
    if (!row.original) return html`<button type="button" class="secondary small" @click=${() => this.removeUnsaved(row)}>${t.discard}</button>`;
    if (!row.confirmingDelete) {
      return html`<button type="button" class="danger small" aria-label=${t.deleteLabel(name)} @click=${() => this.askDelete(row)}>${sv.edit.remove}</button>`;
    }
    const a = row.original;
    const question = t.deleteQuestion(a.name, [
      [a.responsible.length, sv.takes.actorLink],
      [a.goals.length, sv.takes.goalLink],
      [a.strategies.length + a.areas.length + a.policyDocuments.length, sv.takes.otherLink],
      [a.forums.length, sv.takes.forumLink],
    ]);
    const id = `${row.fields.form}-confirm`;
    return html`<div class="confirm-delete small" role="group" aria-labelledby=${id}>
      <p id=${id}>${question}</p>
      <button type="button" class="danger small" ?disabled=${row.saving} @click=${() => void this.deleteRow(row, index)}>${t.deleteYes}</button>
      <button type="button" class="secondary small" @click=${() => this.keep(row)}>${sv.edit.deleteNo}</button>
    </div>`;
  }

  private askDelete(row: Row): void {
    row.confirmingDelete = true;
    this.host.update();
    document.getElementById(`${row.fields.form}-confirm`)?.parentElement?.querySelector<HTMLElement>('button')?.focus();
  }

  private keep(row: Row): void {
    row.confirmingDelete = false;
    this.host.update();
    this.host.element()?.querySelector<HTMLElement>(`tr[data-key="${row.key}"] .row-actions .danger`)?.focus();
  }

  /** Effektmål: the row's goals as a list, each removable, and the målområde's other goals to add. */
  private goalCell(row: Row, area: ChainTargetArea, label: string): TemplateResult {
    const f = row.fields;
    const goals = new Map(area.goals.map((g) => [g.id, g.text]));
    const chosen = row.draft.goalIds.map((id) => ({ id, label: goals.get(id) ?? sv.chainTable.otherArea }));
    const options = area.goals.filter((g) => !row.draft.goalIds.includes(g.id)).map((g) => ({ value: g.id, label: g.text }));
    return html`<fieldset class="goal-list cell" ?data-invalid=${!!f.errors.goalIds}>
      <legend class="visually-hidden">${label}</legend>
      ${chosenList(`${f.id('goalIds')}-chosen`, chosen, (id) => this.set(row, { goalIds: row.draft.goalIds.filter((g) => g !== id) }), f.id('goalIds'))}
      ${f.select('goalIds', sv.chainTable.addGoal(label), '', options, (v) => v && this.set(row, { goalIds: [...row.draft.goalIds, v] }), { empty: sv.chainTable.addGoalEmpty })}
    </fieldset>`;
  }

  /** "Fler uppgifter": kind, strategies, områden, coordinating forums and styrdokument, part of the same one write. */
  private detailsRow(row: Row, id: string, name: string): TemplateResult {
    const t = sv.chainTable;
    const f = row.fields;
    const d = row.draft;
    const options = (list: Named[]) => list.map((x) => ({ value: x.id, label: x.name }));
    return html`<tr class="details" id=${id}>
      <td colspan="8">
        <div class="details-grid" role="group" aria-label=${t.moreAbout(name)}>
          ${f.select('kind', t.kind, d.kind, codeOptions(sv.activityKinds), (v) => this.set(row, { kind: v || 'EFFEKTKEDJA' }), { required: true })}
          ${f.checkboxes('strategyIds', t.strategies, d.strategyIds, options(this.choices.strategies), (v) => this.set(row, { strategyIds: v }))}
          ${f.checkboxes('areaIds', t.areas, d.areaIds, options(this.choices.areas), (v) => this.set(row, { areaIds: v }))}
          ${f.checkboxes('forumIds', t.forums, d.forumIds, options(this.choices.forums), (v) => this.set(row, { forumIds: v }))}
          ${f.checkboxes('policyDocumentIds', t.policyDocuments, d.policyDocumentIds, options(this.choices.policyDocuments), (v) => this.set(row, { policyDocumentIds: v }), 'scroll')}
        </div>
      </td>
    </tr>`;
  }
}
