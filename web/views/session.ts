import { html, render } from 'lit-html';
import { loadSession, onSessionChange, signIn, signOut, viewer } from '../api/session.ts';
import { label, sv } from '../i18n/sv.ts';
import { FormFields, focusFirstError } from './forms.ts';
import { announce } from './view.ts';

/**
 * The sign-in control in the header: a button that opens a field for an API
 * key, and once signed in, who and in which role, with "Logga ut".
 */
export class SessionControl {
  private open = false;
  private key = '';
  private busy = false;
  private readonly fields = new FormFields('sign-in');

  constructor(private readonly root: HTMLElement) {
    onSessionChange(() => this.update());
  }

  async start(): Promise<void> {
    this.update();
    await loadSession();
  }

  private update(): void {
    render(this.template(), this.root);
  }

  private template() {
    const s = sv.session;
    const v = viewer();
    if (v) {
      const role = v.roles.map((r) => label(s.roles, r)).join(', ');
      return html`<p class="signed-in">${s.signedInAs(v.name ?? '', role)}</p>
        <button type="button" class="on-dark" @click=${this.signOut}>${s.signOut}</button>`;
    }
    if (!this.open) return html`<button type="button" class="on-dark" aria-expanded="false" @click=${this.toggle}>${s.signIn}</button>`;
    return html`<form class="sign-in" aria-label=${s.formLabel} @submit=${this.submit} novalidate>
      ${this.fields.text('key', s.key, this.key, (v) => (this.key = v), { type: 'password', hint: s.keyHint, required: true })}
      <button type="submit" class="on-dark" ?disabled=${this.busy}>${s.signIn}</button>
      <button type="button" class="on-dark secondary" @click=${this.toggle}>${s.cancel}</button>
    </form>`;
  }

  private toggle = (): void => {
    this.open = !this.open;
    this.fields.errors = {};
    this.update();
    if (this.open) this.root.querySelector<HTMLInputElement>('input')?.focus();
    else this.root.querySelector<HTMLButtonElement>('button')?.focus();
  };

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!this.key.trim()) this.fields.errors = { key: sv.edit.required };
    else {
      this.busy = true;
      this.update();
      const result = await signIn(this.key.trim());
      this.busy = false;
      this.fields.errors = result.ok ? {} : { key: result.message };
    }
    if (Object.keys(this.fields.errors).length) {
      this.update();
      focusFirstError(this.root);
      return;
    }
    this.open = false;
    this.key = '';
    this.update();
    announce(sv.session.signedIn(viewer()?.name ?? ''));
    this.root.querySelector<HTMLButtonElement>('button')?.focus();
  };

  private signOut = async (): Promise<void> => {
    await signOut();
    announce(sv.session.signedOut);
    this.root.querySelector<HTMLButtonElement>('button')?.focus();
  };
}
