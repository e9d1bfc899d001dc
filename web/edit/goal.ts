import { sv } from '../i18n/sv.ts';

/** An effektmål as its form holds it: its text and the målområde it belongs to. */
export interface GoalDraft {
  text: string;
  targetAreaId: string;
}

/** What the server would refuse anyway: every effektmål has a text and belongs to one målområde. */
export function checkGoalDraft(draft: GoalDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.text.trim()) errors.text = sv.edit.required;
  if (!draft.targetAreaId) errors.targetAreaId = sv.edit.chooseTargetArea;
  return errors;
}

export const goalInput = (draft: GoalDraft): Record<string, unknown> => ({ text: draft.text.trim(), targetAreaId: draft.targetAreaId });
