import type { ForumSummary as EditableForum } from '../api/documents.ts';
import { sv } from '../i18n/sv.ts';
import { text } from './text.ts';

/** A forum as its form holds it: every field a string, '' for none. */
export interface ForumDraft {
  name: string;
  purpose: string;
  level: string;
  meetingFrequency: string;
  convenorId: string;
  members: MemberDraft[];
  goalIds: string[];
  /** Målgrupper, as the server's codes (BARN_OCH_UNGA). */
  targetGroups: string[];
}

export interface MemberDraft {
  actorId: string;
  role: string;
  /** Member since and until, ÅÅÅÅ-MM-DD; '' when not known or still a member. */
  from: string;
  to: string;
}

export const emptyMember = (): MemberDraft => ({ actorId: '', role: 'LEDAMOT', from: '', to: '' });

export const emptyForumDraft = (): ForumDraft => ({ name: '', purpose: '', level: '', meetingFrequency: '', convenorId: '', members: [], goalIds: [], targetGroups: [] });

export function forumDraft(forum: EditableForum): ForumDraft {
  return {
    name: forum.name,
    purpose: forum.purpose ?? '',
    level: forum.level ?? '',
    meetingFrequency: forum.meetingFrequency ?? '',
    convenorId: forum.convenor?.id ?? '',
    members: forum.members.map((m) => ({ actorId: m.actor.id, role: m.role, from: m.from ?? '', to: m.to ?? '' })),
    goalIds: forum.goals.map((g) => g.id),
    targetGroups: [...forum.targetGroups],
  };
}

/** A seat's dates that are given; one left out is cleared, as the seat list is the whole new state. */
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

/**
 * The whole form as createForum and updateForum name it, an empty field as
 * null: an edit sends all of it at the version read, every seat, effektmål
 * and målgrupp as they should be after the save, so the server writes all of
 * it or, refusing any part, none of it.
 */
export function forumInput(draft: ForumDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    purpose: text(draft.purpose),
    level: draft.level || null,
    meetingFrequency: text(draft.meetingFrequency),
    convenorId: draft.convenorId || null,
    members: draft.members.map((m) => ({ actorId: m.actorId, role: m.role, ...dates(m) })),
    goalIds: draft.goalIds,
    targetGroups: draft.targetGroups,
  };
}

/** A forum's confirmation: never, past its due date (a gap finding on the server too), or recent. */
export type Confirmation = 'never' | 'stale' | 'fresh';

/** By the due date the server gives: how long a confirmation lasts is its rule, in one place. */
export function confirmation(forum: Pick<EditableForum, 'confirmedAt' | 'confirmationDueAt'>, now = new Date()): Confirmation {
  if (!forum.confirmedAt) return 'never';
  return forum.confirmationDueAt && new Date(forum.confirmationDueAt) < now ? 'stale' : 'fresh';
}
