import { q } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';

/*
 * What changed on the map between two days: the map as of each day compared,
 * in pure code. A forum that started brings its seats with it, so its seats
 * are not listed again; the same for an activity's ansvar and a
 * collaboration's participants.
 */

export const MAP_CHANGE_KINDS = [
  'FORUM_STARTED',
  'FORUM_ENDED',
  'ACTIVITY_STARTED',
  'ACTIVITY_ENDED',
  'COLLABORATION_STARTED',
  'COLLABORATION_ENDED',
  'MEMBERSHIP_GAINED',
  'MEMBERSHIP_LOST',
  'RESPONSIBILITY_GAINED',
  'RESPONSIBILITY_LOST',
  'RESPONSIBILITY_MOVED',
  'PARTICIPATION_GAINED',
  'PARTICIPATION_LOST',
  'LEVEL_CHANGED',
  'FINDING_APPEARED',
  'FINDING_DISAPPEARED',
] as const;
export type MapChangeKind = (typeof MAP_CHANGE_KINDS)[number];

export interface MapChange {
  kind: MapChangeKind;
  /** The nodes it concerns, the one that changed first. */
  subjects: string[];
  /** In Swedish, naming the nodes. */
  description: string;
}

/** One day's map: the graph as of it, each collaboration's level then, and the findings then (by finding id). */
export interface MapAsOf {
  index: GraphIndex;
  levels: ReadonlyMap<string, number | null>;
  findings: ReadonlyMap<string, { title: string; subjects: string[] }>;
}

type Kinds = { started: MapChangeKind; ended: MapChangeKind };

/** The changes from `before` to `after`, in the order of MAP_CHANGE_KINDS, then by subject. */
export function mapChanges(before: MapAsOf, after: MapAsOf): MapChange[] {
  const changes: MapChange[] = [];
  const name = (id: string) => q(after.index.name(id) === id ? before.index.name(id) : after.index.name(id));
  const nodes = (
    pick: (ix: GraphIndex) => { node: { id: string } }[],
    kinds: Kinds,
    what: string,
  ): { started: Set<string>; ended: Set<string> } => {
    const was = new Set(pick(before.index).map((r) => r.node.id));
    const is = new Set(pick(after.index).map((r) => r.node.id));
    const started = new Set([...is].filter((id) => !was.has(id)));
    const ended = new Set([...was].filter((id) => !is.has(id)));
    for (const id of started) changes.push({ kind: kinds.started, subjects: [id], description: `${what} ${name(id)} startade.` });
    for (const id of ended) changes.push({ kind: kinds.ended, subjects: [id], description: `${what} ${name(id)} avslutades.` });
    return { started, ended };
  };
  const forums = nodes((ix) => ix.snapshot.forums, { started: 'FORUM_STARTED', ended: 'FORUM_ENDED' }, 'Forumet');
  const activities = nodes((ix) => ix.snapshot.activities, { started: 'ACTIVITY_STARTED', ended: 'ACTIVITY_ENDED' }, 'Aktiviteten');
  const collaborations = nodes((ix) => ix.snapshot.collaborations, { started: 'COLLABORATION_STARTED', ended: 'COLLABORATION_ENDED' }, 'Samverkan');

  /** Actor → node pairs of one kind of seat, without those of nodes that started or ended. */
  const seats = (pick: (ix: GraphIndex) => [string, string][], changed: { started: Set<string>; ended: Set<string> }) => {
    const pairs = (ix: GraphIndex) => new Set(pick(ix).filter(([, node]) => !changed.started.has(node) && !changed.ended.has(node)).map((p) => p.join('\u0000')));
    const was = pairs(before.index);
    const is = pairs(after.index);
    const split = (key: string) => key.split('\u0000') as [string, string];
    return { gained: [...is].filter((k) => !was.has(k)).map(split), lost: [...was].filter((k) => !is.has(k)).map(split) };
  };

  const members = seats((ix) => ix.snapshot.forums.flatMap((f) => f.members.map((a): [string, string] => [a, f.node.id])), forums);
  for (const [actor, forum] of members.gained) changes.push({ kind: 'MEMBERSHIP_GAINED', subjects: [forum, actor], description: `${name(actor)} blev medlem i ${name(forum)}.` });
  for (const [actor, forum] of members.lost) changes.push({ kind: 'MEMBERSHIP_LOST', subjects: [forum, actor], description: `${name(actor)} lämnade ${name(forum)}.` });

  const ansvar = seats((ix) => ix.snapshot.activities.flatMap((x) => x.responsible.map((a): [string, string] => [a, x.node.id])), activities);
  const lostBy = Map.groupBy(ansvar.lost, ([, activity]) => activity);
  const moved = new Set<string>();
  for (const [actor, activity] of ansvar.gained) {
    const from = lostBy.get(activity)?.map(([was]) => was);
    if (from?.length) {
      moved.add(activity);
      changes.push({ kind: 'RESPONSIBILITY_MOVED', subjects: [activity, ...from, actor], description: `Ansvaret för ${name(activity)} gick från ${from.map(name).join(', ')} till ${name(actor)}.` });
    } else {
      changes.push({ kind: 'RESPONSIBILITY_GAINED', subjects: [activity, actor], description: `${name(actor)} fick ansvar för ${name(activity)}.` });
    }
  }
  for (const [actor, activity] of ansvar.lost) {
    if (!moved.has(activity)) changes.push({ kind: 'RESPONSIBILITY_LOST', subjects: [activity, actor], description: `${name(actor)} har inte längre ansvar för ${name(activity)}.` });
  }

  const parts = seats((ix) => ix.snapshot.collaborations.flatMap((c) => c.participants.map((a): [string, string] => [a, c.node.id])), collaborations);
  for (const [actor, c] of parts.gained) changes.push({ kind: 'PARTICIPATION_GAINED', subjects: [c, actor], description: `${name(actor)} började delta i ${name(c)}.` });
  for (const [actor, c] of parts.lost) changes.push({ kind: 'PARTICIPATION_LOST', subjects: [c, actor], description: `${name(actor)} deltar inte längre i ${name(c)}.` });

  for (const [id, level] of after.levels) {
    const was = before.levels.get(id) ?? null;
    if (before.levels.has(id) && was !== level) {
      changes.push({ kind: 'LEVEL_CHANGED', subjects: [id], description: `${name(id)} gick från nivå ${was ?? 'ej skattad'} till nivå ${level ?? 'ej skattad'}.` });
    }
  }

  for (const [id, f] of after.findings) {
    if (!before.findings.has(id)) changes.push({ kind: 'FINDING_APPEARED', subjects: f.subjects, description: `Nytt fynd: ${f.title}.` });
  }
  for (const [id, f] of before.findings) {
    if (!after.findings.has(id)) changes.push({ kind: 'FINDING_DISAPPEARED', subjects: f.subjects, description: `Fyndet finns inte längre: ${f.title}.` });
  }
  const order = (kind: MapChangeKind) => MAP_CHANGE_KINDS.indexOf(kind);
  return changes.sort((a, b) => order(a.kind) - order(b.kind) || a.subjects.join('|').localeCompare(b.subjects.join('|')));
}
