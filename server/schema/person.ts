import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { keyOf, loadNodes, neighbours } from './loaders.ts';
import { Source, type SourceShape, sourceOf } from './source.ts';
import { OverarchingGoal, TargetArea } from './target-area.ts';
import { isIdOf, typeOfId } from '../domain/ids.ts';
import type { Row } from '../store/port.ts';

export interface PersonRow {
  id: string;
  name: string;
  title?: string | null;
  sourceDocument?: string;
  sourceSection?: string;
  status?: string;
}

/** One person's role for a målområde or the overarching goal; either side may be an id the dataloader fills in. */
interface OfficialShape {
  person: string | PersonRow;
  of: string | Row;
  role: string;
  source: SourceShape | null;
}

const officialOf = (person: string | PersonRow, of: string | Row, rel: Row | undefined): OfficialShape => ({
  person,
  of,
  role: String(rel?.role ?? ''),
  source: sourceOf(rel),
});

const idOf = (end: string | Row) => (typeof end === 'string' ? end : String(end.id));

export const Person = builder.loadableNodeRef('Person', {
  id: { resolve: (person: PersonRow) => person.id },
  load: (ids: string[], context: Context) => loadNodes<PersonRow>(context, ids),
});

Person.implement({
  description: 'A named official, as the documents name them with a målområde (seed 001: "Ansvariga").',
  isTypeOf: (value) => isIdOf('Person', value),
  fields: (t) => ({
    name: t.exposeString('name'),
    title: t.string({ nullable: true, description: 'As the document gives it, e.g. "stadsdirektör".', resolve: (p) => p.title ?? null }),
    roles: t.loadableList({
      type: Official,
      description: 'What the person answers for.',
      load: neighbours('person/list-person-roles', (row) => officialOf(row.key, row.node, row.rel)),
      resolve: keyOf,
    }),
    source: t.field({ type: Source, nullable: true, resolve: sourceOf }),
  }),
});

export const Official = builder.objectRef<OfficialShape>('Official');

Official.implement({
  description: 'Ansvarig: a person\'s role for a målområde, or for the work as a whole (the overarching goal).',
  fields: (t) => ({
    person: t.field({ type: Person, resolve: (o) => o.person }),
    role: t.exposeString('role', { description: 'As the document says it, e.g. "Ansvarig".' }),
    targetArea: t.field({
      type: TargetArea,
      nullable: true,
      description: 'The målområde, when the role is for one.',
      resolve: (o) => (typeOfId(idOf(o.of)) === 'TargetArea' ? (o.of as never) : null),
    }),
    overarchingGoal: t.field({
      type: OverarchingGoal,
      nullable: true,
      description: 'The overarching goal, when the role is for the work as a whole.',
      resolve: (o) => (typeOfId(idOf(o.of)) === 'OverarchingGoal' ? (o.of as never) : null),
    }),
    source: t.field({ type: Source, nullable: true, description: 'What the role rests on.', resolve: (o) => o.source }),
  }),
});

/** The `officials` field of a målområde and of the overarching goal: who answers for it. */
export const officialsOf = {
  load: neighbours('person/list-officials', (row) => officialOf(row.node as unknown as PersonRow, row.key, row.rel)),
  resolve: keyOf,
};
