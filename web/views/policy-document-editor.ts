import { html, type TemplateResult } from 'lit-html';
import type { ActorSummary, Named, PolicyDocumentSummary } from '../api/documents.ts';
import { checkPolicyDocumentDraft, emptyPolicyDocumentDraft, policyDocumentDraft, policyDocumentInput, type PolicyDocumentDraft } from '../edit/policy-document.ts';
import { sv } from '../i18n/sv.ts';
import { ActorPicker } from './actor-picker.ts';
import { NodeEditor, type EditorHost } from './editor.ts';
import { codeOptions } from './parts.ts';

/** What a styrdokument can govern, by kind; effektmål by målområde. */
export interface Governable {
  activities: Named[];
  forums: Named[];
  goals: { targetArea: string; goals: Named[] }[];
}

/** A styrdokument as the form reads it: with every activity, forum and effektmål it governs. */
export type EditableDocument = PolicyDocumentSummary & { governsIds: string[] };

/**
 * Styrdokument: title, type, owner, adopted, valid until, and what it governs
 * (activities, forums, effektmål), in one createPolicyDocument or
 * updatePolicyDocument with the whole state.
 */
export class PolicyDocumentEditor extends NodeEditor<EditableDocument, PolicyDocumentDraft> {
  private readonly picker: ActorPicker;

  constructor(
    original: EditableDocument | null,
    actors: ActorSummary[],
    private readonly governable: Governable,
    host: EditorHost<EditableDocument>,
  ) {
    const spec = { formId: 'document-form', type: 'PolicyDocument', texts: sv.documentForm, draftName: (d: PolicyDocumentDraft) => d.title.trim(), nodeName: (d: EditableDocument) => d.title };
    super({ ...spec, draftOf: (d) => (d ? policyDocumentDraft(d, d.governsIds) : emptyPolicyDocumentDraft()) }, original, host);
    this.picker = new ActorPicker(actors, host);
  }

  protected check(): Record<string, string> {
    return checkPolicyDocumentDraft(this.draft);
  }

  protected input(): Record<string, unknown> {
    return policyDocumentInput(this.draft);
  }

  protected deleteQuestion(d: EditableDocument): string {
    return sv.documentForm.deleteQuestion(d.title, [[d.governsIds.length, sv.takes.governed], [d.owner ? 1 : 0, sv.takes.owner]]);
  }

  /** One group of what it governs: its choices replace their part of the list, the rest stays. */
  private governs(key: string, legend: string, choices: readonly Named[]): TemplateResult {
    const ids = new Set(choices.map((c) => c.id));
    const chosen = this.draft.governsIds.filter((id) => ids.has(id));
    return this.fields.checkboxes(key, legend, chosen, choices.map((c) => ({ value: c.id, label: c.name })), (v) => this.set('governsIds', [...this.draft.governsIds.filter((id) => !ids.has(id)), ...v]), 'scroll');
  }

  protected body(): TemplateResult {
    const f = sv.documentForm;
    const d = this.draft;
    const g = this.governable;
    return html`<div class="form-grid">
        ${this.fields.text('title', f.title, d.title, (v) => this.set('title', v), { required: true })}
        ${this.fields.select('type', f.type, d.type, codeOptions(sv.documentTypes), (v) => this.set('type', v), { empty: sv.edit.none })}
        ${this.picker.one(this.fields, 'ownerId', f.owner, d.ownerId, (v) => this.set('ownerId', v), { hint: sv.picker.hint })}
        ${this.fields.text('adopted', f.adopted, d.adopted, (v) => this.set('adopted', v), { hint: f.dateHint, className: 'date' })}
        ${this.fields.text('validUntil', f.validUntil, d.validUntil, (v) => this.set('validUntil', v), { hint: f.dateHint, className: 'date' })}
      </div>
      <fieldset class="governs">
        <legend>${f.governs}</legend>
        ${this.governs('governs.activities', f.activities, g.activities)}
        ${this.governs('governs.forums', f.forums, g.forums)}
        ${g.goals.map((t, i) => this.governs(`governs.goals${i}`, f.goalsIn(t.targetArea), t.goals))}
      </fieldset>`;
  }
}
