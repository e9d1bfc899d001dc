import { html, nothing, render, type TemplateResult } from 'lit-html';
import { readSurvey, saveSurvey, type SurveyChange, type SurveyData, SurveyRefused } from '../api/survey.ts';
import { sv } from '../i18n/sv.ts';
import { FormFields } from './forms.ts';
import { statusLine } from './parts.ts';
import type { Status, View } from './view.ts';

/** The respondent's page opens the survey its link names, from the path /svar/<token>. */
export const RESPOND_PATH = '/svar/';

/**
 * The respondent's page, reached by a personal link alone: their survey and
 * nothing else of the map. Every change is saved as it is made; the page
 * reads nothing but /api/svar, with the token in the request body.
 */
export class RespondView implements View {
  private root!: HTMLElement;
  private survey: SurveyData | null = null;
  private status: Status = { state: 'loading', text: sv.respond.loading };
  private saveStatus: Status = { state: 'done', text: '' };
  private refused: string | null = null;
  private finished = false;
  private readonly fields = new FormFields('respond');
  /** Saves go one after another, so a later change never lands before an earlier one. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly token: string) {}

  async mount(root: HTMLElement): Promise<void> {
    this.root = root;
    this.update();
    try {
      this.survey = await readSurvey(this.token);
      this.status = { state: 'done', text: '' };
    } catch (error) {
      this.refuse(error);
    }
    this.update();
  }

  destroy(): void {
    render(nothing, this.root);
  }

  private refuse(error: unknown): void {
    this.refused = error instanceof SurveyRefused ? error.message : String(error);
    this.status = { state: 'error', text: this.refused };
  }

  private update(): void {
    render(this.template(), this.root);
  }

  private save(change: SurveyChange): void {
    if (!this.survey) return;
    // Shown at once; the server's answer then replaces it.
    this.survey = {
      ...this.survey,
      answers: { ...this.survey.answers, ...change.answers },
      ...(change.signals ? { signals: change.signals } : {}),
      ...(change.comment !== undefined ? { comment: change.comment } : {}),
    };
    this.finished = false;
    this.saveStatus = { state: 'loading', text: sv.respond.saving };
    this.update();
    this.pending++;
    this.queue = this.queue.then(async () => {
      try {
        const saved = await saveSurvey(this.token, change);
        // While later changes wait their turn, the page keeps showing them: an earlier answer must not undo them.
        if (--this.pending > 0) return;
        this.survey = saved;
        this.saveStatus = { state: 'done', text: sv.respond.saved(new Date(saved.savedAt ?? Date.now()).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })) };
      } catch (error) {
        this.pending = Math.max(0, this.pending - 1);
        if (error instanceof SurveyRefused && error.status === 404) this.refuse(error);
        else this.saveStatus = { state: 'error', text: sv.respond.notSaved(error instanceof Error ? error.message : String(error)) };
      }
      this.update();
    });
  }

  private answer(key: string, value: string): void {
    this.save({ answers: { [key]: Number(value) } });
  }

  private unanswered(): number {
    return Object.values(this.survey?.answers ?? {}).filter((v) => v === null).length;
  }

  private template(): TemplateResult {
    const t = sv.respond;
    const s = this.survey;
    if (!s) return html`<h2 id="view-title" tabindex="-1">${t.title}</h2>${statusLine(this.status)}`;
    if (this.refused) return html`<h2 id="view-title" tabindex="-1">${t.heading(s.collaboration.name)}</h2>${statusLine(this.status)}`;
    const value = (key: string) => (s.answers[key] === null || s.answers[key] === undefined ? '' : String(s.answers[key]));
    const dontKnow = { value: '0', label: t.dontKnow };
    return html`
      <h2 id="view-title" tabindex="-1">${t.heading(s.collaboration.name)}</h2>
      <p class="intro">${t.youAnswerFor(s.respondent.name, s.respondent.organisation)} <strong>${t.closes(s.round.closesOn)}</strong></p>
      ${s.round.message ? html`<p class="notice" role="note">${s.round.message}</p>` : nothing}
      <h3>${t.participants}</h3>
      <ul class="participants">${s.collaboration.participants.map((p) => html`<li>${p}</li>`)}</ul>
      <form class="respond" aria-label=${t.title} @submit=${this.finish} novalidate>
        <p>${t.intro}</p>
        ${s.instrument.layers.map(
          (layer) => html`<section class="layer" aria-labelledby=${`layer-${layer.key}`}>
            <h3 id=${`layer-${layer.key}`}>${t.layer(layer.key, layer.name)}</h3>
            ${layer.items.map((item) =>
              this.fields.radios(item.id, item.name, value(item.id), [...item.statements.map((text, i) => ({ value: String(i + 1), label: t.level(i + 1, text) })), dontKnow], (v) => this.answer(item.id, v), { className: 'item' }),
            )}
          </section>`,
        )}
        <section class="layer" aria-labelledby="respond-target">
          <h3 id="respond-target">${t.target}</h3>
          <p>${s.instrument.targetQuestion}</p>
          ${s.instrument.layers.map((layer) =>
            this.fields.radios(`target${layer.key}`, t.targetFor(layer.key, layer.name), value(`target${layer.key}`), [...s.instrument.levels.map((l) => ({ value: String(l.value), label: t.level(l.value, l.name) })), dontKnow], (v) => this.answer(`target${layer.key}`, v), { className: 'item' }),
          )}
        </section>
        ${this.fields.checkboxes('signals', t.signals, s.signals, s.instrument.signals.map((x) => ({ value: x.code, label: x.text })), (signals) => this.save({ signals }))}
        <div class="field">
          <label for="respond-comment">${t.comment}</label>
          <textarea id="respond-comment" rows="4" maxlength="4000" .value=${s.comment ?? ''} @change=${(e: Event) => this.save({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
        </div>
        <p class="status" role="status" data-state=${this.saveStatus.state}>${this.saveStatus.text}</p>
        ${this.finished
          ? html`<div class="thanks" tabindex="-1"><p><strong>${t.thanks}</strong></p>${this.unanswered() ? html`<p>${t.missing(this.unanswered())}</p>` : nothing}<p>${t.thanksChange(s.round.closesOn)}</p></div>`
          : nothing}
        <p><button type="submit">${t.done}</button></p>
      </form>
    `;
  }

  private finish = async (event: Event): Promise<void> => {
    event.preventDefault();
    // The comment is saved on change; a last one still in the field is saved with Klar.
    const comment = (this.root.querySelector('#respond-comment') as HTMLTextAreaElement | null)?.value ?? '';
    if (this.survey && comment !== (this.survey.comment ?? '')) this.save({ comment });
    await this.queue;
    if (this.refused) return;
    this.finished = true;
    this.update();
    this.root.querySelector<HTMLElement>('.thanks')?.focus();
  };
}
