import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { CARD_FONT_SIZE, LINE_HEIGHT, NODE_FONT_SIZE, TAXONOMY_FONT_SIZE } from './text.ts';

/** Sector colours: distinct hues that keep 3:1 contrast against white (WCAG non-text contrast). */
export const SECTOR_COLOURS: Record<string, string> = {
  KOMMUN: '#005a9c',
  REGION: '#8a3ab9',
  STAT: '#b35900',
  CIVILSAMHALLE: '#2e7d32',
  NARINGSLIV: '#a0303a',
  AKADEMI: '#00695c',
  OVRIG: '#5f6368',
};

/** Kind → node shape, so sector and kind read apart without colour alone. */
export const KIND_SHAPES: Record<string, string> = {
  KOMMUN: 'star',
  FORVALTNING: 'ellipse',
  NAMND: 'diamond',
  KOMMUNALT_BOLAG: 'round-rectangle',
  REGION: 'hexagon',
  STATLIG_MYNDIGHET: 'triangle',
  CIVILSAMHALLE: 'round-triangle',
  NARINGSLIV: 'rectangle',
  AKADEMI: 'octagon',
  OVRIG: 'pentagon',
};

/** Everything that is not an actor is drawn white with a dark outline, its type told by shape. */
export const TYPE_SHAPES: Record<string, string> = {
  Forum: 'round-rectangle',
  Activity: 'cut-rectangle',
  Goal: 'star',
  Collaboration: 'barrel',
  Strategy: 'vee',
  TargetArea: 'round-octagon',
  PolicyDocument: 'rectangle',
  Area: 'round-hexagon',
};

/** Marks that must read on white: drift and gaps in dark red, targets in the accent blue, warnings in dark orange. */
export const INK = { text: '#1b1b1b', muted: '#5f6368', edge: '#7d848b', accent: '#005a9c', alert: '#a00000', warn: '#b35900', added: '#1e7b34', band: '#f1f3f5' };

const base: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      color: INK.text,
      'font-size': NODE_FONT_SIZE,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'z-index-compare': 'manual',
      'z-index': 10,
    },
  },
  { selector: 'node[type = "Actor"]', style: { 'background-color': INK.muted, shape: 'ellipse', width: 26, height: 26 } },
  // One plain rule per sector and kind rather than a function per node: a region's graph draws its first frame faster.
  ...Object.entries(SECTOR_COLOURS).map(([sector, colour]) => ({ selector: `node[type = "Actor"][sector = "${sector}"]`, style: { 'background-color': colour } })),
  ...Object.entries(KIND_SHAPES).map(([kind, shape]) => ({ selector: `node[type = "Actor"][kind = "${kind}"]`, style: { shape: shape as never } })),
  {
    selector: 'node[type != "Actor"][type]',
    style: {
      'background-color': '#ffffff',
      'border-width': 3,
      'border-color': INK.text,
      shape: (n: NodeSingular) => (TYPE_SHAPES[n.data('type') as string] ?? 'ellipse') as never,
      width: 28,
      height: 24,
    },
  },
  { selector: 'edge', style: { width: 2, 'line-color': INK.edge, 'curve-style': 'bezier', 'z-index-compare': 'manual', 'z-index': 5 } },
  { selector: 'node[?decoration]', style: { events: 'no', 'z-index': 0 } },
];

/** A link no document states, read into one: dashed in every view, its label saying "härlett" too. */
const inferredEdges: StylesheetJson = [{ selector: 'edge.inferred', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } }];

/** Selection and fading come last in every sheet, so they win over each view's own rules. */
const states: StylesheetJson = [
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': INK.text, 'border-style': 'double', 'font-weight': 'bold' } },
  { selector: 'edge:selected', style: { 'line-color': INK.text, opacity: 1 } },
  { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
];

export const networkStyle: StylesheetJson = [
  ...base,
  {
    selector: 'edge',
    style: { width: 'mapData(strength, 1, 16, 1.5, 9)', 'curve-style': 'haystack', opacity: 0.6 },
  },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': INK.warn, width: 34, height: 34, 'font-weight': 'bold' } },
  // Jämför: added solid green, removed dashed red and faded, so the marks differ by more than colour.
  { selector: 'node.added', style: { 'border-width': 4, 'border-color': INK.added, 'border-style': 'solid' } },
  { selector: 'edge.added', style: { 'line-color': INK.added, opacity: 0.9, 'line-style': 'solid' } },
  { selector: 'node.removed', style: { 'border-width': 3, 'border-color': INK.alert, 'border-style': 'dashed', 'background-opacity': 0.35 } },
  { selector: 'edge.removed', style: { 'line-color': INK.alert, 'line-style': 'dashed', 'curve-style': 'straight', opacity: 0.8 } },
  ...states,
];

/**
 * A large graph in groups (web/graph/aggregate.ts): a group is a pale disc
 * sized by its actors, an opened one a box around them. Labels smaller than
 * 10 px on screen are not drawn: at the zoom that shows 290 municipalities
 * (12 px text at about 0.7) they would only cover each other; zooming in
 * brings them back, at a size that can be read.
 */
export const summaryStyle: StylesheetJson = [
  ...base,
  { selector: 'node', style: { 'min-zoomed-font-size': 10 } },
  {
    selector: 'node[type = "Group"]',
    style: {
      shape: 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      'background-color': '#dbe7f3',
      'border-width': 2,
      'border-color': INK.accent,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-margin-y': 0,
      'font-weight': 'bold',
      'z-index': 8,
    },
  },
  {
    selector: 'node[type = "Group"][?expanded]',
    style: { shape: 'round-rectangle', 'background-color': '#f1f6fb', 'background-opacity': 0.9, 'text-valign': 'top', padding: '16px', 'z-index': 1 },
  },
  { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'haystack', opacity: 0.5 } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': INK.warn, 'font-weight': 'bold', 'min-zoomed-font-size': 0 } },
  ...states,
];

/** A box with its text inside, for the columns of the taxonomy and the effect chains. */
const card = {
  shape: 'round-rectangle',
  width: 'data(width)',
  height: 'data(height)',
  'text-valign': 'center',
  'text-halign': 'center',
  'text-max-width': 'data(textWidth)',
  'text-margin-y': 0,
  'text-background-opacity': 0,
  'background-color': '#ffffff',
  'border-width': 2,
  'border-color': INK.text,
  'font-size': CARD_FONT_SIZE,
  'line-height': LINE_HEIGHT,
} as const;

/** Column headings, group headings and the bands behind the columns. */
const lanes: StylesheetJson = [
  {
    selector: 'node.heading',
    style: { width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, 'text-valign': 'center', 'text-margin-y': 0, 'font-size': 13, 'font-weight': 'bold', 'text-max-width': 'data(textWidth)' },
  },
  { selector: 'node.heading.group', style: { 'text-halign': 'right', 'font-size': 14 } },
  { selector: 'node.heading.call', style: { 'font-weight': 'normal', 'font-size': 11, color: INK.text } },
  { selector: 'node.divider', style: { shape: 'rectangle', width: 'data(width)', height: 'data(height)', 'background-color': INK.edge, 'border-width': 0, label: '' } },
  { selector: 'node.band', style: { shape: 'rectangle', width: 'data(width)', height: 'data(height)', 'background-color': INK.band, 'border-width': 0, label: '' } },
  { selector: 'node.band.unassessed', style: { 'background-color': '#ffffff', 'border-width': 2, 'border-style': 'dotted', 'border-color': INK.muted } },
];

export const taxonomyStyle: StylesheetJson = [
  ...base,
  ...lanes,
  { selector: 'node.heading.call', style: { 'font-size': TAXONOMY_FONT_SIZE } },
  { selector: 'node.collaboration', style: { ...card, 'font-size': TAXONOMY_FONT_SIZE, 'background-color': '#e8f0f8', 'border-color': INK.accent } },
  { selector: 'node.collaboration.unassessed', style: { 'background-color': '#ffffff', 'border-color': INK.muted } },
  // One badge per mark (never assessed, below target, drift), so marks that hold at once all show; their glyphs are the legend's.
  {
    selector: 'node.badge',
    style: { shape: 'ellipse', width: 22, height: 22, 'background-color': 'data(colour)', 'border-width': 2, 'border-color': '#ffffff', label: 'data(label)', color: '#ffffff', 'font-size': TAXONOMY_FONT_SIZE, 'font-weight': 'bold', 'text-valign': 'center', 'text-halign': 'center', 'text-margin-y': 0, 'text-background-opacity': 0, 'z-index': 20 },
  },
  {
    selector: 'node.demo-tag',
    style: { shape: 'round-rectangle', width: 72, height: 20, 'background-color': '#ffffff', 'border-width': 1.5, 'border-color': INK.muted, label: 'data(label)', 'font-size': TAXONOMY_FONT_SIZE, 'text-valign': 'center', 'text-halign': 'center', 'text-margin-y': 0, 'text-background-opacity': 0, 'z-index': 20 },
  },
  { selector: 'node.target', style: { shape: 'ellipse', width: 20, height: 20, 'background-opacity': 0, 'border-width': 3, 'border-color': INK.accent, label: '' } },
  { selector: 'node.history', style: { shape: 'ellipse', width: 10, height: 10, 'background-color': INK.muted, label: '' } },
  { selector: 'edge.to-target', style: { 'line-style': 'dashed', 'line-color': INK.accent, width: 2, 'target-arrow-shape': 'none' } },
  {
    selector: 'edge.trajectory',
    style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [-22], 'control-point-weights': [0.5], 'line-color': INK.muted, 'target-arrow-shape': 'triangle', 'target-arrow-color': INK.muted },
  },
  { selector: 'edge.trajectory.leftward', style: { 'line-color': INK.alert, 'target-arrow-color': INK.alert, width: 3 } },
  ...states,
];

export const findingStyle: StylesheetJson = [
  ...base,
  { selector: 'node.subject', style: { 'border-width': 5, 'border-color': INK.alert, 'font-weight': 'bold', width: 38, height: 34 } },
  { selector: 'node[type = "Actor"].subject', style: { 'border-style': 'double', 'border-width': 7 } },
  ...states,
];

export const chainStyle: StylesheetJson = [
  ...base,
  ...lanes,
  { selector: 'node.step', style: card },
  { selector: 'node.step.activity', style: { 'background-color': '#e8f0f8', 'border-color': INK.accent } },
  { selector: 'node.step.goal', style: { 'background-color': '#edf5ee', 'border-color': '#2e7d32', 'font-weight': 'bold' } },
  { selector: 'node.step.responsible', style: { 'border-width': 1, 'border-color': INK.muted } },
  { selector: 'node.step.missing', style: { 'border-style': 'dashed', 'border-color': INK.muted, color: INK.muted, 'font-style': 'italic' } },
  { selector: 'node.step.goal.orphan', style: { 'background-color': '#fdecea', 'border-color': INK.alert, 'border-style': 'dashed', 'border-width': 4 } },
  // Out of a card's right side, into the next card's left side: the chain reads left to right.
  {
    selector: 'edge',
    style: { 'curve-style': 'straight', 'source-endpoint': '90deg', 'target-endpoint': '270deg', 'target-arrow-shape': 'triangle', 'target-arrow-color': INK.edge, width: 1.5 },
  },
  ...inferredEdges,
  { selector: 'edge.inferred', style: { label: 'data(label)', 'font-size': 9, color: INK.text, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': '1px' } },
  { selector: 'node.step.goal.unlinked', style: { 'border-style': 'dashed', 'border-color': INK.muted } },
  ...states,
];

export const forumStyle: StylesheetJson = [
  ...base,
  { selector: 'node[type = "Forum"]', style: { width: 40, height: 28, 'font-weight': 'bold' } },
  { selector: 'node[type = "Forum"].overlap', style: { 'border-style': 'double', 'border-width': 7, 'border-color': INK.alert } },
  { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, color: INK.muted, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85 } },
  { selector: 'edge.convenes', style: { 'line-style': 'dashed', 'target-arrow-shape': 'triangle', 'target-arrow-color': INK.edge } },
  ...inferredEdges,
  ...states,
];
