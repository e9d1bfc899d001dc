import { nothing, render, type TemplateResult } from 'lit-html';
import { createRef } from 'lit-html/directives/ref.js';
import type { StylesheetJson } from 'cytoscape';
import { ApiError } from '../api/client.ts';
import { onSessionChange } from '../api/session.ts';
import { GraphController } from '../graph/controller.ts';
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

  protected savePng = (): void => {
    if (this.graph) download(`${this.fileName}.png`, this.graph.png());
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

/** Says a change out loud to screen readers, without moving focus. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}
