import { html, nothing, type TemplateResult } from 'lit-html';
import type { ActorSummary, ForumChoicesData, ForumSummary } from '../api/documents.ts';
import { mutate, outcome, saveFailed, type Outcome } from '../api/mutations.ts';
import { checkForumDraft, createForumInput, emptyForumDraft, emptyMember, forumDraft, type ForumDraft, updateForumInput } from '../edit/forum.ts';
import { sv } from '../i18n/sv.ts';
import { FormFields, focusFirstError } from './forms.ts';
import { codeOptions } from './parts.ts';

/** What the forum form needs from the view that holds it. */
export interface ForumEditorHost {
  update(): void;
  /** The form's element, once rendered: focus moves inside it. */
  element(): HTMLElement | null;
  /** After a write landed: read the forums again and show this one; `closed` when the form is done. */
  saved(forumId: string, message: string, closed: boolean): Promise<ForumSummary | null>;
  /** After the forum was deleted: read the forums again, the form closed. */
  deleted(message: string): Promise<void>;
  cancel(): void;
}

export interface ForumChoices {
  actors: ActorSummary[];
  targetAreas: ForumChoicesData['targetAreas'];
}

/**
 * The form for a new forum, or for editing one: fields, convenor, members with
 * roles, målgrupper, goals. Either is one mutation with the whole form, at the
 * version last read; a refusal is shown in Swedish and nothing is written.
 */
export class ForumEditor {
  readonly fields = new FormFields('forum-form');
  private draft: ForumDraft;
  private problem: { text: string; conflict: boolean } | null = null;
  private saving = false;
  /** "Ta bort forumet" asks once more before it deletes. */
  private confirmingDelete = false;

  constructor(
    private original: ForumSummary | null,
    private readonly choices: ForumChoices,
    private readonly host: ForumEditorHost,
  ) {
    this.draft = original ? forumDraft(original) : emptyForumDraft();
  }

  get forumId(): string | null {
    return this.original?.id ?? null;
  }

  private set<K extends keyof ForumDraft>(key: K, value: ForumDraft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.host.update();
  }

  private setMember(index: number, change: Partial<ForumDraft['members'][number]>): void {
    this.set('members', this.draft.members.map((m, i) => (i === index ? { ...m, ...change } : m)));
  }

  private addMember = (): void => {
    this.set('members', [...this.draft.members, emptyMember()]);
    this.host.element()?.querySelector<HTMLElement>(`#${this.fields.id(`members.${this.draft.members.length - 1}.actorId`)}`)?.focus();
  };

  private removeMember(index: number): void {
    this.set('members', this.draft.members.filter((_, i) => i !== index));
    this.host.element()?.querySelector<HTMLElement>('.add-member')?.focus();
  }

  template(): TemplateResult {
    const f = sv.forumForm;
    const d = this.draft;
    const fields = this.fields;
    const actorName = new Map(this.choices.actors.map((a) => [a.id, a.name]));
    const actorOptions = this.choices.actors.map((a) => ({ value: a.id, label: a.name }));
    const seated = new Set(this.original?.members.map((m) => m.actor.id));
    return html`<section class="editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${this.original ? f.editTitle(this.original.name) : f.createTitle}</h3>
      <form novalidate @submit=${this.submit}>
        ${fields.summary(this.problem && !this.problem.conflict ? this.problem.text : null)}
        ${this.problem?.conflict
          ? html`<div class="conflict" role="alert">
              <p>${this.problem.text}</p>
              <button type="button" class="secondary" @click=${this.reload}>${sv.edit.reload}</button>
            </div>`
          : nothing}
        <div class="form-grid">
          ${fields.text('name', f.name, d.name, (v) => this.set('name', v), { required: true })}
          ${fields.select('level', f.level, d.level, codeOptions(sv.forums.levels), (v) => this.set('level', v), { empty: sv.edit.none })}
          ${fields.text('meetingFrequency', f.frequency, d.meetingFrequency, (v) => this.set('meetingFrequency', v), { hint: f.frequencyHint })}
          ${fields.select('convenorId', f.convenor, d.convenorId, actorOptions, (v) => this.set('convenorId', v), { empty: sv.edit.none })}
        </div>
        ${fields.text('purpose', f.purpose, d.purpose, (v) => this.set('purpose', v), { multiline: true })}
        ${fields.checkboxes('targetGroups', f.targetGroups, d.targetGroups, codeOptions(sv.targetGroups), (v) => this.set('targetGroups', v), 'target-groups')}
        <fieldset class="members">
          <legend>${f.members}</legend>
          ${d.members.length ? nothing : html`<p>${f.noMembers}</p>`}
          ${d.members.map((m, i) => {
            const name = actorName.get(m.actorId) ?? f.member(i + 1);
            return html`<fieldset class="member">
              <legend>${f.member(i + 1)}</legend>
              ${seated.has(m.actorId)
                ? html`<p class="seat-actor">${name}</p>`
                : fields.select(`members.${i}.actorId`, f.actor, m.actorId, actorOptions, (v) => this.setMember(i, { actorId: v }), { required: true, context: f.member(i + 1) })}
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
        </fieldset>
        <div class="form-actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? sv.edit.saving : sv.edit.save}</button>
          <button type="button" class="secondary" @click=${() => this.host.cancel()}>${sv.edit.cancel}</button>
          ${this.original && !this.confirmingDelete ? html`<button type="button" class="danger" @click=${this.askDelete}>${f.delete}</button>` : nothing}
        </div>
        ${this.original && this.confirmingDelete
          ? html`<div class="confirm-delete" role="group" aria-labelledby="confirm-delete-text">
              <p id="confirm-delete-text">${f.deleteQuestion(this.original.name)}</p>
              <button type="button" class="danger" ?disabled=${this.saving} @click=${this.delete}>${f.deleteYes}</button>
              <button type="button" class="secondary" @click=${this.keep}>${f.deleteNo}</button>
            </div>`
          : nothing}
      </form>
    </section>`;
  }

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.saving) return;
    this.problem = null;
    this.fields.errors = checkForumDraft(this.draft);
    if (Object.keys(this.fields.errors).length) return this.showProblem();
    this.saving = true;
    this.host.update();
    try {
      await (this.original ? this.saveEdit(this.original) : this.create());
    } catch (error) {
      this.problem = { text: saveFailed(error), conflict: false };
    } finally {
      this.saving = false;
    }
    if (this.problem || Object.keys(this.fields.errors).length) this.showProblem();
  };

  private async create(): Promise<void> {
    const result = outcome(await mutate('createForum', 'CreateForumInput', createForumInput(this.draft), 'forum { id name }'));
    if (result.kind !== 'ok') return this.refused(result);
    const forum = result.result.forum as { id: string; name: string };
    await this.host.saved(forum.id, sv.forumForm.created(forum.name), true);
  }

  /** One write: a refusal of any part (a stale version, a wrong seat) leaves the forum as it was. */
  private async saveEdit(original: ForumSummary): Promise<void> {
    const result = outcome(await mutate('updateForum', 'UpdateForumInput', updateForumInput(original, this.draft)));
    if (result.kind !== 'ok') return this.refused(result);
    await this.host.saved(original.id, sv.forumForm.saved(this.draft.name.trim()), true);
  }

  private askDelete = (): void => {
    this.confirmingDelete = true;
    this.host.update();
    this.host.element()?.querySelector<HTMLElement>('.confirm-delete button')?.focus();
  };

  private keep = (): void => {
    this.confirmingDelete = false;
    this.host.update();
    this.host.element()?.querySelector<HTMLElement>('.form-actions .danger')?.focus();
  };

  /** Deletes the forum at the version read: a forum changed since is refused like any other stale write. */
  private delete = async (): Promise<void> => {
    const forum = this.original;
    if (!forum || this.saving) return;
    this.saving = true;
    this.problem = null;
    this.host.update();
    try {
      const result = outcome(await mutate('deleteForum', 'NodeVersionInput', { id: forum.id, version: forum.version }));
      if (result.kind === 'ok') return await this.host.deleted(sv.forumForm.deleted(forum.name));
      this.refused(result);
    } catch (error) {
      this.problem = { text: saveFailed(error), conflict: false };
    } finally {
      this.saving = false;
    }
    this.confirmingDelete = false;
    this.showProblem();
  };

  private refused(result: Exclude<Outcome, { kind: 'ok' }>): void {
    if (result.kind === 'invalid') {
      this.fields.errors = result.fields;
      if (!Object.keys(result.fields).length) this.problem = { text: result.message, conflict: false };
    } else this.problem = { text: result.message, conflict: true };
  }

  /** Shows what went wrong and takes focus there: to the first wrong field, or to the message. */
  private showProblem(): void {
    this.host.update();
    const root = this.host.element();
    if (!root) return;
    if (!focusFirstError(root)) root.querySelector<HTMLElement>('.conflict button, .error-summary')?.focus();
  }

  /** After a conflict: read the forum as it is now and start the edit again from there. */
  private reload = async (): Promise<void> => {
    if (!this.original) return;
    const fresh = await this.host.saved(this.original.id, '', false);
    // Someone deleted it: there is nothing left to edit.
    if (!fresh) return this.host.cancel();
    this.original = fresh;
    this.draft = forumDraft(fresh);
    this.problem = null;
    this.fields.errors = {};
    this.host.update();
    this.host.element()?.querySelector<HTMLElement>('#editor-heading')?.focus();
  };
}
