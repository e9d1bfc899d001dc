import type { LayoutOptions } from 'cytoscape';

/**
 * A force layout for actor graphs. Cytoscape's layouts draw on Math.random;
 * `seeded` makes a run repeatable, so a copied link shows the same picture.
 */
export const forceLayout: LayoutOptions = {
  name: 'cose',
  animate: false,
  randomize: true,
  fit: true,
  padding: 30,
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: () => 400_000,
  idealEdgeLength: () => 60,
  edgeElasticity: () => 100,
  nestingFactor: 1,
  gravity: 60,
  numIter: 2500,
  componentSpacing: 80,
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
