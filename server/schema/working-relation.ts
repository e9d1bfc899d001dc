import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from './builder.ts';
import { type Context, versioned } from './context.ts';
import { Actor, ActorFilter, actorFilterParams } from './actor.ts';
import { DEFAULT_PAGE, MAX_PAGE, checkPageArgs } from './loaders.ts';
import { withIndex } from './finding.ts';
import { type ActorTie, type SharedContext, type WorkingRelation, contextsInScope, reasonsOf, workingRelations } from '../analysis/working-relations.ts';

/** A relation as served: with a filter, what it left out of the two actors' shared contexts. */
type Relation = WorkingRelation & { outside?: number };

const SharedContextKind = builder.enumType('SharedContextKind', { values: ['FORUM', 'ACTIVITY', 'COLLABORATION'] as const });

const Shared = builder.objectRef<SharedContext>('SharedContext').implement({
  description: 'A forum, activity or collaboration two actors share: one reason they work together.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.field({ type: SharedContextKind, resolve: (c) => c.kind }),
  }),
});

const WorkingRelationRef = builder.objectRef<Relation>('WorkingRelation').implement({
  description: 'Two actors that work together, why, and how strongly (derived, never stored).',
  fields: (t) => ({
    actors: t.field({ type: [Actor], resolve: (r) => r.actors }),
    reasons: t.stringList({ description: 'One line per shared forum, activity or collaboration, in Swedish.', resolve: reasonsOf }),
    shared: t.field({ type: [Shared], resolve: (r) => r.shared }),
    strength: t.float({
      description: 'Sum over shared contexts: forum 1, shared ansvar 2, collaboration 2.',
      resolve: (r) => r.strength,
    }),
    sharedOutsideFilter: t.int({
      description: 'How many forums, activities and collaborations the two share that the filter left out of reasons and strength (0 without a filter).',
      resolve: (r) => r.outside ?? 0,
    }),
  }),
});

/** A page size that takes every matching actor: the filter needs the whole set. */
const ALL = 1_000_000_000;

type RelationFilter = Parameters<typeof actorFilterParams>[0];

const ties = (context: Context) => versioned(context, 'actorTies', () => context.store.read<ActorTie>('analysis/list-actor-ties'));

/** Every working relation in the graph, optionally only those of one actor. */
export async function relationsOf(context: Context, actorId: string | null): Promise<Relation[]> {
  const all = await versioned(context, 'workingRelations', async () => workingRelations(await ties(context)));
  return actorId ? all.filter((r) => r.actors.includes(actorId)) : all;
}

/**
 * Relations under a filter: both actors match it (as `actors(filter)` does), and only the shared
 * contexts inside its målområde and område count (`contextsInScope`), so a relation with none
 * left is gone; each keeps how many of its shared contexts the filter left out.
 */
async function relationsWithin(context: Context, actorId: string | null, filter: RelationFilter): Promise<Relation[]> {
  const scope = { targetArea: filter?.targetArea ?? null, area: filter?.area ?? null };
  const [every, scoped] = await Promise.all([
    relationsOf(context, actorId),
    versioned(context, `workingRelations:${scope.targetArea}|${scope.area}`, async () => {
      const inside = contextsInScope((await withIndex(context)).snapshot, scope);
      const all = await ties(context);
      return workingRelations(inside ? all.filter((t) => inside.has(t.context)) : all);
    }),
  ]);
  const sharedBefore = new Map(every.map((r) => [r.actors.join('\u0000'), r.shared.length]));
  const [row] = await context.store.read<{ page: { id: string }[] }>('actor/list-actors', { ...actorFilterParams(filter), skip: 0, limit: ALL });
  const matching = new Set((row?.page ?? []).map((a) => a.id));
  return scoped
    .filter((r) => (!actorId || r.actors.includes(actorId)) && matching.has(r.actors[0]) && matching.has(r.actors[1]))
    .map((r) => ({ ...r, outside: (sharedBefore.get(r.actors.join('\u0000')) ?? r.shared.length) - r.shared.length }));
}

builder.queryFields((t) => ({
  workingRelations: t.connection(
    {
      type: WorkingRelationRef,
      args: {
        actorId: t.arg.id({ required: false, description: 'Only this actor\'s relations.' }),
        filter: t.arg({
          type: ActorFilter,
          required: false,
          description: 'Only relations between two actors that both match, counting only the forums, activities and collaborations inside its målområde and område.',
        }),
      },
      resolve: async (_root, args, context) => {
        checkPageArgs(args);
        const relations = args.filter ? await relationsWithin(context, args.actorId ?? null, args.filter) : await relationsOf(context, args.actorId ?? null);
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
    type: [WorkingRelationRef],
    description: 'Who this actor works with, strongest first; with a filter, as `workingRelations(filter)` counts it.',
    args: { filter: t.arg({ type: ActorFilter, required: false }) },
    resolve: (actor, args, context) => (args.filter ? relationsWithin(context, actor.id, args.filter) : relationsOf(context, actor.id)),
  }),
);
