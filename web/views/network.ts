import { graphql } from '../api/client.ts';
import { ACTOR_DETAIL_QUERY, type ActorDetail, NETWORK_QUERY, type NetworkData } from '../api/documents.ts';
import { GraphController } from '../graph/controller.ts';
import { networkElements } from '../graph/elements.ts';
import { SECTOR_COLOURS, networkStyle } from '../graph/styles.ts';
import { sv } from '../i18n/sv.ts';
import { type View, el, setParams, statusLine } from './view.ts';

/** Nätverk: who works with whom, with the reasons for the selected actor or relation. */
export class NetworkView implements View {
  private graph: GraphController | null = null;
  private readonly abort = new AbortController();

  async mount(root: HTMLElement, params: URLSearchParams): Promise<void> {
    root.append(el('h2', {}, sv.network.title), el('p', {}, sv.network.intro));
    const status = statusLine(root);
    status('loading', sv.state.loading);
    let data: NetworkData;
    try {
      data = await graphql<NetworkData>(NETWORK_QUERY, {}, this.abort.signal);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      status('error', sv.state.error((error as Error).message));
      return;
    }
    const actors = data.actors.edges.map((e) => e.node);
    const relations = data.workingRelations.edges.map((e) => e.node);
    if (actors.length === 0) return status('empty', sv.state.empty);
    status('done');

    const legend = el('div', { className: 'legend', ariaLabel: 'Sektorer' });
    for (const [sector, colour] of Object.entries(SECTOR_COLOURS)) {
      const item = el('span', {}, sv.sectors[sector] ?? sector);
      item.style.setProperty('--swatch', colour);
      legend.append(item);
    }
    const container = el('div', { className: 'graph', role: 'img', ariaLabel: sv.network.graphLabel });
    const panel = el('aside', { className: 'panel', ariaLabel: 'Detaljer', ariaLive: 'polite' }, el('p', {}, sv.network.select));
    root.append(legend, el('div', { className: 'layout' }, container, panel), this.table(actors, relations));

    const names = new Map(actors.map((a) => [a.id, a.name]));
    this.graph = new GraphController(networkElements(actors, relations), networkStyle);
    this.graph.mount(container, { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 90 } as never);
    this.graph.on('tap', 'node', (event) => void this.showActor(panel, event.target.id()));
    this.graph.on('tap', 'edge', (event) => this.showRelation(panel, event.target.id(), names));

    const selected = params.get('actor');
    if (selected && names.has(selected)) await this.showActor(panel, selected);
  }

  private table(actors: NetworkData['actors']['edges'][number]['node'][], relations: NetworkData['workingRelations']['edges'][number]['node'][]) {
    const names = new Map(actors.map((a) => [a.id, a.name]));
    const body = el('tbody');
    for (const r of relations) {
      body.append(
        el('tr', {},
          el('td', {}, r.actors.map((a) => names.get(a.id) ?? a.id).join(' – ')),
          el('td', {}, String(r.strength)),
          el('td', {}, r.reasons.join('; ')),
        ),
      );
    }
    const head = el('thead', {}, el('tr', {}, ...[sv.network.columns.actors, sv.network.columns.strength, sv.network.columns.reasons].map((h) => el('th', { scope: 'col' }, h))));
    return el('details', {}, el('summary', {}, sv.network.tableSummary), el('table', {}, head, body));
  }

  private async showActor(panel: HTMLElement, id: string): Promise<void> {
    setParams({ actor: id });
    this.graph?.focus(id);
    panel.replaceChildren(el('p', { className: 'status' }, sv.state.loading));
    try {
      const { node } = await graphql<ActorDetail>(ACTOR_DETAIL_QUERY, { id }, this.abort.signal);
      if (!node) return void panel.replaceChildren(el('p', {}, sv.state.empty));
      const forums = node.forums.length
        ? el('ul', {}, ...node.forums.map((m) => el('li', {}, `${m.forum.name} (${sv.roles[m.role] ?? m.role})`)))
        : el('p', {}, sv.network.noForums);
      const partners = el('ul', {}, ...node.workingRelations.map((r) => {
        const other = r.actors.find((a) => a.id !== id);
        return el('li', {}, `${other?.name ?? ''} – ${r.reasons.join('; ')}`);
      }));
      panel.replaceChildren(
        el('h3', {}, node.name),
        el('p', {}, sv.sectors[node.sector] ?? node.sector),
        el('h4', {}, sv.network.actorForums), forums,
        el('h4', {}, sv.network.actorRelations), partners,
      );
    } catch (error) {
      if (!this.abort.signal.aborted) panel.replaceChildren(el('p', { className: 'status' }, sv.state.error((error as Error).message)));
    }
  }

  private showRelation(panel: HTMLElement, edgeId: string, names: Map<string, string>): void {
    const edge = this.graph?.cy.getElementById(edgeId);
    if (!edge || edge.empty()) return;
    this.graph?.focus(edgeId);
    const reasons = edge.data('reasons') as string[];
    panel.replaceChildren(
      el('h3', {}, `${names.get(edge.data('source'))} – ${names.get(edge.data('target'))}`),
      el('ul', {}, ...reasons.map((r) => el('li', {}, r))),
    );
  }

  destroy(): void {
    this.abort.abort();
    this.graph?.destroy();
    this.graph = null;
  }
}
