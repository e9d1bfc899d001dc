import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { loadNodes, neighbours, pageOf, textParam } from './loaders.ts';
import { Source, sourceOf } from './source.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { Forum, type ForumRow } from './forum.ts';
import { TargetArea, type TargetAreaRow } from './target-area.ts';
import { PolicyDocument, type PolicyDocumentRow } from './policy-document.ts';
import { isIdOf } from '../domain/ids.ts';

export interface GoalRow {
  id: string;
  text: string;
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
      load: neighbours('goal/list-goal-activities', (row) => row.node as unknown as ActivityRow),
      resolve: (goal) => goal.id,
    }),
    forums: t.loadableList({
      type: Forum,
      load: neighbours('goal/list-goal-forums', (row) => row.node as unknown as ForumRow),
      resolve: (goal) => goal.id,
    }),
    policyDocuments: t.loadableList({
      type: PolicyDocument,
      load: neighbours('policy-document/list-governing-documents', (row) => row.node as unknown as PolicyDocumentRow),
      resolve: (goal) => goal.id,
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
    args: { filter: t.arg({ type: GoalFilter, required: false }) },
    resolve: (_root, args, context) =>
      pageOf<GoalRow>(
        context,
        'goal/list-goals',
        { text: textParam(args.filter?.text), targetArea: args.filter?.targetArea ?? null },
        args,
      ),
  }, { name: 'GoalConnection' }, { name: 'GoalEdge' }),
}));
