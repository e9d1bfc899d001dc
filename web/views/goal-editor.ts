import { html, type TemplateResult } from 'lit-html';
import type { ChainGoal, Named } from '../api/documents.ts';
import { checkGoalDraft, goalInput, type GoalDraft } from '../edit/goal.ts';
import { sv } from '../i18n/sv.ts';
import { NodeEditor, type EditorHost } from './editor.ts';

/** An effektmål as its form reads it: with its målområde, and what a delete takes along. */
export type EditableGoal = ChainGoal & { targetAreaId: string };

/** Effektmål: its text and målområde, in one createGoal or updateGoal. */
export class GoalEditor extends NodeEditor<EditableGoal, GoalDraft> {
  protected readonly texts = sv.goalForm;

  /** `targetAreaId`: where a new goal starts, the målområde the view shows. */
  constructor(
    original: EditableGoal | null,
    private readonly targetAreas: readonly Named[],
    targetAreaId: string,
    host: EditorHost<EditableGoal>,
  ) {
    super('goal-form', 'Goal', original, host, (g) => (g ? { text: g.text, targetAreaId: g.targetAreaId } : { text: '', targetAreaId }));
  }

  protected draftName(): string {
    return this.draft.text.trim();
  }

  protected nodeName(goal: EditableGoal): string {
    return goal.text;
  }

  protected check(): Record<string, string> {
    return checkGoalDraft(this.draft);
  }

  protected createInput(): Record<string, unknown> {
    return goalInput(this.draft);
  }

  protected updateInput(original: EditableGoal): Record<string, unknown> {
    return { id: original.id, version: original.version, ...goalInput(this.draft) };
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
