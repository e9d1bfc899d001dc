import type { ElementDefinition } from 'cytoscape';
import type { ActorSummary, RelationSummary } from '../api/documents.ts';

/**
 * API data → Cytoscape elements, with no side effects: actors become nodes,
 * working relations edges. Relations to actors not in the list are dropped.
 */
export function networkElements(actors: readonly ActorSummary[], relations: readonly RelationSummary[]): ElementDefinition[] {
  const known = new Set(actors.map((a) => a.id));
  const nodes: ElementDefinition[] = actors.map((actor) => ({
    group: 'nodes',
    data: { id: actor.id, label: actor.shortName ?? actor.name, name: actor.name, sector: actor.sector, kind: actor.kind },
  }));
  const edges: ElementDefinition[] = relations
    .filter((r) => r.actors.length === 2 && r.actors.every((a) => known.has(a.id)))
    .map((r) => {
      const [a, b] = r.actors as [{ id: string }, { id: string }];
      return {
        group: 'edges',
        data: { id: `${a.id}~${b.id}`, source: a.id, target: b.id, strength: r.strength, reasons: r.reasons },
      };
    });
  return [...nodes, ...edges];
}
