import type { GraphIndex } from './graph-index.ts';

/*
 * The report builders' grouped counts, from the same read of the graph as the
 * rules: how many activities per målområde, effektmål, actor (ansvar) and
 * område, how many forums per actor and målgrupp. Every group of the kind is
 * listed, those with none too: an empty group is what a report is looking for.
 */

export const ACTIVITY_GROUPINGS = ['TARGET_AREA', 'GOAL', 'ACTOR', 'AREA'] as const;
export type ActivityGrouping = (typeof ACTIVITY_GROUPINGS)[number];
export const FORUM_GROUPINGS = ['ACTOR', 'TARGET_AREA', 'TARGET_GROUP'] as const;
export type ForumGrouping = (typeof FORUM_GROUPINGS)[number];

export interface GroupCount {
  /** The group's id (a node id, or a målgrupp). */
  key: string;
  name: string;
  count: number;
}

const swedish = new Intl.Collator('sv');

/** Counts each item once per group it is in; groups in `all` with none are kept at 0. Most first, then by name. */
function countInto(all: readonly string[], items: readonly string[][], name: (key: string) => string): GroupCount[] {
  const counts = new Map(all.map((key) => [key, 0]));
  for (const keys of items) for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, name: name(key), count }))
    .sort((a, b) => b.count - a.count || swedish.compare(a.name, b.name));
}

export function activityCounts(ix: GraphIndex, by: ActivityGrouping): GroupCount[] {
  const s = ix.snapshot;
  const ids = (rows: readonly { node: { id: string } }[]) => rows.map((r) => r.node.id);
  const groups: Record<ActivityGrouping, [string[], (a: (typeof s.activities)[number]) => string[]]> = {
    TARGET_AREA: [ids(s.targetAreas), (a) => ix.targetAreasOfActivity.get(a.node.id) ?? []],
    GOAL: [ids(s.goals), (a) => a.goals],
    ACTOR: [ids(s.actors), (a) => a.responsible],
    AREA: [ids(s.areas), (a) => a.areas],
  };
  const [all, keysOf] = groups[by];
  return countInto(all, s.activities.map(keysOf), (key) => ix.name(key));
}

export function forumCounts(ix: GraphIndex, by: ForumGrouping, targetGroups: readonly string[]): GroupCount[] {
  const s = ix.snapshot;
  const ids = (rows: readonly { node: { id: string } }[]) => rows.map((r) => r.node.id);
  const groups: Record<ForumGrouping, [readonly string[], (f: (typeof s.forums)[number]) => string[]]> = {
    ACTOR: [ids(s.actors), (f) => [...f.members, ...f.convenors]],
    TARGET_AREA: [ids(s.targetAreas), (f) => f.goals.flatMap((g) => ix.targetAreasOfGoal.get(g) ?? [])],
    TARGET_GROUP: [targetGroups, (f) => f.node.targetGroups ?? []],
  };
  const [all, keysOf] = groups[by];
  return countInto(all, s.forums.map(keysOf), (key) => (by === 'TARGET_GROUP' ? key : ix.name(key)));
}
