import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from './builder.ts';
import { type Context, versioned } from './context.ts';
import { Actor, ActorFilter, type ActorRow, actorFilterParams } from './actor.ts';
import { DEFAULT_PAGE, type Dated, MAX_PAGE, checkPageArgs } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { withIndex, withSnapshot } from './finding.ts';
import { type ActorTie, type SharedContext, type WorkingRelation, contextsInScope, reasonsOf, workingRelations } from '../analysis/working-relations.ts';
import {
  type ActorGroup as Group,
  type GroupBy,
  type GroupEdge,
  type Grouping,
  type RelationSummary,
  groupActors,
  summarizeRelations,
} from '../analysis/relation-summary.ts';

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

/** Every actor's ties as of `asOf`: from the snapshot the gap and overlap rules read. */
const ties = async (context: Context, asOf: string): Promise<ActorTie[]> => (await withSnapshot(context, asOf)).ties;

/** Every working relation in the graph as of `asOf`, optionally only those of one actor. */
export async function relationsOf(context: Context, actorId: string | null, asOf: string): Promise<Relation[]> {
  const all = await versioned(context, `workingRelations:${asOf}`, async () => workingRelations(await ties(context, asOf)));
  return actorId ? all.filter((r) => r.actors.includes(actorId)) : all;
}

/**
 * Relations under a filter: both actors match it (as `actors(filter)` does), and only the shared
 * contexts inside its målområde and område count (`contextsInScope`), so a relation with none
 * left is gone; each keeps how many of its shared contexts the filter left out.
 */
async function relationsWithin(context: Context, actorId: string | null, filter: RelationFilter, asOf: string): Promise<Relation[]> {
  const scope = { targetArea: filter?.targetArea ?? null, area: filter?.area ?? null };
  const [every, scoped] = await Promise.all([
    relationsOf(context, actorId, asOf),
    versioned(context, `workingRelations:${asOf}:${scope.targetArea}|${scope.area}`, async () => {
      const inside = contextsInScope((await withIndex(context, asOf)).snapshot, scope);
      const all = await ties(context, asOf);
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
        asOf: t.arg(asOfArg),
      },
      resolve: async (_root, args, context) => {
        checkPageArgs(args);
        const asOf = dayAsked(args.asOf);
        const relations = args.filter ? await relationsWithin(context, args.actorId ?? null, args.filter, asOf) : await relationsOf(context, args.actorId ?? null, asOf);
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
    resolve: (actor: Dated<ActorRow>, args, context) => {
      const asOf = dayAsked(actor.asOf);
      return args.filter ? relationsWithin(context, actor.id, args.filter, asOf) : relationsOf(context, actor.id, asOf);
    },
  }),
);

const RelationGroupBy = builder.enumType('RelationGroupBy', {
  description: 'What the actors of a relation summary are grouped by.',
  values: { MUNICIPALITY: { description: 'Kommun' }, SECTOR: { description: 'Sektor' }, KIND: { description: 'Aktörstyp' } } satisfies Record<GroupBy, unknown>,
});

/** The groups of one graph version and day, by one grouping: read once, then every opened group is a pass over the relations. */
function groupingOf(context: Context, groupBy: GroupBy, asOf: string): Promise<Grouping> {
  return versioned(context, `relationGrouping:${groupBy}:${asOf}`, async () => {
    const [index, relations] = await Promise.all([withIndex(context, asOf), relationsOf(context, null, asOf)]);
    const actors = index.snapshot.actors.map((a) => ({ id: a.node.id, name: a.node.name, kind: a.node.kind, parents: a.parents }));
    return groupActors(actors, relations, groupBy);
  });
}

type SummaryShape = RelationSummary;
type GroupShape = Group & { summary: SummaryShape };

const GroupMember = builder.objectRef<{ actor: string; summary: SummaryShape }>('ActorGroupMember').implement({
  description: 'An actor of an opened group, and why it is in that group.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (m) => m.actor }),
    evidence: t.string({ resolve: (m) => m.summary.grouping.evidence.get(m.actor) ?? '' }),
  }),
});

const ActorGroup = builder.objectRef<GroupShape>('ActorGroup').implement({
  description: 'A group of actors drawn as one node: a municipality, a sector or a kind.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Never an actor\'s id.' }),
    key: t.string({ nullable: true, description: 'The KOMMUN actor\'s id, the sector or the kind; null for actors of no one municipality.', resolve: (g) => g.key }),
    name: t.string({ nullable: true, description: 'The municipality\'s name; null for a sector or kind, and for no one municipality.', resolve: (g) => g.name }),
    actorCount: t.int({ resolve: (g) => g.actors.length }),
    relationCount: t.int({ description: 'Relations between two of its own actors.', resolve: (g) => g.relationCount }),
    strength: t.float({ description: 'The summed strength of those relations.', resolve: (g) => g.strength }),
    expanded: t.boolean({ resolve: (g) => g.summary.expanded.includes(g.id) }),
    members: t.field({
      type: [GroupMember],
      description: 'Its actors when it is opened (in `expand`); empty otherwise.',
      resolve: (g) => (g.summary.expanded.includes(g.id) ? g.actors.map((actor) => ({ actor, summary: g.summary })) : []),
    }),
  }),
});

const GroupRelation = builder.objectRef<GroupEdge>('GroupRelation').implement({
  description: 'The working relations between two drawn nodes, at least one of them a group, summed.',
  fields: (t) => ({
    source: t.exposeID('source', { description: 'A group\'s id, or an actor\'s in an opened group.' }),
    target: t.exposeID('target'),
    relationCount: t.exposeInt('relationCount'),
    strength: t.exposeFloat('strength', { description: 'The summed strength of those relations.' }),
  }),
});

const WorkingRelationSummary = builder.objectRef<SummaryShape>('WorkingRelationSummary').implement({
  description: 'Who works with whom, drawn as groups, some of them opened into their actors: a large graph in one compact answer.',
  fields: (t) => ({
    groupBy: t.field({ type: RelationGroupBy, resolve: (s) => s.grouping.groupBy }),
    actorCount: t.int({ description: 'Every actor in the graph.', resolve: (s) => s.grouping.groupOf.size }),
    groups: t.field({ type: [ActorGroup], description: 'Largest first.', resolve: (s) => s.grouping.groups.map((g) => ({ ...g, summary: s })) }),
    groupRelations: t.field({ type: [GroupRelation], description: 'Strongest first.', resolve: (s) => s.edges }),
    relations: t.field({ type: [WorkingRelationRef], description: 'Between two actors of opened groups.', resolve: (s) => s.relations }),
  }),
});

builder.queryFields((t) => ({
  workingRelationSummary: t.field({
    type: WorkingRelationSummary,
    description: 'The working relations summed between groups of actors, for drawing a graph too large to draw actor by actor.',
    args: {
      groupBy: t.arg({ type: RelationGroupBy, required: true, defaultValue: 'MUNICIPALITY' }),
      expand: t.arg.idList({ required: false, description: 'Groups to open into their actors; an actor\'s id opens the group it is in. Unknown ids open nothing.' }),
      asOf: t.arg(asOfArg),
    },
    resolve: async (_root, args, context) => {
      const asOf = dayAsked(args.asOf);
      const [grouping, relations] = await Promise.all([groupingOf(context, args.groupBy, asOf), relationsOf(context, null, asOf)]);
      return summarizeRelations(grouping, relations, (args.expand ?? []).map(String));
    },
  }),
}));
