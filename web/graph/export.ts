import cytoscape, { type Core } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { drawMark, escapeXml, type LegendItem, legendGroups, markSvg } from './legend.ts';
import { INK } from './styles.ts';
import { today } from '../../server/domain/days.ts';

cytoscape.use(cytoscapeSvg);

/** What an exported picture says about itself, so it can be read away from the app. */
export interface Caption {
  title: string;
  /** The active filters, each as "Målområde: Boende och närmiljö"; empty when none. */
  filters: string[];
  legend: LegendItem[];
  /** The lines under the legend: the date and the source. */
  lines: { filters: (list: string) => string; noFilters: string; date: (date: string) => string; source: string };
}

type Op = { kind: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; colour?: string } | { kind: 'mark'; x: number; y: number; size: number; item: LegendItem };

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MARGIN = 24;
const MIN_WIDTH = 900;
const TITLE = 22;
const BODY = 14;
const LEGEND = 13;
const MARK = 14;

let measurer: CanvasRenderingContext2D | null = null;
function textWidth(text: string, size: number, bold = false): number {
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
  return measurer.measureText(text).width;
}

/** Words laid into lines no wider than `width`. */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/**
 * The caption around a graph `graphWidth` wide: a head (title, filters, date)
 * and a foot (the legend, the source), as drawing operations that a canvas and
 * an SVG both follow, in CSS pixels.
 */
export function captionLayout(caption: Caption, graphWidth: number, now = new Date()): { width: number; head: Op[]; headHeight: number; foot: Op[]; footHeight: number } {
  const width = Math.max(MIN_WIDTH, Math.ceil(graphWidth));
  const inner = width - 2 * MARGIN;
  const head: Op[] = [];
  let y = MARGIN;
  for (const line of wrap(caption.title, TITLE, inner)) {
    head.push({ kind: 'text', x: MARGIN, y, text: line, size: TITLE, bold: true });
    y += TITLE * 1.3;
  }
  y += 4;
  const filters = caption.filters.length ? caption.lines.filters(caption.filters.join('; ')) : caption.lines.noFilters;
  for (const line of [...wrap(filters, BODY, inner), caption.lines.date(today(now))]) {
    head.push({ kind: 'text', x: MARGIN, y, text: line, size: BODY, colour: INK.muted });
    y += BODY * 1.4;
  }
  const headHeight = Math.ceil(y + 8);

  const foot: Op[] = [];
  let x = MARGIN;
  y = 12;
  const place = (w: number) => {
    if (x > MARGIN && x + w > width - MARGIN) {
      x = MARGIN;
      y += LEGEND * 1.8;
    }
  };
  // Each group of the legend starts a line, with what it tells apart.
  for (const { group, items } of legendGroups(caption.legend)) {
    if (x > MARGIN) {
      x = MARGIN;
      y += LEGEND * 1.8;
    }
    if (group) {
      foot.push({ kind: 'text', x, y: y + 1, text: group, size: LEGEND, bold: true });
      x += textWidth(group, LEGEND, true) + 12;
    }
    for (const item of items) {
      const w = MARK + 6 + textWidth(item.label, LEGEND);
      place(w);
      foot.push({ kind: 'mark', x, y, size: MARK, item }, { kind: 'text', x: x + MARK + 6, y: y + 1, text: item.label, size: LEGEND });
      x += w + 18;
    }
  }
  if (caption.legend.length) y += LEGEND * 1.8 + 6;
  foot.push({ kind: 'text', x: MARGIN, y, text: caption.lines.source, size: BODY, bold: true });
  return { width, head, headHeight, foot, footHeight: Math.ceil(y + BODY * 1.4 + MARGIN / 2) };
}

/** Exports draw every element as it is, not faded by a selection: faded nodes in a picture read as missing data. */
function unfaded<T>(cy: Core, run: () => T): T {
  const faded = cy.elements('.faded');
  faded.removeClass('faded');
  try {
    return run();
  } finally {
    faded.addClass('faded');
  }
}

function drawOps(ctx: CanvasRenderingContext2D, ops: readonly Op[], top: number): void {
  for (const op of ops) {
    if (op.kind === 'mark') drawMark(ctx, op.item, op.size, op.x, top + op.y);
    else {
      ctx.font = `${op.bold ? 'bold ' : ''}${op.size}px ${FONT}`;
      ctx.fillStyle = op.colour ?? INK.text;
      ctx.textBaseline = 'top';
      ctx.fillText(op.text, op.x, top + op.y);
    }
  }
}

function svgOps(ops: readonly Op[], top: number): string {
  return ops
    .map((op) =>
      op.kind === 'mark'
        ? markSvg(op.item, op.size, op.x, top + op.y)
        : `<text x="${op.x}" y="${top + op.y}" font-family='${FONT}' font-size="${op.size}"${op.bold ? ' font-weight="bold"' : ''} fill="${op.colour ?? INK.text}" dominant-baseline="hanging">${escapeXml(op.text)}</text>`,
    )
    .join('\n');
}

const SCALE = 2;

/** The whole graph as a PNG at twice the screen's resolution, on white, with its caption above and below. */
export async function captionedPng(cy: Core, caption: Caption): Promise<Blob> {
  const graph = await createImageBitmap(unfaded(cy, () => cy.png({ output: 'blob', full: true, scale: SCALE, bg: '#ffffff' })));
  const layout = captionLayout(caption, graph.width / SCALE);
  const height = layout.headHeight + graph.height / SCALE + layout.footHeight;
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * SCALE;
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, height);
  drawOps(ctx, layout.head, 0);
  ctx.drawImage(graph, (layout.width - graph.width / SCALE) / 2, layout.headHeight, graph.width / SCALE, graph.height / SCALE);
  ctx.strokeStyle = INK.edge;
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, layout.headHeight - 0.5, layout.width - 1, graph.height / SCALE + 1);
  drawOps(ctx, layout.foot, layout.headHeight + graph.height / SCALE);
  graph.close();
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG'))), 'image/png'));
}

/** The whole graph as an SVG (cytoscape-svg), its caption as text in the same picture. */
export function captionedSvg(cy: Core, caption: Caption): Blob {
  const markup = unfaded(cy, () => (cy as Core & { svg(options: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' }));
  const graph = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  const graphWidth = Number.parseFloat(graph.getAttribute('width') ?? '0');
  const graphHeight = Number.parseFloat(graph.getAttribute('height') ?? '0');
  const layout = captionLayout(caption, graphWidth);
  const height = layout.headHeight + graphHeight + layout.footHeight;
  graph.setAttribute('x', String((layout.width - graphWidth) / 2));
  graph.setAttribute('y', String(layout.headHeight));
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${Math.ceil(height)}" viewBox="0 0 ${layout.width} ${Math.ceil(height)}">
<title>${escapeXml(caption.title)}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
${svgOps(layout.head, 0)}
${new XMLSerializer().serializeToString(graph)}
<rect x="0.5" y="${layout.headHeight - 0.5}" width="${layout.width - 1}" height="${graphHeight + 1}" fill="none" stroke="${INK.edge}"/>
${svgOps(layout.foot, layout.headHeight + graphHeight)}
</svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}
