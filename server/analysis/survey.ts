/**
 * Skattningsomgångar (survey rounds by personal link): pure functions over the
 * rows `cypher/survey/…` returns. What a round shows its editors (who has
 * answered, each organisation's medians, comments without names) and what it
 * becomes at close: the respondents' answers as an assessment, scored by the
 * rules of taxonomy.ts like any other.
 */
import { INSTRUMENT, ITEM_IDS, LAYER_KEYS, type ItemId, type LayerKey } from '../domain/instrument.ts';
import { swedish } from './findings.ts';
import type { NewResponse } from '../domain/assessment-writes.ts';
import { countsInResult, median, respondentLayerScores } from './taxonomy.ts';

/** What "vet ej" is stored as: answered, but with no level. */
export const DONT_KNOW = 0;

export type AnswerKey = ItemId | `target${LayerKey}`;
export const ANSWER_KEYS: readonly AnswerKey[] = [...LAYER_KEYS.flatMap((l) => ITEM_IDS[l]), ...LAYER_KEYS.map((l) => `target${l}` as const)];

/** A respondent as `survey/list-round-respondents` returns it. */
export type RespondentRow = {
  id: string;
  name: string;
  email?: string | null;
  organisation: string;
  organisationName: string;
  createdAt: string;
  revokedAt?: string | null;
  answeredAt?: string | null;
  savedAt?: string | null;
  signals?: string[] | null;
  comment?: string | null;
} & Partial<Record<AnswerKey, number | null>>;

const level = (value: number | null | undefined): number | null => (typeof value === 'number' && value >= 1 ? value : null);

/** A respondent's answers with "vet ej" as no value, as scoring reads them. */
export function scoredAnswers(r: Partial<Record<AnswerKey, number | null>>): Record<AnswerKey, number | null> {
  return Object.fromEntries(ANSWER_KEYS.map((key) => [key, level(r[key])])) as Record<AnswerKey, number | null>;
}

/** Answers that count in the result: a live link, and at least one item of every layer answered with a level. */
export function counts(r: RespondentRow): boolean {
  return !r.revokedAt && countsInResult(scoredAnswers(r));
}

export interface Tally {
  /** Live links. */
  invited: number;
  /** Live links whose answers count. */
  answered: number;
  organisationsInvited: number;
  organisationsAnswered: number;
  /** "5 av 8, 3 organisationer". */
  text: string;
}

export function tally(respondents: readonly RespondentRow[]): Tally {
  const live = respondents.filter((r) => !r.revokedAt);
  const answered = live.filter(counts);
  const organisations = new Set(answered.map((r) => r.organisation)).size;
  return {
    invited: live.length,
    answered: answered.length,
    organisationsInvited: new Set(live.map((r) => r.organisation)).size,
    organisationsAnswered: organisations,
    text: `${answered.length} av ${live.length}, ${organisations} ${organisations === 1 ? 'organisation' : 'organisationer'}`,
  };
}

export interface OrganisationSummary {
  organisation: string;
  name: string;
  invited: number;
  answered: number;
  /** Per layer, the median of its answering respondents' layer scores; null when none has answered. */
  medians: Record<LayerKey, number | null>;
}

/** Per organisation asked: how many were asked and answered, and its medians (never one person's answers by name). */
export function organisationSummaries(respondents: readonly RespondentRow[]): OrganisationSummary[] {
  const byOrganisation = Map.groupBy(respondents.filter((x) => !x.revokedAt), (r) => r.organisation);
  return [...byOrganisation.values()].map((list) => {
    const scores = list.filter(counts).map((r) => respondentLayerScores({ respondent: r.id, organisation: r.organisation, ...scoredAnswers(r) }));
    const medians = Object.fromEntries(LAYER_KEYS.map((l) => [l, scores.length ? median(scores.map((s) => s[l])) : null])) as Record<LayerKey, number | null>;
    return { organisation: list[0]!.organisation, name: list[0]!.organisationName, invited: list.length, answered: scores.length, medians };
  }).sort((a, b) => swedish.compare(a.name, b.name));
}

/** The comments of live links, sorted so their order tells nothing of who wrote them. */
export function comments(respondents: readonly RespondentRow[]): string[] {
  return respondents
    .filter((r) => !r.revokedAt && r.comment?.trim())
    .map((r) => r.comment!.trim())
    .sort(swedish.compare);
}

/**
 * The responses an assessment is made of at close: each live respondent whose
 * answers count, named by id rather than by name (the assessment keeps no names).
 */
export function resultResponses(respondents: readonly RespondentRow[]): NewResponse[] {
  return respondents.filter(counts).map((r) => {
    const a = scoredAnswers(r);
    return {
      respondent: r.id,
      organisation: r.organisation,
      answers: Object.fromEntries(LAYER_KEYS.flatMap((l) => ITEM_IDS[l]).map((item) => [item, a[item]])) as NewResponse['answers'],
      targets: { A: a.targetA, B: a.targetB, C: a.targetC },
    };
  });
}

/** The early-warning signals any counted respondent saw, in the instrument's order. */
export function resultSignals(respondents: readonly RespondentRow[]): string[] {
  const seen = new Set(respondents.filter(counts).flatMap((r) => r.signals ?? []));
  return INSTRUMENT.signals.map((s) => s.code).filter((code) => seen.has(code));
}
