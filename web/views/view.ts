import { nothing, render, type TemplateResult } from 'lit-html';
import { createRef } from 'lit-html/directives/ref.js';
import type { StylesheetJson } from 'cytoscape';
import { ApiError } from '../api/client.ts';
import { canEdit, onSessionChange, sessionKnown } from '../api/session.ts';
import { setParams } from '../lib/url-state.ts';
import { GraphController } from '../graph/controller.ts';
import type { Caption } from '../graph/export.ts';
import type { LegendItem } from '../graph/legend.ts';
import { csvBlob, download } from '../lib/download.ts';
import { toCsv, type TableModel } from '../lib/csv.ts';
import { sv } from '../i18n/sv.ts';

/** A screen of the app: mounted into `main`, and torn down when the user leaves it. */
export interface View {
  mount(root: HTMLElement, params: URLSearchParams): void | Promise<void>;
  destroy(): void;
}

/** What a view is waiting for, or why it shows nothing: every view says it. */
export type Status = { state: 'loading' | 'empty' | 'error' | 'done'; text: string };

export const LOADING: Status = { state: 'loading', text: sv.state.loading };
export const DONE: Status = { state: 'done', text: '' };

/**
 * What every view with a graph shares: one render function over its state,
 * requests that stop when the user leaves, and one graph controller, created
 * when there is data, mounted into the view's graph box and destroyed with it.
 */
export abstract class GraphView implements View {
  protected root!: HTMLElement;
  protected status: Status = LOADING;
  protected graph: GraphController | null = null;
  protected readonly graphBox = createRef<HTMLDivElement>();
  protected readonly abort = new AbortController();
  /** Names the downloaded files. */
  protected abstract readonly fileName: string;

  /** Signing in or out shows or hides the editing controls at once. */
  private readonly stopSession = onSessionChange(() => this.update());

  async mount(root: HTMLElement, params: URLSearchParams): Promise<void> {
    this.root = root;
    this.update();
    await this.start(params);
  }

  protected abstract start(params: URLSearchParams): Promise<void>;

  /**
   * Whether the URL asks for the selected node's edit form (`edit=1`, as a finding's link gives an
   * editor) and the viewer may edit, once the session is known. The request is taken off the URL:
   * a copied link shows the node, and opens the form only for whoever follows a finding again.
   */
  protected async editRequested(params: URLSearchParams): Promise<boolean> {
    if (params.get('edit') !== '1') return false;
    setParams({ edit: null });
    await sessionKnown();
    return canEdit();
  }
  protected abstract template(): TemplateResult;

  protected update(): void {
    if (!this.abort.signal.aborted && this.root) render(this.template(), this.root);
  }

  /** Runs a request; on failure the status line says why and the result is undefined. */
  protected async request<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    try {
      return await run(this.abort.signal);
    } catch (error) {
      if (this.abort.signal.aborted) return undefined;
      const message = error instanceof ApiError || error instanceof TypeError ? error.message : String(error);
      this.status = { state: 'error', text: sv.state.error(message) };
      this.update();
      return undefined;
    }
  }

  /** The controller, created and mounted on first use (the graph box must be in the page by then). */
  protected controller(style: StylesheetJson, onSelect: (id: string | null) => void): GraphController {
    if (!this.graph) {
      this.graph = new GraphController(style);
      this.graph.mount(this.graphBox.value!, onSelect);
    }
    return this.graph;
  }

  /** What the graph's marks mean: drawn beside the graph and on every exported picture of it. */
  protected legendItems(): LegendItem[] {
    return [];
  }

  /** The picture's caption: the view's heading, the filters as the toolbar shows them, the legend. */
  private caption(): Caption {
    const e = sv.common.exportCaption;
    return { title: this.root.querySelector('#view-title')?.textContent?.trim() ?? sv.app.title, filters: activeFilters(this.root), legend: this.legendItems(), lines: e };
  }

  /** The PNG and SVG exports, for the graph box's buttons. */
  protected readonly saves = {
    png: async (): Promise<void> => {
      if (this.graph) download(`${this.fileName}.png`, await this.graph.png(this.caption()));
    },
    svg: (): void => {
      if (this.graph) download(`${this.fileName}.svg`, this.graph.svg(this.caption()));
    },
  };

  protected saveCsv = (table: TableModel, suffix = ''): void => download(`${this.fileName}${suffix}.csv`, csvBlob(toCsv(table)));

  destroy(): void {
    this.stopSession();
    this.abort.abort();
    this.graph?.destroy();
    this.graph = null;
    render(nothing, this.root);
  }
}

/**
 * What a view without a graph shares: one render function over its state,
 * requests that stop when the user leaves, and a redraw on signing in or out
 * (`sessionChanged`), so its editing controls show or hide at once.
 */
export abstract class PageView implements View {
  protected root!: HTMLElement;
  protected readonly abort = new AbortController();
  private readonly stopSession = onSessionChange(() => this.sessionChanged());

  abstract mount(root: HTMLElement, params: URLSearchParams): void | Promise<void>;
  protected abstract template(): TemplateResult;

  protected sessionChanged(): void {
    this.update();
  }

  protected update(): void {
    if (!this.abort.signal.aborted && this.root) render(this.template(), this.root);
  }

  destroy(): void {
    this.stopSession();
    this.abort.abort();
    render(nothing, this.root);
  }
}

/** The filters in a view's toolbar that narrow what it shows, each as "Målområde: Boende och närmiljö". */
export function activeFilters(root: HTMLElement): string[] {
  const labelOf = (control: HTMLElement) => root.querySelector(`label[for="${control.id}"]`)?.textContent?.trim() ?? control.id;
  return [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('form.toolbar select, form.toolbar input')].flatMap((control) => {
    if (control instanceof HTMLSelectElement) return control.value ? [`${labelOf(control)}: ${control.selectedOptions[0]?.textContent?.trim() ?? control.value}`] : [];
    if (control.type === 'checkbox') return control.checked ? [labelOf(control)] : [];
    return control.value.trim() ? [`${labelOf(control)}: ”${control.value.trim()}”`] : [];
  });
}

/** A phone's width, where the CSS stacks a view (styles.css, 48rem): a wide chain opens readable there and is panned, on a desktop it opens whole. */
export const onPhone = (): boolean => window.matchMedia('(max-width: 48rem)').matches;

/** Says a change out loud to screen readers, without moving focus. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}
