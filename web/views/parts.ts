import { html, nothing, type TemplateResult } from 'lit-html';
import { ref, type Ref } from 'lit-html/directives/ref.js';
import { unsafeSVG } from 'lit-html/directives/unsafe-svg.js';
import { type LegendItem, legendGroups, markSvg } from '../graph/legend.ts';
import { repeat } from 'lit-html/directives/repeat.js';
import { isInferred, type SourceData } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';
import { KIND_SHAPES, SECTOR_COLOURS } from '../graph/styles.ts';
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

export interface GraphSaves {
  png: () => void;
  svg: () => void;
}

/** The Cytoscape container with its legend, keyboard help and the picture exports. */
export function graphBox(label: string, box: Ref<HTMLDivElement>, saves: GraphSaves, items: readonly LegendItem[] = [], below: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section class="graph-section" aria-labelledby="graph-heading">
    <h3 id="graph-heading" class="visually-hidden">${label}</h3>
    <div class="graph-tools">
      ${items.length ? legend(items) : nothing}
      <span class="exports">
        <button type="button" class="secondary" @click=${saves.png}>${sv.common.exportPng}</button>
        <button type="button" class="secondary" @click=${saves.svg}>${sv.common.exportSvg}</button>
      </span>
    </div>
    ${below}
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

export type { LegendItem };

/** Actors' marks: a colour per sector, a shape per kind (the kinds present, so the legend stays short). */
export function actorLegend(kinds: Iterable<string>): LegendItem[] {
  const present = new Set(kinds);
  return [
    ...Object.entries(SECTOR_COLOURS).map(([code, colour]) => ({ label: label(sv.sectors, code), colour, group: sv.common.legendSector })),
    ...Object.entries(KIND_SHAPES)
      .filter(([kind]) => present.has(kind))
      .map(([kind, shape]) => ({ label: label(sv.kinds, kind), shape, group: sv.common.legendKind })),
  ];
}

const MARK_SIZE = 14;

/** Each entry's mark, drawn as the exported pictures draw it, and its meaning. */
export function legend(items: readonly LegendItem[]): TemplateResult {
  return html`<div class="legends">
    ${legendGroups(items).map(
      ({ group, items: entries }) => html`<ul class="legend" aria-label=${group ?? sv.common.legend}>
        ${group ? html`<li class="legend-group" aria-hidden="true">${group}</li>` : nothing}
        ${entries.map(
          (i) => html`<li><svg width=${MARK_SIZE} height=${MARK_SIZE} viewBox="0 0 ${MARK_SIZE} ${MARK_SIZE}" aria-hidden="true" focusable="false">${unsafeSVG(markSvg(i, MARK_SIZE))}</svg>${i.label}</li>`,
        )}
      </ul>`,
    )}
  </div>`;
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
  /** Rows whose children are shown; with onToggle, a row with children gets a button that shows or hides them. */
  expanded?: ReadonlySet<string>;
  onToggle?: (key: string) => void;
}

/** A table with a caption, row headers and its CSV export: the accessible twin of a graph. */
export function dataTable(table: TableModel, options: TableOptions): TemplateResult {
  const { selected = null, onSelect, onCsv, className = '', gap, expanded = new Set<string>(), onToggle } = options;
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
            (row) => {
              const open = expanded.has(row.key);
              return html`<tr class=${row.key === selected ? 'selected' : ''}>
                <th scope="row">
                  ${onSelect
                    ? html`<button type="button" class="link" aria-current=${row.key === selected ? 'true' : 'false'} @click=${() => onSelect(row.key)}>${row.cells[0]}</button>`
                    : row.cells[0]}
                  ${row.children?.length && onToggle
                    ? html`<button type="button" class="toggle secondary" aria-expanded=${open ? 'true' : 'false'} aria-label=${sv.filtersAndFindings.showParts(row.children.length, row.cells[0] ?? '')} @click=${() => onToggle(row.key)}>${open ? '▾' : '▸'} ${row.children.length}</button>`
                    : nothing}
                </th>
                ${row.cells.slice(1, shown).map((cell) => html`<td class=${gap !== undefined && cell === gap ? 'gap' : nothing}>${cell}</td>`)}
              </tr>
              ${open
                ? row.children?.map((child) => html`<tr class="part"><th scope="row">${child.cells[0]}</th><td colspan=${Math.max(1, shown - 1)}>${child.cells.slice(1).join(' ')}</td></tr>`)
                : nothing}`;
            },
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
