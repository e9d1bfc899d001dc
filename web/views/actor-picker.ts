import { html, nothing, type TemplateResult } from 'lit-html';
import type { ActorSummary } from '../api/documents.ts';
import { mutate, outcome } from '../api/mutations.ts';
import { actorInput, actorLabel, actorNamed, checkActorDraft, emptyActorDraft, likelyDuplicates, type ActorDraft } from '../edit/actor.ts';
import { sv } from '../i18n/sv.ts';
import { announce } from './view.ts';
import { FormFields, attempt, chosenList, focusProblem, refusal, savingOn } from './forms.ts';
import { codeOptions } from './parts.ts';

/** Where the pickers of one form stand in the page. */
export interface PickerHost {
  update(): void;
  element(): HTMLElement | null;
}

interface FieldSettings {
  /** Stands under the field, before any offer of help. */
  below?: TemplateResult | typeof nothing;
  required?: boolean;
  context?: string;
  hint?: string;
  className?: string;
}

/** An actor made inline, from a picker that found nothing: its own small form, inside the one it serves. */
interface Creating {
  /** The picker's field. */
  id: string;
  draft: ActorDraft;
  fields: FormFields;
  problem: string | null;
  saving: boolean;
  /** What the new actor becomes: the picker's choice. */
  chosen: (actor: ActorSummary) => void;
}

/**
 * The actor fields of one form: a text field that suggests every actor by
 * name and short name as the user types (a datalist, so the browser's own
 * list and keyboard), and that takes an actor once the text names it. A
 * text that names none warns of the actors it likely means ("Menade du
 * Arbetslivsförvaltningen (ALF)?") and offers "Ny aktör …" there and then:
 * name, short name and kind, saved as one createActor, and chosen. `actors`
 * is the view's list, so a new actor is offered by every picker at once.
 */
export class ActorPicker {
  /**
   * What is typed in each field, by its element id, and the actor it named: shown while
   * that actor is still the field's value, so the text never changes under
   * the cursor; a value set elsewhere (a reload) shows by its own name.
   */
  private readonly typed = new Map<string, { text: string; actorId: string }>();
  private creating: Creating | null = null;

  constructor(
    private readonly actors: ActorSummary[],
    private readonly host: PickerHost,
  ) {}

  /** Forgets what was typed in the fields of `fields` under `prefix` (rows that moved when one was removed). */
  forget(fields: FormFields, prefix: string): void {
    for (const id of [...this.typed.keys()]) if (id.startsWith(fields.id(prefix))) this.typed.delete(id);
  }

  private nameOf(id: string): string {
    const actor = this.actors.find((a) => a.id === id);
    return actor ? actorLabel(actor) : id;
  }

  /** One actor: a member's, the convenor, the owner. '' is none. */
  one(fields: FormFields, key: string, label: string, actorId: string, onChange: (id: string) => void, settings: FieldSettings = {}): TemplateResult {
    const id = fields.id(key);
    const typed = this.typed.get(id);
    const current = typed?.actorId === actorId ? typed : undefined;
    const shown = current?.text ?? (actorId ? this.nameOf(actorId) : '');
    const input = (value: string) => {
      const actor = actorNamed(this.actors, value);
      this.typed.set(id, { text: value, actorId: actor?.id ?? '' });
      onChange(actor?.id ?? '');
      this.host.update();
    };
    // A short name or another spelling typed: the field says whom it took.
    const took = actorId && current && current.text !== this.nameOf(actorId) ? html`<p class="hint picker-match">${sv.picker.took(this.nameOf(actorId))}</p>` : nothing;
    return this.field(fields, key, label, shown, current && !actorId ? current.text : '', input, undefined, { ...settings, below: took }, (actor) => {
      this.typed.delete(id);
      onChange(actor.id);
    });
  }

  /**
   * Several actors (ansvar, part of): the chosen ones as a list, each with its
   * own "Ta bort", and a field that adds the actor it names on Enter or when
   * picked from the suggestions, so typing "Polis" never adds Polisen too early.
   */
  many(fields: FormFields, key: string, legend: string, actorIds: readonly string[], onChange: (ids: string[]) => void, settings: FieldSettings & { addLabel?: string } = {}): TemplateResult {
    const id = fields.id(key);
    const typed = this.typed.get(id)?.text ?? '';
    const add = (actor: ActorSummary) => {
      this.typed.delete(id);
      if (!actorIds.includes(actor.id)) onChange([...actorIds, actor.id]);
      announce(sv.picker.added(actorLabel(actor)));
      this.host.update();
    };
    const input = (value: string, picked: boolean) => {
      const actor = picked ? actorNamed(this.actors, value) : undefined;
      if (actor) return add(actor);
      this.typed.set(id, { text: value, actorId: '' });
      this.host.update();
    };
    const keydown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !typed.trim()) return;
      // Enter adds what the text names; it never sends the form around it.
      e.preventDefault();
      e.stopPropagation();
      const actor = actorNamed(this.actors, typed);
      if (actor) add(actor);
    };
    return html`<fieldset class=${`actor-list ${settings.className ?? ''}`} ?data-invalid=${!!fields.errors[key]}>
      <legend>${legend}</legend>
      ${chosenList(`${id}-chosen`, actorIds.map((a) => ({ id: a, label: this.nameOf(a) })), (gone) => {
        onChange(actorIds.filter((a) => a !== gone));
        announce(sv.picker.removed(this.nameOf(gone)));
      }, id)}
      ${this.field(fields, key, settings.addLabel ?? sv.picker.add, typed, actorNamed(this.actors, typed) ? '' : typed, input, keydown, { ...settings, required: false }, add)}
    </fieldset>`;
  }

  /** The text field, its suggestions, and what it offers when the text names no actor. */
  private field(
    fields: FormFields,
    key: string,
    label: string,
    value: string,
    /** Text that names no actor: what the field offers help with. */
    unnamed: string,
    onInput: (value: string, picked: boolean) => void,
    keydown: ((e: KeyboardEvent) => void) | undefined,
    settings: FieldSettings,
    choose: (actor: ActorSummary) => void,
  ): TemplateResult {
    const list = `${fields.id(key)}-actors`;
    // A choice from the suggestions replaces the text: it counts as picked, as Enter does.
    return fields.text(key, label, value, (v, e) => onInput(v, e.inputType === 'insertReplacementText'), {
      required: settings.required,
      context: settings.context,
      hint: settings.hint,
      className: `picker ${settings.className ?? ''}`,
      list,
      keydown,
      after: html`${settings.below ?? nothing}<datalist id=${list}>${this.actors.map((a) => html`<option value=${actorLabel(a)}></option>`)}</datalist>
        ${this.creating?.id === fields.id(key) ? this.newActor(this.creating) : unnamed.trim().length >= 2 ? this.miss(fields, key, unnamed, choose) : nothing}`,
    });
  }

  /** A text that names no actor: the ones it likely means, and "Ny aktör …". */
  private miss(fields: FormFields, key: string, typed: string, choose: (actor: ActorSummary) => void): TemplateResult {
    const id = fields.id(key);
    const near = likelyDuplicates(this.actors, typed);
    return html`<div class="picker-miss" aria-live="polite">
      ${near.length
        ? html`<p>
            ${sv.picker.didYouMean}
            ${near.map((a, i) => html`${i ? ', ' : ''}<button type="button" class="link" @click=${() => this.chooseAndFocus(id, a, choose)}>${actorLabel(a)}</button>`)}?
          </p>`
        : html`<p>${sv.picker.noMatch(typed.trim())}</p>`}
      <button type="button" class="secondary small new-actor-open" @click=${() => this.openNew(id, typed, choose)}>${sv.picker.newActor}</button>
    </div>`;
  }

  /** `id`: the picker's field, where focus goes back. */
  private chooseAndFocus(id: string, actor: ActorSummary, choose: (actor: ActorSummary) => void): void {
    choose(actor);
    this.host.update();
    document.getElementById(id)?.focus();
  }

  private openNew(id: string, typed: string, chosen: (actor: ActorSummary) => void): void {
    const fields = new FormFields(`${id}-new-actor`);
    this.creating = { id, draft: emptyActorDraft(typed.trim()), fields, problem: null, saving: false, chosen };
    this.host.update();
    document.getElementById(fields.id('name'))?.focus();
  }

  /** The inline form: no form element of its own (forms do not nest), Enter in it creates, never sends the form around it. */
  private newActor(c: Creating): TemplateResult {
    const f = sv.actorForm;
    const set = (change: Partial<ActorDraft>) => {
      c.draft = { ...c.draft, ...change };
      this.host.update();
    };
    const enter = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      e.stopPropagation();
      void this.create(c);
    };
    const near = likelyDuplicates(this.actors, c.draft.name);
    const title = c.fields.id('title');
    return html`<div class="new-actor" role="group" aria-labelledby=${title}>
      <p class="new-actor-title" id=${title}>${sv.picker.newActorTitle}</p>
      ${c.fields.summary(c.problem)}
      ${c.fields.text('name', f.name, c.draft.name, (v) => set({ name: v }), { required: true, keydown: enter, after: duplicateWarning(near, (a) => this.useExisting(c, a)) })}
      ${c.fields.text('shortName', f.shortName, c.draft.shortName, (v) => set({ shortName: v }), { keydown: enter, hint: f.shortNameHint })}
      ${c.fields.select('kind', f.kind, c.draft.kind, codeOptions(sv.kinds), (v) => set({ kind: v }), { required: true })}
      <div class="form-actions">
        <button type="button" ?disabled=${c.saving} @click=${() => void this.create(c)}>${c.saving ? sv.edit.saving : sv.picker.create}</button>
        <button type="button" class="secondary" @click=${() => this.closeNew(c)}>${sv.edit.cancel}</button>
      </div>
    </div>`;
  }

  /** "Menade du …": the existing actor is chosen instead, and nothing is created. */
  private useExisting(c: Creating, actor: ActorSummary): void {
    this.creating = null;
    this.chooseAndFocus(c.id, actor, c.chosen);
  }

  private closeNew(c: Creating): void {
    this.creating = null;
    this.host.update();
    document.getElementById(c.id)?.focus();
  }

  private made(c: Creating, actor: ActorSummary): void {
    this.actors.push(actor);
    this.actors.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    this.creating = null;
    this.chooseAndFocus(c.id, actor, c.chosen);
    announce(sv.picker.created(actor.name));
  }

  /** One createActor; the new actor joins the view's list and becomes the picker's choice. */
  private async create(c: Creating): Promise<void> {
    if (c.saving) return;
    c.problem = null;
    c.fields.errors = checkActorDraft(c.draft);
    let made: ActorSummary | null = null;
    if (!Object.keys(c.fields.errors).length) {
      const failed = await attempt(savingOn(c, this.host.update), async () => {
        const result = outcome(await mutate('createActor', 'CreateActorInput', actorInput(c.draft), 'actor { id name shortName kind sector }'));
        if (result.kind === 'ok') made = result.result.actor as ActorSummary;
        else c.problem = refusal(c.fields, result);
      });
      c.problem = failed ?? c.problem;
    }
    if (made) return this.made(c, made);
    this.host.update();
    focusProblem(this.host.element()?.querySelector('.new-actor'));
  }
}

/** Under a new actor's name: the actors it likely duplicates, each a way to use that one instead. */
export function duplicateWarning(near: readonly ActorSummary[], use?: (actor: ActorSummary) => void): TemplateResult | typeof nothing {
  if (!near.length) return nothing;
  return html`<p class="duplicate-warning" role="status">
    ${sv.picker.didYouMean}
    ${near.map((a, i) => html`${i ? ', ' : ''}${use ? html`<button type="button" class="link" @click=${() => use(a)}>${actorLabel(a)}</button>` : html`<strong>${actorLabel(a)}</strong>`}`)}?
    ${sv.picker.exists(near.length)}
  </p>`;
}
