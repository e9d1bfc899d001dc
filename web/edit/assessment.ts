import { sv } from '../i18n/sv.ts';
import { today } from '../../server/domain/days.ts';

/** The answer fields of one respondent, named as submitAssessment names them (a1 … c2). */
export const ITEM_IDS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'] as const;
export const TARGET_IDS = ['targetA', 'targetB', 'targetC'] as const;

/**
 * One respondent as the form holds it: respondent, organisationId, a1 … c2 and
 * targetA … targetC, each a string ('' for unanswered). The keys are the
 * server's, so its field errors (`responses.0.a1`) land on the right control.
 */
export type ResponseDraft = Record<string, string>;

export interface AssessmentDraft {
  date: string;
  note: string;
  signals: string[];
  responses: ResponseDraft[];
}

export interface PlacementDraft {
  date: string;
  level: string;
  targetLevel: string;
  note: string;
  signals: string[];
}


export const emptyResponse = (): ResponseDraft => ({ respondent: '', organisationId: '' });
export const emptyAssessment = (now?: Date): AssessmentDraft => ({ date: today(now), note: '', signals: [], responses: [emptyResponse()] });
export const emptyPlacement = (now?: Date): PlacementDraft => ({ date: today(now), level: '', targetLevel: '', note: '', signals: [] });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is missing before a survey can be sent: a date, and for each respondent a name, an organisation and every item. */
export function checkAssessment(draft: AssessmentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!DATE.test(draft.date)) errors.date = sv.edit.dateFormat;
  draft.responses.forEach((r, i) => {
    if (!r.respondent?.trim()) errors[`responses.${i}.respondent`] = sv.edit.required;
    if (!r.organisationId) errors[`responses.${i}.organisationId`] = sv.edit.chooseActor;
    for (const item of ITEM_IDS) if (!r[item]) errors[`responses.${i}.${item}`] = sv.edit.chooseAnswer;
  });
  return errors;
}

export function submitAssessmentInput(collaborationId: string, draft: AssessmentDraft): Record<string, unknown> {
  return {
    collaborationId,
    date: draft.date,
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    signals: draft.signals,
    responses: draft.responses.map((r) => ({
      respondent: r.respondent!.trim(),
      organisationId: r.organisationId,
      ...Object.fromEntries(ITEM_IDS.map((item) => [item, Number(r[item])])),
      ...Object.fromEntries(TARGET_IDS.filter((t) => r[t]).map((t) => [t, Number(r[t])])),
    })),
  };
}

export function checkPlacement(draft: PlacementDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!DATE.test(draft.date)) errors.date = sv.edit.dateFormat;
  if (!draft.level) errors.level = sv.edit.chooseLevel;
  if (!draft.note.trim()) errors.note = sv.edit.required;
  return errors;
}

export function placeCollaborationInput(collaborationId: string, draft: PlacementDraft): Record<string, unknown> {
  return {
    collaborationId,
    date: draft.date,
    level: draft.level,
    note: draft.note.trim(),
    signals: draft.signals,
    ...(draft.targetLevel ? { targetLevel: draft.targetLevel } : {}),
  };
}
