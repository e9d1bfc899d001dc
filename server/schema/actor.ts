import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { ActorKindEnum, SectorEnum } from './enums.ts';
import { keyOf, loadNodes, neighbours, pageOf, textParam, nodesVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, sourceOf } from './source.ts';
import { Membership, membershipOf, type ForumRow } from './forum.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { Collaboration, type CollaborationRow } from './collaboration.ts';
import { createMutation, deleteMutation, linkMutations, linkSet, linksTo, versionArg, updateMutation } from './mutations.ts';
import { isIdOf } from '../domain/ids.ts';
import { type ActorKind, type Sector, kindsInSectors, sectorOf } from '../domain/sectors.ts';
import type { RelationSpec } from '../write/relations.ts';
import { inputRules, notNull, version } from '../write/rules.ts';
import { ACTOR_FIELDS } from '../write/field-rules.ts';

export interface ActorRow {
  id: string;
  name: string;
  shortName?: string | null;
  kind: ActorKind;
  version?: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

/** An ActorFilter as the parameters of `actor/list-actors`: a sector becomes the kinds it is made of. */
export function actorFilterParams(f: ActorFilterShape | null | undefined) {
  const kinds = f?.kinds?.length ? f.kinds : null;
  const sectorKinds = f?.sectors?.length ? kindsInSectors(f.sectors as Sector[]) : null;
  const allowed = kinds && sectorKinds ? kinds.filter((k) => sectorKinds.includes(k)) : (kinds ?? sectorKinds);
  return { text: textParam(f?.text), kinds: allowed, targetArea: f?.targetArea ?? null, area: f?.area ?? null };
}

interface ActorFilterShape {
  text?: string | null;
  kinds?: ActorKind[] | null;
  sectors?: Sector[] | null;
  targetArea?: string | null;
  area?: string | null;
}

export const ActorFilter = builder.inputType('ActorFilter', {
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
    version: t.int({ description: 'Counts every edit; give it back when editing.', resolve: (actor) => actor.version ?? 1 }),
    partOf: t.loadableList({
      type: Actor,
      description: 'The organisations this actor is part of (a förvaltning of Borås Stad).',
      ...nodesVia<ActorRow>('actor/list-actor-parents'),
    }),
    forums: t.loadableList({
      type: Membership,
      description: 'The forums this actor sits in, with its role.',
      load: neighbours('actor/list-actor-memberships', (row) => membershipOf(row.key, row.node as unknown as ForumRow, row.rel)),
      resolve: keyOf,
    }),
    activities: t.loadableList({
      type: Activity,
      description: 'Activities this actor is responsible for (ansvar).',
      ...nodesVia<ActivityRow>('activity/list-actor-activities'),
    }),
    collaborations: t.loadableList({
      type: Collaboration,
      ...nodesVia<CollaborationRow>('collaboration/list-actor-collaborations'),
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

builder.queryFields((t) => ({
  actors: t.connection({
    type: Actor,
    args: {
      filter: t.arg({ type: ActorFilter, required: false }),
      asOf: t.arg(asOfArg),
    },
    resolve: (_root, args, context) =>
      pageOf<ActorRow>(context, 'actor/list-actors', { ...actorFilterParams(args.filter), asOf: dayAsked(args.asOf) }, args),
  }, { name: 'ActorConnection' }, { name: 'ActorEdge' }),
}));

const LINKS = {
  PART_OF: { rel: 'PART_OF', direction: 'out', other: 'Actor', description: 'An organisation it is part of (PART_OF).' },
} as const satisfies Record<string, RelationSpec & { description: string }>;

const PROPS = ['name', 'shortName', 'kind'] as const;

const CreateActorInput = builder.inputType('CreateActorInput', {
  validate: inputRules(ACTOR_FIELDS),
  fields: (t) => ({
    name: t.string({ required: true, description: 'Written out, not abbreviated.' }),
    shortName: t.string({ required: false }),
    kind: t.field({ type: ActorKindEnum, required: true }),
    partOfIds: t.idList({ required: false, description: 'Organisations it is part of.' }),
  }),
});

const UpdateActorInput = builder.inputType('UpdateActorInput', {
  description: 'Changes the fields given; a field left out keeps its value, null clears it.',
  validate: inputRules({ version, name: ACTOR_FIELDS.name.optional(), shortName: ACTOR_FIELDS.shortName, kind: notNull }),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    name: t.string({ required: false }),
    shortName: t.string({ required: false }),
    kind: t.field({ type: ActorKindEnum, required: false }),
    partOfIds: t.idList({ required: false, description: 'Every organisation it is part of, after the save.' }),
  }),
});

createMutation('Actor', Actor, CreateActorInput, {
  props: PROPS,
  links: (input) => linksTo(input.partOfIds, LINKS.PART_OF, 'input.partOfIds'),
});
updateMutation('Actor', Actor, UpdateActorInput, { props: PROPS, sets: (input) => linkSet('partOf', input.partOfIds, LINKS.PART_OF, 'input.partOfIds') });
deleteMutation('Actor');
linkMutations('Actor', Actor, LINKS);
