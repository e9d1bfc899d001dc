import type { CollaborationRecord } from '../api/documents.ts';
import { sv } from '../i18n/sv.ts';
import { text } from './text.ts';

/** A collaboration as its form holds it: every field a string, '' for none; links by id. */
export interface CollaborationDraft {
  name: string;
  type: string;
  description: string;
  /** The level its purpose needs. */
  targetLevel: string;
  participants: ParticipantDraft[];
  forumIds: string[];
  activityIds: string[];
}

export interface ParticipantDraft {
  actorId: string;
  /** As the documents say it ("ansvarig"); '' for none. */
  role: string;
  /** The part's dates: the form does not edit them, a save gives them back (the list is the whole new state). */
  from?: string | null;
  to?: string | null;
}

export const emptyParticipant = (): ParticipantDraft => ({ actorId: '', role: '' });

export const emptyCollaborationDraft = (): CollaborationDraft => ({ name: '', type: '', description: '', targetLevel: '', participants: [], forumIds: [], activityIds: [] });

export function collaborationDraft(c: CollaborationRecord): CollaborationDraft {
  return {
    name: c.name,
    type: c.type ?? '',
    description: c.description ?? '',
    targetLevel: c.targetLevel ?? '',
    participants: c.participations.map((p) => ({ actorId: p.actor.id, role: p.role ?? '', ...(p.from ? { from: p.from } : {}), ...(p.to ? { to: p.to } : {}) })),
    forumIds: c.forums.map((f) => f.id),
    activityIds: c.activities.map((a) => a.id),
  };
}

/** What the server would refuse anyway: a name, an actor on every participant row, no actor twice. */
export function checkCollaborationDraft(draft: CollaborationDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = sv.edit.required;
  draft.participants.forEach((p, i) => {
    if (!p.actorId) errors[`participants.${i}.actorId`] = sv.edit.chooseActor;
    else if (draft.participants.findIndex((q) => q.actorId === p.actorId) < i) errors[`participants.${i}.actorId`] = sv.collaborationForm.twice;
  });
  return errors;
}

/** The whole form as createCollaboration and updateCollaboration name it: an empty field is null, every list whole. */
export function collaborationInput(draft: CollaborationDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    type: draft.type || null,
    description: text(draft.description),
    targetLevel: draft.targetLevel || null,
    participants: draft.participants.map((p) => ({ actorId: p.actorId, role: text(p.role), ...(p.from ? { from: p.from } : {}), ...(p.to ? { to: p.to } : {}) })),
    forumIds: draft.forumIds,
    activityIds: draft.activityIds,
  };
}
