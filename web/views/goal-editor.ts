import { html, type TemplateResult } from 'lit-html';
import type { ChainGoal, Named } from '../api/documents.ts';
import { checkGoalDraft, goalInput, type GoalDraft } from '../edit/goal.ts';
import { sv } from '../i18n/sv.ts';
import { NodeEditor, type EditorHost } from './editor.ts';

/** An effektmål as its form reads it: with its målområde, and what a delete takes along. */
export type EditableGoal = ChainGoal & { targetAreaId: string };

/** Effektmål: its text and målområde, in one createGoal or updateGoal. */
export class GoalEditor extends NodeEditor<EditableGoal, GoalDraft> {
  /** `targetAreaId`: where a new goal starts, the målområde the view shows. */
  constructor(
    original: EditableGoal | null,
    private readonly targetAreas: readonly Named[],
    targetAreaId: string,
    host: EditorHost<EditableGoal>,
  ) {
    const spec = { formId: 'goal-form', type: 'Goal', texts: sv.goalForm, draftName: (d: GoalDraft) => d.text.trim(), nodeName: (g: EditableGoal) => g.text };
    super({ ...spec, draftOf: (g) => (g ? { text: g.text, targetAreaId: g.targetAreaId } : { text: '', targetAreaId }) }, original, host);
  }

  protected check(): Record<string, string> {
    return checkGoalDraft(this.draft);
  }

  protected input(): Record<string, unknown> {
    return goalInput(this.draft);
  }

  protected deleteQuestion(goal: EditableGoal): string {
    return sv.goalForm.deleteQuestion(goal.text, [
      [goal.activities.length, sv.takes.activityLink],
      [goal.forums.length, sv.takes.forumLink],
    ]);
  }

  protected body(): TemplateResult {
    const f = sv.goalForm;
    return html`${this.fields.text('text', f.text, this.draft.text, (v) => this.set('text', v), { required: true, multiline: true, hint: f.textHint })}
      ${this.fields.select('targetAreaId', f.targetArea, this.draft.targetAreaId, this.targetAreas.map((t) => ({ value: t.id, label: t.name })), (v) => this.set('targetAreaId', v), { required: true })}`;
  }
}
