import { html, nothing, render, type TemplateResult } from 'lit-html';
import { graphql } from '../api/client.ts';
import {
  ACTOR_COUNT_QUERY,
  ACTOR_SEARCH_QUERY,
  type ActorCountData,
  type ActorSearchData,
  GROUP_BY,
  type GroupBy,
  SUMMARY_QUERY,
  type SummaryData,
} from '../api/relation-summary.ts';
import { AGGREGATE_ABOVE, groupName, groupTable, keepPositions, summaryElements } from '../graph/aggregate.ts';
import { presetLayout } from '../graph/layouts.ts';
import { SECTOR_COLOURS, summaryStyle } from '../graph/styles.ts';
import { label, sv } from '../i18n/sv.ts';
import { oneOf, setParams } from '../lib/url-state.ts';
import { NetworkView } from './network.ts';
import { type LegendItem, dataTable, graphBox, searchField, selectField, sidePanel, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, announce, type View } from './view.ts';

type Summary = SummaryData['workingRelationSummary'];
const SEARCH_DELAY_MS = 200;
/** The URL parameter that asks for every actor one by one, however many there are. */
const EVERY_ACTOR = 'alla';

/**
 * Nätverk for a large graph: groups of actors (municipalities, sectors or
 * kinds) with their counts and the summed strength between them, opened on a
 * click into their actors, and a search that opens the group of the actor it
 * finds. Drawn from one query for what is on screen.
 */
export class NetworkSummaryView extends GraphView {
  protected readonly fileName = 'natverk-grupper';
  private groupBy: GroupBy = 'MUNICIPALITY';
  private expand: string[] = [];
  private summary: Summary | null = null;
  private selected: string | null = null;
  private search = '';
  private hits: ActorSearchData['actors'] | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;
  /** The groups' table waits for the graph's first frame: laying out its rows in the page would hold that frame up. */
  private tableAfterGraph = true;
  /** The drawing the layout worker is working on, if any. */
  private laidOut: Promise<unknown> | null = null;

  protected async start(params: URLSearchParams): Promise<void> {
    this.groupBy = oneOf(params, 'grupp', GROUP_BY) ?? 'MUNICIPALITY';
    this.expand = (params.get('oppna') ?? '').split(',').filter(Boolean);
    this.search = params.get('q') ?? '';
    const actor = params.get('actor');
    // An actor in a copied link opens the group it is in (the server knows which).
    if (actor) this.expand.push(actor);
    await this.load(true);
    if (this.search.trim()) await this.findActors();
    if (actor) this.select(actor, true);
  }

  /** Asks for the groups with `expand` opened, and draws them: nodes already drawn stay where they are unless `relayout`. */
  private async load(relayout: boolean): Promise<void> {
    // A group opened while the worker still lays out the last drawing waits for its positions, to keep them.
    if (this.laidOut) await this.laidOut;
    const s = sv.network.summary;
    this.status = { state: 'loading', text: s.fetching };
    this.update();
    const data = await this.request((signal) => graphql<SummaryData>(SUMMARY_QUERY, { groupBy: this.groupBy, expand: this.expand }, signal));
    if (!data) return;
    this.summary = data.workingRelationSummary;
    this.expand = this.summary.groups.filter((g) => g.expanded).map((g) => g.id);
    setParams({ grupp: this.groupBy === 'MUNICIPALITY' ? null : this.groupBy, oppna: this.expand.join(',') || null });
    const elements = summaryElements(this.summary, this.groupBy);
    const known = new Map(this.graph?.cy.nodes().map((n) => [n.id(), { ...n.position() }] as const) ?? []);
    const kept = relayout ? null : keepPositions(elements, known);
    // The page first, with the box the graph goes in: the graph's first frame then waits for nothing else.
    // Without kept positions the groups are drawn at once on a grid, readable while the force layout
    // runs in a worker; the status line says so until they move to their places.
    this.status = kept ? DONE : { state: 'loading', text: s.layingOut };
    this.update();
    const graph = this.graph ?? this.controller(summaryStyle, (id) => this.select(id));
    // A click opens a closed group; arrow keys only select it (its panel's button opens it), so moving
    // through the graph by keyboard does not open every group on the way.
    if (!this.listening) {
      this.listening = true;
      graph.cy.on('tap', 'node[type = "Group"][!expanded]', (event) => void this.toggle(event.target.id() as string, true));
    }
    if (kept) {
      const view = { zoom: graph.cy.zoom(), pan: { ...graph.cy.pan() } };
      graph.show(kept, presetLayout);
      // Opening a group keeps the picture where the user was looking.
      graph.cy.viewport(view);
      this.markHits();
      return;
    }
    const laidOut = graph.showOffThread(elements);
    if (this.tableAfterGraph) {
      graph.cy.one('render', () => {
        this.tableAfterGraph = false;
        this.update();
      });
    }
    this.markHits();
    this.laidOut = laidOut;
    const placed = await laidOut;
    if (this.laidOut === laidOut) this.laidOut = null;
    if (!placed || this.abort.signal.aborted) return;
    this.status = DONE;
    this.update();
  }

  /** Opens or closes a group, and selects it. */
  private async toggle(id: string, open: boolean): Promise<void> {
    this.expand = open ? [...new Set([...this.expand, id])] : this.expand.filter((g) => g !== id);
    await this.load(false);
    this.select(id, open);
  }

  private setGroupBy(value: string | null): void {
    this.groupBy = (value as GroupBy | null) ?? 'MUNICIPALITY';
    this.expand = [];
    this.select(null);
    void this.load(true);
  }

  private select(id: string | null, fit = false): void {
    this.selected = id;
    const isActor = !!id && !id.includes('~') && !this.summary?.groups.some((g) => g.id === id);
    setParams({ actor: isActor ? id : null });
    this.graph?.select(id, { depth: isActor ? 1 : 0 });
    const element = id ? this.graph?.cy.getElementById(id) : undefined;
    if (fit && element?.nonempty()) this.graph!.cy.fit(isActor ? element.closedNeighborhood() : element, 60);
    announce(id ? sv.common.selected(this.panel()?.title ?? id) : sv.common.nothingSelected);
    this.update();
  }

  private onSearch = (text: string): void => {
    this.search = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.findActors(), SEARCH_DELAY_MS);
  };

  /** Actors by name from the server: most of them are in closed groups, not in the page. */
  private async findActors(): Promise<void> {
    setParams({ q: this.search });
    const text = this.search.trim();
    if (!text) {
      this.hits = null;
    } else {
      const data = await this.request((signal) => graphql<ActorSearchData>(ACTOR_SEARCH_QUERY, { text }, signal));
      if (!data || this.search.trim() !== text) return;
      this.hits = data.actors;
      announce(sv.network.matches(data.actors.totalCount));
    }
    this.markHits();
    this.update();
  }

  private markHits(): void {
    this.graph?.mark(this.hits?.edges.map((e) => e.node.id) ?? [], 'match');
  }

  /** Goes to an actor: its group opened if it is closed, the actor selected and brought into view. */
  private jumpTo = async (id: string): Promise<void> => {
    if (this.graph?.cy.getElementById(id).empty()) {
      this.expand = [...this.expand, id];
      await this.load(false);
    }
    this.select(id, true);
  };

  private jumpToFirst = (): void => {
    clearTimeout(this.searchTimer);
    void this.findActors().then(() => {
      const first = this.hits?.edges[0]?.node.id;
      if (first) void this.jumpTo(first);
    });
  };

  protected template(): TemplateResult {
    const s = sv.network.summary;
    const summary = this.summary;
    const drawn = summary ? summary.groups.reduce((n, g) => n + (g.expanded ? g.members.length : 0), 0) : 0;
    const table = summary && !this.tableAfterGraph ? groupTable(summary, this.groupBy) : null;
    return html`
      ${viewHeading(sv.network.title, summary ? s.intro(summary.actorCount) : sv.network.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-group-by', s.groupBy, this.groupBy, GROUP_BY.map((g) => ({ value: g, label: s.groupings[g]! })), (v) => this.setGroupBy(v), true)}
        ${searchField('f-search', sv.network.filters.search, this.search, this.onSearch, this.jumpToFirst)}
        <button type="button" class="secondary" ?disabled=${!this.expand.length} @click=${() => { this.expand = []; void this.load(false); }}>${s.closeAll}</button>
        <a class="secondary" href=${`/?${EVERY_ACTOR}=1`}>${s.showAll}</a>
      </form>
      ${this.hitList()}
      ${statusLine(this.status)}
      <p class="summary" ?hidden=${!summary}>${summary ? s.counts(summary.groups.length, this.expand.length, drawn) : ''}</p>
      <div class="layout" ?hidden=${!summary}>
        ${graphBox(s.graphLabel, this.graphBox, this.saves, this.legendItems())}
        ${sidePanel(this.panel(), s.select)}
      </div>
      <section class="tables" aria-label=${sv.common.asTable} ?hidden=${!table}>
        ${table ? dataTable(table, { selected: this.selected, onSelect: (id) => this.select(id, true), onCsv: () => this.saveCsv(table, '-grupper') }) : nothing}
      </section>
    `;
  }

  /** The sector colours, as the grouped graph had them beside it; the same entries go on its exported pictures. */
  protected override legendItems(): LegendItem[] {
    return Object.entries(SECTOR_COLOURS).map(([code, colour]) => ({ label: label(sv.sectors, code), colour, group: sv.common.legendSector }));
  }

  private hitList(): TemplateResult | typeof nothing {
    const s = sv.network.summary;
    if (!this.hits) return nothing;
    if (!this.hits.edges.length) return html`<p class="search-hits muted">${s.noHits}</p>`;
    return html`<nav class="search-hits" aria-label=${s.searchHits}>
      <ul>${this.hits.edges.map(({ node }) => html`<li><button type="button" class="link" @click=${() => void this.jumpTo(node.id)}>${node.name}</button></li>`)}</ul>
      ${this.hits.totalCount > this.hits.edges.length ? html`<p class="muted">${s.moreHits(this.hits.edges.length, this.hits.totalCount)}</p>` : nothing}
    </nav>`;
  }

  private panel(): { title: string; body: TemplateResult } | null {
    const s = sv.network.summary;
    const summary = this.summary;
    if (!this.selected || !summary) return null;
    const nameOf = (id: string): string => {
      const group = summary.groups.find((g) => g.id === id);
      if (group) return groupName(group, this.groupBy);
      for (const g of summary.groups) for (const m of g.members) if (m.actor.id === id) return m.actor.name;
      return id;
    };
    const group = summary.groups.find((g) => g.id === this.selected);
    if (group) {
      return {
        title: groupName(group, this.groupBy),
        body: html`<p>${s.actors(group.actorCount)}. ${s.inside(group.relationCount, group.strength)}</p>
          <button type="button" @click=${() => void this.toggle(group.id, !group.expanded)}>${group.expanded ? s.close : s.open}</button>`,
      };
    }
    if (this.selected.includes('~')) {
      const [a, b] = this.selected.split('~') as [string, string];
      const between = summary.groupRelations.find((e) => e.source === a && e.target === b);
      const relation = summary.relations.find((r) => r.actors[0]?.id === a && r.actors[1]?.id === b);
      return {
        title: `${nameOf(a)} – ${nameOf(b)}`,
        body: relation
          ? html`<p>${sv.network.strength(relation.strength)}</p><ul>${relation.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
          : html`<p>${between ? s.between(between.relationCount, between.strength) : ''}</p>`,
      };
    }
    for (const g of summary.groups) {
      const member = g.members.find((m) => m.actor.id === this.selected);
      if (!member) continue;
      return {
        title: member.actor.name,
        body: html`<p>${label(sv.sectors, member.actor.sector)} · ${label(sv.kinds, member.actor.kind)}</p>
          <h4>${s.inGroup}: ${groupName(g, this.groupBy)}</h4><p>${member.evidence}</p>
          <button type="button" class="secondary" @click=${() => void this.toggle(g.id, false)}>${s.close}</button>`,
      };
    }
    return null;
  }

  override destroy(): void {
    clearTimeout(this.searchTimer);
    super.destroy();
  }
}

/**
 * The Nätverk route: a graph of more than AGGREGATE_ABOVE actors opens in
 * groups, a smaller one (Borås) actor by actor as before, and `?alla=1`
 * asks for every actor one by one whatever the size.
 */
export class NetworkEntry implements View {
  private inner: View | null = null;
  private destroyed = false;

  async mount(root: HTMLElement, params: URLSearchParams): Promise<void> {
    render(html`${viewHeading(sv.network.title, sv.network.intro)}${statusLine({ state: 'loading', text: sv.network.summary.fetching })}`, root);
    let large = false;
    if (!params.has(EVERY_ACTOR)) {
      // A failed count falls through to the actor view, which says why it has nothing.
      large = await graphql<ActorCountData>(ACTOR_COUNT_QUERY).then((d) => d.actors.totalCount > AGGREGATE_ABOVE, () => false);
    }
    if (this.destroyed) return;
    const focused = document.activeElement?.id === 'view-title';
    this.inner = large ? new NetworkSummaryView() : new NetworkView();
    const mounted = this.inner.mount(root, params);
    // The view's first render replaced the heading the focus was on.
    if (focused) document.getElementById('view-title')?.focus();
    await mounted;
  }

  destroy(): void {
    this.destroyed = true;
    this.inner?.destroy();
  }
}
