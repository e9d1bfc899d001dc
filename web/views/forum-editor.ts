import { html, nothing, type TemplateResult } from 'lit-html';
import type { ActorSummary, ForumChoicesData, ForumSummary } from '../api/documents.ts';
import { checkForumDraft, emptyForumDraft, emptyMember, forumDraft, type ForumDraft, forumInput } from '../edit/forum.ts';
import { sv } from '../i18n/sv.ts';
import { ActorPicker } from './actor-picker.ts';
import { NodeEditor, type EditorHost } from './editor.ts';
import { codeOptions } from './parts.ts';

export type ForumEditorHost = EditorHost<ForumSummary>;

export interface ForumChoices {
  /** The view's list: an actor made in a picker joins it. */
  actors: ActorSummary[];
  targetAreas: ForumChoicesData['targetAreas'];
}

/**
 * The form for a new forum, or for editing one: fields, convenor, members with
 * roles, målgrupper, goals. Either is one mutation with the whole form, at the
 * version last read; a refusal is shown in Swedish and nothing is written.
 */
export class ForumEditor extends NodeEditor<ForumSummary, ForumDraft> {
  private readonly picker: ActorPicker;

  constructor(
    original: ForumSummary | null,
    private readonly choices: ForumChoices,
    host: ForumEditorHost,
  ) {
    const spec = { formId: 'forum-form', type: 'Forum', texts: sv.forumForm, draftName: (d: ForumDraft) => d.name.trim(), nodeName: (f: ForumSummary) => f.name };
    super({ ...spec, draftOf: (f) => (f ? forumDraft(f) : emptyForumDraft()) }, original, host);
    this.picker = new ActorPicker(choices.actors, host);
  }

  protected check(): Record<string, string> {
    return checkForumDraft(this.draft);
  }

  protected input(): Record<string, unknown> {
    return forumInput(this.draft);
  }

  protected deleteQuestion(forum: ForumSummary): string {
    return sv.forumForm.deleteQuestion(forum.name, [[forum.members.length, sv.takes.seat], [forum.goals.length, sv.takes.goalLink]]);
  }

  private setMember(index: number, change: Partial<ForumDraft['members'][number]>): void {
    this.set('members', this.draft.members.map((m, i) => (i === index ? { ...m, ...change } : m)));
  }

  private addMember = (): void => {
    this.set('members', [...this.draft.members, emptyMember()]);
    this.host.element()?.querySelector<HTMLElement>(`#${this.fields.id(`members.${this.draft.members.length - 1}.actorId`)}`)?.focus();
  };

  private removeMember(index: number): void {
    // The rows below move up: what was typed in them belongs to their old places.
    this.picker.forget(this.fields, 'members.');
    this.set('members', this.draft.members.filter((_, i) => i !== index));
    this.host.element()?.querySelector<HTMLElement>('.add-member')?.focus();
  }

  protected body(): TemplateResult {
    const f = sv.forumForm;
    const d = this.draft;
    const fields = this.fields;
    const actorName = new Map(this.choices.actors.map((a) => [a.id, a.name]));
    const seated = new Set(this.original?.members.map((m) => m.actor.id));
    return html`<div class="form-grid">
        ${fields.text('name', f.name, d.name, (v) => this.set('name', v), { required: true })}
        ${fields.select('level', f.level, d.level, codeOptions(sv.forums.levels), (v) => this.set('level', v), { empty: sv.edit.none })}
        ${fields.text('meetingFrequency', f.frequency, d.meetingFrequency, (v) => this.set('meetingFrequency', v), { hint: f.frequencyHint })}
        ${this.picker.one(fields, 'convenorId', f.convenor, d.convenorId, (v) => this.set('convenorId', v), { hint: sv.picker.hint })}
      </div>
      ${fields.text('purpose', f.purpose, d.purpose, (v) => this.set('purpose', v), { multiline: true })}
      ${fields.checkboxes('targetGroups', f.targetGroups, d.targetGroups, codeOptions(sv.forums.targetGroups), (v) => this.set('targetGroups', v), 'target-groups')}
      <fieldset class="members">
        <legend>${f.members}</legend>
        ${d.members.length ? nothing : html`<p>${f.noMembers}</p>`}
        ${d.members.map((m, i) => {
          const name = actorName.get(m.actorId) ?? f.member(i + 1);
          return html`<fieldset class="member">
            <legend>${f.member(i + 1)}</legend>
            ${seated.has(m.actorId)
              ? html`<p class="seat-actor">${name}</p>`
              : this.picker.one(fields, `members.${i}.actorId`, f.actor, m.actorId, (v) => this.setMember(i, { actorId: v }), { required: true, context: f.member(i + 1) })}
            ${fields.select(`members.${i}.role`, f.role, m.role, codeOptions(sv.roles), (v) => this.setMember(i, { role: v || 'LEDAMOT' }), { required: true, context: f.member(i + 1) })}
            ${fields.text(`members.${i}.from`, f.from, m.from, (v) => this.setMember(i, { from: v }), { context: f.member(i + 1), className: 'date' })}
            ${fields.text(`members.${i}.to`, f.to, m.to, (v) => this.setMember(i, { to: v }), { context: f.member(i + 1), className: 'date' })}
            <button type="button" class="secondary" @click=${() => this.removeMember(i)}>${f.removeMember(name)}</button>
          </fieldset>`;
        })}
        <button type="button" class="secondary add-member" @click=${this.addMember}>${f.addMember}</button>
      </fieldset>
      <fieldset class="goals">
        <legend>${f.goals}</legend>
        ${this.choices.targetAreas.map((t, i) =>
          fields.checkboxes(`goals${i}`, t.name, d.goalIds, t.goals.map((g) => ({ value: g.id, label: g.text })), (ids) => this.set('goalIds', ids)),
        )}
      </fieldset>`;
  }
}
