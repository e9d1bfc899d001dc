import cytoscape, { type Collection, type Core, type ElementDefinition, type EventObject, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import { type Caption, captionedPng, captionedSvg } from './export.ts';
import { ARROW_KEYS, firstInReadingOrder, nearestInDirection } from './keyboard.ts';
import { quickLayout, seeded } from './layouts.ts';
import { forcePositions } from './off-thread.ts';

/**
 * Nodes a user can select: not lane labels or backgrounds (`decoration`), and
 * not markers drawn for another node (`owner`: a target ring, a history dot).
 */
const SELECTABLE = 'node[!decoration][!owner]';
const PAN_STEP = 60;
const PADDING = 24;
/** A small graph is not blown up past this, or three nodes fill the screen. */
const MAX_FIT_ZOOM = 1.5;
/** How tall a growing graph box may get before its drawing is shrunk instead. */
const MAX_GROWN_HEIGHT = 3000;
const ZOOM_STEP = 1.25;
/** The smallest text a growing graph is drawn with, in screen pixels: below it, the drawing is panned instead of shrunk. */
export const MIN_TEXT_PX = 11;

export interface SelectOptions {
  /** Keep this many steps around a node and fade the rest; 0 fades nothing. */
  depth?: number;
  /** Keep everything upstream and downstream of a node (a whole effect chain) and fade the rest. */
  lineage?: boolean;
  /** Zoom to what is kept. */
  fit?: boolean;
}

/** The id an element stands for: a marker's owner, a second drawing's original, or its own. */
function standsFor(element: cytoscape.SingularElementReturnValue): string {
  return (element.data('owner') as string | undefined) ?? (element.data('selects') as string | undefined) ?? element.id();
}

/**
 * Owns one Cytoscape instance: built first, then mounted into the page, and
 * destroyed with every listener it added when the view leaves.
 */
export class GraphController {
  readonly cy: Core;
  private container: HTMLElement | null = null;
  private readonly cleanups: (() => void)[] = [];
  /** Counts the drawings, so a layout that comes back from the worker after a newer drawing is dropped. */
  private drawing = 0;

  constructor(style: StylesheetJson) {
    // Where a view's drawing starts, for `npm run bench:web`: the bare page it is measured against starts by creating its instance too.
    performance.mark('graph:controller');
    this.cy = cytoscape({ style, headless: true, styleEnabled: true, minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false });
  }

  /**
   * Attaches the graph to its container. A tap, or an arrow key, reports the
   * chosen element's id (a marker reports its owner's); a tap on the
   * background or Escape reports null.
   */
  mount(container: HTMLElement, onSelect: (id: string | null) => void): void {
    this.container = container;
    this.cy.mount(container);
    // The instance stays reachable from its element, for browser tests and the devtools console.
    (container as HTMLElement & { cy?: Core }).cy = this.cy;
    this.listen('tap', (event) => {
      const target = event.target as Core | cytoscape.SingularElementReturnValue;
      if (target === this.cy) return onSelect(null);
      const element = target as cytoscape.SingularElementReturnValue;
      if (element.data('decoration')) return;
      onSelect(standsFor(element));
    });
    // A node's `tooltip` (an abbreviation's full name) shows as the box's title while the pointer is on it.
    this.listen('mouseover', (event) => {
      const tooltip = (event.target as cytoscape.SingularElementReturnValue).data?.('tooltip') as string | undefined;
      if (tooltip) container.title = tooltip;
    });
    this.listen('mouseout', () => container.removeAttribute('title'));
    const keydown = (event: KeyboardEvent) => this.key(event, onSelect);
    container.addEventListener('keydown', keydown);
    this.cleanups.push(() => container.removeEventListener('keydown', keydown));
  }

  /**
   * Replaces every element and lays them out. With `grow`, the box takes the
   * height the drawing needs at the zoom that fits its width, so columns of
   * text stay readable instead of shrinking into a fixed box.
   */
  show(elements: ElementDefinition[], layout: LayoutOptions, { grow = false, smallestFont = 0 } = {}): void {
    this.drawing++;
    // Marks for `npm run bench:web` and the browser's performance panel: the drawing starts, is laid out, and its first frame is drawn.
    performance.mark('graph:show');
    // The container may have been hidden, or resized, since the last drawing.
    this.cy.resize();
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    performance.mark('graph:layout-start');
    // The viewport is set below, once: a layout's own fit would compute every bounding box a second time (15 ms at Borås).
    seeded(() => this.cy.layout({ ...layout, fit: false } as LayoutOptions).run());
    performance.mark('graph:laid-out');
    this.cy.one('render', () => performance.mark('graph:rendered'));
    if (grow && this.container && this.cy.elements().nonempty()) {
      const box = this.cy.elements().boundingBox();
      const fit = Math.min(MAX_FIT_ZOOM, (this.container.clientWidth - 2 * PADDING) / box.w);
      // Text that fits only by shrinking below MIN_TEXT_PX is drawn readable, from the left, and panned (Skift + pil, or a drag).
      const zoom = smallestFont ? Math.max(fit, MIN_TEXT_PX / smallestFont) : fit;
      this.container.style.height = `${Math.round(Math.min(box.h * zoom + 2 * PADDING, MAX_GROWN_HEIGHT))}px`;
      this.cy.resize();
      if (zoom > fit) {
        this.cy.zoom(zoom);
        this.cy.pan({ x: PADDING - box.x1 * zoom, y: PADDING - box.y1 * zoom });
        return;
      }
    }
    this.fitTo(this.cy.elements(), PADDING);
    // A graph too wide for a small screen opens readable at its centre; 0 still shows all of it.
    if (smallestFont && this.cy.zoom() < MIN_TEXT_PX / smallestFont) this.cy.zoom({ level: MIN_TEXT_PX / smallestFont, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /**
   * Draws a large graph without holding the page for its force layout: at
   * once on a quick grid (the first frame), then, when the layout worker
   * returns, at the force layout's positions, fitted (mark `graph:final` when
   * that is drawn). True once the final positions are drawn, false if a newer
   * drawing replaced this one first.
   */
  async showOffThread(elements: ElementDefinition[]): Promise<boolean> {
    this.show(elements, quickLayout);
    const drawing = this.drawing;
    // The job goes to the worker once the first frame is drawn, not before: measured, a worker laying out
    // beside the first frame slows it (1.55× bare at 49 municipalities, against 0.92× this way) and
    // brings the final layout no sooner, on a machine of two cores.
    await new Promise((resolve) => this.cy.one('render', resolve));
    if (drawing !== this.drawing || this.cy.destroyed()) return false;
    const positions = await forcePositions(this.cy);
    if (drawing !== this.drawing || this.cy.destroyed()) return false;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const p = positions[n.id()];
        if (p && !n.isParent()) n.position(p);
      });
    });
    this.fitTo(this.cy.elements(), PADDING);
    this.cy.one('render', () => performance.mark('graph:final'));
    return true;
  }

  /** Fits the view to some elements, without blowing a few of them up past MAX_FIT_ZOOM. */
  private fitTo(elements: Collection, padding: number): void {
    this.cy.fit(elements, padding);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(elements);
    }
  }

  /** Marks one element as selected and, for a node, fades what lies beyond `depth` steps. */
  select(id: string | null, { depth = 0, lineage = false, fit = false }: SelectOptions = {}): void {
    const cy = this.cy;
    let keep: Collection = cy.collection();
    cy.batch(() => {
      cy.elements().removeClass('faded').unselect();
      if (!id) return;
      const edge = cy.edges().getElementById(id);
      // A node drawn twice (a collaboration in two groups) is selected in both places.
      const node = cy.nodes().filter((n) => n.id() === id || n.data('selects') === id);
      edge.union(node).select();
      if (edge.nonempty()) keep = edge.union(edge.connectedNodes());
      else if (node.empty()) return;
      else if (lineage) keep = node.union(node.predecessors()).union(node.successors());
      else if (depth > 0) {
        let nodes = node.union(node).nodes();
        for (let step = 0; step < depth; step++) nodes = nodes.closedNeighborhood().nodes();
        // Relations among the neighbours belong to the neighbourhood too.
        keep = nodes.union(nodes.edgesWith(nodes));
      }
      if (keep.nonempty()) cy.elements().not(keep).not('[?decoration]').addClass('faded');
    });
    const node = id ? cy.nodes().getElementById(id) : null;
    if (fit && keep.nonempty()) this.fitTo(keep, 40);
    else if (node?.nonempty()) this.reveal(node);
  }

  /** Gives the elements with these ids a class, and takes it from every other. */
  mark(ids: Iterable<string>, className: string): void {
    const wanted = new Set(ids);
    // Only the elements whose class changes: touching every one restyles every one (tens of ms at 300 groups).
    this.cy.batch(() => {
      this.cy.elements(`.${className}`).forEach((e) => {
        if (!wanted.has(e.id())) e.removeClass(className);
      });
      for (const id of wanted) this.cy.getElementById(id).addClass(className);
    });
  }

  /** The whole graph as a PNG with its caption (title, filters, date, legend, source). */
  png(caption: Caption): Promise<Blob> {
    return captionedPng(this.cy, caption);
  }

  /** The whole graph as an SVG with the same caption. */
  svg(caption: Caption): Blob {
    return captionedSvg(this.cy, caption);
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.cy.destroy();
    if (this.container) delete (this.container as HTMLElement & { cy?: Core }).cy;
  }

  private listen(events: string, handler: (event: EventObject) => void): void {
    this.cy.on(events, handler);
    this.cleanups.push(() => this.cy.off(events, handler));
  }

  private key(event: KeyboardEvent, onSelect: (id: string | null) => void): void {
    const cy = this.cy;
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    const direction = ARROW_KEYS[event.key];
    if (direction && event.shiftKey) {
      const [x, y] = { left: [PAN_STEP, 0], right: [-PAN_STEP, 0], up: [0, PAN_STEP], down: [0, -PAN_STEP] }[direction];
      cy.panBy({ x: x!, y: y! });
    } else if (direction) {
      const points = cy.nodes(`${SELECTABLE}:visible`).map((n) => ({ id: n.id(), ...n.position() }));
      const current = cy.nodes(`${SELECTABLE}:selected`).map((n) => ({ id: n.id(), ...n.position() }))[0];
      const next = current ? nearestInDirection(current, points, direction) : firstInReadingOrder(points);
      if (next) onSelect(standsFor(cy.getElementById(next)));
    } else if (event.key === '+' || event.key === '=') cy.zoom({ level: cy.zoom() * ZOOM_STEP, renderedPosition: centre });
    else if (event.key === '-') cy.zoom({ level: cy.zoom() / ZOOM_STEP, renderedPosition: centre });
    else if (event.key === '0') this.fitTo(cy.elements(), PADDING);
    else if (event.key === 'Escape') onSelect(null);
    else return;
    event.preventDefault();
  }

  /** Pans just enough to bring a node into view, as a keyboard user moves beyond the edge. */
  private reveal(node: cytoscape.NodeSingular): void {
    const p = node.renderedPosition();
    const margin = 40;
    const dx = p.x < margin ? margin - p.x : p.x > this.cy.width() - margin ? this.cy.width() - margin - p.x : 0;
    const dy = p.y < margin ? margin - p.y : p.y > this.cy.height() - margin ? this.cy.height() - margin - p.y : 0;
    if (dx || dy) this.cy.panBy({ x: dx, y: dy });
  }
}
