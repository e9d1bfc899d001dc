import { builder } from './builder.ts';
import { Forum, type ForumRow } from './forum.ts';
import { Activity, type ActivityRow } from './activity.ts';
import { Collaboration, type CollaborationRow } from './collaboration.ts';
import { editing, versionArg, writeOf } from './mutations.ts';
import { loadNodes } from './loaders.ts';
import { dayAsked } from './as-of.ts';
import type { DomainType } from '../domain/ids.ts';
import { updateNode } from '../write/node-writes.ts';
import { ValidationError } from '../write/refusals.ts';
import { inputRules, version } from '../write/rules.ts';
import { type Validity, validityInputFields } from './validity-fields.ts';

/*
 * Forums, activities and collaborations hold for a time: validFrom and validTo
 * (a year, month or date as stated; none means "as long as the map knows").
 * "Avsluta" (end…) sets the end and keeps the node and its history, so the map
 * as of an earlier day still shows it; delete stays for what was a mistake.
 */

const EndInput = builder.inputType('EndInput', {
  description: 'Avsluta: the node, the version the edit is based on and the day it ended (today when left out).',
  validate: inputRules({ version }),
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int(versionArg),
    date: t.field({ type: 'Date', required: false, description: 'The last day it held, ÅÅÅÅ-MM-DD; today when left out.' }),
  }),
});

const DATED = [
  { type: 'Forum', ref: Forum, what: 'forumet' },
  { type: 'Activity', ref: Activity, what: 'aktiviteten' },
  { type: 'Collaboration', ref: Collaboration, what: 'samverkan' },
] as const;

for (const { type, ref, what } of DATED) {
  builder.objectFields(ref as typeof Forum, (t) => ({
    validFrom: t.string({ nullable: true, description: validityInputFields.validFrom.description, resolve: (n) => n.validFrom ?? null }),
    validTo: t.string({ nullable: true, description: validityInputFields.validTo.description, resolve: (n) => n.validTo ?? null }),
  }));
  const name = `end${type}`;
  builder.mutationField(name, (t) =>
    t.field({
      ...editing(name, type[0]!.toLowerCase() + type.slice(1)),
      type: ref as typeof Forum,
      description: `Avsluta: ${what} ended on \`date\` (validTo); it stays on the map as of the days before.`,
      args: { input: t.arg({ type: EndInput, required: true }) },
      resolve: async (_root, { input }, context) => {
        const date = dayAsked(input.date);
        const [node] = await loadNodes<{ id: string } & Validity>(context, [input.id]);
        // A later day would be a start after the end; the write's version check keeps this read current.
        if (node?.validFrom && date < node.validFrom.slice(0, date.length)) {
          throw new ValidationError([{ path: 'input.date', message: `får inte vara före starten (${node.validFrom})` }]);
        }
        return updateNode<ForumRow & ActivityRow & CollaborationRow>({
          ...writeOf(context, name, type as DomainType),
          id: input.id,
          version: input.version,
          props: { validTo: date },
          singles: [],
        });
      },
    }),
  );
}
