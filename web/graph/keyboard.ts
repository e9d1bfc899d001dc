/** Arrow-key navigation between nodes, as pure geometry so it can be tested without a browser. */

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Point {
  id: string;
  x: number;
  y: number;
}

export const ARROW_KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The node a user means by "the next one that way": among the nodes within 60°
 * of the direction, the one nearest along it, with sideways distance counting
 * double so a node straight ahead beats a closer one off to the side.
 */
export function nearestInDirection(from: Point, candidates: readonly Point[], direction: Direction): string | null {
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const [along, across] = direction === 'left' ? [-dx, dy] : direction === 'right' ? [dx, dy] : direction === 'up' ? [-dy, dx] : [dy, dx];
    if (along <= 0 || Math.abs(across) > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * Math.abs(across);
    if (!best || score < best.score) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

/** The node to start from when nothing is selected: the one nearest the top left, in reading order. */
export function firstInReadingOrder(points: readonly Point[]): string | null {
  return [...points].sort((a, b) => a.y + a.x / 4 - (b.y + b.x / 4))[0]?.id ?? null;
}
