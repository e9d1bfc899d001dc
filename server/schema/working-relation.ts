import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from './builder.ts';
import { type Context, versioned } from './context.ts';
import { Actor, ActorFilter, type ActorRow, actorFilterParams } from './actor.ts';
import { DEFAULT_PAGE, type Dated, MAX_PAGE, checkPageArgs } from './loaders.ts';
import { asOfArg, dayOf } from './as-of.ts';
import { type ActorTie, type SharedContext, type WorkingRelation as Relation, reasonsOf, workingRelations } from '../analysis/working-relations.ts';

const SharedContextKind = builder.enumType('SharedContextKind', { values: ['FORUM', 'ACTIVITY', 'COLLABORATION'] as const });

const Shared = builder.objectRef<SharedContext>('SharedContext').implement({
  description: 'A forum, activity or collaboration two actors share: one reason they work together.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.field({ type: SharedContextKind, resolve: (c) => c.kind }),
  }),
});

export const WorkingRelation = builder.objectRef<Relation>('WorkingRelation').implement({
  description: 'Two actors that work together, why, and how strongly (derived, never stored).',
  fields: (t) => ({
    actors: t.field({ type: [Actor], resolve: (r) => r.actors }),
    reasons: t.stringList({ description: 'One line per shared forum, activity or collaboration, in Swedish.', resolve: reasonsOf }),
    shared: t.field({ type: [Shared], resolve: (r) => r.shared }),
    strength: t.float({
      description: 'Sum over shared contexts: forum 1, shared ansvar 2, collaboration 2.',
      resolve: (r) => r.strength,
    }),
  }),
});

/** A page size that takes every matching actor: the filter needs the whole set. */
const ALL = 1_000_000_000;

/** Every working relation in the graph as of `asOf`, optionally only those of one actor. */
export async function relationsOf(context: Context, actorId: string | null, asOf: string): Promise<Relation[]> {
  const all = await versioned(context, `workingRelations:${asOf}`, async () =>
    workingRelations(await context.store.read<ActorTie>('analysis/list-actor-ties', { asOf })),
  );
  return actorId ? all.filter((r) => r.actors.includes(actorId)) : all;
}

builder.queryFields((t) => ({
  workingRelations: t.connection(
    {
      type: WorkingRelation,
      args: {
        actorId: t.arg.id({ required: false, description: 'Only this actor\'s relations.' }),
        filter: t.arg({ type: ActorFilter, required: false, description: 'Only relations between two actors that both match.' }),
        asOf: t.arg(asOfArg),
      },
      resolve: async (_root, args, context) => {
        checkPageArgs(args);
        const asOf = dayOf(args.asOf);
        let relations = await relationsOf(context, args.actorId ?? null, asOf);
        if (args.filter) {
          const [row] = await context.store.read<{ page: { id: string }[] }>('actor/list-actors', { ...actorFilterParams(args.filter), skip: 0, limit: ALL });
          const matching = new Set((row?.page ?? []).map((a) => a.id));
          relations = relations.filter((r) => matching.has(r.actors[0]) && matching.has(r.actors[1]));
        }
        const connection = resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, relations);
        return { ...connection, totalCount: relations.length };
      },
    },
    { name: 'WorkingRelationConnection' },
    { name: 'WorkingRelationEdge' },
  ),
}));

builder.objectField(Actor, 'workingRelations', (t) =>
  t.field({
    type: [WorkingRelation],
    description: 'Who this actor works with, strongest first.',
    resolve: (actor: Dated<ActorRow>, _args, context) => relationsOf(context, actor.id, dayOf(actor.asOf)),
  }),
);
