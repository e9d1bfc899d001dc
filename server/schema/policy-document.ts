import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { loadNodes, neighbours, pageOf, textParam } from './loaders.ts';
import { Source, sourceOf } from './source.ts';
import { Actor, type ActorRow } from './actor.ts';
import { isIdOf } from '../domain/ids.ts';

export interface PolicyDocumentRow {
  id: string;
  title: string;
  type?: string | null;
  adopted?: string | null;
  validUntil?: string | null;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

export const PolicyDocument = builder.loadableNodeRef('PolicyDocument', {
  id: { resolve: (doc: PolicyDocumentRow) => doc.id },
  load: (ids: string[], context: Context) => loadNodes<PolicyDocumentRow>(context, ids),
});

PolicyDocument.implement({
  description: 'Styrdokument: program, plan, policy, riktlinje, vision or strategi.',
  isTypeOf: (value) => isIdOf('PolicyDocument', value),
  fields: (t) => ({
    title: t.exposeString('title'),
    type: t.string({ nullable: true, resolve: (d) => d.type ?? null }),
    adopted: t.string({ nullable: true, description: 'Year or date adopted, as stated.', resolve: (d) => d.adopted ?? null }),
    validUntil: t.string({ nullable: true, resolve: (d) => d.validUntil ?? null }),
    owner: t.loadable({
      type: Actor,
      nullable: true,
      load: async (ids: string[], context) => {
        const lists = await neighbours('policy-document/list-policy-document-owners', (row) => row.node as unknown as ActorRow)(ids, context);
        return lists.map((list) => list[0] ?? null);
      },
      resolve: (d) => d.id,
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

const PolicyDocumentFilter = builder.inputType('PolicyDocumentFilter', {
  fields: (t) => ({
    text: t.string({ required: false, description: 'Matches the title, ignoring case.' }),
    type: t.string({ required: false }),
  }),
});

builder.queryFields((t) => ({
  policyDocuments: t.connection({
    type: PolicyDocument,
    args: { filter: t.arg({ type: PolicyDocumentFilter, required: false }) },
    resolve: (_root, args, context) =>
      pageOf<PolicyDocumentRow>(
        context,
        'policy-document/list-policy-documents',
        { text: textParam(args.filter?.text), type: args.filter?.type ?? null },
        args,
      ),
  }, { name: 'PolicyDocumentConnection' }, { name: 'PolicyDocumentEdge' }),
}));
