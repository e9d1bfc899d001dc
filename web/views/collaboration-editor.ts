import { html, nothing, type TemplateResult } from 'lit-html';
import type { ActorSummary, CollaborationRecord, Named } from '../api/documents.ts';
import { checkCollaborationDraft, collaborationDraft, collaborationInput, emptyCollaborationDraft, emptyParticipant, type CollaborationDraft, type ParticipantDraft } from '../edit/collaboration.ts';
import { sv } from '../i18n/sv.ts';
import { ActorPicker } from './actor-picker.ts';
import { NodeEditor, type EditorHost } from './editor.ts';
import { codeOptions } from './parts.ts';

export interface CollaborationChoices {
  /** The view's list: an actor made in a picker joins it. */
  actors: ActorSummary[];
  forums: Named[];
  activities: Named[];
}

/**
 * Samverkan: name, type, description, target level, participants with their
 * roles, and the forums and activities it is realised through, in one
 * createCollaboration or updateCollaboration with the whole state.
 */
export class CollaborationEditor extends NodeEditor<CollaborationRecord, CollaborationDraft> {
  private readonly picker: ActorPicker;

  constructor(
    original: CollaborationRecord | null,
    private readonly choices: CollaborationChoices,
    host: EditorHost<CollaborationRecord>,
  ) {
    const spec = { formId: 'collaboration-form', type: 'Collaboration', texts: sv.collaborationForm, draftName: (d: CollaborationDraft) => d.name.trim(), nodeName: (c: CollaborationRecord) => c.name };
    super({ ...spec, draftOf: (c) => (c ? collaborationDraft(c) : emptyCollaborationDraft()) }, original, host);
    this.picker = new ActorPicker(choices.actors, host);
  }

  protected check(): Record<string, string> {
    return checkCollaborationDraft(this.draft);
  }

  protected input(): Record<string, unknown> {
    return collaborationInput(this.draft);
  }

  protected deleteQuestion(c: CollaborationRecord): string {
    const t = sv.takes;
    return sv.collaborationForm.deleteQuestion(c.name, [
      [c.participations.length, t.participant],
      [c.assessments.length, t.assessment],
      [c.forums.length, t.forumLink],
      [c.activities.length, t.activityLink],
    ]);
  }

  private setParticipant(index: number, change: Partial<ParticipantDraft>): void {
    this.set('participants', this.draft.participants.map((p, i) => (i === index ? { ...p, ...change } : p)));
  }

  private addParticipant = (): void => {
    this.set('participants', [...this.draft.participants, emptyParticipant()]);
    document.getElementById(this.fields.id(`participants.${this.draft.participants.length - 1}.actorId`))?.focus();
  };

  private removeParticipant(index: number): void {
    // The rows below move up: what was typed in them belongs to their old places.
    this.picker.forget(this.fields, 'participants.');
    this.set('participants', this.draft.participants.filter((_, i) => i !== index));
    this.host.element()?.querySelector<HTMLElement>('.add-participant')?.focus();
  }

  protected body(): TemplateResult {
    const f = sv.collaborationForm;
    const d = this.draft;
    const fields = this.fields;
    const names = new Map(this.choices.actors.map((a) => [a.id, a.name]));
    const options = (list: Named[]) => list.map((x) => ({ value: x.id, label: x.name }));
    return html`<div class="form-grid">
        ${fields.text('name', f.name, d.name, (v) => this.set('name', v), { required: true })}
        ${fields.select('type', f.type, d.type, codeOptions(sv.collaborationTypes), (v) => this.set('type', v), { empty: sv.edit.none })}
        ${fields.select('targetLevel', f.targetLevel, d.targetLevel, codeOptions(sv.levels), (v) => this.set('targetLevel', v), { empty: f.noTarget, hint: f.targetLevelHint })}
      </div>
      ${fields.text('description', f.description, d.description, (v) => this.set('description', v), { multiline: true })}
      <fieldset class="members">
        <legend>${f.participants}</legend>
        ${d.participants.length ? nothing : html`<p>${f.noParticipants}</p>`}
        ${d.participants.map((p, i) => {
          const context = f.participant(i + 1);
          return html`<fieldset class="member">
            <legend>${context}</legend>
            ${this.picker.one(fields, `participants.${i}.actorId`, f.actor, p.actorId, (v) => this.setParticipant(i, { actorId: v }), { required: true, context })}
            ${fields.text(`participants.${i}.role`, f.role, p.role, (v) => this.setParticipant(i, { role: v }), { context, hint: f.roleHint })}
            <button type="button" class="secondary" @click=${() => this.removeParticipant(i)}>${f.removeParticipant(names.get(p.actorId) ?? context)}</button>
          </fieldset>`;
        })}
        <button type="button" class="secondary add-participant" @click=${this.addParticipant}>${f.addParticipant}</button>
      </fieldset>
      ${fields.checkboxes('forumIds', f.forums, d.forumIds, options(this.choices.forums), (v) => this.set('forumIds', v), 'scroll')}
      ${fields.checkboxes('activityIds', f.activities, d.activityIds, options(this.choices.activities), (v) => this.set('activityIds', v), 'scroll')}`;
  }
}
