import { html, nothing, type TemplateResult } from 'lit-html';
import { allNodes, graphql } from '../api/client.ts';
import {
  ACTOR_DETAIL_QUERY,
  ACTORS_PAGE,
  type ActorDetail,
  type ActorRecord,
  type ActorSummary,
  CHANGES_BETWEEN_QUERY,
  type ChangesBetweenData,
  type MapChangeEntry,
  type NetworkFilter,
  PLACES_QUERY,
  type PlacesData,
  RELATIONS_PAGE,
  type RelationSummary,
  type SharedContext,
} from '../api/documents.ts';
import { canEdit } from '../api/session.ts';
import { forceLayout } from '../graph/layouts.ts';
import { actorTable, comparedElements, matchActors, type NetworkAsOf, networkElements, relationId, relationTable, visibleRelations } from '../graph/network.ts';
import { currentDay, dayOrNull, today } from '../api/as-of.ts';
import { networkStyle } from '../graph/styles.ts';
import { NODE_FONT_SIZE } from '../graph/text.ts';
import { CONTEXT_WEIGHT } from '../../server/analysis/working-relations.ts';
import { label, sv } from '../i18n/sv.ts';
import { oneOf, setParams } from '../lib/url-state.ts';
import { ActorEditor } from './actor-editor.ts';
import { EditorSlot } from './editor.ts';
import { HistoryPanel } from './history.ts';
import { type LegendItem, actorLegend, codeOptions, dataTable, graphBox, inferredNote, searchField, selectField, sidePanel, sourceBlock, statusLine, viewHeading } from './parts.ts';
import { DONE, GraphView, LOADING, announce } from './view.ts';

const DEPTHS = ['1', '2'] as const;
const SEARCH_DELAY_MS = 200;

/** Nätverk: who works with whom, filtered, searched, and the reasons for the selected actor or relation; editors add, edit and delete actors. */
export class NetworkView extends GraphView {
  protected readonly fileName = 'natverk';
  private filter: NetworkFilter = { targetArea: null, area: null, sector: null, kind: null };
  private search = '';
  private depth: (typeof DEPTHS)[number] = '1';
  private selected: string | null = null;
  private places: PlacesData = { targetAreas: [], areas: [] };
  private actors: ActorSummary[] = [];
  private relations: RelationSummary[] = [];
  private detail: { id: string; body: ActorDetail['node'] | 'loading' } | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly history = new HistoryPanel(() => this.update());
  private readonly form = new EditorSlot(() => this.update(), () => this.root, { edit: '.panel .edit-actor', create: '.new-actor' });
  /** Every actor, whatever the filters show: what the actor form checks a name against and offers as "Del av". */
  private everyActor: ActorSummary[] | null = null;
  /** Jämför: the earlier day (?jamfor=), its network, and what changed from it to the day shown. */
  private compareFrom: string | null = null;
  private before: NetworkAsOf | null = null;
  private changes: MapChangeEntry[] = [];
  private compared: { added: string[]; removed: string[] } | null = null;

  protected async start(params: URLSearchParams): Promise<void> {
    this.filter = {
      targetArea: params.get('targetArea'),
      area: params.get('area'),
      sector: oneOf(params, 'sector', Object.keys(sv.sectors)),
      kind: oneOf(params, 'kind', Object.keys(sv.kinds)),
    };
    this.search = params.get('q') ?? '';
    this.depth = oneOf(params, 'depth', DEPTHS) ?? '1';
    this.compareFrom = dayOrNull(params.get('jamfor'));
    const places = await this.request((signal) => graphql<PlacesData>(PLACES_QUERY, {}, signal));
    if (!places) return;
    this.places = places;
    await this.loadActors();
    const selected = params.get('actor') ?? params.get('relation');
    if (selected) this.select(selected);
    if (selected && !selected.includes('~') && (await this.editRequested(params))) {
      const actor = await this.loadDetail(selected);
      if (actor) await this.openEditor(actor);
    }
  }

  /** The view's filters as the server's ActorFilter. */
  private serverFilter() {
    const { targetArea, area, sector, kind } = this.filter;
    return { targetArea, area, sectors: sector ? [sector] : null, kinds: kind ? [kind] : null };
  }

  /**
   * Actors and relations come from the server's filter, so a filter by målområde or område means
   * what the analysis means by it: a relation's reasons and strength are only what lies inside it.
   */
  private async loadActors(): Promise<void> {
    this.status = LOADING;
    this.update();
    const filter = this.serverFilter();
    const loaded = await this.request((signal) =>
      Promise.all([allNodes<ActorSummary>(ACTORS_PAGE, { filter }, signal), allNodes<RelationSummary>(RELATIONS_PAGE, { filter }, signal)]),
    );
    if (!loaded) return;
    const [actors, relations] = loaded;
    this.actors = actors;
    this.relations = relations;
    if (this.compareFrom && !(await this.loadComparison(filter))) return;
    const filtered = Object.values(this.filter).some(Boolean);
    this.status = actors.length || this.before?.actors.length ? DONE : { state: 'empty', text: filtered ? sv.state.emptyFiltered : sv.state.empty };
    this.update();
    const now = { actors: this.actors, relations: this.relations };
    const comparison = this.before ? comparedElements(this.before, now) : null;
    this.compared = comparison && { added: comparison.added, removed: comparison.removed };
    const elements = comparison?.elements ?? networkElements(this.actors, this.relations);
    this.controller(networkStyle, (id) => this.select(id)).show(elements, forceLayout(elements.filter((e) => e.group === 'nodes').length), { smallestFont: NODE_FONT_SIZE });
    this.update();
    if (this.selected && this.graph?.cy.getElementById(this.selected).empty()) this.select(null);
    // The open actor's partners and reasons follow the filter too.
    else if (this.selected && !this.selected.includes('~') && this.detail?.id === this.selected && this.detail.body !== 'loading') void this.loadDetail(this.selected);
    this.applySearch();
  }

  /** The day shown: the header's, or today. */
  private get day(): string {
    return currentDay() ?? today();
  }

  /** The earlier day's network under the same filters, and the changes from it to the day shown. */
  private async loadComparison(filter: Record<string, unknown>): Promise<boolean> {
    const from = this.compareFrom!;
    const loaded = await this.request((signal) =>
      Promise.all([
        allNodes<ActorSummary>(ACTORS_PAGE, { filter, asOf: from }, signal),
        allNodes<RelationSummary>(RELATIONS_PAGE, { filter, asOf: from }, signal),
        graphql<ChangesBetweenData>(CHANGES_BETWEEN_QUERY, { from: from < this.day ? from : this.day, to: from < this.day ? this.day : from }, signal),
      ]),
    );
    if (!loaded) return false;
    this.before = { actors: loaded[0], relations: loaded[1] };
    this.changes = loaded[2].changesBetween;
    return true;
  }

  /** Jämför on (from a year before the day shown), off, or from another day. */
  private setCompare(day: string | null): void {
    this.compareFrom = day;
    if (!day) {
      this.before = null;
      this.changes = [];
      this.compared = null;
    }
    setParams({ jamfor: day });
    void this.loadActors();
  }

  private yearBefore(): string {
    const [y, m, d] = this.day.split('-').map(Number) as [number, number, number];
    return dayOrNull(`${y - 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) ?? `${y - 1}-${String(m).padStart(2, '0')}-28`;
  }

  private setFilter(key: keyof NetworkFilter, value: string | null): void {
    this.filter = { ...this.filter, [key]: value };
    setParams({ [key]: value });
    void this.loadActors();
  }

  private clearFilters = (): Promise<void> => {
    this.filter = { targetArea: null, area: null, sector: null, kind: null };
    setParams({ targetArea: null, area: null, sector: null, kind: null });
    return this.loadActors();
  };

  private onSearch = (text: string): void => {
    this.search = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      setParams({ q: text });
      this.applySearch();
      this.update();
    }, SEARCH_DELAY_MS);
  };

  private matches(): string[] {
    return matchActors(this.actors, this.search);
  }

  private applySearch(): void {
    const matches = this.matches();
    this.graph?.mark(matches, 'match');
    if (this.search.trim()) announce(sv.network.matches(matches.length));
  }

  /** Enter in the search field goes to the first match. */
  private selectFirstMatch = (): void => {
    clearTimeout(this.searchTimer);
    setParams({ q: this.search });
    this.applySearch();
    const first = this.matches()[0];
    if (first) this.select(first);
    else this.update();
  };

  private setDepth(depth: string | null): void {
    this.depth = depth === '2' ? '2' : '1';
    setParams({ depth: this.depth === '1' ? null : this.depth });
    this.select(this.selected);
  }

  private select(id: string | null): void {
    const isRelation = id?.includes('~') ?? false;
    if (id !== this.selected) this.form.notice = null;
    this.selected = id;
    setParams({ actor: isRelation ? null : id, relation: isRelation ? id : null });
    this.graph?.select(id, { depth: Number(this.depth), fit: !isRelation && id !== null });
    const name = id && !isRelation ? this.actors.find((a) => a.id === id)?.name : undefined;
    if (id && !isRelation && this.detail?.id !== id) void this.loadDetail(id);
    if (!id || isRelation) this.detail = null;
    announce(id ? sv.common.selected(name ?? this.relationTitle(id)) : sv.common.nothingSelected);
    this.update();
  }

  private async loadDetail(id: string): Promise<ActorRecord | null> {
    this.detail = { id, body: 'loading' };
    const data = await this.request((signal) => graphql<ActorDetail>(ACTOR_DETAIL_QUERY, { id, filter: this.serverFilter() }, signal));
    // A later click wins over a slow answer to an earlier one.
    if (!data || this.detail?.id !== id) return null;
    this.detail = { id, body: data.node };
    this.update();
    return data.node;
  }

  private async openEditor(actor: ActorRecord | null): Promise<void> {
    this.everyActor ??= (await this.request((signal) => allNodes<ActorSummary>(ACTORS_PAGE, { filter: null }, signal)))?.sort((a, b) => a.name.localeCompare(b.name, 'sv')) ?? null;
    if (!this.everyActor) return;
    this.form.notice = null;
    const every = this.everyActor;
    this.form.show<ActorRecord>((host) => new ActorEditor(actor, every, host), { saved: (id, message, closed) => this.saved(id, message, closed), deleted: (message) => this.deleted(message) });
  }

  /** The actors and relations as they are now: a name, a kind or a part-of may have changed them. */
  private async reload(): Promise<void> {
    this.everyActor = null;
    this.history.reset();
    await this.loadActors();
  }

  /** After a write: the actor selected, the form closed when it is done; an actor the filters hide makes them give way. */
  private async saved(id: string, message: string, closed: boolean): Promise<ActorRecord | null> {
    let fresh: ActorRecord | null = null;
    await this.form.afterSave(closed, message, async () => {
      await this.reload();
      if (!this.actors.some((a) => a.id === id) && Object.values(this.filter).some(Boolean)) await this.clearFilters();
      // Read once, here: select() leaves a detail it sees loading alone.
      this.detail = { id, body: 'loading' };
      this.select(id);
      fresh = await this.loadDetail(id);
    });
    return fresh;
  }

  private deleted(message: string): Promise<void> {
    return this.form.afterDelete(message, async () => {
      await this.reload();
      this.select(null);
    });
  }

  private relationTitle(id: string): string {
    const names = new Map(this.actors.map((a) => [a.id, a.name]));
    return id
      .split('~')
      .map((a) => names.get(a) ?? a)
      .join(' – ');
  }

  protected override legendItems(): LegendItem[] {
    const c = sv.network.compare;
    return [
      ...actorLegend([...this.actors, ...(this.before?.actors ?? [])].map((a) => a.kind)),
      ...(this.compared ? [{ label: c.legendAdded, mark: 'added' as const }, { label: c.legendRemoved, mark: 'removed' as const }] : []),
    ];
  }

  protected template(): TemplateResult {
    const s = sv.network;
    const f = s.filters;
    const visible = visibleRelations(this.actors, this.relations);
    const actors = actorTable(this.actors, this.relations);
    const relations = relationTable(this.actors, this.relations);
    const matches = this.search.trim() ? this.matches().length : null;
    const ready = this.status.state === 'done' || this.status.state === 'empty';
    return html`
      ${viewHeading(s.title, s.intro)}
      <form class="toolbar" aria-label=${sv.common.filters} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField('f-target-area', f.targetArea, this.filter.targetArea, this.places.targetAreas.map((t) => ({ value: t.id, label: t.name })), (v) => this.setFilter('targetArea', v))}
        ${selectField('f-area', f.area, this.filter.area, this.places.areas.map((a) => ({ value: a.id, label: a.name })), (v) => this.setFilter('area', v))}
        ${selectField('f-sector', f.sector, this.filter.sector, codeOptions(sv.sectors), (v) => this.setFilter('sector', v))}
        ${selectField('f-kind', f.kind, this.filter.kind, codeOptions(sv.kinds), (v) => this.setFilter('kind', v))}
        ${searchField('f-search', f.search, this.search, this.onSearch, this.selectFirstMatch)}
        ${selectField('f-depth', f.depth, this.depth, DEPTHS.map((d) => ({ value: d, label: f.depthOption(Number(d)) })), (v) => this.setDepth(v), true)}
        <button type="button" class="secondary" @click=${this.clearFilters}>${sv.common.clearFilters}</button>
        <span class="field compare">
          <input id="f-compare" type="checkbox" .checked=${this.compareFrom !== null} @change=${(e: Event) => this.setCompare((e.target as HTMLInputElement).checked ? this.yearBefore() : null)} />
          <label for="f-compare">${sv.network.compare.toggle}</label>
        </span>
        ${this.compareFrom
          ? html`<span class="field"><label for="f-compare-day">${sv.network.compare.since}</label>
              <input id="f-compare-day" type="date" .value=${this.compareFrom} @change=${(e: Event) => { const day = dayOrNull((e.target as HTMLInputElement).value); if (day) this.setCompare(day); }} /></span>`
          : nothing}
      </form>
      ${canEdit() && !this.form.open ? html`<p><button type="button" class="new-actor" @click=${() => void this.openEditor(null)}>${sv.actorForm.create}</button></p>` : nothing}
      ${this.selected ? nothing : this.form.noticeTemplate()}
      ${this.form.template()}
      ${statusLine(this.status)}
      <p class="summary" ?hidden=${!ready}>${s.counts(this.actors.length, visible.length)} ${matches === null ? '' : s.matches(matches)} ${this.compared ? s.compare.counts(this.compared.added.length, this.compared.removed.length) : ''}</p>
      <div class="layout" ?hidden=${!ready}>
        ${graphBox(s.graphLabel, this.graphBox, this.saves, this.legendItems(), html`<p class="hint strength-help"><strong>${s.columns.strength}:</strong> ${s.strengthHelp(CONTEXT_WEIGHT)}</p>`)}
        ${sidePanel(this.panel(), s.select)}
      </div>
      <section class="tables" aria-label=${sv.common.asTable} ?hidden=${!ready}>
        ${dataTable(actors, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(actors, '-aktorer') })}
        ${dataTable(relations, { selected: this.selected, onSelect: (id) => this.select(id), onCsv: () => this.saveCsv(relations, '-relationer') })}
      </section>
    `;
  }

  private panel(): { title: string; body: TemplateResult } | null {
    if (!this.selected) return this.compareFrom ? this.changePanel() : null;
    if (this.selected.includes('~')) {
      const relation = this.relations.find((r) => relationId(r) === this.selected);
      if (!relation) return null;
      return {
        title: this.relationTitle(this.selected),
        body: html`<p>${sv.network.strength(relation.strength)}</p><p class="hint">${strengthSum(relation.shared)}</p>${sharedList(relation.shared)}${outsideNote(relation.sharedOutsideFilter)}`,
      };
    }
    const actor = this.actors.find((a) => a.id === this.selected);
    const node = this.detail?.id === this.selected ? this.detail.body : 'loading';
    if (node === 'loading') return { title: actor?.name ?? '', body: html`<p class="status">${sv.state.loading}</p>` };
    if (!node) return { title: actor?.name ?? '', body: html`<p>${sv.state.empty}</p>` };
    return {
      title: node.name,
      body: html`
        ${this.form.noticeTemplate()}
        ${canEdit() ? html`<div class="panel-actions"><button type="button" class="edit-actor" @click=${() => void this.openEditor(node)}>${sv.actorForm.edit}</button></div>` : nothing}
        <p>${label(sv.sectors, node.sector)} · ${label(sv.kinds, node.kind)}${node.shortName ? ` · ${node.shortName}` : ''}</p>
        ${node.partOf.length ? html`<p>${sv.actorForm.partOf}: ${node.partOf.map((a) => a.name).join(', ')}</p>` : nothing}
        <h4>${sv.network.actorForums}</h4>
        ${node.forums.length
          ? html`<ul>${node.forums.map((m) => html`<li>${m.forum.name} (${label(sv.roles, m.role)})${inferredNote(m.source)}</li>`)}</ul>`
          : html`<p>${sv.network.noForums}</p>`}
        <h4>${sv.network.actorRelations}</h4>
        ${node.workingRelations.length
          ? html`<ul class="partners">
              ${node.workingRelations.map((r) => {
                const other = r.actors.find((a) => a.id !== node.id) ?? r.actors[0]!;
                return html`<li>
                  <button type="button" class="link" @click=${() => this.select(other.id)}>${other.name}</button>
                  <span class="muted">(${sv.network.strength(r.strength)})</span>
                  ${sharedList(r.shared)}
                  ${outsideNote(r.sharedOutsideFilter)}
                </li>`;
              })}
            </ul>`
          : html`<p>${sv.network.noRelations}</p>`}
        ${node.everyRelation.length > node.workingRelations.length
          ? html`<p class="outside-filter">${sv.filtersAndFindings.partnersOutside(node.everyRelation.length - node.workingRelations.length)}</p>`
          : nothing}
        ${sourceBlock(node.source)}
        ${this.history.template(node.id, (id) => node.forums.find((m) => m.forum.id === id)?.forum.name ?? this.actors.find((a) => a.id === id)?.name)}
      `,
    };
  }

  /** Jämför's list beside the graph: what was added and removed, then every change the server names. */
  private changePanel(): { title: string; body: TemplateResult } {
    const c = sv.network.compare;
    const [from, to] = [this.compareFrom!, this.day].sort() as [string, string];
    const names = new Map([...(this.before?.actors ?? []), ...this.actors].map((a) => [a.id, a.name]));
    const title = (id: string) => (id.includes('~') ? id.split('~').map((a) => names.get(a) ?? a).join(' – ') : (names.get(id) ?? id));
    const marks = (ids: readonly string[], kind: 'added' | 'removed') =>
      ids.map((id) => html`<li class=${kind}><button type="button" class="link" @click=${() => this.select(id)}>${title(id)}</button></li>`);
    return {
      title: c.heading(from, to),
      body: html`
        ${this.compared?.added.length ? html`<h4>${c.added}</h4><ul class="change-list added">${marks(this.compared.added, 'added')}</ul>` : nothing}
        ${this.compared?.removed.length ? html`<h4>${c.removed}</h4><ul class="change-list removed">${marks(this.compared.removed, 'removed')}</ul>` : nothing}
        ${this.changes.length
          ? html`<h4>${c.listLabel}</h4><ul class="change-list changes">${this.changes.map((ch) => html`<li data-kind=${ch.kind}>${ch.description}</li>`)}</ul>`
          : html`<p>${c.none}</p>`}
      `,
    };
  }

  override destroy(): void {
    clearTimeout(this.searchTimer);
    super.destroy();
  }
}

/** How a strength adds up, by the same weights as the server's: "forum som båda sitter i: 2 × 1 + aktiviteter med delat ansvar: 4 × 2". */
function strengthSum(shared: readonly SharedContext[]): string {
  const kinds = ['FORUM', 'ACTIVITY', 'COLLABORATION'] as const;
  return kinds
    .map((k) => [k, shared.filter((s) => s.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => sv.network.strengthPart(k, n, CONTEXT_WEIGHT[k]))
    .join(' + ');
}

/** What the filter left out of a relation's reasons: said, so a filtered strength is not read as the whole. */
function outsideNote(count: number): TemplateResult | typeof nothing {
  return count > 0 ? html`<p class="outside-filter">${sv.filtersAndFindings.sharedOutside(count)}</p>` : nothing;
}

/** What two actors share, grouped: forums, activities, collaborations. */
function sharedList(shared: readonly SharedContext[]): TemplateResult {
  const kinds = ['FORUM', 'ACTIVITY', 'COLLABORATION'] as const;
  return html`<dl class="shared">
    ${kinds
      .filter((k) => shared.some((s) => s.kind === k))
      .map((k) => html`<dt>${sv.network.shared[k]}</dt>${shared.filter((s) => s.kind === k).map((s) => html`<dd>${s.name}</dd>`)}`)}
  </dl>`;
}
