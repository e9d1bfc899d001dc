import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { loadNodes, pageOf, textParam, nodesVia, nodeVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, sourceOf } from './source.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { TargetArea, type TargetAreaRow } from './target-area.ts';
import { isIdOf } from '../domain/ids.ts';

export interface StrategyRow {
  id: string;
  name: string;
  description?: string | null;
  measures?: string[] | null;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const Strategy = builder.loadableNodeRef('Strategy', {
  id: { resolve: (strategy: StrategyRow) => strategy.id },
  load: (ids: string[], context: Context) => loadNodes<StrategyRow>(context, ids),
});

Strategy.implement({
  description: 'Strategi, e.g. the five strategies of målbild barn och unga.',
  isTypeOf: (value) => isIdOf('Strategy', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (s) => s.description ?? null }),
    measures: t.stringList({ description: 'Åtgärder listed under the strategy.', resolve: (s) => s.measures ?? [] }),
    targetArea: t.loadable({
      type: TargetArea,
      nullable: true,
      ...nodeVia<TargetAreaRow>('strategy/list-strategy-target-areas'),
    }),
    activities: t.loadableList({
      type: Activity,
      ...nodesVia<ActivityRow>('strategy/list-strategy-activities'),
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const StrategyFilter = builder.inputType('StrategyFilter', {
  fields: (t) => ({ text: t.string({ required: false, description: 'Matches name or description, ignoring case.' }) }),
});

builder.queryFields((t) => ({
  strategies: t.connection({
    type: Strategy,
    args: { filter: t.arg({ type: StrategyFilter, required: false }), asOf: t.arg(asOfArg) },
    resolve: (_root, args, context) =>
      pageOf<StrategyRow>(context, 'strategy/list-strategies', { text: textParam(args.filter?.text), asOf: dayAsked(args.asOf) }, args),
  }, { name: 'StrategyConnection' }, { name: 'StrategyEdge' }),
}));
