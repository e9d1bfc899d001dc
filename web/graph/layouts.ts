import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

/** From this many nodes on, the force layout stops at its spectral draft: a region's graph then lays out in a second, not ten. */
export const LARGE_GRAPH = 400;

/**
 * A force layout for actor graphs: fCoSE, because it packs the many small
 * components of a city's graph side by side and stays fast at the size of a
 * region (plain cose is quadratic per iteration and takes minutes there).
 * Layouts draw on Math.random; the controller runs them `seeded`, so a copied
 * link shows the same picture.
 */
export function forceLayout(nodes: number): LayoutOptions {
  return {
    name: 'fcose',
    quality: nodes >= LARGE_GRAPH ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: true,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 90,
    edgeElasticity: () => 0.3,
    gravity: 0.25,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
  } as LayoutOptions;
}

/**
 * The force layout of the groups (web/graph/aggregate.ts): fCoSE as for
 * actors, with five times the repulsion. Measured on the national graph (291
 * groups, nearly all joined to the one of regions and state agencies), nodes
 * overlapping in pairs go from 605 to 228 and the layout takes 180 ms, not 440.
 */
export function summaryLayout(nodes: number): LayoutOptions {
  return { ...forceLayout(nodes), nodeRepulsion: () => 45_000 } as LayoutOptions;
}

/** What the layout worker (layout-worker.ts) is given: the nodes with the sizes the page measured, and the edges. */
export interface LayoutJob {
  nodes: { id: string; parent?: string; w: number; h: number; padding: number }[];
  edges: { id: string; source: string; target: string }[];
}

/** Where the worker put each node that is not a compound (those stand around their children). */
export type LayoutResult = Record<string, { x: number; y: number }>;

/**
 * Where a large graph's nodes stand for its first frame while the force
 * layout runs in a worker: a grid, largest group first (`count`), as cheap
 * as drawing. The user can read and open the groups meanwhile.
 */
export const quickLayout: LayoutOptions = {
  name: 'grid',
  fit: false,
  animate: false,
  avoidOverlap: true,
  avoidOverlapPadding: 8,
  nodeDimensionsIncludeLabels: true,
  sort: (a: { data(k: string): number | undefined }, b: { data(k: string): number | undefined }) => (b.data('count') ?? 0) - (a.data('count') ?? 0),
} as LayoutOptions;

/** Nodes already placed by a builder (the taxonomy's columns, the chains' rows). */
export const presetLayout: LayoutOptions = { name: 'preset', fit: true, padding: 24 };

/** The nodes a finding concerns in the middle, their neighbours around them. */
export const ringsLayout: LayoutOptions = {
  name: 'concentric',
  concentric: (node: { hasClass(c: string): boolean }) => (node.hasClass('subject') ? 2 : 1),
  levelWidth: () => 1,
  minNodeSpacing: 60,
  animate: false,
  fit: true,
  padding: 30,
} as unknown as LayoutOptions;

/** Runs `fn` with Math.random replaced by a fixed-seed generator (mulberry32). */
export function seeded<T>(fn: () => T, seed = 20_240_901): T {
  const original = Math.random;
  let state = seed >>> 0;
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
