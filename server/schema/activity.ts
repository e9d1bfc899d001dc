import { builder } from './builder.ts';
import type { ActivityKind } from '../domain/vocabulary.ts';
import type { Context } from './context.ts';
import { ActivityKindEnum } from './enums.ts';
import { loadNodes, pageOf, textParam, nodesVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { linksVia, Source, type SourceShape, sourceOf } from './source.ts';
import { Actor, type ActorRow } from './actor.ts';
import { Goal, type GoalRow } from './goal.ts';
import { Strategy, type StrategyRow } from './strategy.ts';
import { Area, type AreaRow } from './area.ts';
import { Forum, type ForumRow } from './forum.ts';
import { PolicyDocument, type PolicyDocumentRow } from './policy-document.ts';
import { createMutation, deleteMutation, linkMutations, linkSet, linksTo, versionArg, updateMutation } from './mutations.ts';
import { isIdOf } from '../domain/ids.ts';
import type { RelationSpec } from '../write/relations.ts';
import { endNotBeforeStart, inputRules, notNull, version } from '../write/rules.ts';
import { ACTIVITY_FIELDS, VALIDITY_FIELDS } from '../write/field-rules.ts';
import { validityInputFields } from './validity-fields.ts';

export interface ActivityRow {
  id: string;
  name: string;
  kind: ActivityKind;
  output?: string | null;
  shortTermEffect?: string | null;
  period?: string | null;
  resources?: string | null;
  responsibleOthers?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  version?: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const Activity = builder.loadableNodeRef('Activity', {
  id: { resolve: (activity: ActivityRow) => activity.id },
  load: (ids: string[], context: Context) => loadNodes<ActivityRow>(context, ids),
});

Activity.implement({
  description: 'Aktivitet: a row of an effektkedja, an ongoing insats or a stadenövergripande process.',
  isTypeOf: (value) => isIdOf('Activity', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: ActivityKindEnum, resolve: (activity) => activity.kind }),
    version: t.int({ description: 'Counts every edit; give it back when editing.', resolve: (activity) => activity.version ?? 1 }),
    output: t.string({ nullable: true, description: 'Prestation.', resolve: (a) => a.output ?? null }),
    shortTermEffect: t.string({ nullable: true, description: 'Kortsiktig effekt.', resolve: (a) => a.shortTermEffect ?? null }),
    period: t.string({
      nullable: true,
      description: 'Tid. Empty in the seed documents: an empty cell is a gap, not an error.',
      resolve: (a) => a.period ?? null,
    }),
    resources: t.string({
      nullable: true,
      description: 'Resurser. Empty in the seed documents: an empty cell is a gap, not an error.',
      resolve: (a) => a.resources ?? null,
    }),
    responsible: t.loadableList({
      type: Actor,
      description: 'Ansvar: the actors that answer for it.',
      ...nodesVia<ActorRow>('activity/list-activity-responsible'),
    }),
    responsibility: t.loadableList({
      type: Responsibility,
      description: 'Ansvar with what each rests on: the Ansvar cell\'s quote.',
      ...linksVia<'actor', ActorRow>('activity/list-activity-responsible', 'actor'),
    }),
    responsibleOthers: t.string({
      nullable: true,
      description: 'The part of the Ansvar cell that names no one actor, in its words (e.g. "samtliga förvaltningar & bolag").',
      resolve: (a) => a.responsibleOthers ?? null,
    }),
    goals: t.loadableList({
      type: Goal,
      description: 'The effektmål it contributes to.',
      ...nodesVia<GoalRow>('activity/list-activity-goals'),
    }),
    goalLinks: t.loadableList({
      type: GoalLink,
      description: 'The effektmål it contributes to, with what each link rests on.',
      ...linksVia<'goal', GoalRow>('activity/list-activity-goals', 'goal'),
    }),
    strategies: t.loadableList({
      type: Strategy,
      ...nodesVia<StrategyRow>('activity/list-activity-strategies'),
    }),
    areas: t.loadableList({
      type: Area,
      ...nodesVia<AreaRow>('activity/list-activity-areas'),
    }),
    forums: t.loadableList({
      type: Forum,
      description: 'The forums that coordinate it.',
      ...nodesVia<ForumRow>('activity/list-activity-forums'),
    }),
    policyDocuments: t.loadableList({
      type: PolicyDocument,
      ...nodesVia<PolicyDocumentRow>('policy-document/list-governing-documents'),
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

/** Ansvar: one actor's responsibility for an activity, with its source. */
const Responsibility = builder.objectRef<{ actor: ActorRow; source: SourceShape | null }>('Responsibility').implement({
  description: 'Ansvar: an actor that answers for an activity, and what that rests on.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (r) => r.actor }),
    source: t.field({ type: Source, nullable: true, resolve: (r) => r.source }),
  }),
});

/** An activity's contribution to one effektmål, with its source. */
const GoalLink = builder.objectRef<{ goal: GoalRow; source: SourceShape | null }>('GoalLink').implement({
  description: 'An effektmål an activity contributes to (CONTRIBUTES_TO), and what that rests on.',
  fields: (t) => ({
    goal: t.field({ type: Goal, resolve: (l) => l.goal }),
    source: t.field({ type: Source, nullable: true, resolve: (l) => l.source }),
  }),
});

const ActivityCellEnum = builder.enumType('ActivityCell', {
  description: 'An effektkedja cell that can be empty: Ansvar, Tid, Resurser.',
  values: ['RESPONSIBLE', 'PERIOD', 'RESOURCES'] as const,
});

const ActivityFilter = builder.inputType('ActivityFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches aktivitet, prestation or kortsiktig effekt, ignoring case.' }),
    kind: t.field({ type: ActivityKindEnum, required: false }),
    actor: t.id({ required: false, description: 'Activities this actor is responsible for.' }),
    goal: t.id({ required: false }),
    targetArea: t.id({ required: false }),
    area: t.id({ required: false }),
    missing: t.field({
      type: [ActivityCellEnum],
      required: false,
      description: 'Only activities whose every named cell is empty: Ansvar (no responsible actor), Tid, Resurser.',
    }),
  }),
});

builder.queryFields((t) => ({
  activities: t.connection({
    type: Activity,
    args: { filter: t.arg({ type: ActivityFilter, required: false }), asOf: t.arg(asOfArg) },
    resolve: (_root, args, context) => {
      const f = args.filter;
      return pageOf<ActivityRow>(
        context,
        'activity/list-activities',
        {
          text: textParam(f?.text),
          kind: f?.kind ?? null,
          actor: f?.actor ?? null,
          goal: f?.goal ?? null,
          targetArea: f?.targetArea ?? null,
          area: f?.area ?? null,
          missingResponsible: f?.missing?.includes('RESPONSIBLE') ?? false,
          missingPeriod: f?.missing?.includes('PERIOD') ?? false,
          missingResources: f?.missing?.includes('RESOURCES') ?? false,
          asOf: dayAsked(args.asOf),
        },
        args,
      );
    },
  }, { name: 'ActivityConnection' }, { name: 'ActivityEdge' }),
}));

const LINKS = {
  RESPONSIBLE: { rel: 'RESPONSIBLE_FOR', direction: 'in', other: 'Actor', description: 'An actor that answers for it: ansvar (RESPONSIBLE_FOR).' },
  GOAL: { rel: 'CONTRIBUTES_TO', direction: 'out', other: 'Goal', description: 'An effektmål it contributes to (CONTRIBUTES_TO).' },
  STRATEGY: { rel: 'IMPLEMENTS', direction: 'out', other: 'Strategy', description: 'A strategy it implements (IMPLEMENTS).' },
  AREA: { rel: 'IN_AREA', direction: 'out', other: 'Area', description: 'An område it works in (IN_AREA).' },
  FORUM: { rel: 'COORDINATES', direction: 'in', other: 'Forum', description: 'A forum that coordinates it (COORDINATES).' },
  POLICY_DOCUMENT: { rel: 'GOVERNED_BY', direction: 'out', other: 'PolicyDocument', description: 'A styrdokument that governs it (GOVERNED_BY).' },
} as const satisfies Record<string, RelationSpec & { description: string }>;

const PROPS = ['name', 'kind', 'output', 'shortTermEffect', 'period', 'resources', 'responsibleOthers', 'validFrom', 'validTo'] as const;

const { name: activityName, ...texts } = ACTIVITY_FIELDS;

const CreateActivityInput = builder.inputType('CreateActivityInput', {
  validate: inputRules({ name: activityName, ...texts, ...VALIDITY_FIELDS }).superRefine(endNotBeforeStart('validFrom', 'validTo')),
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: ActivityKindEnum, required: true }),
    output: t.string({ required: false, description: 'Prestation.' }),
    shortTermEffect: t.string({ required: false, description: 'Kortsiktig effekt.' }),
    period: t.string({ required: false, description: 'Tid, in the cell\'s words; validFrom and validTo date it where known.' }),
    validFrom: t.string(validityInputFields.validFrom),
    validTo: t.string(validityInputFields.validTo),
    resources: t.string({ required: false, description: 'Resurser.' }),
    responsibleOthers: t.string({ required: false, description: 'Ansvar beyond the actors named, in the cell\'s words.' }),
    responsibleIds: t.idList({ required: false, description: 'Ansvar: the actors that answer for it.' }),
    goalIds: t.idList({ required: false }),
    strategyIds: t.idList({ required: false }),
    areaIds: t.idList({ required: false }),
    forumIds: t.idList({ required: false, description: 'Forums that coordinate it.' }),
    policyDocumentIds: t.idList({ required: false }),
  }),
});

const UpdateActivityInput = builder.inputType('UpdateActivityInput', {
  description: 'Changes the fields given; a field left out keeps its value, null clears it. A list is the whole new state.',
  validate: inputRules({ version, name: activityName.optional(), kind: notNull, ...texts, ...VALIDITY_FIELDS }).superRefine(endNotBeforeStart('validFrom', 'validTo')),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    name: t.string({ required: false }),
    kind: t.field({ type: ActivityKindEnum, required: false }),
    output: t.string({ required: false }),
    shortTermEffect: t.string({ required: false }),
    period: t.string({ required: false }),
    validFrom: t.string(validityInputFields.validFrom),
    validTo: t.string(validityInputFields.validTo),
    resources: t.string({ required: false }),
    responsibleOthers: t.string({ required: false, description: 'Ansvar beyond the actors named, in the cell\'s words.' }),
    responsibleIds: t.idList({ required: false, description: 'Ansvar: every actor that answers for it, after the save.' }),
    goalIds: t.idList({ required: false, description: 'Every effektmål it contributes to, after the save.' }),
    strategyIds: t.idList({ required: false }),
    areaIds: t.idList({ required: false }),
    forumIds: t.idList({ required: false, description: 'Every forum that coordinates it, after the save.' }),
    policyDocumentIds: t.idList({ required: false }),
  }),
});

createMutation('Activity', Activity, CreateActivityInput, {
  props: PROPS,
  description: 'Adds an activity with its ansvar, goals, strategies, areas and forums, in one write.',
  links: (input) => [
    ...linksTo(input.responsibleIds, LINKS.RESPONSIBLE, 'input.responsibleIds'),
    ...linksTo(input.goalIds, LINKS.GOAL, 'input.goalIds'),
    ...linksTo(input.strategyIds, LINKS.STRATEGY, 'input.strategyIds'),
    ...linksTo(input.areaIds, LINKS.AREA, 'input.areaIds'),
    ...linksTo(input.forumIds, LINKS.FORUM, 'input.forumIds'),
    ...linksTo(input.policyDocumentIds, LINKS.POLICY_DOCUMENT, 'input.policyDocumentIds'),
  ],
});
updateMutation('Activity', Activity, UpdateActivityInput, {
  props: PROPS,
  sets: (input) => [
    ...linkSet('responsible', input.responsibleIds, LINKS.RESPONSIBLE, 'input.responsibleIds'),
    ...linkSet('goals', input.goalIds, LINKS.GOAL, 'input.goalIds'),
    ...linkSet('strategies', input.strategyIds, LINKS.STRATEGY, 'input.strategyIds'),
    ...linkSet('areas', input.areaIds, LINKS.AREA, 'input.areaIds'),
    ...linkSet('forums', input.forumIds, LINKS.FORUM, 'input.forumIds'),
    ...linkSet('policyDocuments', input.policyDocumentIds, LINKS.POLICY_DOCUMENT, 'input.policyDocumentIds'),
  ],
});
deleteMutation('Activity');
linkMutations('Activity', Activity, LINKS);
