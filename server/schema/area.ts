import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { datedAs, loadNodes } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, sourceOf } from './source.ts';
import { isIdOf } from '../domain/ids.ts';

export interface AreaRow {
  id: string;
  name: string;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const Area = builder.loadableNodeRef('Area', {
  id: { resolve: (area: AreaRow) => area.id },
  load: (ids: string[], context: Context) => loadNodes<AreaRow>(context, ids),
});

Area.implement({
  description: 'Område: hela staden, or a part of it such as Norrby.',
  isTypeOf: (value) => isIdOf('Area', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

builder.queryFields((t) => ({
  areas: t.field({
    type: [Area],
    args: { asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) =>
      datedAs((await context.store.read<{ node: AreaRow }>('area/list-areas')).map((row) => row.node), dayAsked(args.asOf)),
  }),
}));
