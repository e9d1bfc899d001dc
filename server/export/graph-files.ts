import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import XMLWriter from 'xml-writer';
import type { GraphStore } from '../store/port.ts';
import { type ActorKind, sectorOf } from '../domain/sectors.ts';

/*
 * The map as a graph file for Gephi, yEd and Cytoscape Desktop: every domain
 * node with its type, name and (actors) sector and kind, every relationship
 * with its type. One graphology graph feeds all three formats.
 */

export type NodeAttributes = { label: string; type: string; sector?: string; kind?: string };
export type EdgeAttributes = { type: string };
export type MapGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export async function readGraph(store: GraphStore): Promise<MapGraph> {
  const [nodes, links] = await Promise.all([
    store.read<{ id: string; type: string; name: unknown; kind: string | null }>('export/list-export-nodes'),
    store.read<{ from: string; type: string; to: string }>('export/list-export-links'),
  ]);
  const graph: MapGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const n of nodes) {
    const attributes: NodeAttributes = { label: String(n.name), type: n.type };
    if (n.kind) attributes.kind = n.kind;
    if (n.type === 'Actor' && n.kind) attributes.sector = sectorOf(n.kind as ActorKind);
    graph.addNode(n.id, attributes);
  }
  links.forEach((l, i) => graph.addEdgeWithKey(`e${i}`, l.from, l.to, { type: l.type }));
  return graph;
}

export function gexfOf(graph: MapGraph): string {
  return writeGexf(graph, { version: '1.3' });
}

const NODE_KEYS = ['label', 'type', 'sector', 'kind'] as const;

/** GraphML (yEd, Gephi, networkx): graphology-graphml only reads it, so it is written with the XML writer that graphology-gexf uses. */
export function graphmlOf(graph: MapGraph): string {
  const xml = new XMLWriter(true);
  xml.startDocument('1.0', 'UTF-8');
  xml.startElement('graphml').writeAttribute('xmlns', 'http://graphml.graphdrawing.org/xmlns');
  for (const key of NODE_KEYS) {
    xml.startElement('key').writeAttribute('id', key).writeAttribute('for', 'node').writeAttribute('attr.name', key).writeAttribute('attr.type', 'string').endElement();
  }
  xml.startElement('key').writeAttribute('id', 'edge_type').writeAttribute('for', 'edge').writeAttribute('attr.name', 'type').writeAttribute('attr.type', 'string').endElement();
  xml.startElement('graph').writeAttribute('id', 'Samverkanskartan').writeAttribute('edgedefault', 'directed');
  graph.forEachNode((id, attributes) => {
    xml.startElement('node').writeAttribute('id', id);
    for (const key of NODE_KEYS) {
      const value = attributes[key];
      if (value !== undefined) xml.startElement('data').writeAttribute('key', key).text(value).endElement();
    }
    xml.endElement();
  });
  graph.forEachEdge((id, attributes, source, target) => {
    xml.startElement('edge').writeAttribute('id', id).writeAttribute('source', source).writeAttribute('target', target);
    xml.startElement('data').writeAttribute('key', 'edge_type').text(attributes.type).endElement();
    xml.endElement();
  });
  xml.endElement().endElement();
  xml.endDocument();
  return xml.toString();
}

/** Cytoscape JSON (.cyjs) as Cytoscape Desktop imports it: `interaction` is its name for an edge's type. */
export function cytoscapeJsonOf(graph: MapGraph): string {
  return JSON.stringify({
    format_version: '1.0',
    generated_by: 'Samverkanskartan',
    target_cytoscapejs_version: '~3.0',
    data: { name: 'Samverkanskartan' },
    elements: {
      nodes: graph.mapNodes((id, a) => ({ data: { id, name: a.label, ...a } })),
      edges: graph.mapEdges((id, a, source, target) => ({ data: { id, source, target, interaction: a.type } })),
    },
  });
}
