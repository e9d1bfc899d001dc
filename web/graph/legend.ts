import { INK } from './styles.ts';

/**
 * What a legend entry shows, and how its mark is drawn: one description that
 * the page's legend, the PNG export (a canvas) and the SVG export all draw, so
 * the three cannot come to disagree.
 */
export interface LegendItem {
  label: string;
  /** A colour swatch (a sector). */
  colour?: string;
  /** A node shape (an actor kind), drawn in grey: colour stands for sector. */
  shape?: string;
  /** A named mark: a dashed border, a ring, a badge. */
  mark?: MarkName;
  /** What a run of entries tells apart ("Färg: sektor"), said once before the run. */
  group?: string;
}

/** Consecutive entries of one group together, in order. */
export function legendGroups(items: readonly LegendItem[]): { group: string | undefined; items: LegendItem[] }[] {
  const groups: { group: string | undefined; items: LegendItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.group === item.group) last.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return groups;
}

/** One layer of a mark, in a box from −1 to 1: a path or a glyph, with its paint. Widths are in pixels at any size. */
export interface Layer {
  d?: string;
  text?: string;
  fill: string;
  stroke?: string;
  width?: number;
  dash?: number[];
}

const SQUARE = 'M-0.9 -0.9 H0.9 V0.9 H-0.9 Z';
const CIRCLE = 'M-0.9 0 A0.9 0.9 0 1 0 0.9 0 A0.9 0.9 0 1 0 -0.9 0 Z';
const ROUNDED = (w: number, h: number, r: number) =>
  `M${-w + r} ${-h} H${w - r} Q${w} ${-h} ${w} ${-h + r} V${h - r} Q${w} ${h} ${w - r} ${h} H${-w + r} Q${-w} ${h} ${-w} ${h - r} V${-h + r} Q${-w} ${-h} ${-w + r} ${-h} Z`;

const polygon = (points: readonly (readonly [number, number])[]) => `M${points.map(([x, y]) => `${x.toFixed(3)} ${y.toFixed(3)}`).join(' L')} Z`;
const regular = (n: number, rotate = -Math.PI / 2, radius = 0.95) =>
  polygon(Array.from({ length: n }, (_, i) => [radius * Math.cos(rotate + (2 * Math.PI * i) / n), radius * Math.sin(rotate + (2 * Math.PI * i) / n)] as const));
const star = () =>
  polygon(Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 0.4 : 0.98;
    const a = -Math.PI / 2 + (Math.PI * i) / 5;
    return [r * Math.cos(a), r * Math.sin(a)] as const;
  }));

/** Cytoscape's node shapes as outlines, for the shapes the app gives actor kinds and node types. */
const SHAPE_PATHS: Record<string, string> = {
  ellipse: CIRCLE,
  rectangle: 'M-0.95 -0.7 H0.95 V0.7 H-0.95 Z',
  'round-rectangle': ROUNDED(0.95, 0.7, 0.3),
  diamond: polygon([[0, -0.98], [0.98, 0], [0, 0.98], [-0.98, 0]]),
  triangle: polygon([[0, -0.95], [0.95, 0.85], [-0.95, 0.85]]),
  'round-triangle': polygon([[0, -0.95], [0.95, 0.85], [-0.95, 0.85]]),
  hexagon: regular(6, 0),
  octagon: regular(8, Math.PI / 8),
  pentagon: regular(5),
  star: star(),
};

/** The badges the taxonomy puts on a card: a glyph on a disc, or a word on a tag. */
export const BADGES = {
  unassessed: { glyph: '?', colour: INK.muted },
  below: { glyph: '↓', colour: INK.warn },
  drift: { glyph: '←', colour: INK.alert },
} as const;

const MARKS = {
  ring: [{ d: CIRCLE, fill: 'none', stroke: INK.accent, width: 2.5 }],
  arrow: [{ d: 'M-0.9 0 H0.7 M0.25 -0.45 L0.85 0 L0.25 0.45', fill: 'none', stroke: INK.muted, width: 2 }],
  forum: [{ d: ROUNDED(0.95, 0.7, 0.3), fill: '#ffffff', stroke: INK.text, width: 2.5 }],
  'dashed-alert': [{ d: SQUARE, fill: '#fdecea', stroke: INK.alert, width: 2, dash: [3, 2] }],
  double: [
    { d: ROUNDED(0.95, 0.75, 0.3), fill: '#ffffff', stroke: INK.alert, width: 1.5 },
    { d: ROUNDED(0.55, 0.38, 0.15), fill: 'none', stroke: INK.alert, width: 1.5 },
  ],
  'muted-box': [{ d: SQUARE, fill: 'none', stroke: INK.muted, width: 2, dash: [3, 2] }],
  'dashed-edge': [{ d: 'M-1 0 H1', fill: 'none', stroke: INK.text, width: 2, dash: [4, 3] }],
  // Jämför: what is new since the earlier day, and what has gone.
  added: [{ d: CIRCLE, fill: 'none', stroke: INK.added, width: 3 }],
  removed: [{ d: CIRCLE, fill: 'none', stroke: INK.alert, width: 2.5, dash: [3, 2] }],
  'badge-unassessed': badge(BADGES.unassessed),
  'badge-below': badge(BADGES.below),
  'badge-drift': badge(BADGES.drift),
  'badge-demo': [{ d: ROUNDED(0.95, 0.6, 0.25), fill: '#ffffff', stroke: INK.muted, width: 1.5 }, { text: 'ex', fill: INK.text }],
} satisfies Record<string, Layer[]>;
export type MarkName = keyof typeof MARKS;

function badge({ glyph, colour }: { glyph: string; colour: string }): Layer[] {
  return [{ d: CIRCLE, fill: colour }, { text: glyph, fill: '#ffffff' }];
}

/** The layers that draw an entry's mark: its named mark, its shape, or its colour swatch. */
export function markLayers(item: LegendItem): Layer[] {
  if (item.mark) return MARKS[item.mark];
  if (item.shape) return [{ d: SHAPE_PATHS[item.shape] ?? CIRCLE, fill: INK.muted }];
  return [{ d: SQUARE, fill: item.colour ?? 'none', stroke: item.colour ?? INK.text, width: 2 }];
}

export const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A mark as SVG markup, `size` pixels square, its top left corner at (x, y). */
export function markSvg(item: LegendItem, size: number, x = 0, y = 0): string {
  const s = size / 2;
  const parts = markLayers(item).map((l) =>
    l.text
      ? `<text x="0" y="0" font-size="${(1.3).toFixed(2)}" font-weight="bold" font-family="system-ui, sans-serif" text-anchor="middle" dominant-baseline="central" fill="${l.fill}">${escapeXml(l.text)}</text>`
      : `<path d="${l.d}" fill="${l.fill}"${l.stroke ? ` stroke="${l.stroke}" stroke-width="${((l.width ?? 1) / s).toFixed(3)}"` : ''}${l.dash ? ` stroke-dasharray="${l.dash.map((d) => (d / s).toFixed(3)).join(' ')}"` : ''}/>`,
  );
  return `<g transform="translate(${x + s} ${y + s}) scale(${s})">${parts.join('')}</g>`;
}

/** A mark drawn on a canvas, `size` pixels square, its top left corner at (x, y). */
export function drawMark(ctx: CanvasRenderingContext2D, item: LegendItem, size: number, x: number, y: number): void {
  const s = size / 2;
  for (const l of markLayers(item)) {
    ctx.save();
    ctx.translate(x + s, y + s);
    ctx.scale(s, s);
    if (l.text) {
      ctx.fillStyle = l.fill;
      ctx.font = 'bold 1.3px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(l.text, 0, 0.05);
    } else {
      const path = new Path2D(l.d);
      if (l.fill !== 'none') {
        ctx.fillStyle = l.fill;
        ctx.fill(path);
      }
      if (l.stroke) {
        ctx.strokeStyle = l.stroke;
        ctx.lineWidth = (l.width ?? 1) / s;
        ctx.setLineDash((l.dash ?? []).map((d) => d / s));
        ctx.stroke(path);
      }
    }
    ctx.restore();
  }
}
