import { type Sector, sectorOf } from '../domain/sectors.ts';
import type { GraphSnapshot, NodeProps } from './snapshot.ts';
import { pushTo } from './push-to.ts';

/** Lookups the rules share, built once per snapshot. */
export interface GraphIndex {
  snapshot: GraphSnapshot;
  nodes: Map<string, NodeProps>;
  /** A node's display name: name, title or text. */
  name(id: string): string;
  sectorOfActor(id: string): Sector | undefined;
  activitiesOfGoal: Map<string, string[]>;
  forumsOfGoal: Map<string, string[]>;
  /** Actors that act on a goal: ansvar for an activity on it, or a seat in a forum that works on it. */
  actorsOfGoal: Map<string, Set<string>>;
  targetAreasOfGoal: Map<string, string[]>;
  /** The målområden an activity serves, through its goals and strategies. */
  targetAreasOfActivity: Map<string, string[]>;
  /** Actor pairs that are the same organisation (one is part of the other). */
  related(a: string, b: string): boolean;
}

export function buildIndex(snapshot: GraphSnapshot): GraphIndex {
  const nodes = new Map<string, NodeProps>();
  for (const rows of [snapshot.actors, snapshot.goals, snapshot.activities, snapshot.forums, snapshot.strategies,
    snapshot.policyDocuments, snapshot.collaborations, snapshot.targetAreas, snapshot.areas]) {
    for (const row of rows) nodes.set(row.node.id, row.node);
  }
  const kinds = new Map(snapshot.actors.map((a) => [a.node.id, a.node.kind]));
  const parents = new Map(snapshot.actors.map((a) => [a.node.id, a.parents]));
  const ancestors = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(parents.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(parents.get(next) ?? []));
    }
    return seen;
  };
  const ancestorCache = new Map<string, Set<string>>();
  const ancestorsOf = (id: string) => {
    let set = ancestorCache.get(id);
    if (!set) ancestorCache.set(id, (set = ancestors(id)));
    return set;
  };

  const targetAreasOfGoal = new Map(snapshot.goals.map((g) => [g.node.id, g.targetAreas]));
  const targetAreasOfStrategy = new Map(snapshot.strategies.map((s) => [s.node.id, s.targetAreas]));
  const activitiesOfGoal = new Map<string, string[]>();
  const forumsOfGoal = new Map<string, string[]>();
  const actorsOfGoal = new Map<string, Set<string>>();
  const targetAreasOfActivity = new Map<string, string[]>();
  const addActor = (goal: string, actor: string) => {
    let set = actorsOfGoal.get(goal);
    if (!set) actorsOfGoal.set(goal, (set = new Set()));
    set.add(actor);
  };
  for (const x of snapshot.activities) {
    const areas = new Set<string>();
    for (const goal of x.goals) {
      pushTo(activitiesOfGoal, goal, x.node.id);
      for (const actor of x.responsible) addActor(goal, actor);
      for (const t of targetAreasOfGoal.get(goal) ?? []) areas.add(t);
    }
    for (const s of x.strategies) for (const t of targetAreasOfStrategy.get(s) ?? []) areas.add(t);
    targetAreasOfActivity.set(x.node.id, [...areas]);
  }
  for (const f of snapshot.forums) {
    for (const goal of f.goals) {
      pushTo(forumsOfGoal, goal, f.node.id);
      for (const actor of [...f.members, ...f.convenors]) addActor(goal, actor);
    }
  }
  return {
    snapshot,
    nodes,
    name: (id) => {
      const node = nodes.get(id);
      return String(node?.name ?? node?.title ?? node?.text ?? id);
    },
    sectorOfActor: (id) => {
      const kind = kinds.get(id);
      return kind ? sectorOf(kind) : undefined;
    },
    activitiesOfGoal,
    forumsOfGoal,
    actorsOfGoal,
    targetAreasOfGoal,
    targetAreasOfActivity,
    related: (a, b) => ancestorsOf(a).has(b) || ancestorsOf(b).has(a),
  };
}
