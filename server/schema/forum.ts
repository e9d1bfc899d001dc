import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { ForumLevelEnum } from './enums.ts';
import { loadNodes, neighbours, pageOf, textParam } from './loaders.ts';
import { Source, sourceOf } from './source.ts';
import { Actor, type ActorRow, Membership, type MemberRole, type MembershipShape } from './actor.ts';
import { Goal, type GoalRow } from './goal.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { PolicyDocument, type PolicyDocumentRow } from './policy-document.ts';
import { isIdOf } from '../domain/ids.ts';

export interface ForumRow {
  id: string;
  name: string;
  purpose?: string | null;
  level?: 'STRATEGISK' | 'TAKTISK' | 'OPERATIV' | null;
  meetingFrequency?: string | null;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

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
    convenor: t.loadable({
      type: Actor,
      nullable: true,
      description: 'Who convenes it (sammankallande organisation).',
      load: async (ids: string[], context) => {
        const lists = await neighbours('forum/list-forum-convenors', (row) => row.node as unknown as ActorRow)(ids, context);
        return lists.map((list) => list[0] ?? null);
      },
      resolve: (forum) => forum.id,
    }),
    members: t.loadableList({
      type: Membership,
      load: neighbours('forum/list-forum-members', (row): MembershipShape => ({
        actor: row.node as unknown as ActorRow,
        forum: row.key,
        role: row.rel?.role as MemberRole,
      })),
      resolve: (forum) => forum.id,
    }),
    goals: t.loadableList({
      type: Goal,
      description: 'The effektmål it works on.',
      load: neighbours('forum/list-forum-goals', (row) => row.node as unknown as GoalRow),
      resolve: (forum) => forum.id,
    }),
    activities: t.loadableList({
      type: Activity,
      description: 'The activities it coordinates.',
      load: neighbours('activity/list-forum-activities', (row) => row.node as unknown as ActivityRow),
      resolve: (forum) => forum.id,
    }),
    policyDocuments: t.loadableList({
      type: PolicyDocument,
      load: neighbours('policy-document/list-governing-documents', (row) => row.node as unknown as PolicyDocumentRow),
      resolve: (forum) => forum.id,
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const ForumFilter = builder.inputType('ForumFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches name or purpose, ignoring case.' }),
    level: t.field({ type: ForumLevelEnum, required: false }),
    actor: t.id({ required: false, description: 'Forums this actor sits in or convenes.' }),
    targetArea: t.id({ required: false, description: 'Forums working on a goal of this målområde.' }),
  }),
});

builder.queryFields((t) => ({
  forums: t.connection({
    type: Forum,
    args: { filter: t.arg({ type: ForumFilter, required: false }) },
    resolve: (_root, args, context) =>
      pageOf<ForumRow>(
        context,
        'forum/list-forums',
        {
          text: textParam(args.filter?.text),
          level: args.filter?.level ?? null,
          actor: args.filter?.actor ?? null,
          targetArea: args.filter?.targetArea ?? null,
        },
        args,
      ),
  }, { name: 'ForumConnection' }, { name: 'ForumEdge' }),
}));
