import { type Finding, distinct, jaccard, list, percent, q } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';
import { DEFAULT_MEETING_LOAD, DEFAULT_MEMBER_OVERLAP, MIN_SHARED_MEMBERS } from './rules.ts';

export interface OverlapOptions {
  /** Member Jaccard from which two forums count as merge candidates. */
  memberOverlap?: number;
  /** How many forums on one goal make a meeting load for one actor. */
  meetingLoad?: number;
}

export const DEFAULT_OVERLAP_OPTIONS: Required<OverlapOptions> = { memberOverlap: DEFAULT_MEMBER_OVERLAP, meetingLoad: DEFAULT_MEETING_LOAD };

/**
 * Every pair of sets that share at least `minShared` members and whose Jaccard similarity reaches
 * `threshold`, as index pairs [i, j], i < j. Prefix filtering: with each set's members ordered
 * rarest first, two sets that share k members share one among the first |A| − k + 1 of each, and
 * k is at least ⌈t·|A|⌉ and `minShared`; only those prefixes are indexed, so an actor that sits in
 * hundreds of forums (a region, a state agency) is almost never in one, and the pairs tried stay
 * near the pairs found.
 */
export function similarPairs(sets: readonly ReadonlySet<string>[], threshold: number, minShared = 1): [number, number][] {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const m of set) frequency.set(m, (frequency.get(m) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const byMember = new Map<string, number[]>();
  const tried = new Set<number>();
  const found: [number, number][] = [];
  sets.forEach((set, j) => {
    // The 1e-9 keeps t·|A| that is a whole number in floating point from rounding up a step.
    const shared = Math.max(minShared, Math.ceil(threshold * set.size - 1e-9));
    if (set.size < shared) return;
    const prefix = [...set].sort(rarestFirst).slice(0, set.size - shared + 1);
    for (const m of prefix) {
      for (const i of byMember.get(m) ?? []) {
        const key = i * sets.length + j;
        if (tried.has(key)) continue;
        tried.add(key);
        if (jaccard(sets[i]!, set) >= threshold && [...set].filter((x) => sets[i]!.has(x)).length >= minShared) found.push([i, j]);
      }
      (byMember.get(m) ?? byMember.set(m, []).get(m)!).push(j);
    }
  });
  return found;
}

/**
 * Forums whose members overlap heavily: merge candidates. Sharing an effektmål as well makes it
 * MEDIUM; membership alone (at least MIN_SHARED_MEMBERS shared) LOW, saying no shared goal is
 * recorded: most forums' goals are not, and the overlap is worth a look all the same.
 */
export function forumMergeCandidates(ix: GraphIndex, threshold: number): Finding[] {
  const forums = ix.snapshot.forums.map((f) => ({ row: f, members: new Set([...f.members, ...f.convenors]), goals: new Set(f.goals) }));
  const candidates = new Map<number, [number, number]>();
  // Forums on one goal, by an inverted index by goal: one shared member may be enough there.
  const byGoal = new Map<string, number[]>();
  forums.forEach((f, i) => f.goals.forEach((g) => (byGoal.get(g) ?? byGoal.set(g, []).get(g)!).push(i)));
  for (const indexes of byGoal.values()) {
    for (let x = 0; x < indexes.length; x++) {
      for (let y = x + 1; y < indexes.length; y++) candidates.set(indexes[x]! * forums.length + indexes[y]!, [indexes[x]!, indexes[y]!]);
    }
  }
  for (const [i, j] of similarPairs(forums.map((f) => f.members), threshold, MIN_SHARED_MEMBERS)) candidates.set(i * forums.length + j, [i, j]);
  const pairs = [...candidates.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const findings: Finding[] = [];
  for (const [i, j] of pairs) {
    const a = forums[i]!;
    const b = forums[j]!;
    const sharedGoals = [...a.goals].filter((g) => b.goals.has(g));
    const sharedMembers = [...a.members].filter((m) => b.members.has(m));
    const members = jaccard(a.members, b.members);
    if (members < threshold || (sharedGoals.length === 0 && sharedMembers.length < MIN_SHARED_MEMBERS)) continue;
    const overlap = `${q(a.row.node.name)} och ${q(b.row.node.name)} delar ${sharedMembers.length} av ${a.members.size + b.members.size - sharedMembers.length} medlemmar (${percent(members)}, gräns ${percent(threshold)})`;
    const names = `${a.row.node.name} och ${b.row.node.name}`;
    const metrics = { memberJaccard: members, goalJaccard: jaccard(a.goals, b.goals), sharedMembers: sharedMembers.length, sharedGoals: sharedGoals.length };
    if (sharedGoals.length > 0) {
      findings.push({
        rule: 'forum-merge-candidate',
        title: `Överlappande forum: ${names}`,
        severity: 'MEDIUM',
        subjects: [a.row.node.id, b.row.node.id, ...sharedGoals],
        evidence: `${overlap} och arbetar båda med ${list(sharedGoals.map((g) => q(ix.name(g))))}.`,
        action: `Överväg att slå samman ${names}, eller samordna deras möten, för att undvika dubbelarbete.`,
        metrics,
        scope: { targetAreas: distinct(sharedGoals, (g) => ix.targetAreasOfGoal.get(g)), areas: [], actors: sharedMembers },
      });
    } else {
      const activities = distinct([a.row.activities, b.row.activities], (x) => x);
      findings.push({
        rule: 'forum-merge-candidate',
        title: `Forum med nästan samma medlemmar: ${names}`,
        severity: 'LOW',
        subjects: [a.row.node.id, b.row.node.id],
        evidence: `${overlap}. Inget gemensamt effektmål är registrerat för dem, så det är inte känt om de arbetar med samma sak.`,
        action: `Ta reda på vilka effektmål ${names} arbetar med, och överväg att slå samman dem eller samordna deras möten om de är desamma.`,
        metrics,
        scope: { targetAreas: distinct(activities, (x) => ix.targetAreasOfActivity.get(x)), areas: [], actors: sharedMembers },
      });
    }
  }
  return findings;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Activities by different actors on the same goal with the same short-term effect. */
export function duplicateActivities(ix: GraphIndex): Finding[] {
  const groups = new Map<string, { goal: string; effect: string; activities: typeof ix.snapshot.activities }>();
  for (const x of ix.snapshot.activities) {
    if (!x.node.shortTermEffect) continue;
    for (const goal of x.goals) {
      const key = `${goal}\u0000${normalise(x.node.shortTermEffect)}`;
      const group = groups.get(key) ?? { goal, effect: x.node.shortTermEffect, activities: [] };
      group.activities.push(x);
      groups.set(key, group);
    }
  }
  const findings: Finding[] = [];
  for (const { goal, effect, activities } of groups.values()) {
    const owners = new Set(activities.map((x) => [...x.responsible].sort().join('+')));
    if (activities.length < 2 || owners.size < 2) continue;
    const actors = distinct(activities, (x) => x.responsible);
    findings.push({
      rule: 'duplicate-activity',
      title: `Flera aktiviteter med samma effekt: ${effect}`,
      severity: 'MEDIUM',
      subjects: [...activities.map((x) => x.node.id), goal],
      evidence: `${activities.length} aktiviteter (${list(activities.map((x) => q(x.node.name)))}) med olika ansvariga (${list(actors.map(ix.name))}) ska alla ge den kortsiktiga effekten ${q(effect)} för effektmålet ${q(ix.name(goal))}.`,
      action: 'Överväg att samordna aktiviteterna under ett gemensamt ansvar för att undvika dubbelarbete.',
      metrics: { activities: activities.length, actors: actors.length },
      scope: { targetAreas: ix.targetAreasOfGoal.get(goal) ?? [], areas: distinct(activities, (x) => x.areas), actors },
    });
  }
  return findings;
}

/** Actors that sit in many forums for one goal. */
export function meetingLoad(ix: GraphIndex, minimum: number): Finding[] {
  // By actor, then goal; `entries` keeps the order each (actor, goal) was first seen in.
  const byActor = new Map<string, Map<string, { actor: string; goal: string; forums: string[] }>>();
  const entries: { actor: string; goal: string; forums: string[] }[] = [];
  for (const f of ix.snapshot.forums) {
    for (const actor of new Set([...f.members, ...f.convenors])) {
      let byGoal = byActor.get(actor);
      if (!byGoal) byActor.set(actor, (byGoal = new Map()));
      for (const goal of f.goals) {
        let entry = byGoal.get(goal);
        if (!entry) {
          byGoal.set(goal, (entry = { actor, goal, forums: [] }));
          entries.push(entry);
        }
        entry.forums.push(f.node.id);
      }
    }
  }
  return entries
    .filter((e) => e.forums.length >= minimum)
    .map(({ actor, goal, forums }) => ({
      rule: 'meeting-load',
      title: `Mötesbörda: ${ix.name(actor)} i ${forums.length} forum för samma mål`,
      severity: 'LOW' as const,
      subjects: [actor, goal, ...forums],
      evidence: `${q(ix.name(actor))} sitter i ${forums.length} forum (${list(forums.map((f) => q(ix.name(f))))}) som alla arbetar med ${q(ix.name(goal))}; gränsen är ${minimum}.`,
      action: `Överväg om ${ix.name(actor)} kan företrädas i färre forum, eller om forumen kan samordnas.`,
      metrics: { forums: forums.length, threshold: minimum },
      scope: { targetAreas: ix.targetAreasOfGoal.get(goal) ?? [], areas: [], actors: [actor] },
    }));
}

/** Work the documents say must be coordinated, with no forum that coordinates it. */
export function uncoordinatedWork(ix: GraphIndex): Finding[] {
  const coordinatedBy = new Map<string, Set<string>>();
  for (const f of ix.snapshot.forums) for (const x of f.activities) (coordinatedBy.get(x) ?? coordinatedBy.set(x, new Set()).get(x)!).add(f.node.id);
  const links = [
    ...ix.snapshot.activities.flatMap((x) => x.coordinateWith.map((to) => [x.node.id, to] as const)),
    ...ix.snapshot.forums.flatMap((f) => f.coordinateWith.map((to) => [f.node.id, to] as const)),
  ];
  const forumIds = new Set(ix.snapshot.forums.map((f) => f.node.id));
  // A link is honoured when one forum coordinates both ends, or when one end is a forum that coordinates the other.
  const honoured = (a: string, b: string) => {
    const forumsOf = (id: string) => (forumIds.has(id) ? new Set([id]) : coordinatedBy.get(id) ?? new Set<string>());
    const fa = forumsOf(a);
    return [...forumsOf(b)].some((f) => fa.has(f)) || coordinatedBy.get(b)?.has(a) || coordinatedBy.get(a)?.has(b);
  };
  return links
    .filter(([a, b]) => !honoured(a, b))
    .map(([a, b]) => ({
      rule: 'uncoordinated-work',
      title: `Ska samordnas: ${ix.name(a)} och ${ix.name(b)}`,
      severity: 'MEDIUM' as const,
      subjects: [a, b],
      evidence: `Styrdokumenten säger att ${q(ix.name(a))} och ${q(ix.name(b))} behöver samordnas för att undvika dubbelarbete, men inget forum i kartan samordnar dem.`,
      action: `Utse ett forum som samordnar ${ix.name(a)} och ${ix.name(b)}.`,
      metrics: { coordinatingForums: 0 },
      scope: { targetAreas: distinct([a, b], (id) => ix.targetAreasOfActivity.get(id)), areas: [], actors: [] },
    }));
}

/** Every overlap rule over one snapshot. */
export function findOverlaps(ix: GraphIndex, options: OverlapOptions = {}): Finding[] {
  const o = {
    memberOverlap: options.memberOverlap ?? DEFAULT_OVERLAP_OPTIONS.memberOverlap,
    meetingLoad: options.meetingLoad ?? DEFAULT_OVERLAP_OPTIONS.meetingLoad,
  };
  return [...forumMergeCandidates(ix, o.memberOverlap), ...duplicateActivities(ix), ...meetingLoad(ix, o.meetingLoad), ...uncoordinatedWork(ix)];
}
