import cytoscape, { type ElementDefinition } from 'cytoscape';
import { forceLayout, seeded } from '../../web/graph/layouts.ts';
import { networkStyle } from '../../web/graph/styles.ts';

/**
 * The yardstick for the network view: Cytoscape alone, with the same layout
 * extension, options and stylesheet, drawing the same elements, with no app
 * around it (no requests, no tables, no panel).
 */
declare global {
  interface Window {
    draw(elements: ElementDefinition[]): Promise<{ layoutMs: number; firstRenderMs: number }>;
    cy?: cytoscape.Core;
  }
}

window.draw = (elements) =>
  new Promise((resolve) => {
    const start = performance.now();
    const cy = cytoscape({ container: document.getElementById('cy'), elements, style: networkStyle });
    seeded(() => cy.layout(forceLayout(cy.nodes().length)).run());
    const laidOut = performance.now();
    cy.one('render', () => resolve({ layoutMs: laidOut - start, firstRenderMs: performance.now() - start }));
    window.cy = cy;
  });
