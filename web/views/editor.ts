import { html, nothing, type TemplateResult } from 'lit-html';
import { createRef, ref } from 'lit-html/directives/ref.js';
import { canEdit } from '../api/session.ts';
import { present } from '../edit/text.ts';
import { announce } from './view.ts';
import { mutate, outcome, type Outcome } from '../api/mutations.ts';
import { sv } from '../i18n/sv.ts';
import { FormFields, attempt, focusProblem, refusal } from './forms.ts';

/** What a form needs from the view that holds it. */
export interface EditorHost<Node> {
  update(): void;
  /** The form's element, once rendered: focus moves inside it. */
  element(): HTMLElement | null;
  /** After a write landed: read again and show this node (null: it is gone); `closed` when the form is done. */
  saved(id: string, message: string, closed: boolean): Promise<Node | null>;
  /** After the node was deleted: read again, the form closed. */
  deleted(message: string): Promise<void>;
  cancel(): void;
}

/** The texts of one type's form, in sv.ts. */
export interface EditorTexts {
  createTitle: string;
  editTitle(name: string): string;
  created(name: string): string;
  saved(name: string): string;
  delete: string;
  deleteYes: string;
  deleted(name: string): string;
}

/** What one type's form is, for the part every form shares. */
export interface EditorSpec<Node, Draft> {
  /** Prefixes the form's element ids. */
  formId: string;
  /** Names the mutations (createForum, updateForum, deleteForum) and their inputs. */
  type: string;
  texts: EditorTexts;
  /** The draft of a node as read, or of a new one. */
  draftOf(node: Node | null): Draft;
  /** What the draft and the node are called in the messages: a name, a title, a goal's text. */
  draftName(draft: Draft): string;
  nodeName(node: Node): string;
}

/** A node a form edits: given back at the version read, so a write over someone else's is refused. */
export interface Versioned {
  id: string;
  version: number;
}

/**
 * What every editing form does, one place for all types: a draft of the whole
 * form, the checks before a request, one create or update mutation with the
 * whole state at the version read, a refusal shown at its fields (and in a
 * summary) or as a conflict naming who saved in between, "Läs in på nytt"
 * after it, and a delete that says what it takes along and asks once.
 * Nothing is written unless all of it is.
 */
export abstract class NodeEditor<Node extends Versioned, Draft> {
  readonly fields: FormFields;
  protected draft: Draft;
  protected problem: { text: string; conflict: boolean } | null = null;
  protected saving = false;
  private confirmingDelete = false;

  constructor(
    private readonly spec: EditorSpec<Node, Draft>,
    protected original: Node | null,
    protected readonly host: EditorHost<Node>,
  ) {
    this.fields = new FormFields(spec.formId);
    this.draft = spec.draftOf(original);
  }

  get nodeId(): string | null {
    return this.original?.id ?? null;
  }

  protected abstract check(): Record<string, string>;
  /**
   * The whole form as both mutations name it, an empty field as null: an
   * update sends all of it at the version read (null clears), a create leaves
   * the empty fields out.
   */
  protected abstract input(): Record<string, unknown>;
  /** "Vill du ta bort … med dess 4 medlemskap?": what the delete takes along, from what was read. */
  protected abstract deleteQuestion(node: Node): string;
  /** The form's fields. */
  protected abstract body(): TemplateResult;

  protected set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.host.update();
  }

  template(): TemplateResult {
    const texts = this.spec.texts;
    const node = this.original;
    return html`<section class="editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${node ? texts.editTitle(this.spec.nodeName(node)) : texts.createTitle}</h3>
      <form novalidate @submit=${this.submit}>
        ${this.fields.summary(this.problem && !this.problem.conflict ? this.problem.text : null)}
        ${this.problem?.conflict
          ? html`<div class="conflict" role="alert">
              <p>${this.problem.text}</p>
              <button type="button" class="secondary" @click=${this.reload}>${sv.edit.reload}</button>
            </div>`
          : nothing}
        ${this.body()}
        <div class="form-actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? sv.edit.saving : sv.edit.save}</button>
          <button type="button" class="secondary" @click=${() => this.host.cancel()}>${sv.edit.cancel}</button>
          ${node && !this.confirmingDelete ? html`<button type="button" class="danger" @click=${this.askDelete}>${texts.delete}</button>` : nothing}
        </div>
        ${node && this.confirmingDelete
          ? html`<div class="confirm-delete" role="group" aria-labelledby="confirm-delete-text">
              <p id="confirm-delete-text">${this.deleteQuestion(node)}</p>
              <button type="button" class="danger" ?disabled=${this.saving} @click=${this.delete}>${texts.deleteYes}</button>
              <button type="button" class="secondary" @click=${this.keep}>${sv.edit.deleteNo}</button>
            </div>`
          : nothing}
      </form>
    </section>`;
  }

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.saving) return;
    this.problem = null;
    this.fields.errors = this.check();
    if (Object.keys(this.fields.errors).length) return this.showProblem();
    const failed = await attempt(this.busy, () => this.save());
    if (failed) this.problem = { text: failed, conflict: false };
    if (this.problem || Object.keys(this.fields.errors).length) this.showProblem();
  };

  /** One write: a refusal of any part (a stale version, a wrong field) leaves everything as it was. */
  private async save(): Promise<void> {
    const original = this.original;
    const name = `${original ? 'update' : 'create'}${this.spec.type}`;
    const input = original ? { id: original.id, version: original.version, ...this.input() } : present(this.input());
    const result = outcome(await mutate(name, `${name[0]!.toUpperCase()}${name.slice(1)}Input`, input, `${this.dataField} { id }`));
    if (result.kind !== 'ok') return this.refused(result);
    const id = original?.id ?? (result.result[this.dataField] as { id: string }).id;
    const named = this.spec.draftName(this.draft);
    await this.host.saved(id, original ? this.spec.texts.saved(named) : this.spec.texts.created(named), true);
  }

  /** The success type's field: forum, policyDocument. */
  private get dataField(): string {
    const type = this.spec.type;
    return `${type[0]!.toLowerCase()}${type.slice(1)}`;
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

  /** Deletes the node at the version read: one changed since is refused like any other stale write. */
  private delete = async (): Promise<void> => {
    const node = this.original;
    if (!node || this.saving) return;
    this.problem = null;
    let gone = false;
    const failed = await attempt(this.busy, async () => {
      const result = outcome(await mutate(`delete${this.spec.type}`, 'NodeVersionInput', { id: node.id, version: node.version }));
      if (result.kind !== 'ok') return this.refused(result);
      gone = true;
      await this.host.deleted(this.spec.texts.deleted(this.spec.nodeName(node)));
    });
    if (gone) return;
    if (failed) this.problem = { text: failed, conflict: false };
    this.confirmingDelete = false;
    this.showProblem();
  };

  protected busy = (on: boolean): void => {
    this.saving = on;
    if (on) this.host.update();
  };

  protected refused(result: Exclude<Outcome, { kind: 'ok' }>): void {
    const message = refusal(this.fields, result);
    this.problem = message === null ? null : { text: message, conflict: result.kind !== 'invalid' };
  }

  /** Shows what went wrong and takes focus there: to the first wrong field, or to the message. */
  private showProblem(): void {
    this.host.update();
    focusProblem(this.host.element(), '.conflict button, .error-summary');
  }

  /** After a conflict: read the node as it is now and start the edit again from there. */
  private reload = async (): Promise<void> => {
    if (!this.original) return;
    const fresh = await this.host.saved(this.original.id, '', false);
    // Someone deleted it: there is nothing left to edit.
    if (!fresh) return this.host.cancel();
    this.original = fresh;
    this.draft = this.spec.draftOf(fresh);
    this.problem = null;
    this.fields.errors = {};
    this.host.update();
    this.host.element()?.querySelector<HTMLElement>('#editor-heading')?.focus();
  };
}


/** What a view hands a form to write through: the rest of its host is the slot's. */
export interface EditorCallbacks<Node> {
  saved: EditorHost<Node>['saved'];
  deleted: EditorHost<Node>['deleted'];
}

/** A form as its slot sees it. */
interface OpenForm {
  template(): TemplateResult;
  readonly nodeId: string | null;
}

/**
 * Where a view shows its one open form: opened with focus on its heading,
 * shown to editors only, and closed with focus back on the control that
 * opened it (`openers`: the edit button in the panel, or the create button).
 */
export class EditorSlot {
  private readonly box = createRef<HTMLDivElement>();
  private editor: OpenForm | null = null;

  constructor(
    private readonly update: () => void,
    private readonly root: () => HTMLElement,
    private readonly openers: { edit: string; create: string },
  ) {}

  get open(): boolean {
    return this.editor !== null;
  }

  /** The form's element, once rendered. */
  element = (): HTMLElement | null => this.box.value ?? null;

  show<Node extends Versioned>(make: (host: EditorHost<Node>) => OpenForm, callbacks: EditorCallbacks<Node>): void {
    this.editor = make({ update: this.update, element: this.element, cancel: () => this.close(), ...callbacks });
    this.update();
    this.focusHeading();
  }

  /** For a form that is not a NodeEditor (an assessment): it closes itself through `close`. */
  showOther(editor: { template(): TemplateResult }, nodeId: string | null): void {
    this.editor = { template: () => editor.template(), nodeId };
    this.update();
    this.focusHeading();
  }

  private focusHeading(): void {
    this.element()?.querySelector<HTMLElement>('#editor-heading')?.focus();
  }

  /**
   * Closes the form, focus back on its opener; `refocus` false when the view
   * moves focus itself (to the panel, after a save), or the opener's selector
   * when it is another control (an assessment's).
   */
  close(refocus: boolean | string = true): void {
    const from = this.editor?.nodeId;
    this.editor = null;
    this.update();
    const opener = typeof refocus === 'string' ? refocus : refocus ? (from ? this.openers.edit : this.openers.create) : null;
    if (opener) this.root().querySelector<HTMLElement>(opener)?.focus();
  }

  template(): TemplateResult {
    return html`<div ${ref(this.box)}>${this.editor && canEdit() ? this.editor.template() : nothing}</div>`;
  }

  /** What the last write did: said aloud, and shown in the panel (above the view when nothing is selected). */
  notice: string | null = null;

  tell(message: string): void {
    if (!message) return;
    this.notice = message;
    announce(message);
    this.update();
  }

  /** The notice where it stands: in the panel of what is selected, or above the view when nothing is. */
  noticeTemplate(): TemplateResult | typeof nothing {
    return this.notice ? html`<p class="notice">${this.notice}</p>` : nothing;
  }

  /** After a save: the form closed when it is done, the view read again by `reread` (which selects the node), the message told, focus on the panel. */
  async afterSave(closed: boolean, message: string, reread: () => Promise<void>): Promise<void> {
    if (closed) this.close(false);
    await reread();
    this.tell(message);
    this.update();
    if (closed) this.root().querySelector<HTMLElement>('.panel')?.focus();
  }

  /** After a delete: the form closed, the view read again with nothing selected, the message told above it, focus on the create button. */
  async afterDelete(message: string, reread: () => Promise<void>): Promise<void> {
    this.close(false);
    await reread();
    this.tell(message);
    this.root().querySelector<HTMLElement>(this.openers.create)?.focus();
  }
}
