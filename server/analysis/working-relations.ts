import { swedish } from './findings.ts';
import type { GraphSnapshot } from './snapshot.ts';

/**
 * Who works with whom, derived (never stored): two actors work together when
 * they share a forum, an activity (shared ansvar) or a collaboration.
 */

/** One actor's tie to a forum, activity or collaboration, as `analysis/list-actor-ties` returns it. */
export interface ActorTie {
  actor: string;
  context: string;
  name: string | null;
  via: 'MEMBER_OF' | 'CONVENES' | 'RESPONSIBLE_FOR' | 'PARTICIPATES_IN';
}

export type ContextKind = 'FORUM' | 'ACTIVITY' | 'COLLABORATION';

export interface SharedContext {
  id: string;
  name: string;
  kind: ContextKind;
}

export interface WorkingRelation {
  /** The two actors' ids, in sorted order. */
  actors: [string, string];
  shared: SharedContext[];
  strength: number;
}

/**
 * How much one shared context weighs. Shared ansvar and a named collaboration
 * bind more than sitting in the same forum.
 */
export const CONTEXT_WEIGHT: Record<ContextKind, number> = { FORUM: 1, ACTIVITY: 2, COLLABORATION: 2 };

const KIND_OF_TIE: Record<ActorTie['via'], ContextKind> = {
  MEMBER_OF: 'FORUM',
  CONVENES: 'FORUM',
  RESPONSIBLE_FOR: 'ACTIVITY',
  PARTICIPATES_IN: 'COLLABORATION',
};

/** Every pair of actors that share at least one context, strongest first. */
export function workingRelations(ties: readonly ActorTie[]): WorkingRelation[] {
  const contexts = new Map<string, { context: SharedContext; actors: Set<string> }>();
  for (const tie of ties) {
    let entry = contexts.get(tie.context);
    if (!entry) {
      entry = { context: { id: tie.context, name: tie.name ?? tie.context, kind: KIND_OF_TIE[tie.via] }, actors: new Set() };
      contexts.set(tie.context, entry);
    }
    entry.actors.add(tie.actor);
  }
  const pairs = new Map<string, WorkingRelation>();
  for (const { context, actors } of contexts.values()) {
    const members = [...actors].sort();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = `${members[i]}\u0000${members[j]}`;
        let relation = pairs.get(key);
        if (!relation) {
          relation = { actors: [members[i]!, members[j]!], shared: [], strength: 0 };
          pairs.set(key, relation);
        }
        relation.shared.push(context);
        relation.strength += CONTEXT_WEIGHT[context.kind];
      }
    }
  }
  const relations = [...pairs.values()];
  for (const relation of relations) relation.shared.sort((a, b) => a.kind.localeCompare(b.kind) || swedish.compare(a.name, b.name));
  return relations.sort(
    (a, b) => b.strength - a.strength || a.actors[0].localeCompare(b.actors[0]) || a.actors[1].localeCompare(b.actors[1]),
  );
}

/** A målområde and an område, as a relation filter gives them; null or absent limits nothing. */
export interface ContextScope {
  targetArea?: string | null;
  area?: string | null;
}

/**
 * The forums, activities and collaborations inside a målområde or område filter: the only shared
 * contexts a filtered relation counts, so its reasons and strength say what the filter says.
 * - An activity is inside when it contributes to an effektmål of the målområde (CONTRIBUTES_TO →
 *   IN_TARGET_AREA), and when it is in the område (IN_AREA); with both, it must be both.
 * - A forum is inside when it coordinates an activity inside (COORDINATES), or, with a målområde
 *   and no område, when it works on an effektmål of the målområde (WORKS_ON): a forum has no
 *   område of its own, so with an område only the activities it coordinates place it.
 * - A collaboration is inside when it is on an activity inside (ON) or through a forum inside (THROUGH).
 * Null when the scope limits nothing: every context counts.
 */
export function contextsInScope(snapshot: GraphSnapshot, scope: ContextScope): Set<string> | null {
  const { targetArea, area } = scope;
  if (!targetArea && !area) return null;
  const goalsInArea = new Set(snapshot.goals.filter((g) => targetArea && g.targetAreas.includes(targetArea)).map((g) => g.node.id));
  const inside = new Set<string>();
  for (const x of snapshot.activities) {
    const byGoal = !targetArea || x.goals.some((g) => goalsInArea.has(g));
    const byArea = !area || x.areas.includes(area);
    if (byGoal && byArea) inside.add(x.node.id);
  }
  for (const f of snapshot.forums) {
    if (f.activities.some((x) => inside.has(x)) || (!area && f.goals.some((g) => goalsInArea.has(g)))) inside.add(f.node.id);
  }
  for (const c of snapshot.collaborations) {
    if (c.activities.some((x) => inside.has(x)) || c.forums.some((f) => inside.has(f))) inside.add(c.node.id);
  }
  return inside;
}

/** A relation's reasons, in Swedish, one per shared context. */
export function reasonsOf(relation: WorkingRelation): string[] {
  const label: Record<ContextKind, string> = { FORUM: 'Delar forum', ACTIVITY: 'Delar ansvar för', COLLABORATION: 'Samverkar i' };
  return relation.shared.map((c) => `${label[c.kind]}: ${c.name}`);
}
