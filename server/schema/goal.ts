import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { loadNodes, neighbours, pageOf, textParam, nodesVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, sourceOf } from './source.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { Forum, type ForumRow } from './forum.ts';
import { TargetArea, type TargetAreaRow } from './target-area.ts';
import { PolicyDocument, type PolicyDocumentRow } from './policy-document.ts';
import { createMutation, deleteMutation, linkMutations, linkTo, linksTo, versionArg, updateMutation } from './mutations.ts';
import { isIdOf } from '../domain/ids.ts';
import type { RelationSpec } from '../write/relations.ts';
import { inputRules, notNull, requiredText, version } from '../write/rules.ts';

export interface GoalRow {
  id: string;
  text: string;
  version?: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const Goal = builder.loadableNodeRef('Goal', {
  id: { resolve: (goal: GoalRow) => goal.id },
  load: (ids: string[], context: Context) => loadNodes<GoalRow>(context, ids),
});

Goal.implement({
  description: 'Effektmål (långsiktig effekt), in one målområde.',
  isTypeOf: (value) => isIdOf('Goal', value),
  fields: (t) => ({
    text: t.exposeString('text'),
    version: t.int({ description: 'Counts every edit; give it back when editing.', resolve: (goal) => goal.version ?? 1 }),
    targetArea: t.loadable({
      type: TargetArea,
      load: async (ids: string[], context) => {
        const lists = await neighbours('goal/list-goal-target-areas', (row) => row.node as unknown as TargetAreaRow)(ids, context);
        return lists.map((list) => list[0] ?? new Error('goal has no målområde'));
      },
      resolve: (goal) => goal.id,
    }),
    activities: t.loadableList({
      type: Activity,
      description: 'The activities that contribute to it; empty is a gap.',
      ...nodesVia<ActivityRow>('goal/list-goal-activities'),
    }),
    forums: t.loadableList({
      type: Forum,
      ...nodesVia<ForumRow>('goal/list-goal-forums'),
    }),
    policyDocuments: t.loadableList({
      type: PolicyDocument,
      ...nodesVia<PolicyDocumentRow>('policy-document/list-governing-documents'),
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const GoalFilter = builder.inputType('GoalFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches the goal text, ignoring case.' }),
    targetArea: t.id({ required: false }),
  }),
});

builder.queryFields((t) => ({
  goals: t.connection({
    type: Goal,
    args: { filter: t.arg({ type: GoalFilter, required: false }), asOf: t.arg(asOfArg) },
    resolve: (_root, args, context) =>
      pageOf<GoalRow>(
        context,
        'goal/list-goals',
        { text: textParam(args.filter?.text), targetArea: args.filter?.targetArea ?? null, asOf: dayAsked(args.asOf) },
        args,
      ),
  }, { name: 'GoalConnection' }, { name: 'GoalEdge' }),
}));

const TARGET_AREA: RelationSpec = { rel: 'IN_TARGET_AREA', direction: 'out', other: 'TargetArea' };
const LINKS = {
  POLICY_DOCUMENT: { rel: 'GOVERNED_BY', direction: 'out', other: 'PolicyDocument', description: 'A styrdokument that governs it (GOVERNED_BY).' },
} as const satisfies Record<string, RelationSpec & { description: string }>;

const CreateGoalInput = builder.inputType('CreateGoalInput', {
  validate: inputRules({ text: requiredText(1000) }),
  fields: (t) => ({
    text: t.string({ required: true }),
    targetAreaId: t.id({ required: true, description: 'Every effektmål belongs to one målområde.' }),
    policyDocumentIds: t.idList({ required: false }),
  }),
});

const UpdateGoalInput = builder.inputType('UpdateGoalInput', {
  description: 'Changes the fields given; a field left out keeps its value.',
  validate: inputRules({ version, text: requiredText(1000).optional(), targetAreaId: notNull }),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    text: t.string({ required: false }),
    targetAreaId: t.id({ required: false, description: 'Moves it to another målområde.' }),
  }),
});

createMutation('Goal', Goal, CreateGoalInput, {
  props: ['text'],
  links: (input) => [
    ...linkTo(input.targetAreaId, TARGET_AREA, 'input.targetAreaId'),
    ...linksTo(input.policyDocumentIds, LINKS.POLICY_DOCUMENT, 'input.policyDocumentIds'),
  ],
});
updateMutation('Goal', Goal, UpdateGoalInput, {
  props: ['text'],
  singles: (input) =>
    input.targetAreaId ? [{ key: 'targetArea', spec: TARGET_AREA, targetId: input.targetAreaId, field: 'input.targetAreaId' }] : [],
});
deleteMutation('Goal');
linkMutations('Goal', Goal, LINKS);
