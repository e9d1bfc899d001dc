import { html, type TemplateResult } from 'lit-html';
import type { ActorRecord, ActorSummary } from '../api/documents.ts';
import { actorDraft, actorInput, checkActorDraft, emptyActorDraft, likelyDuplicates, type ActorDraft } from '../edit/actor.ts';
import { sv } from '../i18n/sv.ts';
import { ActorPicker, duplicateWarning } from './actor-picker.ts';
import { NodeEditor, type EditorHost } from './editor.ts';
import { codeOptions } from './parts.ts';

/**
 * Aktör: name, short name, kind and what it is part of, in one createActor or
 * updateActor. The name warns of actors it likely duplicates, as a picker does.
 */
export class ActorEditor extends NodeEditor<ActorRecord, ActorDraft> {
  private readonly picker: ActorPicker;

  /** `actors`: every actor, not only those a filter shows, for the duplicate warning and "Del av". */
  constructor(
    original: ActorRecord | null,
    private readonly actors: ActorSummary[],
    host: EditorHost<ActorRecord>,
  ) {
    const spec = { formId: 'actor-form', type: 'Actor', texts: sv.actorForm, draftName: (d: ActorDraft) => d.name.trim(), nodeName: (a: ActorRecord) => a.name };
    super({ ...spec, draftOf: (a) => (a ? actorDraft(a) : emptyActorDraft()) }, original, host);
    this.picker = new ActorPicker(actors, host);
  }

  protected check(): Record<string, string> {
    const errors = checkActorDraft(this.draft);
    if (this.original && this.draft.partOfIds.includes(this.original.id)) errors.partOfIds = sv.actorForm.notItself;
    return errors;
  }

  protected input(): Record<string, unknown> {
    return actorInput(this.draft);
  }

  protected deleteQuestion(actor: ActorRecord): string {
    const t = sv.takes;
    return sv.actorForm.deleteQuestion(actor.name, [
      [actor.forums.length, t.seat],
      [actor.activities.length, t.responsible],
      [actor.collaborations.length, t.participation],
      [actor.partOf.length, t.partLink],
    ]);
  }

  protected body(): TemplateResult {
    const f = sv.actorForm;
    const d = this.draft;
    const near = likelyDuplicates(this.actors, d.name, this.original?.id).filter((a) => a.name !== this.original?.name);
    return html`<div class="form-grid">
        ${this.fields.text('name', f.name, d.name, (v) => this.set('name', v), { required: true, after: duplicateWarning(near) })}
        ${this.fields.text('shortName', f.shortName, d.shortName, (v) => this.set('shortName', v), { hint: f.shortNameHint })}
        ${this.fields.select('kind', f.kind, d.kind, codeOptions(sv.kinds), (v) => this.set('kind', v), { required: true })}
      </div>
      ${this.picker.many(this.fields, 'partOfIds', f.partOf, d.partOfIds, (ids) => this.set('partOfIds', ids), { addLabel: f.addPartOf })}`;
  }
}
