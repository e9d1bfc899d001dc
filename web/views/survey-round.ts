import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiError, graphql } from '../api/client.ts';
import type { Named } from '../api/documents.ts';
import { mutate, outcome } from '../api/mutations.ts';
import { canEdit } from '../api/session.ts';
import {
  ADDED_SUCCESS,
  type NewLink,
  OPENED_SUCCESS,
  REVOKED_SUCCESS,
  ROUND_QUERY,
  ROUND_SUCCESS,
  type RoundData,
  type RoundQueryData,
  SURVEY_CHOICES_QUERY,
  type SurveyChoicesData,
} from '../api/survey.ts';
import { csvBlob, download } from '../lib/download.ts';
import { toCsv } from '../lib/csv.ts';
import { setParams } from '../lib/url-state.ts';
import { label, sv } from '../i18n/sv.ts';
import { attempt, FormFields, focusProblem, refusal } from './forms.ts';
import { statusLine, viewHeading } from './parts.ts';
import { announce, LOADING, PageView, type Status } from './view.ts';
import { daysFromToday } from '../../server/domain/days.ts';

const number = (n: number | null) => (n === null ? sv.common.none : n.toLocaleString('sv-SE', { maximumFractionDigits: 1 }));

/**
 * Skattningsomgång: an editor opens a round (for one collaboration, or every
 * one of a forum or a målområde), adds the respondents, hands out their
 * personal links, follows who has answered, and extends or closes it.
 */
export class SurveyRoundView extends PageView {
  private status: Status = LOADING;
  private choices: SurveyChoicesData | null = null;
  private round: RoundData | null = null;
  private opened: RoundData[] = [];
  private links: NewLink[] = [];
  private notice: string | null = null;
  private problem: string | null = null;
  private saving = false;
  private confirmingClose = false;
  private readonly openFields = new FormFields('survey-open');
  private readonly addFields = new FormFields('survey-add');
  private draft = { collaborationId: '', forumId: '', targetAreaId: '', closesOn: daysFromToday(14), message: '' };
  private person = { name: '', organisationId: '', email: '' };
  private list = '';
  private extendTo = '';

  async mount(root: HTMLElement, params: URLSearchParams): Promise<void> {
    this.root = root;
    this.draft.collaborationId = params.get('collaboration') ?? '';
    this.draft.forumId = params.get('forum') ?? '';
    this.draft.targetAreaId = params.get('targetArea') ?? '';
    this.roundId = params.get('round');
    await this.load();
  }

  private roundId: string | null = null;

  /** Rounds name people: what the view shows depends on who is signed in. */
  protected override sessionChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!canEdit()) {
      this.status = { state: 'empty', text: sv.survey.needsEditor };
      return this.update();
    }
    this.status = LOADING;
    this.update();
    try {
      if (this.roundId) {
        this.round = (await graphql<RoundQueryData>(ROUND_QUERY, { id: this.roundId }, this.abort.signal)).surveyRound;
        this.extendTo ||= this.round?.closesOn ?? '';
        this.status = this.round ? { state: 'done', text: '' } : { state: 'empty', text: sv.edit.notFound };
      } else {
        const id = this.draft.collaborationId;
        this.choices = await graphql<SurveyChoicesData>(SURVEY_CHOICES_QUERY, { collaboration: id || 'collaboration:none', known: Boolean(id) }, this.abort.signal);
        this.status = { state: 'done', text: '' };
      }
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.status = { state: 'error', text: sv.state.error(error instanceof ApiError || error instanceof TypeError ? error.message : String(error)) };
    }
    this.update();
  }

  private showRound(round: RoundData): void {
    this.round = round;
    this.roundId = round.id;
    this.extendTo = round.closesOn;
    setParams({ round: round.id, collaboration: null, forum: null, targetArea: null });
  }

  /** Runs one of the round's mutations; a refusal lands at its fields, a success shows `done`. */
  private async run(fields: FormFields | null, name: string, inputType: string, input: Record<string, unknown>, success: string, done: (result: Record<string, unknown>) => string): Promise<boolean> {
    this.problem = null;
    let ok = false;
    const failed = await attempt((on) => ((this.saving = on), this.update()), async () => {
      const result = outcome(await mutate(name, inputType, input, success));
      if (result.kind !== 'ok') {
        this.problem = fields ? refusal(fields, result) ?? sv.survey.invalid : result.message;
        return;
      }
      this.notice = done(result.result);
      ok = true;
    });
    if (failed) this.problem = failed;
    this.update();
    if (!ok) focusProblem(this.root, '.error-summary, .problem');
    else {
      announce(this.notice ?? '');
      this.root.querySelector<HTMLElement>('.notice-saved')?.focus();
    }
    return ok;
  }

  private openRound = async (event: Event): Promise<void> => {
    event.preventDefault();
    const d = this.draft;
    const input = {
      collaborationIds: d.collaborationId ? [d.collaborationId] : [],
      forumId: d.forumId || null,
      targetAreaId: d.targetAreaId || null,
      closesOn: d.closesOn.trim(),
      message: d.message.trim() || null,
    };
    await this.run(this.openFields, 'openSurveyRound', 'OpenSurveyRoundInput', input, OPENED_SUCCESS, (r) => {
      const rounds = (r.opened as { rounds: RoundData[] }).rounds;
      if (rounds.length === 1) this.showRound(rounds[0]!);
      else this.opened = rounds;
      return sv.survey.opened(rounds.length);
    });
  };

  private addRespondents = async (input: Record<string, unknown>, reset: () => void): Promise<void> => {
    const ok = await this.run(this.addFields, 'addRespondents', 'AddRespondentsInput', { roundId: this.round!.id, ...input }, ADDED_SUCCESS, (r) => {
      const added = r.added as { round: RoundData; links: NewLink[] };
      this.round = added.round;
      this.links = [...this.links, ...added.links];
      return sv.survey.added(added.links.length);
    });
    if (ok) {
      reset();
      this.update();
    }
  };

  private addOne = (event: Event): void => {
    event.preventDefault();
    const p = this.person;
    void this.addRespondents({ respondents: [{ name: p.name, organisationId: p.organisationId, email: p.email.trim() || null }] }, () => (this.person = { name: '', organisationId: p.organisationId, email: '' }));
  };

  private addList = (event: Event): void => {
    event.preventDefault();
    void this.addRespondents({ list: this.list }, () => (this.list = ''));
  };

  private url = (link: NewLink) => `${window.location.origin}${link.path}`;

  private copy = async (text: string): Promise<void> => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    announce(sv.survey.copied);
  };

  private linksCsv = (): void => {
    const emails = new Map(this.round?.respondents.map((r) => [r.id, r.email ?? '']) ?? []);
    const table = {
      caption: sv.survey.links,
      columns: [...sv.survey.csvColumns],
      rows: this.links.map((l) => ({ key: l.respondent.id, cells: [l.respondent.name, l.respondent.organisation.name, emails.get(l.respondent.id) ?? '', this.url(l)] })),
    };
    download(`skattningsomgang-lankar.csv`, csvBlob(toCsv(table)));
  };

  private revoke = (id: string, name: string): void => {
    void this.run(null, 'revokeRespondent', 'RevokeRespondentInput', { respondentId: id }, REVOKED_SUCCESS, () => sv.survey.revokedDone(name)).then(async (ok) => {
      if (ok) await this.reloadRound();
    });
  };

  private async reloadRound(): Promise<void> {
    this.round = (await graphql<RoundQueryData>(ROUND_QUERY, { id: this.round!.id })).surveyRound;
    this.update();
  }

  private extend = (event: Event): void => {
    event.preventDefault();
    void this.run(null, 'extendSurveyRound', 'ExtendSurveyRoundInput', { roundId: this.round!.id, closesOn: this.extendTo.trim() }, ROUND_SUCCESS, (r) => {
      this.round = r.round as RoundData;
      return sv.survey.extended(this.round.closesOn);
    });
  };

  /** Closing cannot be undone (the links stop working), so it asks once more, as a delete does. */
  private askClose(on: boolean): void {
    this.confirmingClose = on;
    this.update();
    this.root.querySelector<HTMLElement>(on ? '.close-round' : '.ask-close')?.focus();
  }

  private close = (): void => {
    this.confirmingClose = false;
    void this.run(null, 'closeSurveyRound', 'SurveyRoundInput', { roundId: this.round!.id }, ROUND_SUCCESS, (r) => {
      this.round = r.round as RoundData;
      this.links = [];
      return this.round.assessment ? sv.survey.closed : sv.survey.closedEmpty;
    });
  };

  protected template(): TemplateResult {
    const t = sv.survey;
    return html`
      ${viewHeading(this.round ? t.roundOf(this.round.collaboration.name) : t.title, t.intro)}
      ${this.notice ? html`<p class="notice notice-saved" role="status" tabindex="-1">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="problem field-error" role="alert" tabindex="-1">${this.problem}</p>` : nothing}
      ${statusLine(this.status)}
      ${this.status.state !== 'done' ? nothing : this.round ? this.roundTemplate(this.round) : this.openTemplate()}
    `;
  }

  private openTemplate(): TemplateResult {
    const t = sv.survey;
    const c = this.choices;
    if (!c) return html``;
    const options = (list: Named[]) => [...list].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((n) => ({ value: n.id, label: n.name }));
    const f = this.openFields;
    return html`
      ${this.opened.length
        ? html`<ul class="opened">${this.opened.map((r) => html`<li><a href=${`/skattningsomgang?round=${encodeURIComponent(r.id)}`}>${r.collaboration.name}</a> (${r.tally})</li>`)}</ul>`
        : nothing}
      <form class="editor survey-open" aria-label=${t.start} @submit=${this.openRound} novalidate>
        ${f.summary(null)}
        <fieldset>
          <legend>${t.forWhat}</legend>
          <p class="hint">${t.chooseOne}</p>
          ${f.select('collaborationIds', t.collaboration, this.draft.collaborationId, options(c.collaborations.nodes), (v) => (this.draft.collaborationId = v))}
          ${f.select('forumId', t.forum, this.draft.forumId, options(c.forums.nodes), (v) => (this.draft.forumId = v))}
          ${f.select('targetAreaId', t.targetArea, this.draft.targetAreaId, options(c.targetAreas), (v) => (this.draft.targetAreaId = v))}
        </fieldset>
        ${f.text('closesOn', t.closesOn, this.draft.closesOn, (v) => (this.draft.closesOn = v), { required: true })}
        ${f.text('message', t.message, this.draft.message, (v) => (this.draft.message = v), { multiline: true })}
        <p><button type="submit" ?disabled=${this.saving}>${this.saving ? sv.edit.saving : t.open}</button></p>
      </form>
      ${c.node
        ? html`<h3>${t.earlier}</h3>
            ${c.node.surveyRounds.length
              ? html`<ul>${c.node.surveyRounds.map((r) => html`<li><a href=${`/skattningsomgang?round=${encodeURIComponent(r.id)}`}>${label(t.status, r.status)}, ${t.closes(r.closesOn)}</a> ${r.tally}</li>`)}</ul>`
              : html`<p>${t.none}</p>`}`
        : nothing}
    `;
  }

  private roundTemplate(r: RoundData): TemplateResult {
    const t = sv.survey;
    const open = r.status === 'OPEN';
    const f = this.addFields;
    const participants = r.collaboration.participants.map((p) => ({ value: p.id, label: p.name }));
    return html`
      <dl class="facts">
        <dt>${t.statusLabel}</dt><dd>${label(t.status, r.status)}. ${open ? t.closes(r.closesOn) : r.assessment ? t.closedNote : t.closedEmpty}</dd>
        <dt>${t.tally}</dt><dd class="tally">${r.tally}</dd>
      </dl>
      ${r.message ? html`<p class="notice" role="note">${r.message}</p>` : nothing}
      ${r.assessment
        ? html`<h3>${t.result}</h3><p class="evidence">${r.assessment.date}: ${label(sv.levels, r.assessment.level)}${r.assessment.provisional ? ` (${sv.taxonomy.provisional})` : ''}. ${r.assessment.evidence}</p>`
        : nothing}
      ${!open ? html`<p><a href=${`/taxonomi?collaboration=${encodeURIComponent(r.collaboration.id)}`}>${t.toTaxonomy}</a></p>` : nothing}
      ${this.links.length ? this.linksTemplate() : nothing}
      ${open
        ? html`<div class="editor">
            ${f.summary(null)}
            <form class="survey-add" aria-label=${t.addOne} @submit=${this.addOne} novalidate>
              <fieldset class="member">
                <legend>${t.addOne}</legend>
                ${f.text('respondents.0.name', t.name, this.person.name, (v) => (this.person.name = v), { required: true })}
                ${f.select('respondents.0.organisationId', t.organisation, this.person.organisationId, participants, (v) => (this.person.organisationId = v), { required: true })}
                ${f.text('respondents.0.email', t.email, this.person.email, (v) => (this.person.email = v), { type: 'email' })}
                <button type="submit" ?disabled=${this.saving}>${t.addOne}</button>
              </fieldset>
            </form>
            <form class="survey-paste" aria-label=${t.paste} @submit=${this.addList} novalidate>
              ${f.text('list', t.paste, this.list, (v) => (this.list = v), { multiline: true, hint: t.pasteHint })}
              <p><button type="submit" class="secondary" ?disabled=${this.saving}>${t.addList}</button></p>
            </form>
          </div>`
        : nothing}
      <h3>${t.respondents}</h3>
      ${r.respondents.length
        ? html`<table class="respondents">
            <caption class="visually-hidden">${t.respondents}</caption>
            <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.organisation}</th><th scope="col">${t.answered}</th>${open ? html`<th scope="col"><span class="visually-hidden">${t.revoke}</span></th>` : nothing}</tr></thead>
            <tbody>${r.respondents.map((p) => html`<tr>
              <th scope="row">${p.name}</th><td>${p.organisation.name}</td>
              <td>${p.revoked ? t.revoked : p.answered ? t.yes : t.no}</td>
              ${open ? html`<td>${p.revoked ? nothing : html`<button type="button" class="secondary small" aria-label=${t.revokeFor(p.name)} @click=${() => this.revoke(p.id, p.name)}>${t.revoke}</button>`}</td>` : nothing}
            </tr>`)}</tbody>
          </table>`
        : html`<p>${t.noRespondents}</p>`}
      ${r.organisations.length
        ? html`<table class="profile">
            <caption>${t.perOrganisation}</caption>
            <thead><tr>${Object.values(t.medianColumns).map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
            <tbody>${r.organisations.map((o) => html`<tr><th scope="row">${o.organisation.name}</th><td>${o.answered} av ${o.invited}</td>${o.medians.map((m) => html`<td>${number(m.median)}</td>`)}</tr>`)}</tbody>
          </table>`
        : nothing}
      <h3>${t.comments}</h3>
      ${r.comments.length ? html`<ul class="comments">${r.comments.map((c) => html`<li>${c}</li>`)}</ul>` : html`<p>${t.noComments}</p>`}
      ${open
        ? html`<form class="toolbar survey-extend" aria-label=${t.extend} @submit=${this.extend} novalidate>
              <div class="field"><label for="survey-extend-to">${t.extendTo}</label><input id="survey-extend-to" .value=${this.extendTo} @input=${(e: Event) => (this.extendTo = (e.target as HTMLInputElement).value)} /></div>
              <button type="submit" class="secondary" ?disabled=${this.saving}>${t.extend}</button>
            </form>
            ${this.confirmingClose
              ? html`<div class="confirm" role="group" aria-labelledby="survey-close-confirm">
                  <p id="survey-close-confirm">${t.closeConfirm}</p>
                  <button type="button" class="close-round" ?disabled=${this.saving} @click=${this.close}>${t.closeYes}</button>
                  <button type="button" class="secondary" @click=${() => this.askClose(false)}>${sv.edit.cancel}</button>
                </div>`
              : html`<p><button type="button" class="ask-close" @click=${() => this.askClose(true)}>${t.close}</button></p>`}`
        : nothing}
    `;
  }

  private linksTemplate(): TemplateResult {
    const t = sv.survey;
    const all = this.links.map((l) => `${l.respondent.name} (${l.respondent.organisation.name}): ${this.url(l)}`).join('\n');
    return html`<section class="links" aria-labelledby="survey-links">
      <h3 id="survey-links">${t.links}</h3>
      <p class="hint">${t.linksHint}</p>
      <ul>${this.links.map((l) => html`<li class="link">
        <label for=${`link-${l.respondent.id}`}>${t.linkFor(l.respondent.name)} (${l.respondent.organisation.name})</label>
        <input id=${`link-${l.respondent.id}`} class="survey-link" readonly .value=${this.url(l)} />
        <button type="button" class="secondary small" aria-label=${t.copyFor(l.respondent.name)} @click=${() => void this.copy(this.url(l))}>${t.copy}</button>
      </li>`)}</ul>
      <p>
        <button type="button" class="secondary" @click=${() => void this.copy(all)}>${t.copyAll}</button>
        <button type="button" class="secondary" @click=${this.linksCsv}>${t.csv}</button>
      </p>
    </section>`;
  }
}
