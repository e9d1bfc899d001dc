import { html, nothing, type TemplateResult } from 'lit-html';
import type { Instrument, Named } from '../api/documents.ts';
import { mutate, outcome } from '../api/mutations.ts';
import {
  type AssessmentDraft,
  checkAssessment,
  checkPlacement,
  emptyAssessment,
  emptyPlacement,
  emptyResponse,
  placeCollaborationInput,
  type PlacementDraft,
  submitAssessmentInput,
  TARGET_IDS,
} from '../edit/assessment.ts';
import { label, sv } from '../i18n/sv.ts';
import { FormFields, attempt, focusProblem, refusal } from './forms.ts';

export type AssessmentMode = 'survey' | 'place';

export interface AssessmentEditorHost {
  update(): void;
  element(): HTMLElement | null;
  /** After the write landed: the taxonomy read again, the collaboration shown, the form closed. */
  saved(collaborationId: string, message: string): Promise<void>;
  cancel(): void;
}

/**
 * The assessment of one collaboration: a survey on the instrument (each
 * respondent's six items, 1–5, and the target per layer), or an editor's
 * direct placement (level and note).
 */
export class AssessmentEditor {
  private readonly fields = new FormFields('assessment-form');
  private survey: AssessmentDraft = emptyAssessment();
  private placement: PlacementDraft = emptyPlacement();
  private problem: string | null = null;
  private saving = false;

  constructor(
    readonly mode: AssessmentMode,
    readonly collaboration: Named,
    private readonly organisations: readonly Named[],
    private readonly instrument: Instrument,
    private readonly host: AssessmentEditorHost,
  ) {}

  private setSurvey(change: Partial<AssessmentDraft>): void {
    this.survey = { ...this.survey, ...change };
    this.host.update();
  }

  private setResponse(index: number, key: string, value: string): void {
    this.setSurvey({ responses: this.survey.responses.map((r, i) => (i === index ? { ...r, [key]: value } : r)) });
  }

  private setPlacement(change: Partial<PlacementDraft>): void {
    this.placement = { ...this.placement, ...change };
    this.host.update();
  }

  private levelName = (value: number) => this.instrument.levels.find((l) => l.value === value)?.name ?? String(value);

  template(): TemplateResult {
    const a = sv.assess;
    const survey = this.mode === 'survey';
    return html`<section class="editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${survey ? a.surveyTitle(this.collaboration.name) : a.placeTitle(this.collaboration.name)}</h3>
      ${survey ? html`<p class="intro">${this.instrument.description}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        ${this.fields.summary(this.problem)}
        ${survey ? this.surveyFields() : this.placementFields()}
        <div class="form-actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? sv.edit.saving : survey ? a.submit : a.submitPlace}</button>
          <button type="button" class="secondary" @click=${() => this.host.cancel()}>${sv.edit.cancel}</button>
        </div>
      </form>
    </section>`;
  }

  private signalField(values: string[], onChange: (values: string[]) => void): TemplateResult {
    return this.fields.checkboxes('signals', sv.assess.signals, values, this.instrument.signals.map((s) => ({ value: s.code, label: s.text })), onChange);
  }

  private surveyFields(): TemplateResult {
    const a = sv.assess;
    const f = this.fields;
    const d = this.survey;
    const organisations = this.organisations.map((o) => ({ value: o.id, label: o.name }));
    const targets = [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `${v}. ${this.levelName(v)}` }));
    return html`
      ${f.text('date', a.date, d.date, (v) => this.setSurvey({ date: v }), { required: true, className: 'date' })}
      <p class="hint">${a.provisionalHint}</p>
      ${d.responses.map(
        (r, i) => html`<fieldset class="respondent">
          <legend>${a.respondent(i + 1)}</legend>
          <div class="form-grid">
            ${f.text(`responses.${i}.respondent`, a.respondentName, r.respondent ?? '', (v) => this.setResponse(i, 'respondent', v), { required: true, context: a.respondent(i + 1) })}
            ${f.select(`responses.${i}.organisationId`, a.organisation, r.organisationId ?? '', organisations, (v) => this.setResponse(i, 'organisationId', v), { required: true, context: a.respondent(i + 1) })}
          </div>
          ${this.instrument.layers.map(
            (layer, l) => html`<fieldset class="layer">
              <legend>${layer.layer} ${layer.name}</legend>
              ${layer.items.map((item) =>
                f.radios(`responses.${i}.${item.id}`, item.name, r[item.id] ?? '', item.statements.map((s, n) => ({ value: String(n + 1), label: `${n + 1}. ${s}` })), (v) => this.setResponse(i, item.id, v), { className: 'scale', context: a.respondent(i + 1) }),
              )}
              ${f.select(`responses.${i}.${TARGET_IDS[l]}`, a.targetFor(layer.layer), r[TARGET_IDS[l]!] ?? '', targets, (v) => this.setResponse(i, TARGET_IDS[l]!, v), { empty: a.noTarget, hint: this.instrument.targetQuestion, context: a.respondent(i + 1) })}
            </fieldset>`,
          )}
          ${d.responses.length > 1
            ? html`<button type="button" class="secondary" @click=${() => this.removeResponse(i)}>${a.removeRespondent(i + 1)}</button>`
            : nothing}
        </fieldset>`,
      )}
      <p><button type="button" class="secondary add-respondent" @click=${this.addResponse}>${a.addRespondent}</button></p>
      ${this.signalField(d.signals, (signals) => this.setSurvey({ signals }))}
      ${f.text('note', a.note, d.note, (v) => this.setSurvey({ note: v }), { multiline: true })}
    `;
  }

  private addResponse = (): void => {
    this.setSurvey({ responses: [...this.survey.responses, emptyResponse()] });
    this.host.element()?.querySelector<HTMLElement>(`#${this.fields.id(`responses.${this.survey.responses.length - 1}.respondent`)}`)?.focus();
  };

  private removeResponse(index: number): void {
    this.setSurvey({ responses: this.survey.responses.filter((_, i) => i !== index) });
    this.host.element()?.querySelector<HTMLElement>('.add-respondent')?.focus();
  }

  private placementFields(): TemplateResult {
    const a = sv.assess;
    const f = this.fields;
    const d = this.placement;
    const levels = this.instrument.levels.map((l) => ({ value: l.level, label: `${l.value}. ${l.name}` }));
    return html`
      ${f.text('date', a.date, d.date, (v) => this.setPlacement({ date: v }), { required: true, className: 'date' })}
      ${f.radios('level', a.level, d.level, levels, (v) => this.setPlacement({ level: v }))}
      ${f.select('targetLevel', a.targetLevel, d.targetLevel, levels, (v) => this.setPlacement({ targetLevel: v }), { empty: a.noTarget })}
      ${f.text('note', a.placeNote, d.note, (v) => this.setPlacement({ note: v }), { multiline: true, required: true })}
      ${this.signalField(d.signals, (signals) => this.setPlacement({ signals }))}
    `;
  }

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.saving) return;
    const survey = this.mode === 'survey';
    const id = this.collaboration.id;
    this.problem = null;
    this.fields.errors = survey ? checkAssessment(this.survey) : checkPlacement(this.placement);
    if (!Object.keys(this.fields.errors).length) {
      let landed = false;
      const saving = (on: boolean) => {
        this.saving = on;
        if (on) this.host.update();
      };
      const failed = await attempt(saving, async () => {
        const result = outcome(
          survey
            ? await mutate('submitAssessment', 'SubmitAssessmentInput', submitAssessmentInput(id, this.survey), 'assessment { level }')
            : await mutate('placeCollaboration', 'PlaceCollaborationInput', placeCollaborationInput(id, this.placement), 'assessment { level }'),
        );
        if (result.kind !== 'ok') return void (this.problem = refusal(this.fields, result));
        landed = true;
        const level = (result.result.assessment as { level: string }).level;
        await this.host.saved(id, sv.assess.saved(this.collaboration.name, label(sv.levels, level)));
      });
      if (landed) return;
      this.problem = failed ?? this.problem;
    }
    this.host.update();
    focusProblem(this.host.element());
  };
}
