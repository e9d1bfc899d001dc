import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { loadNodes, nodesVia, nodeVia } from './loaders.ts';
import { Source, sourceOf } from './source.ts';
import { Goal, type GoalRow } from './goal.ts';
import { Strategy, type StrategyRow } from './strategy.ts';
import { isIdOf } from '../domain/ids.ts';

export interface TargetAreaRow {
  id: string;
  name: string;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

interface OverarchingGoalRow {
  id: string;
  text: string;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

interface FundingRow {
  id: string;
  funder: string;
  description?: string | null;
  year?: number | null;
  amountSek: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const OverarchingGoal = builder.loadableNodeRef('OverarchingGoal', {
  id: { resolve: (goal: OverarchingGoalRow) => goal.id },
  load: (ids: string[], context: Context) => loadNodes<OverarchingGoalRow>(context, ids),
});

OverarchingGoal.implement({
  description: 'Övergripande mål.',
  isTypeOf: (value) => isIdOf('OverarchingGoal', value),
  fields: (t) => ({
    text: t.exposeString('text'),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

export const Funding = builder.objectRef<FundingRow>('Funding').implement({
  description: 'Finansiering: money for a målområde or an activity, per year.',
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.exposeString('funder', { description: 'Who pays (e.g. Tillväxtverket, Borås Stad).' }),
    description: t.string({ nullable: true, resolve: (f) => f.description ?? null }),
    year: t.int({ nullable: true, resolve: (f) => f.year ?? null }),
    amountSek: t.exposeFloat('amountSek'),
    citation: t.field({ type: Source, nullable: true, description: 'The document that states it.', resolve: sourceOf }),
  }),
});

export const TargetArea = builder.loadableNodeRef('TargetArea', {
  id: { resolve: (area: TargetAreaRow) => area.id },
  load: (ids: string[], context) => loadNodes<TargetAreaRow>(context, ids),
});

TargetArea.implement({
  description: 'Målområde.',
  isTypeOf: (value) => isIdOf('TargetArea', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    overarchingGoal: t.loadable({
      type: OverarchingGoal,
      nullable: true,
      ...nodeVia<OverarchingGoalRow>('target-area/list-target-area-overarching-goals'),
    }),
    goals: t.loadableList({
      type: Goal,
      ...nodesVia<GoalRow>('target-area/list-target-area-goals'),
    }),
    strategies: t.loadableList({
      type: Strategy,
      ...nodesVia<StrategyRow>('target-area/list-target-area-strategies'),
    }),
    funding: t.loadableList({
      type: Funding,
      ...nodesVia<FundingRow>('target-area/list-target-area-funding'),
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

builder.queryFields((t) => ({
  targetAreas: t.field({
    type: [TargetArea],
    resolve: async (_root, _args, context) =>
      (await context.store.read<{ node: TargetAreaRow }>('target-area/list-target-areas')).map((row) => row.node),
  }),
}));
