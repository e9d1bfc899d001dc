import type { GraphStore } from '../store/port.ts';
import { type Finding, type FindingFilter, filterFindings } from './findings.ts';
import { type GapOptions, findGaps } from './gaps.ts';
import { type GraphIndex, buildIndex } from './graph-index.ts';
import { type OverlapOptions, findOverlaps } from './overlaps.ts';
import { readSnapshot } from './snapshot.ts';
import { type AssessmentRecord, standingsByCollaboration } from './taxonomy.ts';
import type { Level } from '../domain/instrument.ts';
import { endOfDay, today } from '../domain/days.ts';

export type { Finding, FindingFilter } from './findings.ts';

/** One read of the graph (as of `asOf`, when given), indexed for the rules. */
export async function readIndex(store: GraphStore, asOf: string | null = null): Promise<GraphIndex> {
  return buildIndex(await readSnapshot(store, asOf));
}

/** What the gap rules need from the taxonomy: each assessed collaboration's level and target. */
export async function readGapOptions(store: GraphStore, ix: GraphIndex, asOf: string | null = null): Promise<GapOptions> {
  const records = await store.read<AssessmentRecord>('assessment/list-assessments', { asOf });
  const targets = new Map(ix.snapshot.collaborations.map((c) => [c.node.id, (c.node.targetLevel ?? null) as Level | null]));
  const standings = standingsByCollaboration(records, targets);
  const placements = new Map([...standings].map(([id, s]) => [id, { level: s.level, target: s.target }]));
  // A past day's rules about age count from that day; today's from now.
  return asOf && asOf < today() ? { placements, now: endOfDay(asOf) } : { placements };
}

export function gapReport(ix: GraphIndex, filter: FindingFilter = {}, options: GapOptions = {}): Finding[] {
  return filterFindings(findGaps(ix, options), filter);
}

export function overlapReport(ix: GraphIndex, filter: FindingFilter = {}, options: OverlapOptions = {}): Finding[] {
  return filterFindings(findOverlaps(ix, options), filter);
}
