import { builder } from './builder.ts';
import type { ForumLevel, MemberRole, TargetGroup } from '../domain/vocabulary.ts';
import { confirmationCutoff, confirmationDueAt } from '../domain/confirmation.ts';
import type { Context } from './context.ts';
import { ForumLevelEnum, MemberRoleEnum, TargetGroupEnum } from './enums.ts';
import { keyOf, loadNodes, neighbours, pageOf, textParam, nodesVia, nodeVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, type SourceShape, sourceOf } from './source.ts';
import { Actor, type ActorRow } from './actor.ts';
import { Goal, type GoalRow } from './goal.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { PolicyDocument, type PolicyDocumentRow } from './policy-document.ts';
import { createMutation, deleteMutation, editing, linkMutations, linkSet, linkTo, linksTo, NodeVersionInput, type SeatKind, seatLinks, seatMutations, seatSet, versionArg, updateMutation, writeOf } from './mutations.ts';
import { isIdOf } from '../domain/ids.ts';
import { hasRole, refusalFor } from '../auth/roles.ts';
import { updateNode } from '../write/node-writes.ts';
import type { RelationSpec } from '../write/relations.ts';
import { z } from 'zod';
import { endNotBeforeStart, inputRules, notNull, uniqueBy, version } from '../write/rules.ts';
import { FORUM_FIELDS, SEAT_FIELDS, VALIDITY_FIELDS } from '../write/field-rules.ts';
import { validityInputFields } from './validity-fields.ts';

export interface ForumRow {
  id: string;
  name: string;
  purpose?: string | null;
  level?: ForumLevel | null;
  meetingFrequency?: string | null;
  targetGroups?: TargetGroup[] | null;
  contact?: string | null;
  confirmedAt?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  confirmedBy?: string | null;
  confirmedFor?: string | null;
  version?: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

/** One actor's seat in one forum; either side may be an id the dataloader fills in. */
export interface MembershipShape {
  actor: string | ActorRow;
  forum: string | ForumRow;
  role: MemberRole;
  from?: string | null;
  to?: string | null;
  /** Seeded seats have none: they count as version 1. */
  version?: number;
  source?: SourceShape | null;
}

/** A MEMBER_OF relationship's properties as a seat. */
export function membershipOf(actor: string | ActorRow, forum: string | ForumRow, rel: Record<string, unknown> | undefined): MembershipShape {
  return {
    actor,
    forum,
    role: rel?.role as MemberRole,
    from: (rel?.from as string | undefined) ?? null,
    to: (rel?.to as string | undefined) ?? null,
    version: Number(rel?.version ?? 1),
    source: sourceOf(rel),
  };
}
export type { MemberRole } from '../domain/vocabulary.ts';

export const Forum = builder.loadableNodeRef('Forum', {
  id: { resolve: (forum: ForumRow) => forum.id },
  load: (ids: string[], context: Context) => loadNodes<ForumRow>(context, ids),
});

Forum.implement({
  description: 'Samverkansforum: a group that meets, with a purpose, a convenor and members.',
  isTypeOf: (value) => isIdOf('Forum', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    purpose: t.string({ nullable: true, resolve: (forum) => forum.purpose ?? null }),
    level: t.field({ type: ForumLevelEnum, nullable: true, resolve: (forum) => forum.level ?? null }),
    meetingFrequency: t.string({ nullable: true, resolve: (forum) => forum.meetingFrequency ?? null }),
    targetGroups: t.field({ type: [TargetGroupEnum], description: 'Målgrupper: whom its work is for.', resolve: (forum) => forum.targetGroups ?? [] }),
    contact: t.string({
      nullable: true,
      description: 'Kontaktperson/uppgiftslämnare: who answers for its data.',
      resolve: (forum) => forum.contact ?? null,
    }),
    version: t.int({ description: 'Counts every edit; give it back when editing.', resolve: (forum) => forum.version ?? 1 }),
    confirmedAt: t.string({
      nullable: true,
      description: 'When its convenor last confirmed that its data is still correct (ISO 8601).',
      resolve: (forum) => forum.confirmedAt ?? null,
    }),
    confirmedBy: t.string({ nullable: true, description: 'Who confirmed it.', resolve: (forum) => forum.confirmedBy ?? null }),
    confirmedFor: t.field({
      type: Actor,
      nullable: true,
      description: 'The actor on whose behalf it was confirmed, when the confirmer is linked to one.',
      resolve: async (forum, _args, context) => (forum.confirmedFor ? ((await loadNodes<ActorRow>(context, [forum.confirmedFor]))[0] ?? null) : null),
    }),
    confirmationDueAt: t.string({
      nullable: true,
      description: 'When it must be confirmed again (ISO 8601); null: never confirmed, so now.',
      resolve: (forum) => confirmationDueAt(forum.confirmedAt)?.toISOString() ?? null,
    }),
    convenor: t.loadable({
      type: Actor,
      nullable: true,
      description: 'Who convenes it (sammankallande organisation).',
      ...nodeVia<ActorRow>('forum/list-forum-convenors'),
    }),
    members: t.loadableList({
      type: Membership,
      load: neighbours('forum/list-forum-members', (row) => membershipOf(row.node as unknown as ActorRow, row.key, row.rel)),
      resolve: keyOf,
    }),
    goals: t.loadableList({
      type: Goal,
      description: 'The effektmål it works on.',
      ...nodesVia<GoalRow>('forum/list-forum-goals'),
    }),
    activities: t.loadableList({
      type: Activity,
      description: 'The activities it coordinates.',
      ...nodesVia<ActivityRow>('activity/list-forum-activities'),
    }),
    policyDocuments: t.loadableList({
      type: PolicyDocument,
      ...nodesVia<PolicyDocumentRow>('policy-document/list-governing-documents'),
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
    from: t.string({ nullable: true, description: 'Member since (ÅÅÅÅ-MM-DD), when known.', resolve: (m) => m.from ?? null }),
    to: t.string({ nullable: true, description: 'Member until (ÅÅÅÅ-MM-DD); none while it lasts.', resolve: (m) => m.to ?? null }),
    version: t.int({ description: 'Give it back when editing the seat.', resolve: (m) => m.version ?? 1 }),
    source: t.field({ type: Source, nullable: true, description: 'What the seat rests on; none for a seat an editor entered.', resolve: (m) => m.source ?? null }),
  }),
});

const ForumFilter = builder.inputType('ForumFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches name or purpose, ignoring case.' }),
    level: t.field({ type: ForumLevelEnum, required: false }),
    actor: t.id({ required: false, description: 'Forums this actor sits in or convenes.' }),
    targetArea: t.id({ required: false, description: 'Forums working on a goal of this målområde.' }),
    targetGroup: t.field({ type: TargetGroupEnum, required: false, description: 'Forums for this målgrupp.' }),
    convenor: t.id({ required: false, description: 'Forums this actor convenes.' }),
    confirmationDue: t.boolean({ required: false, description: 'true: never confirmed or not in the last 12 months; false: confirmed since.' }),
  }),
});

const ForumOrder = builder.enumType('ForumOrder', {
  values: {
    NAME: { description: 'By name (the default).' },
    CONFIRMATION_DUE: { description: 'Soonest due for confirmation first: never confirmed, then the oldest confirmation.' },
  },
});

builder.queryFields((t) => ({
  forums: t.connection({
    type: Forum,
    args: { filter: t.arg({ type: ForumFilter, required: false }), order: t.arg({ type: ForumOrder, required: false }), asOf: t.arg(asOfArg) },
    resolve: (_root, args, context) =>
      pageOf<ForumRow>(
        context,
        'forum/list-forums',
        {
          text: textParam(args.filter?.text),
          level: args.filter?.level ?? null,
          actor: args.filter?.actor ?? null,
          targetArea: args.filter?.targetArea ?? null,
          targetGroup: args.filter?.targetGroup ?? null,
          convenor: args.filter?.convenor ?? null,
          confirmationDue: args.filter?.confirmationDue ?? null,
          confirmedSince: confirmationCutoff().toISOString(),
          order: args.order ?? 'NAME',
          asOf: dayAsked(args.asOf),
        },
        args,
      ),
  }, { name: 'ForumConnection' }, { name: 'ForumEdge' }),
}));

// The forum's links, seen from the forum.
const CONVENOR: RelationSpec = { rel: 'CONVENES', direction: 'in', other: 'Actor' };
const LINKS = {
  GOAL: { rel: 'WORKS_ON', direction: 'out', other: 'Goal', description: 'An effektmål it works on (WORKS_ON).' },
  ACTIVITY: { rel: 'COORDINATES', direction: 'out', other: 'Activity', description: 'An activity it coordinates (COORDINATES).' },
  POLICY_DOCUMENT: { rel: 'GOVERNED_BY', direction: 'out', other: 'PolicyDocument', description: 'A styrdokument that governs it (GOVERNED_BY).' },
} as const satisfies Record<string, RelationSpec & { description: string }>;
const SEAT = { spec: { rel: 'MEMBER_OF', direction: 'in', other: 'Actor' }, props: ['role', 'from', 'to'] } as const satisfies Pick<SeatKind, 'spec' | 'props'>;

const PROPS = ['name', 'purpose', 'level', 'meetingFrequency', 'targetGroups', 'contact', 'validFrom', 'validTo'] as const;

/** A seat's dates, each a calendar date, the end not before the start. */
const seatRules = (extra: z.ZodRawShape = {}) =>
  inputRules({ ...SEAT_FIELDS, ...extra }).superRefine(endNotBeforeStart('from', 'to'));

const seatFields = {
  from: { required: false, description: 'Member since, ÅÅÅÅ-MM-DD.' },
  to: { required: false, description: 'Member until, ÅÅÅÅ-MM-DD; none while it lasts.' },
} as const;

const { name: forumName, ...forumRules } = FORUM_FIELDS;
const memberList = uniqueBy('actorId', (id) => `${id} står redan bland medlemmarna`, seatRules()).nullish();

const ForumMemberInput = builder.inputType('ForumMemberInput', {
  description: 'A seat in a new forum.',
  fields: (t) => ({
    actorId: t.id({ required: true }),
    role: t.field({ type: MemberRoleEnum, required: true }),
    from: t.string(seatFields.from),
    to: t.string(seatFields.to),
  }),
});

const CreateForumInput = builder.inputType('CreateForumInput', {
  validate: inputRules({
    name: forumName,
    ...forumRules,
    ...VALIDITY_FIELDS,
    members: memberList,
  }).superRefine(endNotBeforeStart('validFrom', 'validTo')),
  fields: (t) => ({
    name: t.string({ required: true }),
    purpose: t.string({ required: false }),
    level: t.field({ type: ForumLevelEnum, required: false }),
    meetingFrequency: t.string({ required: false }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false, description: 'Målgrupper.' }),
    contact: t.string({ required: false, description: 'Kontaktperson/uppgiftslämnare.' }),
    validFrom: t.string(validityInputFields.validFrom),
    validTo: t.string(validityInputFields.validTo),
    convenorId: t.id({ required: false, description: 'The actor that convenes it (sammankallande).' }),
    members: t.field({ type: [ForumMemberInput], required: false }),
    goalIds: t.idList({ required: false, description: 'Effektmål it works on.' }),
    activityIds: t.idList({ required: false, description: 'Activities it coordinates.' }),
    policyDocumentIds: t.idList({ required: false, description: 'Styrdokument that govern it.' }),
  }),
});

const UpdateForumInput = builder.inputType('UpdateForumInput', {
  description:
    'Changes the fields given; a field left out keeps its value, null clears it. A list (members, goalIds, …) ' +
    'is the whole new state: what it leaves out is removed, all in one write.',
  validate: inputRules({
    version,
    name: forumName.optional(),
    ...forumRules,
    ...VALIDITY_FIELDS,
    members: memberList,
  }).superRefine(endNotBeforeStart('validFrom', 'validTo')),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    name: t.string({ required: false }),
    purpose: t.string({ required: false }),
    level: t.field({ type: ForumLevelEnum, required: false }),
    meetingFrequency: t.string({ required: false }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false, description: 'Målgrupper; null or []: none.' }),
    contact: t.string({ required: false, description: 'Kontaktperson/uppgiftslämnare.' }),
    validFrom: t.string(validityInputFields.validFrom),
    validTo: t.string(validityInputFields.validTo),
    convenorId: t.id({ required: false, description: 'The actor that convenes it; null: none.' }),
    members: t.field({ type: [ForumMemberInput], required: false, description: 'Every seat, as it should be after the save.' }),
    goalIds: t.idList({ required: false, description: 'Every effektmål it works on, after the save.' }),
    activityIds: t.idList({ required: false, description: 'Every activity it coordinates, after the save.' }),
    policyDocumentIds: t.idList({ required: false, description: 'Every styrdokument that governs it, after the save.' }),
  }),
});

const ForumSeatInput = builder.inputType('ForumSeatInput', {
  description: 'One actor\'s seat in one forum: to add (role required), update or remove (version required).',
  validate: seatRules({ role: notNull, version: version.nullish() }),
  fields: (t) => ({
    forumId: t.id({ required: true }),
    actorId: t.id({ required: true }),
    role: t.field({ type: MemberRoleEnum, required: false }),
    from: t.string(seatFields.from),
    to: t.string(seatFields.to),
    version: t.int({ required: false, description: 'The seat\'s version, as last read.' }),
  }),
});

createMutation('Forum', Forum, CreateForumInput, {
  props: PROPS,
  description: 'Adds a forum, with its convenor, members and links, in one write.',
  links: (input) => [
    ...linkTo(input.convenorId, CONVENOR, 'input.convenorId'),
    ...seatLinks(SEAT, input.members, 'input.members'),
    ...linksTo(input.goalIds, LINKS.GOAL, 'input.goalIds'),
    ...linksTo(input.activityIds, LINKS.ACTIVITY, 'input.activityIds'),
    ...linksTo(input.policyDocumentIds, LINKS.POLICY_DOCUMENT, 'input.policyDocumentIds'),
  ],
});
updateMutation('Forum', Forum, UpdateForumInput, {
  props: PROPS,
  singles: (input) =>
    input.convenorId === undefined ? [] : [{ key: 'convenor', spec: CONVENOR, targetId: input.convenorId, field: 'input.convenorId' }],
  sets: (input) => [
    ...seatSet('members', SEAT, input.members, 'input.members'),
    ...linkSet('goals', input.goalIds, LINKS.GOAL, 'input.goalIds'),
    ...linkSet('activities', input.activityIds, LINKS.ACTIVITY, 'input.activityIds'),
    ...linkSet('policyDocuments', input.policyDocumentIds, LINKS.POLICY_DOCUMENT, 'input.policyDocumentIds'),
  ],
});

builder.mutationFields((t) => ({
  confirmForum: t.field({
    ...editing('confirmForum', 'forum'),
    // Also the convenor's own people, whatever their role: the inventory is theirs to keep current.
    authScopes: { $any: { role: 'REDAKTOR', actorLinked: true } },
    type: Forum,
    description:
      'Bekräfta: the convenor confirms that the forum\'s data is still correct. Open to REDAKTOR, and to anyone ' +
      'whose key or token is linked to the actor that convenes the forum.',
    args: { input: t.arg({ type: NodeVersionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const write = writeOf(context, 'confirmForum', 'Forum');
      const viewer = context.viewer;
      if (!hasRole(viewer, 'REDAKTOR')) {
        const convenors = await context.store.read<{ node: { id: string } }>('forum/list-forum-convenors', { ids: [input.id] });
        if (!convenors.some((row) => row.node.id === viewer.actorId)) {
          throw refusalFor(viewer, 'REDAKTOR', `bekräfta ett forum som ${viewer.actorId} inte är sammankallande för`);
        }
      }
      return updateNode<ForumRow>({
        ...write,
        id: input.id,
        version: input.version,
        props: { confirmedAt: new Date().toISOString(), confirmedBy: write.author.name ?? write.author.id, confirmedFor: viewer.actorId ?? null },
        singles: [],
      });
    },
  }),
}));

deleteMutation('Forum');
linkMutations('Forum', Forum, LINKS);
seatMutations({
  ...SEAT,
  type: 'Forum',
  ownerKey: 'forumId',
  required: ['role'],
  input: ForumSeatInput,
  ownerRef: Forum,
  seatRef: Membership,
  shape: (actorId, forumId, props) => membershipOf(actorId, forumId, props),
  names: { add: 'addForumMember', update: 'updateForumMember', remove: 'removeForumMember', end: 'endForumMember', seat: 'membership', owner: 'forum' },
  taken: 'har redan en plats i forumet: ändra den i stället',
});
