import { randomBytes, randomUUID } from 'node:crypto';
import type { GraphStore, Row } from '../store/port.ts';
import { hashKey } from '../auth/api-keys.ts';
import { newId } from '../domain/ids.ts';
import { assessmentStatements, type NewAssessment } from '../domain/assessment-writes.ts';
import { type AnswerKey, type RespondentRow, resultResponses, resultSignals, scoredAnswers, tally } from '../analysis/survey.ts';
import { dayOf, today } from '../domain/days.ts';
import { countsInResult } from '../analysis/taxonomy.ts';
import { type Author, WritePlan } from './plan.ts';
import { NotFoundError, Refusal, ValidationError } from './refusals.ts';

/*
 * The writes of a skattningsomgång, each one transaction with its audit
 * record. Rounds and respondents hold names and e-mail addresses, so their
 * records name them among their subjects only (they are not Entities): the
 * public history of a collaboration shows that a round opened and closed, not
 * who was asked. An answer's record says which fields were saved, never what
 * was answered.
 */

export interface RoundRow {
  id: string;
  collaboration: string;
  status: 'OPEN' | 'CLOSED';
  closesOn: string;
  message?: string | null;
  openedAt: string;
  openedBy?: string | null;
  closedAt?: string | null;
  closedBy?: string | null;
  /** The assessment the round became at close; null when nobody's answers counted. */
  assessment?: string | null;
  version: number;
}

export const ROUND_PREFIX = 'survey-round:';
export const RESPONDENT_PREFIX = 'respondent:';

/** Ids of rounds and respondents: their history names people, so it is for editors. */
export const isSurveyId = (id: string) => id.startsWith(ROUND_PREFIX) || id.startsWith(RESPONDENT_PREFIX);

/** A personal link's secret: 32 random bytes (256 bits), shown once, stored only as its SHA-256 hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashed as API keys are (server/auth/api-keys.ts): the token cannot be guessed, so a fast hash is enough. */
export const tokenHash = hashKey;

export interface NewRespondent {
  name: string;
  organisation: string;
  email: string | null;
}

/** Reads a round for a write; refuses a missing one and one closed already. */
function lockRound(plan: WritePlan, id: string, field: string) {
  const read = plan.add({ query: 'survey/lock-round', params: { id } });
  plan.check((results) => {
    const row = read(results)[0];
    if (!row) throw new NotFoundError(id, field, 'någon skattningsomgång');
    if ((row.round as RoundRow).status !== 'OPEN') throw new ValidationError([{ path: field, message: 'skattningsomgången är redan stängd' }]);
  });
  return {
    round: (results: Row[][]) => read(results)[0]!.round as RoundRow,
    participants: (results: Row[][]) => read(results)[0]!.participants as { id: string; name: string }[],
  };
}

export function checkClosingDate(closesOn: string, field: string): void {
  if (closesOn < today()) throw new ValidationError([{ path: field, message: `sista svarsdag får inte ha passerat (i dag är det ${today()})` }]);
}

/** Opens one round per collaboration, all with the same closing date and message. */
export async function openRounds(
  store: GraphStore,
  author: Author,
  input: { collaborations: { id: string; field: string }[]; closesOn: string; message: string | null },
): Promise<RoundRow[]> {
  checkClosingDate(input.closesOn, 'input.closesOn');
  const plan = new WritePlan('openSurveyRound', author);
  plan.expectReferences(input.collaborations.map((c) => ({ id: c.id, type: 'Collaboration', field: c.field })));
  const props = { status: 'OPEN', closesOn: input.closesOn, message: input.message, openedAt: plan.at, openedBy: author.name ?? author.id };
  const rows = input.collaborations.map((c) => ({ id: `${ROUND_PREFIX}${randomUUID()}`, collaboration: c.id, props }));
  const created = plan.add({ query: 'survey/create-rounds', params: { rows } });
  plan.check((results) => {
    if (created(results).length !== rows.length) throw new Refusal('En samverkan togs bort under tiden: försök igen', 'CONFLICT');
  });
  plan.record((results) => ({
    subjects: [...rows.map((r) => r.id), ...rows.map((r) => r.collaboration)],
    versioned: [],
    before: null,
    after: created(results).map((r) => r.round),
  }));
  return created(await plan.run(store)).map((r) => r.round as RoundRow);
}

/** Adds respondents to an open round; each gets a personal link, returned here once. */
export async function addRespondents(
  store: GraphStore,
  author: Author,
  roundId: string,
  respondents: (NewRespondent & { field: string })[],
): Promise<{ id: string; token: string }[]> {
  const plan = new WritePlan('addRespondents', author);
  const lock = lockRound(plan, roundId, 'input.roundId');
  plan.check((results) => {
    // The organisation is fixed by the link: only the collaboration's participants answer (TAXONOMY.md).
    const members = new Set(lock.participants(results).map((p) => p.id));
    const outsiders = respondents.filter((r) => !members.has(r.organisation)).map((r) => ({
      path: r.field,
      message: `${r.organisation} deltar inte i samverkan: välj en av deltagarna`,
    }));
    if (outsiders.length) throw new ValidationError(outsiders);
  });
  const made = respondents.map((r) => ({ ...r, id: `${RESPONDENT_PREFIX}${randomUUID()}`, token: newToken() }));
  const rows = made.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    props: { name: r.name, email: r.email, tokenHash: tokenHash(r.token), createdAt: plan.at, createdBy: author.name ?? author.id },
  }));
  const created = plan.add({ query: 'survey/create-respondents', params: { round: roundId, rows } });
  plan.check((results) => {
    if (Number(created(results)[0]?.count ?? 0) !== rows.length) throw new Refusal('En organisation togs bort under tiden: försök igen', 'CONFLICT');
  });
  plan.record(() => ({
    subjects: [roundId, ...made.map((r) => r.id)],
    versioned: [],
    before: null,
    after: { round: roundId, respondents: made.map((r) => ({ id: r.id, name: r.name, organisation: r.organisation, email: r.email })) },
  }));
  await plan.run(store);
  return made.map((r) => ({ id: r.id, token: r.token }));
}

/** Moves an open round's closing date. */
export async function extendRound(store: GraphStore, author: Author, roundId: string, closesOn: string): Promise<void> {
  checkClosingDate(closesOn, 'input.closesOn');
  const plan = new WritePlan('extendSurveyRound', author);
  const lock = lockRound(plan, roundId, 'input.roundId');
  const updated = plan.add({ query: 'survey/update-round', params: { id: roundId, props: { closesOn } } });
  plan.record((results) => ({ subjects: [roundId], versioned: [], before: { closesOn: lock.round(results).closesOn }, after: { closesOn: (updated(results)[0]!.round as RoundRow).closesOn } }));
  await plan.run(store);
}

/**
 * Closes a round: the answers that count become the collaboration's assessment,
 * dated the day it closed (its closing date, when that passed unnoticed), and
 * scored by the same rules as any other (provisional when too few answered).
 */
export async function closeRound(store: GraphStore, author: Author, roundId: string, operation = 'closeSurveyRound'): Promise<void> {
  const plan = new WritePlan(operation, author);
  const lock = lockRound(plan, roundId, 'input.roundId');
  const read = plan.add({ query: 'survey/list-round-respondents', params: { ids: [roundId] } });
  const respondents = (results: Row[][]) => read(results).map((row) => row.respondent as RespondentRow);
  const assessmentId = newId('Assessment');
  let assessment: NewAssessment | null = null;
  const made = (results: Row[][]): NewAssessment | null => {
    if (assessment) return assessment;
    const responses = resultResponses(respondents(results));
    if (!responses.length) return null;
    const round = lock.round(results);
    const closedOn = today();
    const date = round.closesOn < closedOn ? round.closesOn : closedOn;
    assessment = {
      id: assessmentId,
      collaboration: round.collaboration,
      date,
      method: 'SURVEY',
      responses,
      signals: resultSignals(respondents(results)),
      note: `Skattningsomgång ${dayOf(round.openedAt)}–${date}: ${tally(respondents(results)).text} svarade.`,
      isDemo: false,
      recordedAt: plan.at,
      recordedBy: author.name ?? author.id,
    };
    return assessment;
  };
  plan.add((results) => {
    const a = made(results);
    return a ? assessmentStatements(a)[0]! : null;
  });
  plan.add((results) => {
    const a = made(results);
    return a ? assessmentStatements(a)[1]! : null;
  });
  plan.add((results) => ({
    query: 'survey/update-round',
    params: { id: roundId, props: { status: 'CLOSED', closedAt: plan.at, closedBy: author.name ?? author.id, assessment: made(results) ? assessmentId : null } },
  }));
  plan.record((results) => {
    const a = made(results);
    const round = lock.round(results);
    return {
      subjects: [roundId, round.collaboration, ...(a ? [a.id] : [])],
      versioned: [],
      before: { status: 'OPEN' },
      // The tally, never the answers: the audit trail of a collaboration is for every reader.
      after: { status: 'CLOSED', assessment: a?.id ?? null, answered: tally(respondents(results)).text },
    };
  });
  await plan.run(store);
}

/** Who closes a round whose closing date has passed: nobody did, the next request did. */
const SYSTEM: Author = { id: 'system', name: 'Samverkanskartan (sista svarsdagen passerad)' };

/**
 * Closes every open round whose closing date has passed, so what a request
 * reads next (the taxonomy, the round, a link) is as if it closed on time.
 * Two requests may race for the same round; the second finds it closed.
 */
export async function closeDueRounds(store: GraphStore): Promise<void> {
  const due = await store.read<{ id: string }>('survey/list-due-rounds', { today: today() });
  for (const { id } of due) {
    try {
      await closeRound(store, SYSTEM, id, 'closeSurveyRoundAtClosingDate');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
}

/** Revokes one respondent's link: it opens nothing from now on; answers already given are left out of the result. Returns the round's id. */
export async function revokeRespondent(store: GraphStore, author: Author, respondentId: string): Promise<string> {
  const plan = new WritePlan('revokeRespondent', author);
  const read = plan.add({ query: 'survey/lock-respondent', params: { id: respondentId } });
  plan.check((results) => {
    const row = read(results)[0];
    if (!row) throw new NotFoundError(respondentId, 'input.respondentId', 'någon svarande');
    if (row.status !== 'OPEN') throw new ValidationError([{ path: 'input.respondentId', message: 'skattningsomgången är redan stängd' }]);
    if ((row.respondent as RespondentRow).revokedAt) throw new ValidationError([{ path: 'input.respondentId', message: 'länken är redan återkallad' }]);
  });
  plan.add({ query: 'survey/update-respondent', params: { id: respondentId, props: { revokedAt: plan.at } } });
  plan.record((results) => ({ subjects: [respondentId, String(read(results)[0]!.round)], versioned: [], before: { revokedAt: null }, after: { revokedAt: plan.at } }));
  return String(read(await plan.run(store))[0]!.round);
}

/** A link that opens nothing: unknown, revoked, or its round closed. One kind, so a refusal tells nothing apart. */
export class LinkRefused extends Error {
  override name = 'LinkRefused';
}

export type AnswerPatch = Partial<Record<AnswerKey, number | null>> & { signals?: string[]; comment?: string | null };

/**
 * Saves what a respondent changed, at once (the page saves as they go). The
 * link decides who and for which organisation; the record names the
 * respondent by id and the fields saved, not the answers.
 */
export async function saveAnswer(store: GraphStore, token: string, patch: AnswerPatch): Promise<void> {
  const [found] = await store.read<{ respondent: { id: string } }>('survey/find-respondent', { hash: tokenHash(token) });
  if (!found) throw new LinkRefused();
  const id = found.respondent.id;
  const plan = new WritePlan('saveSurveyAnswer', { id, name: `svarande ${id}` });
  const read = plan.add({ query: 'survey/lock-respondent', params: { id } });
  plan.check((results) => {
    const row = read(results)[0];
    if (!row || (row.respondent as RespondentRow).revokedAt || row.status !== 'OPEN') throw new LinkRefused();
  });
  plan.add((results) => {
    const before = read(results)[0]!.respondent as RespondentRow;
    const answeredAt = before.answeredAt ?? (countsInResult(scoredAnswers({ ...before, ...patch })) ? plan.at : null);
    return { query: 'survey/update-respondent', params: { id, props: { ...patch, savedAt: plan.at, answeredAt } } };
  });
  plan.record((results) => ({
    subjects: [id, String(read(results)[0]!.round)],
    versioned: [],
    before: null,
    after: { respondent: id, saved: Object.keys(patch).sort() },
  }));
  try {
    await plan.run(store);
  } catch (error) {
    for (let e: unknown = error; e instanceof Error; e = e.cause) if (e instanceof LinkRefused) throw e;
    throw error;
  }
}
