import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { CollaborationLevelEnum, CollaborationTypeEnum } from './enums.ts';
import { loadNodes, neighbours, pageOf, textParam } from './loaders.ts';
import { Source, sourceOf } from './source.ts';
import { Actor, type ActorRow } from './actor.ts';
import { Forum, type ForumRow } from './forum.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { isIdOf } from '../domain/ids.ts';

type Level = 'SPECIFICERAT' | 'SAMORDNAT' | 'SAMVERKAN' | 'INTEGRERAT' | 'SAMMANSMALT';

export interface CollaborationRow {
  id: string;
  name: string;
  type?: 'OVER_FORVALTNINGSGRANSER' | 'MELLAN_PROFESSIONER' | 'MED_NARINGSLIV_OCH_CIVILSAMHALLE' | null;
  description?: string | null;
  targetLevel?: Level | null;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const Collaboration = builder.loadableNodeRef('Collaboration', {
  id: { resolve: (c: CollaborationRow) => c.id },
  load: (ids: string[], context: Context) => loadNodes<CollaborationRow>(context, ids),
});

Collaboration.implement({
  description: 'Samverkan: a named collaboration between two or more actors, through forums and activities.',
  isTypeOf: (value) => isIdOf('Collaboration', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (c) => c.description ?? null }),
    type: t.field({ type: CollaborationTypeEnum, nullable: true, resolve: (c) => c.type ?? null }),
    targetLevel: t.field({
      type: CollaborationLevelEnum,
      nullable: true,
      description: 'The level its purpose needs; null until someone sets it.',
      resolve: (c) => c.targetLevel ?? null,
    }),
    participants: t.loadableList({
      type: Actor,
      load: neighbours('collaboration/list-collaboration-participants', (row) => row.node as unknown as ActorRow),
      resolve: (c) => c.id,
    }),
    forums: t.loadableList({
      type: Forum,
      load: neighbours('collaboration/list-collaboration-forums', (row) => row.node as unknown as ForumRow),
      resolve: (c) => c.id,
    }),
    activities: t.loadableList({
      type: Activity,
      load: neighbours('collaboration/list-collaboration-activities', (row) => row.node as unknown as ActivityRow),
      resolve: (c) => c.id,
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const CollaborationFilter = builder.inputType('CollaborationFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches name or description, ignoring case.' }),
    type: t.field({ type: CollaborationTypeEnum, required: false }),
    actor: t.id({ required: false, description: 'Collaborations this actor takes part in.' }),
  }),
});

builder.queryFields((t) => ({
  collaborations: t.connection({
    type: Collaboration,
    args: { filter: t.arg({ type: CollaborationFilter, required: false }) },
    resolve: (_root, args, context) =>
      pageOf<CollaborationRow>(
        context,
        'collaboration/list-collaborations',
        { text: textParam(args.filter?.text), type: args.filter?.type ?? null, actor: args.filter?.actor ?? null },
        args,
      ),
  }, { name: 'CollaborationConnection' }, { name: 'CollaborationEdge' }),
}));
