import type { ElementDefinition } from 'cytoscape';
import { type ActorSummary, type ForumOverlap, type ForumSummary, isInferred, type Named } from '../api/documents.ts';
import type { TableModel } from '../lib/csv.ts';
import { label, sv } from '../i18n/sv.ts';
import { confirmation } from '../edit/forum.ts';
import { actorLabel } from '../edit/actor.ts';
import { markedIf } from './chains.ts';
import { dayOf } from '../../server/domain/days.ts';

/** For each forum, the other forums an overlap finding says it could merge with. */
export function overlapPartners(overlaps: readonly ForumOverlap[]): Map<string, string[]> {
  const partners = new Map<string, string[]>();
  for (const finding of overlaps) {
    const forums = finding.subjectIds.filter((id) => id.startsWith('forum:'));
    for (const id of forums) partners.set(id, [...new Set([...(partners.get(id) ?? []), ...forums.filter((f) => f !== id)])]);
  }
  return partners;
}

/** Every actor that sits in or convenes a forum, by name: the matrix's columns. */
export function forumActors(forums: readonly ForumSummary[]): (Named & Partial<ActorSummary>)[] {
  const actors = new Map<string, Named & Partial<ActorSummary>>();
  for (const f of forums) {
    for (const m of f.members) actors.set(m.actor.id, m.actor);
    if (f.convenor && !actors.has(f.convenor.id)) actors.set(f.convenor.id, f.convenor);
  }
  return [...actors.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/**
 * Forums and their members as a two-kind graph: an edge per seat, labelled with
 * the role (an inferred seat dashed, its label saying "härlett"); a convenor
 * outside the forum by a dashed arrow.
 */
export function forumElements(forums: readonly ForumSummary[], overlaps: readonly ForumOverlap[]): ElementDefinition[] {
  const partners = overlapPartners(overlaps);
  const actorNodes = forumActors(forums).map((a): ElementDefinition => ({
    group: 'nodes',
    data: { id: a.id, type: 'Actor', label: a.shortName ?? a.name, name: a.name, tooltip: actorLabel({ name: a.name, shortName: a.shortName ?? null }), sector: a.sector ?? 'OVRIG', kind: a.kind ?? 'OVRIG' },
  }));
  const forumNodes = forums.map((f): ElementDefinition => ({ group: 'nodes', data: { id: f.id, type: 'Forum', label: f.name }, classes: partners.has(f.id) ? 'overlap' : '' }));
  const edges = forums.flatMap((f) => {
    const seats = f.members.map((m): ElementDefinition => ({
      group: 'edges',
      data: { id: `${m.actor.id}>${f.id}`, source: m.actor.id, target: f.id, label: markedIf(label(sv.roles, m.role), m.source) },
      classes: isInferred(m.source) ? 'inferred' : '',
    }));
    const convenes: ElementDefinition[] =
      f.convenor && !f.members.some((m) => m.actor.id === f.convenor!.id)
        ? [{ group: 'edges', data: { id: `${f.convenor.id}>convenes>${f.id}`, source: f.convenor.id, target: f.id, label: sv.roles.SAMMANKALLANDE }, classes: 'convenes' }]
        : [];
    return [...seats, ...convenes];
  });
  return [...forumNodes, ...actorNodes, ...edges];
}

/** The forum × actor matrix, a role in each cell where the actor sits. */
export function forumMatrix(forums: readonly ForumSummary[]): TableModel {
  const actors = forumActors(forums);
  return {
    caption: sv.forums.matrixCaption,
    columns: [sv.forums.columns.forum, ...actors.map((a) => a.name)],
    rows: forums.map((f) => {
      const roles = new Map(f.members.map((m) => [m.actor.id, markedIf(label(sv.roles, m.role), m.source)]));
      if (f.convenor && !roles.has(f.convenor.id)) roles.set(f.convenor.id, sv.roles.SAMMANKALLANDE!);
      return { key: f.id, cells: [f.name, ...actors.map((a) => roles.get(a.id) ?? '')] };
    }),
  };
}

/** When a forum was last confirmed, marked when never or more than twelve months ago. */
export function confirmationText(forum: Pick<ForumSummary, 'confirmedAt' | 'confirmationDueAt'>, now = new Date()): string {
  const state = confirmation(forum, now);
  const texts = sv.forumForm.confirmation;
  if (state === 'never') return texts.never!;
  const date = dayOf(forum.confirmedAt!);
  return state === 'stale' ? `${date} (${sv.forumForm.staleShort})` : date;
}

/** A forum's målgrupper in Swedish, in the vocabulary's order; '' for none. */
export const targetGroupsText = (forum: Pick<ForumSummary, 'targetGroups'>): string =>
  Object.keys(sv.forums.targetGroups).filter((code) => forum.targetGroups.includes(code)).map((code) => label(sv.forums.targetGroups, code)).join(', ');

/** Each forum's purpose, convenor, goals, målgrupper and overlaps: what the Beredningsgrupp inventories. */
export function forumDetails(forums: readonly ForumSummary[], overlaps: readonly ForumOverlap[], now = new Date()): TableModel {
  const partners = overlapPartners(overlaps);
  const names = new Map(forums.map((f) => [f.id, f.name]));
  const c = sv.forums.columns;
  const unknown = sv.forums.unknown;
  return {
    caption: sv.forums.detailsCaption,
    columns: [c.forum, c.purpose, c.convenor, c.goals, c.targetGroups, c.level, c.frequency, c.members, c.confirmed, c.overlap],
    rows: forums.map((f) => ({
      key: f.id,
      cells: [
        f.name,
        f.purpose ?? unknown,
        f.convenor?.name ?? unknown,
        f.goals.map((g) => g.text).join('; ') || unknown,
        targetGroupsText(f) || unknown,
        f.level ? label(sv.forums.levels, f.level) : unknown,
        f.meetingFrequency ?? unknown,
        String(f.members.length),
        confirmationText(f, now),
        (partners.get(f.id) ?? []).map((id) => names.get(id) ?? id).join('; '),
      ],
    })),
  };
}

/** The forums due for confirmation, in the server's order (soonest due first), with who convenes each: the convenors' list of what to confirm. */
export function dueTable(forums: readonly ForumSummary[]): TableModel {
  const d = sv.forums.due;
  return {
    caption: d.caption,
    columns: [d.columns.forum, d.columns.convenor, d.columns.confirmed, d.columns.due],
    rows: forums.map((f) => ({
      key: f.id,
      cells: [f.name, f.convenor?.name ?? sv.forums.unknown, f.confirmedAt ? dayOf(f.confirmedAt) : sv.forumForm.confirmation.never!, f.confirmationDueAt ? dayOf(f.confirmationDueAt) : d.now],
    })),
  };
}
