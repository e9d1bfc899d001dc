import { html, nothing, type TemplateResult } from 'lit-html';
import { allNodes } from '../api/client.ts';
import { ACTORS_PAGE, type ActorSummary } from '../api/documents.ts';
import { importSpreadsheet, type ImportReport, type UnknownActor } from '../api/import.ts';
import { canEdit } from '../api/session.ts';
import { canApply, type Choice, issueLine, NEW_ACTOR, previewTable, resolutionsOf, undecided } from '../edit/import.ts';
import { csvBlob, download } from '../lib/download.ts';
import { toCsv } from '../lib/csv.ts';
import { sv } from '../i18n/sv.ts';
import { dataTable, statusLine, viewHeading } from './parts.ts';
import { announce, DONE, PageView, type Status } from './view.ts';

const TEMPLATES = ['forumkartlaggning', 'effektkedja', 'aktorer'];
const EXPORTS = ['karta.xlsx', 'forum.csv', 'medlemmar.csv', 'aktorer.csv', 'effektkedja.csv', 'karta.graphml', 'karta.gexf', 'karta.cyjs'];

/**
 * Importera och exportera: templates to download, the map out in their
 * layout and as graph files, and, for an editor, a file in — previewed row by
 * row, its unknown names decided, then imported in one write.
 */
export class ImportView extends PageView {
  private file: File | null = null;
  private report: ImportReport | null = null;
  private readonly choices = new Map<string, Choice>();
  private actors: ActorSummary[] = [];
  private progress: number | null = null;
  private status: Status = DONE;

  async mount(root: HTMLElement): Promise<void> {
    this.root = root;
    this.update();
    this.actors = await allNodes<ActorSummary>(ACTORS_PAGE, {}, this.abort.signal).catch(() => []);
    this.actors.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    this.update();
  }

  protected template(): TemplateResult {
    const t = sv.importing;
    return html`${viewHeading(sv.views.importing, t.intro)}
      <div class="downloads">
        <section aria-labelledby="templates-heading">
          <h3 id="templates-heading">${t.templates}</h3>
          <ul>${TEMPLATES.map((key) => html`<li><a href=${`/templates/${key}.xlsx`} download>${t.templateNames[key]}</a></li>`)}</ul>
        </section>
        <section aria-labelledby="exports-heading">
          <h3 id="exports-heading">${t.exports}</h3>
          <ul>${EXPORTS.map((file) => html`<li><a href=${`/export/${file}`} download>${t.exportNames[file]}</a></li>`)}</ul>
        </section>
      </div>
      <section class="import" aria-labelledby="import-heading">
        <h3 id="import-heading">${t.heading}</h3>
        ${canEdit() ? this.importForm() : html`<p class="notice">${t.signInFirst}</p>`}
      </section>`;
  }

  private importForm(): TemplateResult {
    const t = sv.importing;
    const report = this.report;
    const busy = this.progress !== null;
    return html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.send(true))}>
        <div class="field">
          <label for="import-file">${t.file}</label>
          <input id="import-file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" @change=${this.choose} />
        </div>
        <div class="form-actions">
          <button type="submit" ?disabled=${!this.file || busy}>${t.preview}</button>
          <button type="button" ?disabled=${!canApply(report) || busy || undecided(report?.unknownActors ?? [], this.choices).length > 0} @click=${() => void this.send(false)}>${t.apply}</button>
        </div>
        ${busy ? this.progressBar() : nothing}
      </form>
      ${statusLine(this.status)}
      ${report ? this.preview(report) : nothing}`;
  }

  /** The upload's share, then (while the server reads and plans the file) a bar without an end. */
  private progressBar(): TemplateResult {
    const t = sv.importing;
    const share = this.progress ?? 0;
    return share < 1
      ? html`<label class="progress">${t.progress} <progress max="1" .value=${share}>${Math.round(share * 100)} %</progress></label>`
      : html`<label class="progress">${t.reading} <progress></progress></label>`;
  }

  private preview(report: ImportReport): TemplateResult {
    const t = sv.importing;
    const table = previewTable(report);
    return html`<p>${t.counts(report.counts)}</p>
      ${report.issues.length
        ? html`<div class="import-issues" role="alert">
            <h4>${t.issuesHeading(report.issues.length)}</h4>
            <ul>${report.issues.map((i) => html`<li>${issueLine(i)}</li>`)}</ul>
          </div>`
        : nothing}
      ${report.unknownActors.length ? this.unknown(report.unknownActors) : nothing}
      ${report.rows.length ? dataTable(table, { onCsv: () => download('forhandsgranskning.csv', csvBlob(toCsv(table))) }) : nothing}`;
  }

  private unknown(list: UnknownActor[]): TemplateResult {
    const t = sv.importing;
    const candidateIds = (u: UnknownActor) => new Set(u.candidates.map((c) => c.id));
    return html`<fieldset class="unknown-actors">
      <legend>${t.unknownHeading}</legend>
      <p class="hint">${t.unknownHint}</p>
      ${list.map((u, i) => html`<div class="field">
        <label for=${`unknown-${i}`}>${u.name} <span class="hint">(${t.where(u.places.map((p) => `${p.sheet} rad ${p.row}`).join(', '))})</span></label>
        <select id=${`unknown-${i}`} @change=${(e: Event) => this.decide(u.name, (e.target as HTMLSelectElement).value)}>
          <option value="" .selected=${!this.choices.get(u.name)}>${t.choose}</option>
          ${u.candidates.length
            ? html`<optgroup label=${t.candidates}>${u.candidates.map((c) => html`<option value=${c.id} .selected=${this.choices.get(u.name) === c.id}>${c.name}${c.shortName ? ` (${c.shortName})` : ''}</option>`)}</optgroup>`
            : nothing}
          <optgroup label=${t.newActors}>
            ${Object.entries(sv.kinds).map(([kind, name]) => html`<option value=${`${NEW_ACTOR}${kind}`} .selected=${this.choices.get(u.name) === `${NEW_ACTOR}${kind}`}>${t.newActor(name)}</option>`)}
          </optgroup>
          <optgroup label=${t.otherActors}>
            ${this.actors.filter((a) => !candidateIds(u).has(a.id)).map((a) => html`<option value=${a.id} .selected=${this.choices.get(u.name) === a.id}>${a.name}</option>`)}
          </optgroup>
        </select>
      </div>`)}
    </fieldset>`;
  }

  private choose = (event: Event): void => {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.report = null;
    this.choices.clear();
    this.status = DONE;
    this.update();
  };

  /** A decision previews the file again, so the table shows what it means. */
  private decide(name: string, choice: Choice): void {
    this.choices.set(name, choice);
    if (!undecided(this.report?.unknownActors ?? [], this.choices).length) void this.send(true);
    else this.update();
  }

  private async send(dryRun: boolean): Promise<void> {
    if (!this.file) return;
    this.progress = 0;
    this.status = { state: 'loading', text: sv.importing.uploading };
    this.update();
    try {
      const report = await importSpreadsheet(
        this.file,
        { dryRun, resolutions: resolutionsOf(this.choices), ...(dryRun || !this.report ? {} : { basis: this.report.basis }) },
        (share) => ((this.progress = share), this.update()),
        this.abort.signal,
      );
      this.report = report;
      const t = sv.importing;
      const text = report.applied ? t.applied(report.fileName) : report.unchanged ? t.unchanged : canApply(report) ? t.ready : t.blocked;
      this.status = { state: report.issues.length ? 'error' : 'done', text };
      announce(text);
    } catch (error) {
      this.status = { state: 'error', text: error instanceof Error ? error.message : String(error) };
    } finally {
      this.progress = null;
      this.update();
    }
  }
}
