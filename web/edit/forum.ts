import type { ForumSummary as EditableForum } from '../api/documents.ts';
import { sv } from '../i18n/sv.ts';

/** A forum as its form holds it: every field a string, '' for none. */
export interface ForumDraft {
  name: string;
  purpose: string;
  level: string;
  meetingFrequency: string;
  convenorId: string;
  members: MemberDraft[];
  goalIds: string[];
}

export interface MemberDraft {
  actorId: string;
  role: string;
  /** Member since and until, ÅÅÅÅ-MM-DD; '' when not known or still a member. */
  from: string;
  to: string;
}

export const emptyMember = (): MemberDraft => ({ actorId: '', role: 'LEDAMOT', from: '', to: '' });

/** One mutation of an edit, with where its field errors belong in the form. */
export interface EditStep {
  name: string;
  inputType: string;
  input: Record<string, unknown>;
  /** Prefixes the step's field error paths, so `input.role` of a seat lands at `members.2.role`. */
  prefix: string;
}

export const emptyForumDraft = (): ForumDraft => ({ name: '', purpose: '', level: '', meetingFrequency: '', convenorId: '', members: [], goalIds: [] });

export function forumDraft(forum: EditableForum): ForumDraft {
  return {
    name: forum.name,
    purpose: forum.purpose ?? '',
    level: forum.level ?? '',
    meetingFrequency: forum.meetingFrequency ?? '',
    convenorId: forum.convenor?.id ?? '',
    members: forum.members.map((m) => ({ actorId: m.actor.id, role: m.role, from: m.from ?? '', to: m.to ?? '' })),
    goalIds: forum.goals.map((g) => g.id),
  };
}

const text = (value: string): string | null => value.trim() || null;

/** A seat's dates that are given: a new seat leaves the others out. */
const dates = (m: MemberDraft): { from?: string; to?: string } => ({ ...(text(m.from) ? { from: m.from.trim() } : {}), ...(text(m.to) ? { to: m.to.trim() } : {}) });

/** What the server would refuse anyway, said before a request: a name, and an actor on every member row. */
export function checkForumDraft(draft: ForumDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = sv.edit.required;
  draft.members.forEach((m, i) => {
    if (!m.actorId) errors[`members.${i}.actorId`] = sv.edit.chooseActor;
  });
  return errors;
}

/** A new forum in one write: fields, convenor, members with roles, goals. */
export function createForumInput(draft: ForumDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    name: draft.name.trim(),
    purpose: text(draft.purpose),
    level: draft.level || null,
    meetingFrequency: text(draft.meetingFrequency),
    convenorId: draft.convenorId || null,
    members: draft.members.map((m) => ({ actorId: m.actorId, role: m.role, ...dates(m) })),
    goalIds: draft.goalIds,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
}

/**
 * The writes that turn the forum as last read into the draft: its fields at
 * the version read, then each seat at its own version, then its goals. Fields
 * first, so a stale forum is refused before anything else is written.
 */
export function forumEditSteps(original: EditableForum, draft: ForumDraft): EditStep[] {
  const steps: EditStep[] = [];
  const before = forumDraft(original);
  const fields: Record<string, unknown> = {};
  if (draft.name.trim() !== before.name) fields.name = draft.name.trim();
  if (text(draft.purpose) !== text(before.purpose)) fields.purpose = text(draft.purpose);
  if (draft.level !== before.level) fields.level = draft.level || null;
  if (text(draft.meetingFrequency) !== text(before.meetingFrequency)) fields.meetingFrequency = text(draft.meetingFrequency);
  if (draft.convenorId !== before.convenorId) fields.convenorId = draft.convenorId || null;
  if (Object.keys(fields).length) steps.push({ name: 'updateForum', inputType: 'UpdateForumInput', input: { id: original.id, version: original.version, ...fields }, prefix: '' });

  const seats = new Map(original.members.map((m) => [m.actor.id, m]));
  const kept = new Set(draft.members.map((m) => m.actorId));
  for (const seat of original.members) {
    if (!kept.has(seat.actor.id)) {
      steps.push({ name: 'removeForumMember', inputType: 'ForumSeatInput', input: { forumId: original.id, actorId: seat.actor.id, version: seat.version }, prefix: 'members.' });
    }
  }
  draft.members.forEach((m, i) => {
    const seat = seats.get(m.actorId);
    const prefix = `members.${i}.`;
    const ends = { forumId: original.id, actorId: m.actorId };
    if (!seat) {
      steps.push({ name: 'addForumMember', inputType: 'ForumSeatInput', input: { ...ends, role: m.role, ...dates(m) }, prefix });
      return;
    }
    // Only what changed is sent; a date emptied is sent as null, which clears it.
    const changed: Record<string, unknown> = {};
    if (seat.role !== m.role) changed.role = m.role;
    if (text(m.from) !== (seat.from ?? null)) changed.from = text(m.from);
    if (text(m.to) !== (seat.to ?? null)) changed.to = text(m.to);
    if (Object.keys(changed).length) steps.push({ name: 'updateForumMember', inputType: 'ForumSeatInput', input: { ...ends, ...changed, version: seat.version }, prefix });
  });

  const goals = new Set(before.goalIds);
  const wanted = new Set(draft.goalIds);
  for (const id of before.goalIds.filter((g) => !wanted.has(g))) steps.push(linkStep('unlinkForum', original.id, id));
  for (const id of draft.goalIds.filter((g) => !goals.has(g))) steps.push(linkStep('linkForum', original.id, id));
  return steps;
}

const linkStep = (name: string, id: string, targetId: string): EditStep => ({ name, inputType: 'LinkForumInput', input: { id, relation: 'GOAL', targetId }, prefix: 'goalIds.' });

/** A forum's confirmation: never, more than twelve months ago (a gap finding on the server too), or recent. */
export type Confirmation = 'never' | 'stale' | 'fresh';

export function confirmation(confirmedAt: string | null, now = new Date()): Confirmation {
  if (!confirmedAt) return 'never';
  const due = new Date(confirmedAt);
  due.setMonth(due.getMonth() + 12);
  return due < now ? 'stale' : 'fresh';
}
