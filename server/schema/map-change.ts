import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { findingId, gapOptionsAsOf, gapsAsOf, overlapsAsOf, withIndex } from './finding.ts';
import { loadNodes } from './loaders.ts';
import { MAP_CHANGE_KINDS, type MapAsOf, type MapChange as MapChangeShape, mapChanges } from '../analysis/map-changes.ts';

const MapChangeKind = builder.enumType('MapChangeKind', { values: MAP_CHANGE_KINDS });

const MapChange = builder.objectRef<MapChangeShape>('MapChange').implement({
  description: 'One difference between the map as of two days.',
  fields: (t) => ({
    kind: t.field({ type: MapChangeKind, resolve: (c) => c.kind }),
    description: t.exposeString('description', { description: 'In Swedish, naming its nodes.' }),
    subjectIds: t.idList({ description: 'The nodes it concerns, the one that changed first.', resolve: (c) => c.subjects }),
    subjects: t.field({
      type: [builder.nodeInterfaceRef()],
      description: 'The nodes it concerns that still exist.',
      resolve: async (c, _args, context) => (await loadNodes<{ id: string }>(context, c.subjects)).filter(Boolean) as never,
    }),
  }),
});

/** The map as of one day, from the same cached reports `gaps`, `overlaps` and `taxonomy` answer from. */
async function mapAsOf(context: Context, asOf: string): Promise<MapAsOf> {
  const [index, options, gaps, overlaps] = await Promise.all([
    withIndex(context, asOf),
    gapOptionsAsOf(context, asOf),
    gapsAsOf(context, asOf),
    overlapsAsOf(context, asOf),
  ]);
  const levels = new Map(index.snapshot.collaborations.map((c) => [c.node.id, options.placements?.get(c.node.id)?.level ?? null]));
  const findings = new Map([...gaps, ...overlaps].map((f) => [findingId(f), { title: f.title, subjects: f.subjects }]));
  return { index, levels, findings };
}

builder.queryFields((t) => ({
  changesBetween: t.field({
    type: [MapChange],
    description:
      'What changed on the map from the day `from` to the day `to`: forums, activities and collaborations started and ended, ' +
      'seats, ansvar and participations gained, lost and moved, collaborations\' levels, and findings that appeared and disappeared.',
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    resolve: async (_root, args, context) => {
      if (args.to < args.from) {
        throw new GraphQLError(`to: får inte vara före from (${args.from})`, { extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
      }
      const [before, after] = await Promise.all([mapAsOf(context, args.from), mapAsOf(context, args.to)]);
      return mapChanges(before, after);
    },
  }),
}));
