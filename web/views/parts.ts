import { html, nothing, type TemplateResult } from 'lit-html';
import { ref, type Ref } from 'lit-html/directives/ref.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { isInferred, type SourceData } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { sv } from '../i18n/sv.ts';
import type { Status } from './view.ts';

/** The parts every view is built from: headings, filters, the graph box, tables, legends. */

export function viewHeading(title: string, intro: string): TemplateResult {
  return html`<h2 id="view-title" tabindex="-1">${title}</h2>
    <p class="intro">${intro}</p>`;
}

/** Always in the page, so screen readers hear each change of state. */
export function statusLine(status: Status): TemplateResult {
  return html`<p class="status" role="status" data-state=${status.state}>${status.text}</p>`;
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select; the empty choice ("Alla") stands for no filter unless `required`. */
export function selectField(id: string, label: string, value: string | null, options: readonly Option[], onChange: (value: string | null) => void, required = false): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value || null)}>
      ${required ? nothing : html`<option value="" .selected=${!value}>${sv.common.all}</option>`}
      ${options.map((o) => html`<option value=${o.value} .selected=${o.value === value}>${o.label}</option>`)}
    </select>
  </div>`;
}

/** A labelled checkbox, with a hint read with it. */
export function checkField(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void, hint?: string): TemplateResult {
  return html`<div class="field check">
    <input id=${id} type="checkbox" .checked=${checked} aria-describedby=${hint ? `${id}-hint` : nothing} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
    <label for=${id}>${label}</label>
    ${hint ? html`<span id=${`${id}-hint`} class="visually-hidden">${hint}</span>` : nothing}
  </div>`;
}

export function searchField(id: string, label: string, value: string, onInput: (value: string) => void, onEnter?: () => void): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="search"
      autocomplete="off"
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter' && onEnter) {
          e.preventDefault();
          onEnter();
        }
      }}
    />
  </div>`;
}

/** Options from a code → name list, in the list's order. */
export const codeOptions = (names: Record<string, string>): Option[] => Object.entries(names).map(([value, label]) => ({ value, label }));

/** The Cytoscape container with its keyboard help and the PNG export. */
export function graphBox(label: string, box: Ref<HTMLDivElement>, savePng: () => void, legend: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section class="graph-section" aria-labelledby="graph-heading">
    <h3 id="graph-heading" class="visually-hidden">${label}</h3>
    <div class="graph-tools">
      ${legend}
      <button type="button" class="secondary" @click=${savePng}>${sv.common.exportPng}</button>
    </div>
    <div
      class="graph"
      ${ref(box)}
      role="application"
      aria-roledescription=${sv.common.roleDescription}
      aria-label=${label}
      aria-describedby="graph-help"
      tabindex="0"
    ></div>
    <p id="graph-help" class="hint">${sv.common.graphHelp}</p>
  </section>`;
}

export interface LegendItem {
  label: string;
  /** A colour swatch. */
  colour?: string;
  /** A CSS class that draws the mark (a dashed border, a ring). */
  mark?: string;
}

export function legend(items: readonly LegendItem[]): TemplateResult {
  return html`<ul class="legend" aria-label="Teckenförklaring">
    ${items.map((i) => html`<li class=${i.mark ?? ''} style=${i.colour ? `--swatch: ${i.colour}` : ''}>${i.label}</li>`)}
  </ul>`;
}

export interface TableOptions {
  /** The key of the selected row. */
  selected?: string | null;
  /** Makes the first cell a button that selects the row's key. */
  onSelect?: (key: string) => void;
  onCsv: () => void;
  /** A class for the table, e.g. a wide matrix. */
  className?: string;
  /** The text of an empty cell that is a gap to see (e.g. "Saknas"): such cells are marked. */
  gap?: string;
}

/** A table with a caption, row headers and its CSV export: the accessible twin of a graph. */
export function dataTable(table: TableModel, options: TableOptions): TemplateResult {
  const { selected = null, onSelect, onCsv, className = '', gap } = options;
  const shown = table.shown ?? table.columns.length;
  return html`<div class="table-block">
    <div class="table-wrap" tabindex="0" role="region" aria-label=${table.caption}>
      <table class=${className}>
        <caption>${table.caption}</caption>
        <thead><tr>${table.columns.slice(0, shown).map((c) => html`<th scope="col"><span>${c}</span></th>`)}</tr></thead>
        <tbody>
          ${repeat(
            table.rows,
            (row) => row.key,
            (row) => html`<tr class=${row.key === selected ? 'selected' : ''}>
              <th scope="row">
                ${onSelect
                  ? html`<button type="button" class="link" aria-current=${row.key === selected ? 'true' : 'false'} @click=${() => onSelect(row.key)}>${row.cells[0]}</button>`
                  : row.cells[0]}
              </th>
              ${row.cells.slice(1, shown).map((cell) => html`<td class=${gap !== undefined && cell === gap ? 'gap' : nothing}>${cell}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <button type="button" class="secondary" @click=${onCsv}>${sv.common.exportCsv}: ${table.caption}</button>
  </div>`;
}

/** The side panel: what is selected, under its name, or a hint of what to select. */
export function sidePanel(selected: { title: string; body: TemplateResult } | null, hint: string): TemplateResult {
  // Focusable, so a keyboard can scroll a long panel.
  return html`<aside class="panel" aria-labelledby="panel-heading" tabindex="0">
    <h3 id="panel-heading">${selected?.title ?? sv.common.details}</h3>
    ${selected?.body ?? html`<p>${hint}</p>`}
  </aside>`;
}

/**
 * Källa: the document's title and section, the quote the fact rests on, and,
 * for an inferred one, "härlett" with how it is read. A fact an editor entered
 * has no source; the panel's history says who and when.
 */
export function sourceBlock(source: SourceData | null | undefined, heading: string = sv.source.heading): TemplateResult {
  const s = sv.source;
  if (!source) return html`<section class="source"><h4>${heading}</h4><p class="muted">${s.editorEntered}</p></section>`;
  return html`<section class="source">
    <h4>${heading}</h4>
    <p class="source-document">${source.document}${source.section ? ` – ${source.section}` : ''}${source.proposed ? html` <span class="badge">${s.proposed}</span>` : nothing}</p>
    ${source.quote ? html`<blockquote>${source.quote}</blockquote>` : nothing}
    ${isInferred(source) ? inferredNote(source) : source.note ? html`<p class="note">${source.note}</p>` : nothing}
  </section>`;
}

/** "härlett" and the reasoning, beside a link or under a quote: never the mark without the why. */
export function inferredNote(source: SourceData | null | undefined): TemplateResult | typeof nothing {
  if (!isInferred(source)) return nothing;
  return html`<span class="inferred"><span class="tag">${sv.source.inferred}</span> <span class="visually-hidden">${sv.source.inferredHint}</span> ${source!.note}</span>`;
}
