import type cytoscape from 'cytoscape';
import type { StylesheetJson } from 'cytoscape';

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
  OVRIG: 'ellipse',
};

export const networkStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': (node) => SECTOR_COLOURS[node.data('sector') as string] ?? '#5f6368',
      shape: (node) => (KIND_SHAPES[node.data('kind') as string] ?? 'ellipse') as never,
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      width: 26,
      height: 26,
    },
  },
  {
    selector: 'edge',
    style: {
      width: (edge: cytoscape.EdgeSingular) => Math.min(1 + Number(edge.data('strength')), 10),
      'line-color': '#9aa0a6',
      'curve-style': 'haystack',
      opacity: 0.7,
    },
  },
  { selector: ':selected', style: { 'border-width': 4, 'border-color': '#1b1b1b', 'line-color': '#1b1b1b', opacity: 1 } },
  { selector: '.faded', style: { opacity: 0.15 } },
];
