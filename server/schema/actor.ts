import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { ActorKindEnum, MemberRoleEnum, SectorEnum } from './enums.ts';
import { loadNodes, neighbours, pageOf, textParam } from './loaders.ts';
import { Source, sourceOf } from './source.ts';
import { Forum, type ForumRow } from './forum.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { Collaboration, type CollaborationRow } from './collaboration.ts';
import { isIdOf } from '../domain/ids.ts';
import { type ActorKind, type Sector, kindsInSectors, sectorOf } from '../domain/sectors.ts';

export interface ActorRow {
  id: string;
  name: string;
  shortName?: string | null;
  kind: ActorKind;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

/** One actor's seat in one forum; either side may be an id the dataloader fills in. */
export interface MembershipShape {
  actor: string | ActorRow;
  forum: string | ForumRow;
  role: MemberRole;
}
export type MemberRole = 'ORDFORANDE' | 'SAMMANKALLANDE' | 'LEDAMOT' | 'ADJUNGERAD';

const ActorFilter = builder.inputType('ActorFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches name or short name, ignoring case.' }),
    kinds: t.field({ type: [ActorKindEnum], required: false }),
    sectors: t.field({ type: [SectorEnum], required: false }),
    targetArea: t.id({ required: false, description: 'Actors with an activity or forum serving a goal of this målområde.' }),
    area: t.id({ required: false, description: 'Actors responsible for an activity in this område.' }),
  }),
});

export const Actor = builder.loadableNodeRef('Actor', {
  id: { resolve: (actor: ActorRow) => actor.id },
  load: (ids: string[], context: Context) => loadNodes<ActorRow>(context, ids),
});

Actor.implement({
  description: 'Aktör: a förvaltning, nämnd, kommunalt bolag, the region, a state agency, an organisation.',
  isTypeOf: (value) => isIdOf('Actor', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    shortName: t.string({ nullable: true, resolve: (actor) => actor.shortName ?? null }),
    kind: t.field({ type: ActorKindEnum, resolve: (actor) => actor.kind }),
    sector: t.field({ type: SectorEnum, description: 'Derived from kind.', resolve: (actor) => sectorOf(actor.kind) }),
    partOf: t.loadableList({
      type: Actor,
      description: 'The organisations this actor is part of (a förvaltning of Borås Stad).',
      load: neighbours('actor/list-actor-parents', (row) => row.node as unknown as ActorRow),
      resolve: (actor) => actor.id,
    }),
    forums: t.loadableList({
      type: Membership,
      description: 'The forums this actor sits in, with its role.',
      load: neighbours('actor/list-actor-memberships', (row): MembershipShape => ({
        actor: row.key,
        forum: row.node as unknown as ForumRow,
        role: row.rel?.role as MemberRole,
      })),
      resolve: (actor) => actor.id,
    }),
    activities: t.loadableList({
      type: Activity,
      description: 'Activities this actor is responsible for (ansvar).',
      load: neighbours('activity/list-actor-activities', (row) => row.node as unknown as ActivityRow),
      resolve: (actor) => actor.id,
    }),
    collaborations: t.loadableList({
      type: Collaboration,
      load: neighbours('collaboration/list-actor-collaborations', (row) => row.node as unknown as CollaborationRow),
      resolve: (actor) => actor.id,
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

export const Membership = builder.objectRef<MembershipShape>('Membership');

Membership.implement({
  description: 'Medlemskap: an actor\'s seat in a forum.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (m) => m.actor }),
    forum: t.field({ type: Forum, resolve: (m) => m.forum }),
    role: t.field({ type: MemberRoleEnum, resolve: (m) => m.role }),
  }),
});

builder.queryFields((t) => ({
  actors: t.connection({
    type: Actor,
    args: {
      filter: t.arg({ type: ActorFilter, required: false }),
    },
    resolve: (_root, args, context) => {
      const f = args.filter;
      const kinds = f?.kinds?.length ? f.kinds : null;
      const sectorKinds = f?.sectors?.length ? kindsInSectors(f.sectors as Sector[]) : null;
      const allowed = kinds && sectorKinds ? kinds.filter((k) => sectorKinds.includes(k)) : (kinds ?? sectorKinds);
      return pageOf<ActorRow>(
        context,
        'actor/list-actors',
        { text: textParam(f?.text), kinds: allowed, targetArea: f?.targetArea ?? null, area: f?.area ?? null },
        args,
      );
    },
  }, { name: 'ActorConnection' }, { name: 'ActorEdge' }),
}));
