import { html, nothing, type TemplateResult } from 'lit-html';
import { graphql } from '../api/client.ts';
import { CHANGES_QUERY, type ChangeEntry, type ChangesData } from '../api/documents.ts';
import { viewer } from '../api/session.ts';
import { changeLine } from '../edit/history.ts';
import { sv } from '../i18n/sv.ts';

const SHOWN = 20;

/**
 * The audit trail of the node a panel shows, newest first: read when the
 * panel first shows that node, for signed-in users only (it names editors).
 */
export class HistoryPanel {
  private nodeId: string | null = null;
  private state: { entries: ChangeEntry[]; total: number } | 'loading' | { error: string } = 'loading';

  constructor(private readonly update: () => void) {}

  /** Forgets what was read, so the next render reads again (after a write). */
  reset(): void {
    this.nodeId = null;
  }

  /** `nameOf` names the other end of a seat or a link, where the view knows it. */
  template(nodeId: string, nameOf?: (id: string) => string | undefined): TemplateResult | typeof nothing {
    if (!viewer()) return nothing;
    if (this.nodeId !== nodeId) void this.load(nodeId);
    const s = this.state;
    return html`<section class="history" aria-labelledby="history-heading">
      <h4 id="history-heading">${sv.history.title}</h4>
      ${s === 'loading'
        ? html`<p class="status">${sv.state.loading}</p>`
        : 'error' in s
          ? html`<p class="flag">${s.error}</p>`
          : s.entries.length
            ? html`<ol class="changes">
                  ${s.entries.map((c) => {
                    const line = changeLine(c, nodeId, nameOf);
                    return html`<li><span class="muted">${sv.history.entry(line.when, line.who)}</span><br />${line.what}</li>`;
                  })}
                </ol>
                ${s.total > s.entries.length ? html`<p class="hint">${sv.history.more(s.entries.length, s.total)}</p>` : nothing}`
            : html`<p>${sv.history.empty}</p>`}
    </section>`;
  }

  private async load(nodeId: string): Promise<void> {
    this.nodeId = nodeId;
    this.state = 'loading';
    try {
      const data = await graphql<ChangesData>(CHANGES_QUERY, { id: nodeId, first: SHOWN });
      if (this.nodeId !== nodeId) return;
      this.state = { entries: data.changes.edges.map((e) => e.node), total: data.changes.totalCount };
    } catch (error) {
      if (this.nodeId !== nodeId) return;
      this.state = { error: sv.state.error(error instanceof Error ? error.message : String(error)) };
    }
    this.update();
  }
}
