import type { DomainType } from '../domain/ids.ts';
import type { RelationshipType } from '../store/graph-schema.ts';

/**
 * One kind of link from a node of some type, as the type's mutations see it:
 * the relationship in the graph, which way it points, and what sits at the
 * other end. `(Actor)-[:CONVENES]->(Forum)` is, seen from the forum, an
 * incoming CONVENES from an Actor.
 */
export interface RelationSpec {
  rel: RelationshipType;
  direction: 'out' | 'in';
  other: DomainType;
}

/** The relationship's two ends, start first, for a node and the node at its other end. */
export function ends(spec: RelationSpec, id: string, otherId: string): { from: string; to: string } {
  return spec.direction === 'out' ? { from: id, to: otherId } : { from: otherId, to: id };
}

/** The `cypher/link/` statement that creates (or merges) a relationship of this type. */
export function linkStatement(rel: RelationshipType): string {
  return `link/link-${rel.toLowerCase().replaceAll('_', '-')}`;
}
