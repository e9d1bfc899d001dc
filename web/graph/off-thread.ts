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
    worker = startWorker();
  } catch {
    return Promise.resolve(onThisThread(cy));
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

/**
 * Started for each job, once the first frame is drawn (GraphController.showOffThread), not while
 * the page waits for the data: loading and compiling its code (Cytoscape and fCoSE) beside the
 * first frame slowed that frame on two cores (measured by bench:web at 49 municipalities: 1.32×
 * bare Cytoscape started before the data came, 0.99× started after).
 */
const startWorker = () => new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });

function onThisThread(cy: Core): LayoutResult {
  seeded(() => cy.layout({ ...summaryLayout(cy.nodes().length), fit: false } as LayoutOptions).run());
  return Object.fromEntries(cy.nodes().filter((n) => !n.isParent()).nodes().map((n) => [n.id(), { ...n.position() }]));
}
