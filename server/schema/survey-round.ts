import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { builder } from './builder.ts';
import { type Context, memoized } from './context.ts';
import { authorOf, editing } from './mutations.ts';
import { Actor } from './actor.ts';
import { Collaboration, type CollaborationRow } from './collaboration.ts';
import { Assessment, TaxonomyLayerEnum } from './assessment.ts';
import { closeDue } from './assessment-data.ts';
import { LAYER_KEYS, type LayerKey } from '../domain/instrument.ts';
import { ANSWER_KEYS, comments, counts, organisationSummaries, type OrganisationSummary, type RespondentRow, tally } from '../analysis/survey.ts';
import {
  addRespondents,
  closeRound,
  extendRound,
  type NewRespondent,
  openRounds,
  revokeRespondent,
  type RoundRow,
} from '../write/survey-writes.ts';
import { type FieldError, NotFoundError, ValidationError } from '../write/refusals.ts';
import { inputRules, isoDate, optionalText, requiredText } from '../write/rules.ts';
import { today } from '../domain/days.ts';

/*
 * Skattningsomgångar: a REDAKTOR opens a round for one collaboration or many,
 * adds respondents and hands out their personal links (server/survey/routes.ts
 * is where the links are answered). Everything here is for editors: a round
 * names people. Who answered and each organisation's medians are shown;
 * one person's answers only to ADMIN; comments without names.
 */


const respondentsOf = (context: Context, roundId: string) =>
  memoized(context, `survey:respondents:${roundId}`, async () =>
    (await context.store.read<{ respondent: RespondentRow }>('survey/list-round-respondents', { ids: [roundId] })).map((r) => r.respondent));

async function roundById(context: Context, id: string): Promise<RoundRow | null> {
  const [row] = await context.store.read<{ round: RoundRow }>('survey/get-rounds', { ids: [id] });
  return row?.round ?? null;
}

const SurveyRoundStatusEnum = builder.enumType('SurveyRoundStatus', {
  values: {
    OPEN: { description: 'Links can be answered and answers changed.' },
    CLOSED: { description: 'Closed by an editor or at its closing date; its answers became an assessment.' },
  } as const,
});

const LayerMedian = builder.objectRef<{ layer: LayerKey; median: number | null }>('SurveyLayerMedian').implement({
  fields: (t) => ({
    layer: t.field({ type: TaxonomyLayerEnum, resolve: (m) => m.layer }),
    median: t.float({ nullable: true, description: 'Null until someone of the organisation has answered.', resolve: (m) => m.median }),
  }),
});

const SurveyOrganisation = builder.objectRef<OrganisationSummary>('SurveyOrganisation').implement({
  description: 'One organisation asked in a round: how many were asked and answered, and its medians per layer.',
  fields: (t) => ({
    organisation: t.field({ type: Actor, resolve: (o) => o.organisation }),
    invited: t.exposeInt('invited'),
    answered: t.exposeInt('answered'),
    medians: t.field({ type: [LayerMedian], resolve: (o) => LAYER_KEYS.map((layer) => ({ layer, median: o.medians[layer] })) }),
  }),
});

const SurveyAnswers = builder.objectRef<RespondentRow>('SurveyAnswers').implement({
  description: 'One respondent\'s answers: items and targets 1–5, 0 for "vet ej", null when not answered.',
  fields: (t) => ({
    ...Object.fromEntries(ANSWER_KEYS.map((key) => [key, t.int({ nullable: true, resolve: (r) => r[key] ?? null })])),
    signals: t.stringList({ resolve: (r) => r.signals ?? [] }),
  }),
});

const Respondent = builder.objectRef<RespondentRow>('Respondent').implement({
  description: 'Someone asked in a round, answering for one of the collaboration\'s participants.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    email: t.string({ nullable: true, resolve: (r) => r.email ?? null }),
    organisation: t.field({ type: Actor, resolve: (r) => r.organisation }),
    answered: t.boolean({ description: 'Their answers count: at least one item of every layer.', resolve: (r) => counts(r) }),
    answeredAt: t.string({ nullable: true, resolve: (r) => r.answeredAt ?? null }),
    revoked: t.boolean({ resolve: (r) => Boolean(r.revokedAt) }),
    answers: t.field({
      type: SurveyAnswers,
      nullable: true,
      description: 'One person\'s answers: ADMIN only.',
      authScopes: { role: 'ADMIN' },
      resolve: (r) => (r.savedAt ? r : null),
    }),
  }),
});

const SurveyRound = builder.objectRef<RoundRow>('SurveyRound').implement({
  description: 'Skattningsomgång: one collaboration\'s members answer the instrument by personal link until the closing date.',
  fields: (t) => ({
    id: t.exposeID('id'),
    collaboration: t.field({ type: Collaboration, resolve: (r) => r.collaboration }),
    status: t.field({ type: SurveyRoundStatusEnum, resolve: (r) => r.status }),
    closesOn: t.exposeString('closesOn', { description: 'The last day to answer, ÅÅÅÅ-MM-DD.' }),
    message: t.string({ nullable: true, resolve: (r) => r.message ?? null }),
    openedAt: t.exposeString('openedAt'),
    openedBy: t.string({ nullable: true, resolve: (r) => r.openedBy ?? null }),
    closedAt: t.string({ nullable: true, resolve: (r) => r.closedAt ?? null }),
    version: t.exposeInt('version'),
    tally: t.string({ description: 'Who has answered: "5 av 8, 3 organisationer".', resolve: async (r, _a, c) => tally(await respondentsOf(c, r.id)).text }),
    invited: t.int({ description: 'Live links.', resolve: async (r, _a, c) => tally(await respondentsOf(c, r.id)).invited }),
    answered: t.int({ resolve: async (r, _a, c) => tally(await respondentsOf(c, r.id)).answered }),
    organisationsAnswered: t.int({ resolve: async (r, _a, c) => tally(await respondentsOf(c, r.id)).organisationsAnswered }),
    respondents: t.field({ type: [Respondent], description: 'By organisation and name; revoked ones too.', resolve: (r, _a, c) => respondentsOf(c, r.id) }),
    organisations: t.field({ type: [SurveyOrganisation], resolve: async (r, _a, c) => organisationSummaries(await respondentsOf(c, r.id)) }),
    comments: t.stringList({ description: 'Free-text comments, without names, in alphabetical order.', resolve: async (r, _a, c) => comments(await respondentsOf(c, r.id)) }),
    assessment: t.field({ type: Assessment, nullable: true, description: 'What the round became at close.', resolve: (r) => r.assessment ?? null }),
  }),
});

builder.objectFields(Collaboration, (t) => ({
  surveyRounds: t.field({
    type: [SurveyRound],
    description: 'Its skattningsomgångar, oldest first. REDAKTOR: rounds name people.',
    authScopes: { role: 'REDAKTOR' },
    resolve: async (c: CollaborationRow, _args, context) => {
      await closeDue(context);
      return (await context.store.read<{ round: RoundRow }>('survey/list-collaboration-rounds', { ids: [c.id] })).map((r) => r.round);
    },
  }),
}));

builder.queryFields((t) => ({
  surveyRound: t.field({
    type: SurveyRound,
    nullable: true,
    authScopes: { role: 'REDAKTOR' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await closeDue(context);
      return roundById(context, id);
    },
  }),
}));

const closingDate = isoDate;

const OpenSurveyRoundInput = builder.inputType('OpenSurveyRoundInput', {
  description: 'One round per collaboration: those listed, every collaboration of the forum, and every one of the målområde.',
  validate: inputRules({ closesOn: closingDate, message: optionalText(2000) }),
  fields: (t) => ({
    collaborationIds: t.idList({ required: false }),
    forumId: t.id({ required: false, description: 'Every collaboration realised through this forum.' }),
    targetAreaId: t.id({ required: false, description: 'Every collaboration whose activities serve this målområde.' }),
    closesOn: t.string({ required: true, description: 'The last day to answer, ÅÅÅÅ-MM-DD.' }),
    message: t.string({ required: false, description: 'Shown to respondents above the questions.' }),
  }),
});

const RespondentInput = builder.inputType('RespondentInput', {
  validate: inputRules({ name: requiredText(200), email: z.email('måste vara en e-postadress').nullish().or(z.literal('')) }),
  fields: (t) => ({
    name: t.string({ required: true }),
    organisationId: t.id({ required: true, description: 'One of the collaboration\'s participants: fixed by the link.' }),
    email: t.string({ required: false, description: 'For the mail merge only: the service sends no e-mail.' }),
  }),
});

const AddRespondentsInput = builder.inputType('AddRespondentsInput', {
  fields: (t) => ({
    roundId: t.id({ required: true }),
    respondents: t.field({ type: [RespondentInput], required: false }),
    list: t.string({
      required: false,
      description: 'Pasted rows or CSV: name; organisation (name or id); e-mail (optional), separated by semicolon, comma or tab. A first row "Namn…" is a header.',
    }),
  }),
});

const RoundInput = builder.inputType('SurveyRoundInput', { fields: (t) => ({ roundId: t.id({ required: true }) }) });
const ExtendInput = builder.inputType('ExtendSurveyRoundInput', {
  validate: inputRules({ closesOn: closingDate }),
  fields: (t) => ({ roundId: t.id({ required: true }), closesOn: t.string({ required: true }) }),
});
const RevokeInput = builder.inputType('RevokeRespondentInput', { fields: (t) => ({ respondentId: t.id({ required: true }) }) });

interface Added {
  round: RoundRow;
  links: { respondent: RespondentRow; token: string }[];
}

const SurveyLink = builder.objectRef<Added['links'][number]>('SurveyLink').implement({
  description: 'A personal link, shown this once: only its hash is kept. Lost? Revoke it and add the person again.',
  fields: (t) => ({
    respondent: t.field({ type: Respondent, resolve: (l) => l.respondent }),
    token: t.exposeString('token'),
    path: t.string({ description: 'The link\'s path on this service: /svar/<token>.', resolve: (l) => `/svar/${l.token}` }),
  }),
});

const AddedRespondents = builder.objectRef<Added>('AddedRespondents').implement({
  fields: (t) => ({
    round: t.field({ type: SurveyRound, resolve: (a) => a.round }),
    links: t.field({ type: [SurveyLink], resolve: (a) => a.links }),
  }),
});

const RoundList = builder.objectRef<RoundRow[]>('SurveyRoundList').implement({
  fields: (t) => ({ rounds: t.field({ type: [SurveyRound], resolve: (r) => r }) }),
});

/** The collaborations a new round is for, each with the input field that named it. */
async function collaborationsFor(context: Context, input: { collaborationIds?: readonly string[] | null; forumId?: string | null; targetAreaId?: string | null }) {
  const chosen = new Map<string, string>();
  (input.collaborationIds ?? []).forEach((id, index) => chosen.set(id, `input.collaborationIds.${index}`));
  const errors: FieldError[] = [];
  if (input.forumId) {
    const rows = await context.store.read<{ id: string }>('survey/list-forum-collaborations', { id: input.forumId });
    if (!rows.length) errors.push({ path: 'input.forumId', message: 'forumet finns inte eller har ingen samverkan' });
    for (const row of rows) if (!chosen.has(row.id)) chosen.set(row.id, 'input.forumId');
  }
  if (input.targetAreaId) {
    // The same grouping as the taxonomy's by målområde, so "every collaboration of it" means what Taxonomi shows.
    const rows = await context.store.read<{ node: { id: string }; targetAreas: string[] }>('assessment/list-taxonomy-collaborations', { asOf: today() });
    const ids = rows.filter((r) => r.targetAreas.includes(input.targetAreaId!)).map((r) => r.node.id);
    if (!ids.length) errors.push({ path: 'input.targetAreaId', message: 'målområdet finns inte eller har ingen samverkan' });
    for (const id of ids) if (!chosen.has(id)) chosen.set(id, 'input.targetAreaId');
  }
  if (!chosen.size && !errors.length) errors.push({ path: 'input.collaborationIds', message: 'välj minst en samverkan, ett forum eller ett målområde' });
  if (errors.length) throw new ValidationError(errors);
  return [...chosen].map(([id, field]) => ({ id, field }));
}

/** The round's collaboration's participants, to match pasted organisation names against. */
async function participantsOf(context: Context, round: RoundRow): Promise<{ id: string; name: string; shortName?: string | null }[]> {
  const rows = await context.store.read<{ node: { id: string; name: string; shortName?: string | null } }>('collaboration/list-collaboration-participants', { ids: [round.collaboration], asOf: today() });
  return rows.map((r) => r.node);
}

/** Pasted rows or CSV as respondents; an organisation is named by its name, short name or id among the participants. */
export function parseRespondentList(text: string, participants: readonly { id: string; name: string; shortName?: string | null }[]): (NewRespondent & { field: string })[] {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new ValidationError([{ path: 'input.list', message: `kunde inte läsas: ${(error as Error).message}` }]);
  }
  const byName = new Map(participants.flatMap((p) => [[p.id, p], [p.name.toLowerCase(), p], ...(p.shortName ? [[p.shortName.toLowerCase(), p] as const] : [])]));
  const errors: FieldError[] = [];
  const out: (NewRespondent & { field: string })[] = [];
  rows.forEach((cells, index) => {
    if (index === 0 && /^namn$/i.test(cells[0] ?? '')) return;
    const field = `input.list.${index + 1}`;
    const [name = '', organisation = '', email = ''] = cells;
    const actor = byName.get(organisation.toLowerCase()) ?? byName.get(organisation);
    if (!name) errors.push({ path: field, message: 'rad ' + (index + 1) + ': namn saknas' });
    else if (!actor) errors.push({ path: field, message: `rad ${index + 1}: ”${organisation}” är ingen av deltagarna (${participants.map((p) => p.name).join(', ')})` });
    else if (email && !z.email().safeParse(email).success) errors.push({ path: field, message: `rad ${index + 1}: ”${email}” är ingen e-postadress` });
    else out.push({ name, organisation: actor.id, email: email || null, field: `${field}` });
  });
  if (errors.length) throw new ValidationError(errors);
  return out;
}

async function requireRound(context: Context, id: string): Promise<RoundRow> {
  const round = await roundById(context, id);
  if (!round) throw new NotFoundError(id, 'input.roundId', 'någon skattningsomgång');
  return round;
}

builder.mutationFields((t) => ({
  openSurveyRound: t.field({
    ...editing('openSurveyRound', 'opened'),
    type: RoundList,
    description: 'Opens a skattningsomgång for each collaboration chosen; add respondents next.',
    args: { input: t.arg({ type: OpenSurveyRoundInput, required: true }) },
    resolve: async (_root, { input }, context) =>
      openRounds(context.store, authorOf(context), { collaborations: await collaborationsFor(context, input), closesOn: input.closesOn, message: input.message ?? null }),
  }),
  addRespondents: t.field({
    ...editing('addRespondents', 'added'),
    type: AddedRespondents,
    description: 'Adds respondents to an open round, one by one or as a pasted list; returns each one\'s personal link, this once.',
    args: { input: t.arg({ type: AddRespondentsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await closeDue(context);
      const round = await requireRound(context, input.roundId);
      const listed = input.list?.trim() ? parseRespondentList(input.list, await participantsOf(context, round)) : [];
      const given = (input.respondents ?? []).map((r, index) => ({
        name: r.name.trim(),
        organisation: r.organisationId,
        email: r.email?.trim() || null,
        field: `input.respondents.${index}.organisationId`,
      }));
      const all = [...given, ...listed];
      if (!all.length) throw new ValidationError([{ path: 'input.respondents', message: 'lägg till minst en svarande' }]);
      const made = await addRespondents(context.store, authorOf(context), round.id, all);
      const rows = (await context.store.read<{ respondent: RespondentRow }>('survey/list-round-respondents', { ids: [round.id] })).map((r) => r.respondent);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return { round: (await roundById(context, round.id))!, links: made.map((m) => ({ respondent: byId.get(m.id)!, token: m.token })) };
    },
  }),
  extendSurveyRound: t.field({
    ...editing('extendSurveyRound', 'round'),
    type: SurveyRound,
    description: 'Moves an open round\'s closing date.',
    args: { input: t.arg({ type: ExtendInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await closeDue(context);
      await extendRound(context.store, authorOf(context), input.roundId, input.closesOn);
      return requireRound(context, input.roundId);
    },
  }),
  closeSurveyRound: t.field({
    ...editing('closeSurveyRound', 'round'),
    type: SurveyRound,
    description: 'Closes a round now: its answers become the collaboration\'s assessment (provisional when too few answered).',
    args: { input: t.arg({ type: RoundInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await closeDue(context);
      await closeRound(context.store, authorOf(context), input.roundId);
      return requireRound(context, input.roundId);
    },
  }),
  revokeRespondent: t.field({
    ...editing('revokeRespondent', 'respondent'),
    type: Respondent,
    description: 'Revokes a personal link: it opens nothing from now on, and its answers are left out.',
    args: { input: t.arg({ type: RevokeInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await closeDue(context);
      const roundId = await revokeRespondent(context.store, authorOf(context), input.respondentId);
      return (await respondentsOf(context, roundId)).find((r) => r.id === input.respondentId)!;
    },
  }),
}));
