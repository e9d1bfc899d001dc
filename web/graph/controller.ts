import cytoscape, { type Core, type ElementDefinition, type EventObject, type LayoutOptions, type StylesheetJson } from 'cytoscape';

type Handler = (event: EventObject) => void;

/**
 * Owns one Cytoscape instance: built first, then mounted into the page, and
 * destroyed with every listener it added when the view leaves.
 */
export class GraphController {
  readonly cy: Core;
  private readonly listeners: { events: string; selector: string; handler: Handler }[] = [];

  constructor(elements: ElementDefinition[], style: StylesheetJson) {
    this.cy = cytoscape({ elements, style, headless: true, styleEnabled: true, wheelSensitivity: 0.3 });
  }

  mount(container: HTMLElement, layout: LayoutOptions): void {
    this.cy.mount(container);
    // The instance stays reachable from its element, for browser tests and the devtools console.
    (container as HTMLElement & { cy?: Core }).cy = this.cy;
    this.cy.layout(layout).run();
  }

  on(events: string, selector: string, handler: Handler): void {
    this.cy.on(events, selector, handler);
    this.listeners.push({ events, selector, handler });
  }

  /** Shows one element's neighbourhood and fades the rest. */
  focus(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded');
      if (!id) return;
      const element = this.cy.getElementById(id);
      if (element.empty()) return;
      const edge = this.cy.edges().getElementById(id);
      const keep = edge.empty() ? element.closedNeighborhood() : edge.union(edge.connectedNodes());
      this.cy.elements().not(keep).addClass('faded');
      this.cy.elements().unselect();
      element.select();
    });
  }

  png(): string {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff' });
  }

  destroy(): void {
    for (const { events, selector, handler } of this.listeners.splice(0)) this.cy.off(events, selector, handler);
    this.cy.destroy();
  }
}
