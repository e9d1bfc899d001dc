import cytoscape, { type ElementDefinition } from 'cytoscape';
import { forceLayout, seeded } from '../../web/graph/layouts.ts';
import { networkStyle, summaryStyle } from '../../web/graph/styles.ts';

/**
 * The yardstick for the network view: Cytoscape alone, with the same layout
 * extension, options and stylesheet (the actors' or, for a large graph, the
 * groups'), drawing the same elements, with no app around it (no requests,
 * no tables, no panel).
 */
declare global {
  interface Window {
    draw(elements: ElementDefinition[], style: 'network' | 'summary'): Promise<{ layoutMs: number; firstRenderMs: number }>;
    cy?: cytoscape.Core;
  }
}

window.draw = (elements, style) =>
  new Promise((resolve) => {
    const start = performance.now();
    const cy = cytoscape({ container: document.getElementById('cy'), elements, style: style === 'summary' ? summaryStyle : networkStyle });
    seeded(() => cy.layout(forceLayout(cy.nodes().length)).run());
    const laidOut = performance.now();
    cy.one('render', () => resolve({ layoutMs: laidOut - start, firstRenderMs: performance.now() - start }));
    window.cy = cy;
  });
