import type { ElementDefinition } from 'cytoscape';
import type { ActorSummary, RelationSummary } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { actorLabel } from '../edit/actor.ts';
import { label, sv } from '../i18n/sv.ts';

/** A relation's id in the graph and the URL: its two actors, in the server's order. */
export const relationId = (r: RelationSummary): string => r.actors.map((a) => a.id).join('~');

/** The relations the graph can draw: between two of the shown actors. */
export function visibleRelations(actors: readonly ActorSummary[], relations: readonly RelationSummary[]): RelationSummary[] {
  const known = new Set(actors.map((a) => a.id));
  return relations.filter((r) => r.actors.length === 2 && r.actors.every((a) => known.has(a.id)));
}

/**
 * API data → Cytoscape elements, with no side effects: actors become nodes,
 * working relations edges. Relations to actors not in the list are dropped.
 */
export function networkElements(actors: readonly ActorSummary[], relations: readonly RelationSummary[]): ElementDefinition[] {
  const nodes: ElementDefinition[] = actors.map((actor) => ({
    group: 'nodes',
    data: { id: actor.id, type: 'Actor', label: actor.shortName ?? actor.name, name: actor.name, tooltip: actorLabel(actor), sector: actor.sector, kind: actor.kind },
  }));
  const edges: ElementDefinition[] = visibleRelations(actors, relations).map((r) => ({
    group: 'edges',
    data: { id: relationId(r), source: r.actors[0]!.id, target: r.actors[1]!.id, strength: r.strength, reasons: r.reasons },
  }));
  return [...nodes, ...edges];
}

/** Actors whose name or short name contains the search text, ignoring case; none for an empty search. */
export function matchActors(actors: readonly ActorSummary[], text: string): string[] {
  const needle = text.trim().toLocaleLowerCase('sv');
  if (!needle) return [];
  return actors.filter((a) => [a.name, a.shortName ?? ''].some((s) => s.toLocaleLowerCase('sv').includes(needle))).map((a) => a.id);
}

/** The actors in the graph, with how many relations each has there. */
export function actorTable(actors: readonly ActorSummary[], relations: readonly RelationSummary[]): TableModel {
  const degree = new Map<string, number>();
  for (const r of visibleRelations(actors, relations)) for (const a of r.actors) degree.set(a.id, (degree.get(a.id) ?? 0) + 1);
  const c = sv.network.columns;
  return {
    caption: sv.network.actorsCaption,
    columns: [c.actor, c.sector, c.kind, c.relations],
    rows: [...actors]
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((a) => ({ key: a.id, cells: [a.name, label(sv.sectors, a.sector), label(sv.kinds, a.kind), String(degree.get(a.id) ?? 0)] })),
  };
}

/** The relations in the graph, strongest first, with their reasons. */
export function relationTable(actors: readonly ActorSummary[], relations: readonly RelationSummary[]): TableModel {
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const c = sv.network.columns;
  return {
    caption: sv.network.relationsCaption,
    columns: [c.actors, c.strength, c.reasons],
    rows: visibleRelations(actors, relations)
      .sort((a, b) => b.strength - a.strength)
      .map((r) => ({ key: relationId(r), cells: [r.actors.map((a) => names.get(a.id) ?? a.id).join(' – '), String(r.strength), r.reasons.join('; ')] })),
  };
}

/** One day's network: the actors and the relations between them. */
export interface NetworkAsOf {
  actors: readonly ActorSummary[];
  relations: readonly RelationSummary[];
}

/**
 * Jämför: two days' networks as one graph. What only the later day has is
 * marked `added`, what only the earlier day had `removed`; the rest as usual.
 */
export function comparedElements(before: NetworkAsOf, after: NetworkAsOf): { elements: ElementDefinition[]; added: string[]; removed: string[] } {
  const actors = new Map(before.actors.map((a) => [a.id, a]));
  for (const a of after.actors) actors.set(a.id, a);
  const relations = new Map(visibleRelations(before.actors, before.relations).map((r) => [relationId(r), r]));
  for (const r of visibleRelations(after.actors, after.relations)) relations.set(relationId(r), r);
  const was = new Set([...before.actors.map((a) => a.id), ...visibleRelations(before.actors, before.relations).map(relationId)]);
  const is = new Set([...after.actors.map((a) => a.id), ...visibleRelations(after.actors, after.relations).map(relationId)]);
  const added = [...is].filter((id) => !was.has(id)).sort();
  const removed = [...was].filter((id) => !is.has(id)).sort();
  const mark = (id: string) => (added.includes(id) ? 'added' : removed.includes(id) ? 'removed' : '');
  const elements = networkElements([...actors.values()], [...relations.values()]).map((e) => ({ ...e, classes: mark(String(e.data.id)) }));
  return { elements, added, removed };
}
