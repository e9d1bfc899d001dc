import cytoscape, { type ElementDefinition } from 'cytoscape';
import { forceLayout, quickLayout, seeded, summaryLayout } from '../../web/graph/layouts.ts';
import { networkStyle, summaryStyle } from '../../web/graph/styles.ts';

/**
 * The yardstick for the network view: Cytoscape alone, with the same layout
 * extension, options and stylesheet (the actors' or, for a large graph, the
 * groups'), drawing the same elements, with no app around it (no requests,
 * no tables, no panel, no worker).
 *
 * `first` draws what the view's first frame shows: the actors laid out by
 * fCoSE on the page (a small graph), or the groups on the quick grid the
 * grouped view draws before its worker returns (the same quickLayout, so the
 * same positions). `final` draws the groups laid out by fCoSE (summaryLayout) the plain way,
 * on the page's thread: what the grouped view shows once its worker is done.
 */
declare global {
  interface Window {
    draw(elements: ElementDefinition[], style: 'network' | 'summary', layout: 'first' | 'final'): Promise<{ layoutMs: number; firstRenderMs: number }>;
    cy?: cytoscape.Core;
  }
}

let drawing: cytoscape.Core | null = null;

window.draw = (elements, style, layout) =>
  new Promise((resolve) => {
    drawing?.destroy();
    const start = performance.now();
    const cy = cytoscape({ container: document.getElementById('cy'), elements, style: style === 'summary' ? summaryStyle : networkStyle });
    const quick = style === 'summary' && layout === 'first';
    const n = cy.nodes().length;
    seeded(() => cy.layout(quick ? quickLayout : style === 'summary' ? summaryLayout(n) : forceLayout(n)).run());
    if (quick) cy.fit(undefined, 24);
    const laidOut = performance.now();
    cy.one('render', () => resolve({ layoutMs: laidOut - start, firstRenderMs: performance.now() - start }));
    drawing = window.cy = cy;
  });
