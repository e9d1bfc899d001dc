import { builder } from './builder.ts';
import type { CollaborationType } from '../domain/vocabulary.ts';
import type { Context } from './context.ts';
import { CollaborationLevelEnum, CollaborationTypeEnum } from './enums.ts';
import { datedAs, keyOf, loadNodes, neighbours, pageOf, pageOfRows, textParam, nodesVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { allRecords, driftingOf, standingOf } from './assessment-data.ts';
import { type StandingFilter, standingMatches } from '../analysis/taxonomy.ts';
import { levelValue } from '../domain/instrument.ts';
import { Source, type SourceShape, sourceOf } from './source.ts';
import { Actor, type ActorRow } from './actor.ts';
import { Forum, type ForumRow } from './forum.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { createMutation, deleteMutation, linkMutations, linkSet, linksTo, type SeatKind, seatLinks, seatMutations, seatSet, versionArg, updateMutation } from './mutations.ts';
import { isIdOf } from '../domain/ids.ts';
import type { RelationSpec } from '../write/relations.ts';
import { endNotBeforeStart, inputRules, optionalText, requiredText, uniqueBy, version } from '../write/rules.ts';
import { SEAT_FIELDS } from '../write/field-rules.ts';

type Level = 'SPECIFICERAT' | 'SAMORDNAT' | 'SAMVERKAN' | 'INTEGRERAT' | 'SAMMANSMALT';

export interface CollaborationRow {
  id: string;
  name: string;
  type?: CollaborationType | null;
  description?: string | null;
  targetLevel?: Level | null;
  validFrom?: string | null;
  validTo?: string | null;
  version?: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

/** One actor's part in one collaboration; either side may be an id the dataloader fills in. */
export interface ParticipationShape {
  actor: string | ActorRow;
  collaboration: string | CollaborationRow;
  role: string | null;
  from: string | null;
  to: string | null;
  version: number;
  source: SourceShape | null;
}

function participationOf(actor: string | ActorRow, collaboration: string | CollaborationRow, rel: Record<string, unknown> | undefined): ParticipationShape {
  const day = (key: 'from' | 'to') => (rel?.[key] as string | undefined) ?? null;
  return { actor, collaboration, role: (rel?.role as string | undefined) ?? null, from: day('from'), to: day('to'), version: Number(rel?.version ?? 1), source: sourceOf(rel) };
}

export const Collaboration = builder.loadableNodeRef('Collaboration', {
  id: { resolve: (c: CollaborationRow) => c.id },
  load: (ids: string[], context: Context) => loadNodes<CollaborationRow>(context, ids),
});

Collaboration.implement({
  description: 'Samverkan: a named collaboration between two or more actors, through forums and activities.',
  isTypeOf: (value) => isIdOf('Collaboration', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (c) => c.description ?? null }),
    version: t.int({ description: 'Counts every edit; give it back when editing.', resolve: (c) => c.version ?? 1 }),
    type: t.field({ type: CollaborationTypeEnum, nullable: true, resolve: (c) => c.type ?? null }),
    targetLevel: t.field({
      type: CollaborationLevelEnum,
      nullable: true,
      description: 'The level its purpose needs; null until someone sets it.',
      resolve: (c) => c.targetLevel ?? null,
    }),
    participants: t.loadableList({
      type: Actor,
      ...nodesVia<ActorRow>('collaboration/list-collaboration-participants'),
    }),
    participations: t.loadableList({
      type: Participation,
      description: 'The participants with their roles: what the participant mutations edit.',
      load: neighbours('collaboration/list-collaboration-participants', (row) => participationOf(row.node as unknown as ActorRow, row.key, row.rel)),
      resolve: keyOf,
    }),
    forums: t.loadableList({
      type: Forum,
      ...nodesVia<ForumRow>('collaboration/list-collaboration-forums'),
    }),
    activities: t.loadableList({
      type: Activity,
      ...nodesVia<ActivityRow>('collaboration/list-collaboration-activities'),
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const CollaborationFilter = builder.inputType('CollaborationFilter', {
  description: 'Every field given must hold; level, targetLevel, belowTarget, drifting and neverAssessed are read from the assessments, as on the taxonomy.',
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches name or description, ignoring case.' }),
    type: t.field({ type: CollaborationTypeEnum, required: false }),
    actor: t.id({ required: false, description: 'Collaborations this actor takes part in.' }),
    targetArea: t.id({ required: false, description: 'Collaborations whose activities serve this målområde (through their effektmål or strategies), as taxonomy.byTargetArea groups them.' }),
    level: t.field({ type: CollaborationLevelEnum, required: false, description: 'The latest assessment\'s level (a never assessed one has none).' }),
    targetLevel: t.field({ type: CollaborationLevelEnum, required: false, description: 'Its own targetLevel when set, else the latest assessment\'s target.' }),
    belowTarget: t.boolean({ required: false, description: 'true: the latest level is below the target level; false: every other.' }),
    drifting: t.boolean({ required: false, description: 'true: a drift rule is met at the latest assessment; false: every other.' }),
    neverAssessed: t.boolean({ required: false, description: 'true: no assessment yet; false: assessed at least once.' }),
  }),
});

type CollaborationFilterArgs = typeof CollaborationFilter.$inferInput;

/** The filters only the assessments can answer, as the analysis takes them; null when none is asked. */
function standingFilterOf(filter: CollaborationFilterArgs | null | undefined): StandingFilter | null {
  if (!filter) return null;
  const asked: StandingFilter = {
    level: filter.level ? levelValue(filter.level) : null,
    targetLevel: filter.targetLevel ? levelValue(filter.targetLevel) : null,
    belowTarget: filter.belowTarget ?? null,
    drifting: filter.drifting ?? null,
    neverAssessed: filter.neverAssessed ?? null,
  };
  return Object.values(asked).some((v) => v !== null) ? asked : null;
}

/** The collaborations the engine's filters leave, then those whose standing answers the rest, in the same order. */
async function filteredCollaborations(context: Context, filter: CollaborationFilterArgs | null | undefined, params: Record<string, unknown>, asOf: string): Promise<CollaborationRow[]> {
  const rows = datedAs((await context.store.read<{ node: CollaborationRow }>('collaboration/list-matching-collaborations', params)).map((r) => r.node), asOf);
  const asked = standingFilterOf(filter);
  if (!asked) return rows;
  await allRecords(context, rows.map((c) => c.id), asOf);
  const keep = await Promise.all(rows.map(async (c) => standingMatches(await standingOf(context, c), await driftingOf(context, c), asked)));
  return rows.filter((_c, i) => keep[i]);
}

builder.queryFields((t) => ({
  collaborations: t.connection({
    type: Collaboration,
    args: { filter: t.arg({ type: CollaborationFilter, required: false }), asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) => {
      const asOf = dayAsked(args.asOf);
      const params = { text: textParam(args.filter?.text), type: args.filter?.type ?? null, actor: args.filter?.actor ?? null, asOf };
      if (!args.filter?.targetArea && !standingFilterOf(args.filter)) return pageOf<CollaborationRow>(context, 'collaboration/list-collaborations', params, args);
      return pageOfRows(await filteredCollaborations(context, args.filter, { ...params, targetArea: args.filter?.targetArea ?? null }, asOf), args);
    },
  }, { name: 'CollaborationConnection' }, { name: 'CollaborationEdge' }),
}));

export const Participation = builder.objectRef<ParticipationShape>('Participation');

Participation.implement({
  description: 'An actor\'s part in a collaboration, with its role there.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (p) => p.actor }),
    collaboration: t.field({ type: Collaboration, resolve: (p) => p.collaboration }),
    role: t.string({ nullable: true, description: 'As the documents say it, e.g. "ansvarig".', resolve: (p) => p.role }),
    from: t.string({ nullable: true, description: 'Taking part since (ÅÅÅÅ-MM-DD), when known.', resolve: (p) => p.from }),
    to: t.string({ nullable: true, description: 'Taking part until (ÅÅÅÅ-MM-DD); none while it lasts.', resolve: (p) => p.to }),
    version: t.int({ description: 'Give it back when editing the part.', resolve: (p) => p.version }),
    source: t.field({ type: Source, nullable: true, description: 'What the part rests on; none for one an editor entered.', resolve: (p) => p.source }),
  }),
});

const LINKS = {
  FORUM: { rel: 'THROUGH', direction: 'out', other: 'Forum', description: 'A forum it is realised through (THROUGH).' },
  ACTIVITY: { rel: 'ON', direction: 'out', other: 'Activity', description: 'An activity it works on (ON).' },
} as const satisfies Record<string, RelationSpec & { description: string }>;
const SEAT = { spec: { rel: 'PARTICIPATES_IN', direction: 'in', other: 'Actor' }, props: ['role', 'from', 'to'] } as const satisfies Pick<SeatKind, 'spec' | 'props'>;

const PROPS = ['name', 'type', 'description', 'targetLevel'] as const;

const CollaborationParticipantInput = builder.inputType('CollaborationParticipantInput', {
  description: 'A participant of a new collaboration.',
  fields: (t) => ({
    actorId: t.id({ required: true }),
    role: t.string({ required: false }),
    from: t.string({ required: false, description: 'Taking part since, ÅÅÅÅ-MM-DD.' }),
    to: t.string({ required: false, description: 'Taking part until, ÅÅÅÅ-MM-DD; none while it lasts.' }),
  }),
});

const participantRules = { role: optionalText(200), ...SEAT_FIELDS };
const participantList = uniqueBy('actorId', (id) => `${id} står redan bland deltagarna`, inputRules(participantRules).superRefine(endNotBeforeStart('from', 'to'))).nullish();

const CreateCollaborationInput = builder.inputType('CreateCollaborationInput', {
  validate: inputRules({
    name: requiredText(),
    description: optionalText(),
    participants: participantList,
  }),
  fields: (t) => ({
    name: t.string({ required: true }),
    type: t.field({ type: CollaborationTypeEnum, required: false }),
    description: t.string({ required: false }),
    targetLevel: t.field({ type: CollaborationLevelEnum, required: false, description: 'The level its purpose needs.' }),
    participants: t.field({ type: [CollaborationParticipantInput], required: false }),
    forumIds: t.idList({ required: false }),
    activityIds: t.idList({ required: false }),
  }),
});

const UpdateCollaborationInput = builder.inputType('UpdateCollaborationInput', {
  description: 'Changes the fields given; a field left out keeps its value, null clears it. A list is the whole new state.',
  validate: inputRules({
    version,
    name: requiredText().optional(),
    description: optionalText(),
    participants: participantList,
  }),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    name: t.string({ required: false }),
    type: t.field({ type: CollaborationTypeEnum, required: false }),
    description: t.string({ required: false }),
    targetLevel: t.field({ type: CollaborationLevelEnum, required: false }),
    participants: t.field({ type: [CollaborationParticipantInput], required: false, description: 'Every participant, after the save.' }),
    forumIds: t.idList({ required: false }),
    activityIds: t.idList({ required: false }),
  }),
});

const CollaborationSeatInput = builder.inputType('CollaborationSeatInput', {
  description: 'One actor\'s part in one collaboration: to add, update or remove (version required for the last two).',
  validate: inputRules({ ...participantRules, version: version.nullish() }).superRefine(endNotBeforeStart('from', 'to')),
  fields: (t) => ({
    collaborationId: t.id({ required: true }),
    actorId: t.id({ required: true }),
    role: t.string({ required: false }),
    from: t.string({ required: false, description: 'Taking part since, ÅÅÅÅ-MM-DD.' }),
    to: t.string({ required: false, description: 'Taking part until, ÅÅÅÅ-MM-DD; none while it lasts.' }),
    version: t.int({ required: false, description: 'The part\'s version, as last read.' }),
  }),
});

createMutation('Collaboration', Collaboration, CreateCollaborationInput, {
  props: PROPS,
  description: 'Adds a collaboration with its participants, forums and activities, in one write.',
  links: (input) => [
    ...seatLinks(SEAT, input.participants, 'input.participants'),
    ...linksTo(input.forumIds, LINKS.FORUM, 'input.forumIds'),
    ...linksTo(input.activityIds, LINKS.ACTIVITY, 'input.activityIds'),
  ],
});
updateMutation('Collaboration', Collaboration, UpdateCollaborationInput, {
  props: PROPS,
  sets: (input) => [
    ...seatSet('participants', SEAT, input.participants, 'input.participants'),
    ...linkSet('forums', input.forumIds, LINKS.FORUM, 'input.forumIds'),
    ...linkSet('activities', input.activityIds, LINKS.ACTIVITY, 'input.activityIds'),
  ],
});
deleteMutation('Collaboration', { dependents: ['assessment/delete-collaboration-assessments', 'survey/delete-collaboration-rounds'] });
linkMutations('Collaboration', Collaboration, LINKS);
seatMutations({
  ...SEAT,
  type: 'Collaboration',
  ownerKey: 'collaborationId',
  required: [],
  input: CollaborationSeatInput,
  ownerRef: Collaboration,
  seatRef: Participation,
  shape: (actorId, collaborationId, props) => participationOf(actorId, collaborationId, props),
  names: {
    add: 'addCollaborationParticipant',
    update: 'updateCollaborationParticipant',
    remove: 'removeCollaborationParticipant',
    end: 'endCollaborationParticipant',
    seat: 'participation',
    owner: 'collaboration',
  },
  taken: 'deltar redan i samverkan: ändra rollen i stället',
});
