import { html, nothing, type TemplateResult } from 'lit-html';
import { sv } from '../i18n/sv.ts';
import type { Option } from './parts.ts';
import { saveFailed, type Outcome } from '../api/mutations.ts';

interface FieldOptions {
  hint?: string;
  required?: boolean;
  /** Where a repeated field stands (e.g. "Medlem 2"), so its error in the summary says which one. */
  context?: string;
}

/**
 * The fields of one form, and its errors: each error is shown at its field and
 * tied to it with aria-describedby, and listed in a summary at the top. Errors
 * are keyed by their path in the mutation's input (`members.0.role`), so the
 * server's field errors land where the user typed.
 */
export class FormFields {
  errors: Record<string, string> = {};
  private readonly labels = new Map<string, string>();

  constructor(readonly form: string) {}

  private name(key: string, label: string, context?: string): void {
    this.labels.set(key, context ? `${context}, ${label.toLocaleLowerCase('sv')}` : label);
  }

  /** A field the user changes loses its error, so the message never stands beside a value it no longer describes. */
  private changed(key: string, apply: () => void): void {
    delete this.errors[key];
    apply();
  }

  id(key: string): string {
    return `${this.form}-${key.replaceAll('.', '-')}`;
  }

  private described(key: string, hint?: string): string | typeof nothing {
    const ids = [hint ? `${this.id(key)}-hint` : '', this.errors[key] ? `${this.id(key)}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private notes(key: string, hint?: string): TemplateResult {
    return html`${hint ? html`<p class="hint" id=${`${this.id(key)}-hint`}>${hint}</p>` : nothing}
      ${this.errors[key] ? html`<p class="field-error" id=${`${this.id(key)}-error`}>${this.errors[key]}</p>` : nothing}`;
  }

  /**
   * A text field. `list` names a datalist of suggestions (an actor picker's),
   * `keydown` sees keys first (Enter in a picker), `after` stands below it.
   */
  text(
    key: string,
    label: string,
    value: string,
    onInput: (value: string, event: InputEvent) => void,
    options: FieldOptions & { multiline?: boolean; type?: string; className?: string; list?: string; keydown?: (e: KeyboardEvent) => void; after?: TemplateResult | typeof nothing } = {},
  ): TemplateResult {
    this.name(key, label, options.context);
    const id = this.id(key);
    const input = (e: Event) => this.changed(key, () => onInput((e.target as HTMLInputElement).value, e as InputEvent));
    const invalid = this.errors[key] ? 'true' : 'false';
    return html`<div class=${`field ${options.className ?? ''}`}>
      <label for=${id}>${label}${options.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${options.multiline
        ? html`<textarea id=${id} rows="3" .value=${value} ?required=${options.required} aria-invalid=${invalid} aria-describedby=${this.described(key, options.hint)} @input=${input}></textarea>`
        : html`<input id=${id} type=${options.type ?? 'text'} autocomplete="off" list=${options.list ?? nothing} .value=${value} ?required=${options.required} aria-invalid=${invalid} aria-describedby=${this.described(key, options.hint)} @input=${input} @keydown=${options.keydown ?? nothing} />`}
      ${this.notes(key, options.hint)}
      ${options.after ?? nothing}
    </div>`;
  }

  select(key: string, label: string, value: string, options: readonly Option[], onChange: (value: string) => void, settings: FieldOptions & { empty?: string } = {}): TemplateResult {
    this.name(key, label, settings.context);
    const id = this.id(key);
    return html`<div class="field">
      <label for=${id}>${label}${settings.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      <select id=${id} ?required=${settings.required} aria-invalid=${this.errors[key] ? 'true' : 'false'} aria-describedby=${this.described(key, settings.hint)} @change=${(e: Event) => this.changed(key, () => onChange((e.target as HTMLSelectElement).value))}>
        <option value="" .selected=${!value}>${settings.empty ?? sv.edit.choose}</option>
        ${options.map((o) => html`<option value=${o.value} .selected=${o.value === value}>${o.label}</option>`)}
      </select>
      ${this.notes(key, settings.hint)}
    </div>`;
  }

  /** One choice of several, as radio buttons in a fieldset, its legend the question. */
  radios(key: string, legend: string, value: string, options: readonly Option[], onChange: (value: string) => void, settings: { className?: string; context?: string } = {}): TemplateResult {
    this.name(key, legend, settings.context);
    const className = settings.className ?? '';
    const id = this.id(key);
    return html`<fieldset class=${`choices ${className}`} ?data-invalid=${!!this.errors[key]} aria-describedby=${this.described(key)}>
      <legend>${legend}</legend>
      ${this.notes(key)}
      ${options.map(
        (o) => html`<label class="choice" for=${`${id}-${o.value}`}>
          <input type="radio" id=${`${id}-${o.value}`} name=${id} value=${o.value} .checked=${o.value === value} @change=${() => this.changed(key, () => onChange(o.value))} />
          <span>${o.label}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  /** Any number of choices, as checkboxes in a fieldset. */
  checkboxes(key: string, legend: string, values: readonly string[], options: readonly Option[], onChange: (values: string[]) => void, className = ''): TemplateResult {
    this.name(key, legend);
    const id = this.id(key);
    const toggle = (value: string, on: boolean) => this.changed(key, () => onChange(on ? [...values, value] : values.filter((v) => v !== value)));
    return html`<fieldset class=${`choices ${className}`} ?data-invalid=${!!this.errors[key]} aria-describedby=${this.described(key)}>
      <legend>${legend}</legend>
      ${this.notes(key)}
      <div class="choice-list">
        ${options.map(
          (o, i) => html`<label class="choice" for=${`${id}-${i}`}>
            <input type="checkbox" id=${`${id}-${i}`} value=${o.value} .checked=${values.includes(o.value)} @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
            <span>${o.label}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  /** Every error at the top, each a link to its field; errors of fields the form does not show are listed too. */
  summary(message: string | null): TemplateResult | typeof nothing {
    const entries = Object.entries(this.errors);
    if (!entries.length && !message) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1">
      <p>${entries.length ? sv.edit.errorSummary : message}</p>
      ${entries.length
        ? html`<ul>
            ${entries.map(([key, text]) =>
              this.labels.has(key) ? html`<li><a href=${`#${this.id(key)}`} @click=${(e: Event) => this.jump(e, key)}>${this.labels.get(key)}: ${text}</a></li>` : html`<li>${key}: ${text}</li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private jump(event: Event, key: string): void {
    event.preventDefault();
    focusable(document.getElementById(this.id(key)) ?? document.querySelector(`[id^="${this.id(key)}-"]`))?.focus();
  }
}

const focusable = (element: Element | null): HTMLElement | null =>
  element instanceof HTMLFieldSetElement ? element.querySelector('input') : (element as HTMLElement | null);

/** Moves focus to the first field with an error, in page order, so a keyboard or screen reader user lands on it. */
export function focusFirstError(root: ParentNode): boolean {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input');
  first?.focus();
  return !!first;
}

/** After a refusal: focus on the first wrong field, or else on the message (`message`: where it stands). */
export function focusProblem(root: ParentNode | null | undefined, message = '.error-summary'): void {
  if (root && !focusFirstError(root)) root.querySelector<HTMLElement>(message)?.focus();
}

/**
 * A refused write at its form: field errors at their fields, and the message
 * to show when the refusal names no field (a conflict, a vanished node).
 */
export function refusal(fields: FormFields, result: Exclude<Outcome, { kind: 'ok' }>): string | null {
  if (result.kind === 'invalid') fields.errors = result.fields;
  return result.kind !== 'invalid' || !Object.keys(result.fields).length ? result.message : null;
}

/** `attempt`'s `saving` for a form whose state is a plain object: drawn as it starts, so its button says "Sparar …". */
export const savingOn =
  (state: { saving: boolean }, update: () => void) =>
  (on: boolean): void => {
    state.saving = on;
    if (on) update();
  };

/**
 * A form's write while it runs: `saving(true)` before (its button says
 * "Sparar …" and a second press sends nothing), `saving(false)` after; a
 * failure to reach the server comes back as the message to show, else null.
 */
export async function attempt(saving: (on: boolean) => void, run: () => Promise<void>): Promise<string | null> {
  saving(true);
  try {
    await run();
    return null;
  } catch (error) {
    return saveFailed(error);
  } finally {
    saving(false);
  }
}

/**
 * What a list field holds, each with its own "Ta bort" (named for what it
 * removes): chosen actors, an activity's effektmål. Removing one moves focus
 * to the next one's button, or to `fallback` when none is left.
 */
export function chosenList(id: string, items: readonly { id: string; label: string }[], remove: (id: string) => void, fallback: string): TemplateResult {
  if (!items.length) return html`<p class="muted">${sv.picker.noneChosen}</p>`;
  const removeAndFocus = (itemId: string, index: number) => {
    remove(itemId);
    // After the list is drawn again, with one fewer.
    queueMicrotask(() => {
      const buttons = document.querySelectorAll<HTMLElement>(`#${id} button`);
      (buttons[Math.min(index, buttons.length - 1)] ?? document.getElementById(fallback))?.focus();
    });
  };
  return html`<ul class="chosen" id=${id}>
    ${items.map(
      (item, i) => html`<li>
        <span>${item.label}</span>
        <button type="button" class="secondary small" aria-label=${sv.picker.remove(item.label)} @click=${() => removeAndFocus(item.id, i)}>${sv.edit.remove}</button>
      </li>`,
    )}
  </ul>`;
}
