import type { ElementDefinition } from 'cytoscape';

/** Labels and backgrounds drawn with the graph: not selectable, not reached by the keyboard. */
export function decoration(id: string, classes: string, text: string, x: number, y: number, textWidth: number): ElementDefinition {
  return { group: 'nodes', data: { id, decoration: true, label: text, textWidth: `${textWidth}px` }, position: { x, y }, classes };
}

export interface Column {
  key: string;
  heading: string;
  x: number;
  /** Extra classes for its band, e.g. the "ej skattad" lane. */
  className?: string;
}

/** A heading above each column and a band behind it, `height` tall from `top`. */
export function columnLanes(columns: readonly Column[], width: number, top: number, height: number): ElementDefinition[] {
  return columns.flatMap((c) => [
    { group: 'nodes', data: { id: `band:${c.key}`, decoration: true, width: width - 12, height }, position: { x: c.x, y: top + height / 2 }, classes: `band ${c.className ?? ''}`.trim() },
    decoration(`heading:${c.key}`, 'heading', c.heading, c.x, 20, width - 20),
  ]);
}
