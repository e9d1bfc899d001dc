import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { datedAs, loadNodes, nodesVia, nodeVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, sourceOf } from './source.ts';
import { Goal, type GoalRow } from './goal.ts';
import { Strategy, type StrategyRow } from './strategy.ts';
import { Official, officialsOf } from './person.ts';
import { isIdOf } from '../domain/ids.ts';
import { FUNDING_BREAKDOWNS, type FundingBreakdown } from '../domain/vocabulary.ts';

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
  breakdown?: FundingBreakdown | null;
  targetArea?: string | null;
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
    officials: t.loadableList({ type: Official, description: 'Who answers for the work as a whole ("Övergripande").', ...officialsOf }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const FundingBreakdownEnum = builder.enumType('FundingBreakdown', {
  description:
    'Which table a funding record belongs to: the same money broken down per year or per målområde (never add the two together), ' +
    'a table\'s Totalsumma as printed (never add it to the rows), or the grant itself (not the costs).',
  values: FUNDING_BREAKDOWNS,
});

export const Funding = builder.objectRef<FundingRow>('Funding').implement({
  description: 'Finansiering: money for a målområde or an activity, per year.',
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.exposeString('funder', { description: 'Who pays (e.g. Tillväxtverket, Borås Stad); `citation` says whether the document states it.' }),
    description: t.string({ nullable: true, resolve: (f) => f.description ?? null }),
    year: t.int({ nullable: true, resolve: (f) => f.year ?? null }),
    amountSek: t.exposeFloat('amountSek'),
    breakdown: t.field({ type: FundingBreakdownEnum, nullable: true, resolve: (f) => f.breakdown ?? null }),
    targetArea: t.field({
      type: TargetArea,
      nullable: true,
      description: 'The målområde it funds, when the record is for one.',
      resolve: (f) => f.targetArea ?? null,
    }),
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
    officials: t.loadableList({ type: Official, description: 'Who answers for it (seed 001: "Ansvariga").', ...officialsOf }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

builder.queryFields((t) => ({
  fundings: t.field({
    type: [Funding],
    description: 'Every funding record (seed 002: the costs per year and per målområde, each table\'s printed Totalsumma, and Tillväxtverket\'s statsbidrag).',
    args: {
      breakdown: t.arg({ type: FundingBreakdownEnum, required: false }),
      year: t.arg.int({ required: false }),
    },
    resolve: async (_root, args, context) =>
      (await context.store.read<{ node: FundingRow }>('target-area/list-funding', { breakdown: args.breakdown ?? null, year: args.year ?? null })).map((row) => row.node),
  }),
  targetAreas: t.field({
    type: [TargetArea],
    args: { asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) =>
      datedAs((await context.store.read<{ node: TargetAreaRow }>('target-area/list-target-areas')).map((row) => row.node), dayAsked(args.asOf)),
  }),
}));
