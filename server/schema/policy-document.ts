import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { loadNodes, pageOf, textParam, nodeVia } from './loaders.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { Source, sourceOf } from './source.ts';
import { Actor, type ActorRow } from './actor.ts';
import { createMutation, deleteMutation, linkTo, versionArg, updateMutation } from './mutations.ts';
import { type DomainType, isIdOf, typeOfId } from '../domain/ids.ts';
import type { LinkSet, LinkTo } from '../write/node-writes.ts';
import type { RelationSpec } from '../write/relations.ts';
import { endNotBeforeStart, inputRules, requiredText, statedDate, version } from '../write/rules.ts';
import { z } from 'zod';

export interface PolicyDocumentRow {
  id: string;
  title: string;
  type?: string | null;
  adopted?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  version?: number;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

/** The kinds of styrdokument (DESIGN.md), and `annat` for what the documents call something else. */
const DOCUMENT_TYPES = ['program', 'plan', 'policy', 'riktlinje', 'vision', 'strategi', 'annat'] as const;

export const PolicyDocument = builder.loadableNodeRef('PolicyDocument', {
  id: { resolve: (doc: PolicyDocumentRow) => doc.id },
  load: (ids: string[], context: Context) => loadNodes<PolicyDocumentRow>(context, ids),
});

PolicyDocument.implement({
  description: 'Styrdokument: program, plan, policy, riktlinje, vision or strategi.',
  isTypeOf: (value) => isIdOf('PolicyDocument', value),
  fields: (t) => ({
    title: t.exposeString('title'),
    type: t.string({ nullable: true, description: `One of: ${DOCUMENT_TYPES.join(', ')}.`, resolve: (d) => d.type ?? null }),
    version: t.int({ description: 'Counts every edit; give it back when editing.', resolve: (d) => d.version ?? 1 }),
    adopted: t.string({ nullable: true, description: 'Year or date adopted, as stated.', resolve: (d) => d.adopted ?? null }),
    validFrom: t.string({ nullable: true, description: documentFields.validFrom.description, resolve: (d) => d.validFrom ?? null }),
    validUntil: t.string({ nullable: true, resolve: (d) => d.validUntil ?? null }),
    owner: t.loadable({
      type: Actor,
      nullable: true,
      ...nodeVia<ActorRow>('policy-document/list-policy-document-owners'),
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
    args: { filter: t.arg({ type: PolicyDocumentFilter, required: false }), asOf: t.arg(asOfArg) },
    resolve: (_root, args, context) =>
      pageOf<PolicyDocumentRow>(
        context,
        'policy-document/list-policy-documents',
        { text: textParam(args.filter?.text), type: args.filter?.type ?? null, asOf: dayAsked(args.asOf) },
        args,
      ),
  }, { name: 'PolicyDocumentConnection' }, { name: 'PolicyDocumentEdge' }),
}));

const OWNER: RelationSpec = { rel: 'OWNS', direction: 'in', other: 'Actor' };

/** What a styrdokument can govern: (Activity|Forum|Goal)-[:GOVERNED_BY]->(PolicyDocument). */
const GOVERNABLE: readonly DomainType[] = ['Activity', 'Forum', 'Goal'];
const governedBy = (other: DomainType): RelationSpec => ({ rel: 'GOVERNED_BY', direction: 'in', other });

/** The links to what it governs, each typed by its id, so a wrong id is named as missing in its own type. */
function governed(ids: readonly string[] | null | undefined): LinkTo[] {
  return (ids ?? []).map((id, index) => ({ spec: governedBy(typeOfId(id) ?? 'Activity'), targetId: id, field: `input.governsIds.${index}` }));
}

/** Everything it governs, after the save: one set over activities, forums and goals alike, as they share the relationship. */
const governsSet = (ids: readonly string[] | null | undefined): LinkSet[] =>
  ids === undefined ? [] : [{ key: 'governs', spec: governedBy('Activity'), targets: governed(ids) }];

const governsRule = z
  .array(z.string().refine((id) => GOVERNABLE.includes(typeOfId(id)!), 'ett styrdokument styr aktiviteter, forum och effektmål'))
  .nullish();
const governsField = { required: false, description: 'Every activity, forum and effektmål it governs (GOVERNED_BY), after the save.' } as const;
const PROPS = ['title', 'type', 'adopted', 'validFrom', 'validUntil'] as const;

const documentFields = {
  type: { required: false, description: `One of: ${DOCUMENT_TYPES.join(', ')}.` },
  adopted: { required: false, description: 'Year or date adopted: ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD.' },
  validFrom: { required: false, description: 'Valid from, in the same forms, where the document states a period ("gäller för perioden 2021-2024").' },
  validUntil: { required: false, description: 'Valid until, in the same forms.' },
} as const;

/** A document's fields, and its validity not ending before it was adopted. */
const documentRules = (extra: z.ZodRawShape) =>
  inputRules({
    type: z.enum(DOCUMENT_TYPES, { error: `måste vara en av: ${DOCUMENT_TYPES.join(', ')}` }).nullish(),
    governsIds: governsRule,
    adopted: statedDate.nullish(),
    validFrom: statedDate.nullish(),
    validUntil: statedDate.nullish(),
    ...extra,
  })
    .superRefine(endNotBeforeStart('adopted', 'validUntil'))
    .superRefine(endNotBeforeStart('validFrom', 'validUntil'));

const CreatePolicyDocumentInput = builder.inputType('CreatePolicyDocumentInput', {
  validate: documentRules({ title: requiredText(500) }),
  fields: (t) => ({
    title: t.string({ required: true }),
    type: t.string(documentFields.type),
    adopted: t.string(documentFields.adopted),
    validFrom: t.string(documentFields.validFrom),
    validUntil: t.string(documentFields.validUntil),
    ownerId: t.id({ required: false, description: 'The actor that owns it.' }),
    governsIds: t.idList(governsField),
  }),
});

const UpdatePolicyDocumentInput = builder.inputType('UpdatePolicyDocumentInput', {
  description: 'Changes the fields given; a field left out keeps its value, null clears it.',
  validate: documentRules({ version, title: requiredText(500).optional() }),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    title: t.string({ required: false }),
    type: t.string(documentFields.type),
    adopted: t.string(documentFields.adopted),
    validFrom: t.string(documentFields.validFrom),
    validUntil: t.string(documentFields.validUntil),
    ownerId: t.id({ required: false, description: 'The actor that owns it; null: none.' }),
    governsIds: t.idList(governsField),
  }),
});

createMutation('PolicyDocument', PolicyDocument, CreatePolicyDocumentInput, {
  props: PROPS,
  links: (input) => [...linkTo(input.ownerId, OWNER, 'input.ownerId'), ...governed(input.governsIds)],
});
updateMutation('PolicyDocument', PolicyDocument, UpdatePolicyDocumentInput, {
  props: PROPS,
  singles: (input) => (input.ownerId === undefined ? [] : [{ key: 'owner', spec: OWNER, targetId: input.ownerId, field: 'input.ownerId' }]),
  sets: (input) => governsSet(input.governsIds),
});
deleteMutation('PolicyDocument');
