import cytoscape from 'cytoscape';
import { type LayoutJob, type LayoutResult, summaryLayout, seeded } from './layouts.ts';

/**
 * The groups' force layout (summaryLayout), off the page's thread: a headless
 * Cytoscape with the nodes' sizes measured in the page (a worker has no
 * canvas to measure labels with), so the page stays free to draw its first
 * frame and to pan and zoom while fCoSE works. Same options, same seed as on
 * the page: the same picture.
 */
self.onmessage = (event: MessageEvent<LayoutJob>) => {
  const { nodes, edges } = event.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { width: 'data(w)', height: 'data(h)', 'border-width': 0, label: '' } },
      { selector: ':parent', style: { padding: 'data(padding)' } },
    ],
    elements: [
      ...nodes.map(({ id, parent, w, h, padding }) => ({ group: 'nodes' as const, data: { id, parent, w, h, padding } })),
      ...edges.map(({ id, source, target }) => ({ group: 'edges' as const, data: { id, source, target } })),
    ],
  });
  seeded(() => cy.layout({ ...summaryLayout(nodes.length), nodeDimensionsIncludeLabels: false, fit: false } as cytoscape.LayoutOptions).run());
  const positions: LayoutResult = {};
  cy.nodes().forEach((n) => {
    if (!n.isParent()) positions[n.id()] = n.position();
  });
  cy.destroy();
  (self as unknown as Worker).postMessage(positions);
};
