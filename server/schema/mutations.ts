import type { InputObjectRef, ObjectRef } from '@pothos/core';
import { builder } from './builder.ts';
import { REFUSALS } from './errors.ts';
import type { Context, Role } from './context.ts';
import type { DomainType } from '../domain/ids.ts';
import type { Author } from '../write/plan.ts';
import type { RelationSpec } from '../write/relations.ts';
import { createNode, deleteNode, type LinkSet, type LinkTo, linkNode, type Props, type SingleLink, unlinkNode, updateLink, updateNode } from '../write/node-writes.ts';
import { ValidationError } from '../write/refusals.ts';
import { inputRules, version } from '../write/rules.ts';
import { dayAsked } from './as-of.ts';

/*
 * What the editing mutations of every type share. Each type's module defines
 * its own create and update (its fields differ) and calls these for delete,
 * link and unlink, so all types behave alike.
 */

export function authorOf(context: Context): Author {
  return { id: context.viewer.id, name: context.viewer.name ?? null };
}

/** The store, author and operation name of a write, as node-writes takes them. */
export function writeOf(context: Context, operation: string, type: DomainType) {
  return { store: context.store, author: authorOf(context), operation, type };
}

/**
 * The options every editing mutation has: it needs REDAKTOR (or `role`), and its expected
 * failures come back as typed results named after it (`CreateForumResult`,
 * with the data under `dataField` in `CreateForumSuccess`).
 */
export function editing(name: string, dataField: string, role: Role = 'REDAKTOR') {
  const typeName = name[0]!.toUpperCase() + name.slice(1);
  return {
    authScopes: { role },
    errors: {
      types: REFUSALS,
      union: { name: `${typeName}Result` },
      result: { name: `${typeName}Success` },
      dataField: { name: dataField },
    },
  };
}

export const versionArg = { required: true, description: 'The version the edit is based on (as last read).' } as const;

/** A node and the version an edit of it is based on: enough to delete or confirm it. */
export const NodeVersionInput = builder.inputType('NodeVersionInput', {
  validate: inputRules({ version }),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
  }),
});

const Deleted = builder.objectRef<{ id: string }>('Deleted').implement({
  description: 'What a delete removed.',
  fields: (t) => ({ id: t.exposeID('id') }),
});

const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

// Pothos' generic refs do not meet in one parameter type.
/* eslint-disable @typescript-eslint/no-explicit-any */
type NodeRef = ObjectRef<any, object | string>;
type InputRef<Input> = InputObjectRef<any, Input>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** `create<Type>`: a new node with the input's `props` and its first links, in one write. */
export function createMutation<Input extends object>(
  type: DomainType,
  ref: NodeRef,
  input: InputRef<Input>,
  spec: { props: readonly (keyof Input & string)[]; links: (input: Input) => LinkTo[]; description?: string },
): void {
  const name = `create${type}`;
  builder.mutationField(name, (t) =>
    t.field({
      ...editing(name, lowerFirst(type)),
      type: ref,
      description: spec.description,
      args: { input: t.arg({ type: input, required: true }) },
      resolve: (_root, args, context) => {
        const given = (args as { input: Input }).input;
        return createNode<object>({ ...writeOf(context, name, type), props: givenProps(given, spec.props), links: spec.links(given) });
      },
    }),
  );
}

/**
 * `update<Type>`: sets the `props` the input gives (null clears one), its
 * single-valued links and the link sets it gives, whole, on a node still at
 * the input's `version`: one write, one Change.
 */
export function updateMutation<Input extends { id: string; version: number }>(
  type: DomainType,
  ref: NodeRef,
  input: InputRef<Input>,
  spec: { props: readonly (keyof Input & string)[]; singles?: (input: Input) => SingleLink[]; sets?: (input: Input) => LinkSet[] },
): void {
  const name = `update${type}`;
  builder.mutationField(name, (t) =>
    t.field({
      ...editing(name, lowerFirst(type)),
      type: ref,
      args: { input: t.arg({ type: input, required: true }) },
      resolve: (_root, args, context) => {
        const given = (args as { input: Input }).input;
        return updateNode<object>({
          ...writeOf(context, name, type),
          id: given.id,
          version: given.version,
          props: givenProps(given, spec.props),
          singles: spec.singles?.(given) ?? [],
          sets: spec.sets?.(given) ?? [],
        });
      },
    }),
  );
}

/** `delete<Type>`: removes a node at the version the editor saw, with its links. */
export function deleteMutation(type: DomainType, options: { dependents?: readonly string[] } = {}): void {
  const name = `delete${type}`;
  builder.mutationField(name, (t) =>
    t.field({
      ...editing(name, 'deleted'),
      type: Deleted,
      description: `Deletes one ${type} and its links; refused when it has changed since \`version\`.`,
      args: { input: t.arg({ type: NodeVersionInput, required: true }) },
      resolve: (_root, { input }, context) =>
        deleteNode({ ...writeOf(context, name, type), id: input.id, version: input.version, dependents: options.dependents }),
    }),
  );
}

/**
 * `link<Type>` and `unlink<Type>`: the type's many-valued links, chosen by a
 * `<Type>Relation` enum. Both return the node, so a client can read its lists again.
 */
export function linkMutations(
  type: DomainType,
  ref: NodeRef,
  relations: Record<string, RelationSpec & { description: string }>,
): void {
  const Relation = builder.enumType(`${type}Relation`, {
    values: Object.fromEntries(Object.entries(relations).map(([key, spec]) => [key, { description: spec.description }])),
  });
  const Input = builder.inputType(`Link${type}Input`, {
    fields: (t) => ({
      id: t.id({ required: true, description: `The ${type}.` }),
      relation: t.field({ type: Relation, required: true }),
      targetId: t.id({ required: true, description: 'The node at the other end.' }),
    }),
  });
  const field = (verb: 'link' | 'unlink') => `${verb}${type}`;
  for (const verb of ['link', 'unlink'] as const) {
    const name = field(verb);
    builder.mutationField(name, (t) =>
      t.field({
        ...editing(name, lowerFirst(type)),
        type: ref,
        description: verb === 'link' ? 'Adds a link; linking twice keeps one.' : 'Removes a link.',
        args: { input: t.arg({ type: Input, required: true }) },
        resolve: async (_root, { input }, context) => {
          if (input.targetId === input.id) throw new ValidationError([{ path: 'input.targetId', message: 'kan inte kopplas till sig själv' }]);
          const link = { spec: relations[input.relation as string]!, targetId: input.targetId, field: 'input.targetId' };
          const write = { ...writeOf(context, name, type), id: input.id, link };
          return (verb === 'link' ? await linkNode(write) : await unlinkNode(write)).node;
        },
      }),
    );
  }
}

/** The input's values for `keys` that it gives: an update leaves out what it does not change. */
export function givenProps<T extends object>(input: T, keys: readonly (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]));
}

/** The link from one id in an input, if it gives one. */
export function linkTo(id: string | null | undefined, spec: RelationSpec, field: string): LinkTo[] {
  return id ? [{ spec, targetId: id, field }] : [];
}

/** Links from a list of ids in an input, each named by its place in the list. */
export function linksTo(ids: readonly string[] | null | undefined, spec: RelationSpec, field: string): LinkTo[] {
  return (ids ?? []).map((targetId, index) => ({ spec, targetId, field: `${field}.${index}` }));
}

/**
 * The new state of a link set, when the input gives one: a list replaces the
 * links (null or [] removes them all), a field left out keeps them.
 */
export function linkSet(key: string, ids: readonly string[] | null | undefined, spec: RelationSpec, field: string): LinkSet[] {
  return ids === undefined ? [] : [{ key, spec, targets: linksTo(ids, spec, field) }];
}

/*
 * Seats: links from an actor that carry their own properties and version, as
 * a membership of a forum (role, dates) or a part in a collaboration (role).
 * They are edited one by one, each at the version the editor saw.
 */

export interface SeatKind {
  /** The type that holds the seats: `Forum`. */
  type: DomainType;
  /** The input field that names it: `forumId`. */
  ownerKey: string;
  spec: RelationSpec;
  /** The seat's own properties, as input fields of the same names. */
  props: readonly string[];
  /** The properties a new seat must have. */
  required: readonly string[];
  input: InputRef<Record<string, unknown>>;
  ownerRef: NodeRef;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  seatRef: ObjectRef<any, object>;
  shape: (actorId: string, ownerId: string, props: Props) => object;
  /** Mutation names and the data fields of their results; `end`: Avsluta, for seats that carry dates. */
  names: { add: string; update: string; remove: string; seat: string; owner: string; end?: string };
  /** Why a second seat for the same actor is refused. */
  taken: string;
}

/** Seats given with a new node: each starts at version 1. */
export function seatLinks(kind: Pick<SeatKind, 'spec' | 'props'>, seats: readonly Record<string, unknown>[] | null | undefined, field: string): LinkTo[] {
  return (seats ?? []).map((seat, index) => ({
    spec: kind.spec,
    targetId: seat.actorId as string,
    field: `${field}.${index}.actorId`,
    props: { ...givenProps(seat, kind.props), version: 1 },
  }));
}

/** The new state of a node's seats, when the input gives it: see linkSet. */
export function seatSet(
  key: string,
  kind: Pick<SeatKind, 'spec' | 'props'>,
  seats: readonly Record<string, unknown>[] | null | undefined,
  field: string,
): LinkSet[] {
  if (seats === undefined) return [];
  const targets = (seats ?? []).map((seat, index) => ({
    spec: kind.spec,
    targetId: seat.actorId as string,
    field: `${field}.${index}.actorId`,
    // Every prop is written, so a date left out of the new state is cleared.
    props: Object.fromEntries(kind.props.map((prop) => [prop, seat[prop] ?? null])),
  }));
  return [{ key, spec: kind.spec, targets, versioned: true }];
}

/** `add…`, `update…`, `remove…` and, for dated seats, `end…` for one kind of seat. */
export function seatMutations(kind: SeatKind): void {
  if (kind.names.end) seatEndMutation(kind, kind.names.end);
  const { names, type } = kind;
  const link = (input: Record<string, unknown>): LinkTo => ({
    spec: kind.spec,
    targetId: input.actorId as string,
    field: 'input.actorId',
    props: givenProps(input, kind.props),
  });
  const versionOf = (input: Record<string, unknown>): number => {
    // GraphQL cannot say "required for update and remove only".
    if (typeof input.version !== 'number') throw new ValidationError([{ path: 'input.version', message: 'måste anges för att ändra eller ta bort' }]);
    return input.version;
  };
  const target = (input: Record<string, unknown>, context: Context, operation: string) => ({
    ...writeOf(context, operation, type),
    id: input[kind.ownerKey] as string,
  });
  builder.mutationFields((t) => ({
    [names.add]: t.field({
      ...editing(names.add, names.seat),
      type: kind.seatRef,
      args: { input: t.arg({ type: kind.input, required: true }) },
      resolve: async (_root, { input }, context) => {
        const missing = kind.required.filter((key) => input[key] === undefined || input[key] === null);
        if (missing.length) throw new ValidationError(missing.map((key) => ({ path: `input.${key}`, message: 'måste anges' })));
        const added = await linkNode({ ...target(input, context, names.add), link: { ...link(input), props: { ...link(input).props, version: 1 } }, exclusive: kind.taken });
        return kind.shape(input.actorId as string, input[kind.ownerKey] as string, added.link.props);
      },
    }),
    [names.update]: t.field({
      ...editing(names.update, names.seat),
      type: kind.seatRef,
      description: 'A field left out keeps its value; null clears it.',
      args: { input: t.arg({ type: kind.input, required: true }) },
      resolve: async (_root, { input }, context) => {
        const updated = await updateLink({ ...target(input, context, names.update), link: link(input), version: versionOf(input) });
        return kind.shape(input.actorId as string, input[kind.ownerKey] as string, updated.props);
      },
    }),
    [names.remove]: t.field({
      ...editing(names.remove, names.owner),
      type: kind.ownerRef,
      args: { input: t.arg({ type: kind.input, required: true }) },
      resolve: async (_root, { input }, context) =>
        (await unlinkNode({ ...target(input, context, names.remove), link: link(input), version: versionOf(input) })).node,
    }),
  }));
}

/**
 * `end…`: Avsluta a seat. Its `to` becomes the last day it held (today when
 * not given); the seat and its history stay, so the map as of the days
 * before still shows it. `remove…` is for a seat entered by mistake.
 */
function seatEndMutation(kind: SeatKind, name: string): void {
  const Input = builder.inputType(`${name[0]!.toUpperCase()}${name.slice(1)}Input`, {
    description: 'Avsluta a seat: the actor left on `date` (today when left out); the seat and its history stay.',
    validate: inputRules({ version }),
    fields: (t) => ({
      [kind.ownerKey]: t.id({ required: true }),
      actorId: t.id({ required: true }),
      version: t.int({ required: true, description: 'The seat\'s version, as last read.' }),
      date: t.field({ type: 'Date', required: false, description: 'The last day of the seat, ÅÅÅÅ-MM-DD; today when left out.' }),
    }),
  });
  builder.mutationField(name, (t) =>
    t.field({
      ...editing(name, kind.names.seat),
      type: kind.seatRef,
      description: `Avsluta: the seat ends on \`date\` (its \`to\`); the map as of the days before still shows it. ${kind.names.remove} is for a seat entered by mistake.`,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_root, args, context) => {
        // The owner's key is the kind's (forumId, collaborationId): the input's type is an index.
        const input = args.input as { actorId: string; version: number; date?: string | null } & Record<string, unknown>;
        const owner = input[kind.ownerKey] as string;
        const date = dayAsked(input.date);
        const ends = kind.spec.direction === 'in' ? { from: input.actorId, to: owner } : { from: owner, to: input.actorId };
        const [seat] = await context.store.read<{ props: { from?: string | null } }>('link/get-link', { type: kind.spec.rel, ...ends });
        // The write's version check keeps this read current.
        if (seat?.props.from && date < seat.props.from) {
          throw new ValidationError([{ path: 'input.date', message: `får inte vara före platsens start (${seat.props.from})` }]);
        }
        const updated = await updateLink({
          ...writeOf(context, name, kind.type),
          id: owner,
          link: { spec: kind.spec, targetId: input.actorId, field: 'input.actorId', props: { to: date } },
          version: input.version,
        });
        return kind.shape(input.actorId, owner, updated.props);
      },
    }),
  );
}
