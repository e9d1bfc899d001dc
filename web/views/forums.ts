import { html, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import { FORUM_OVERLAPS_QUERY, FORUMS_PAGE, type ForumOverlap, type ForumOverlapsData, type ForumSummary } from '../api/documents.ts';
import { forumDetails, forumElements, forumMatrix, overlapPartners } from '../graph/forums.ts';
import { forceLayout } from '../graph/layouts.ts';
import { SECTOR_COLOURS, forumStyle } from '../graph/styles.ts';
import { label, sv } from '../i18n/sv.ts';
import { setParams } from '../lib/url-state.ts';
import { dataTable, graphBox, legend, sidePanel, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce } from './view.ts';

/** Forum: the forum inventory, a forum × actor matrix, and forums that could merge. */
export class ForumsView extends GraphView {
  protected readonly fileName = 'forum';
  private forums: ForumSummary[] = [];
  private overlaps: ForumOverlap[] = [];
  private selected: string | null = null;

  protected async start(params: URLSearchParams): Promise<void> {
    const data = await this.request((signal) =>
      Promise.all([allNodes<ForumSummary>(FORUMS_PAGE, {}, signal), graphql<ForumOverlapsData>(FORUM_OVERLAPS_QUERY, {}, signal)]),
    );
    if (!data) return;
    this.forums = data[0].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    this.overlaps = data[1].overlaps.findings;
    this.status = this.forums.length ? DONE : { state: 'empty', text: sv.state.empty };
    this.update();
    if (!this.forums.length) return;
    const elements = forumElements(this.forums, this.overlaps);
    this.controller(forumStyle, (id) => this.select(id)).show(elements, forceLayout(elements.filter((e) => e.group === 'nodes').length));
    this.select(params.get('forum'));
  }

  /** A forum shows its card; an actor node selects the actor in the graph only. */
  private select(id: string | null): void {
    const forum = this.forums.find((f) => f.id === id);
    this.selected = forum ? forum.id : null;
    setParams({ forum: this.selected });
    this.graph?.select(id, { depth: 1 });
    announce(forum ? sv.common.selected(forum.name) : sv.common.nothingSelected);
    this.update();
  }

  protected template(): TemplateResult {
    const f = sv.forums;
    const matrix = forumMatrix(this.forums);
    const details = forumDetails(this.forums, this.overlaps);
    const ready = this.status.state === 'done';
    const marks = legend([
      { label: f.legend.forum, mark: 'muted-box' },
      { label: f.legend.overlap, mark: 'double' },
      ...Object.entries(SECTOR_COLOURS).map(([code, colour]) => ({ label: label(sv.sectors, code), colour })),
    ]);
    return html`
      ${viewHeading(f.title, f.intro)}
      ${statusLine(this.status)}
      <p class="summary" ?hidden=${!ready}>${this.overlaps.length ? '' : f.noOverlaps}</p>
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(f.graphLabel, this.graphBox, this.savePng, marks)}
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
    const unknown = html`<span class="muted">${f.unknown}</span>`;
    const partners = overlapPartners(this.overlaps).get(forum.id) ?? [];
    const findings = this.overlaps.filter((o) => o.subjectIds.includes(forum.id));
    return {
      title: forum.name,
      body: html`
        ${partners.length
          ? html`<p class="flag">${f.overlapWith(partners.map((id) => this.forums.find((x) => x.id === id)?.name ?? id).join(', '))}</p>
              ${findings.map((o) => html`<p class="evidence">${o.evidence}</p>${o.action ? html`<p class="action">${o.action}</p>` : ''}`)}`
          : ''}
        <dl class="facts">
          <dt>${f.purpose}</dt><dd>${forum.purpose ?? unknown}</dd>
          <dt>${f.convenor}</dt><dd>${forum.convenor?.name ?? unknown}</dd>
          <dt>${f.columns.level}</dt><dd>${forum.level ? label(f.levels, forum.level) : unknown}</dd>
          <dt>${f.columns.frequency}</dt><dd>${forum.meetingFrequency ?? unknown}</dd>
        </dl>
        <h4>${f.goals}</h4>
        ${forum.goals.length ? html`<ul>${forum.goals.map((g) => html`<li>${g.text}</li>`)}</ul>` : html`<p>${unknown}</p>`}
        <h4>${f.members}</h4>
        ${forum.members.length
          ? html`<ul>${forum.members.map((m) => html`<li>${m.actor.name} (${label(sv.roles, m.role)})</li>`)}</ul>`
          : html`<p>${f.noMembers}</p>`}
      `,
    };
  }
}
