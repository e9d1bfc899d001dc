import type { GraphStore } from '../store/port.ts';
import { type Finding, type FindingFilter, filterFindings } from './findings.ts';
import { type GapOptions, findGaps } from './gaps.ts';
import { type GraphIndex, buildIndex } from './graph-index.ts';
import { type OverlapOptions, findOverlaps } from './overlaps.ts';
import { readSnapshot } from './snapshot.ts';

export type { Finding, FindingFilter } from './findings.ts';

/** One read of the graph, indexed for the rules. */
export async function readIndex(store: GraphStore): Promise<GraphIndex> {
  return buildIndex(await readSnapshot(store));
}

export function gapReport(ix: GraphIndex, filter: FindingFilter = {}, options: GapOptions = {}): Finding[] {
  return filterFindings(findGaps(ix, options), filter);
}

export function overlapReport(ix: GraphIndex, filter: FindingFilter = {}, options: OverlapOptions = {}): Finding[] {
  return filterFindings(findOverlaps(ix, options), filter);
}
