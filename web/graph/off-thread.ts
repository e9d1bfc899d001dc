import type { Core, LayoutOptions } from 'cytoscape';
import { type LayoutJob, type LayoutResult, summaryLayout, seeded } from './layouts.ts';

/**
 * The groups' force layout (summaryLayout) of what `cy` holds, run in a web worker: the nodes' sizes
 * (labels included) are measured here, where there is a canvas to measure
 * text with, and the worker returns the positions. Where no worker can start
 * (an old browser, a policy that forbids it) the layout runs here instead,
 * with the same options and seed, so the picture is the same either way.
 */
export function forcePositions(cy: Core): Promise<LayoutResult> {
  let worker: Worker;
  try {
    worker = spare ?? startWorker();
  } catch {
    return Promise.resolve(onThisThread(cy));
  } finally {
    spare = null;
  }
  const job: LayoutJob = {
    nodes: cy.nodes().map((n) => {
      const { w, h } = n.layoutDimensions({ nodeDimensionsIncludeLabels: true });
      return { id: n.id(), parent: n.isChild() ? n.parent().first().id() : undefined, w, h, padding: n.isParent() ? n.numericStyle('padding') : 0 };
    }),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
  };
  return new Promise<LayoutResult>((resolve, reject) => {
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<LayoutResult>) => {
      done();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(event.message));
    };
    worker.postMessage(job);
  }).catch(() => onThisThread(cy));
}

/** A worker started before its job, by `prepareLayoutWorker`. */
let spare: Worker | null = null;

const startWorker = () => new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });

/**
 * Starts the next layout's worker now, so it loads and compiles its code
 * (Cytoscape and fCoSE) while the page waits for the data to lay out.
 */
export function prepareLayoutWorker(): void {
  try {
    spare ??= startWorker();
  } catch {
    // forcePositions lays out on the page instead.
  }
}

function onThisThread(cy: Core): LayoutResult {
  seeded(() => cy.layout({ ...summaryLayout(cy.nodes().length), fit: false } as LayoutOptions).run());
  return Object.fromEntries(cy.nodes().filter((n) => !n.isParent()).nodes().map((n) => [n.id(), { ...n.position() }]));
}
