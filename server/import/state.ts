import type { GraphStore, Row } from '../store/port.ts';
import type { RelationshipType } from '../store/graph-schema.ts';
import { type DomainType, typeOfId } from '../domain/ids.ts';
import type { NodeRow } from '../write/plan.ts';
import { pushTo } from '../analysis/push-to.ts';

/** The part of the map an import reads and compares with: nodes by type, links by their ends. */
export interface MapState {
  nodes: Map<string, NodeRow>;
  byType: (type: DomainType) => NodeRow[];
  /** A link's properties, or undefined where there is no such link. */
  link: (type: RelationshipType, from: string, to: string) => Row | undefined;
  /** The other ends of a node's links of one type, `out` from it or `in` to it. */
  ends: (type: RelationshipType, id: string, direction: 'out' | 'in') => string[];
}

export const linkKey = (type: string, from: string, to: string) => `${type} ${from} ${to}`;

export async function readMapState(store: GraphStore): Promise<MapState> {
  const [nodes, links] = await Promise.all([
    store.read<{ node: NodeRow }>('import/list-import-nodes'),
    store.read<{ type: RelationshipType; from: string; to: string; props: Row }>('import/list-import-links'),
  ]);
  return mapStateOf(nodes.map((n) => n.node), links);
}

export function mapStateOf(nodeRows: NodeRow[], links: { type: RelationshipType; from: string; to: string; props: Row }[]): MapState {
  const nodes = new Map(nodeRows.map((n) => [n.id, n]));
  const byType = new Map<DomainType, NodeRow[]>();
  for (const node of nodeRows) {
    const type = typeOfId(node.id);
    if (type) pushTo(byType, type, node);
  }
  const props = new Map<string, Row>();
  const ends = new Map<string, string[]>();
  for (const l of links) {
    props.set(linkKey(l.type, l.from, l.to), l.props ?? {});
    pushTo(ends, `${l.type} out ${l.from}`, l.to);
    pushTo(ends, `${l.type} in ${l.to}`, l.from);
  }
  return {
    nodes,
    byType: (type) => byType.get(type) ?? [],
    link: (type, from, to) => props.get(linkKey(type, from, to)),
    ends: (type, id, direction) => ends.get(`${type} ${direction} ${id}`) ?? [],
  };
}
