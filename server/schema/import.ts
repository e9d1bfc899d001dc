import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { authorOf, editing } from './mutations.ts';
import { ActorKindEnum } from './enums.ts';
import { Actor } from './actor.ts';
import { importSpreadsheet, type ImportReport } from '../import/index.ts';
import type { FieldChange, RowPlan, UnknownActor } from '../import/plan.ts';
import type { ImportIssue } from '../import/issues.ts';
import { IMPORT_LIMITS, megabytes } from '../import/limits.ts';
import { ValidationError } from '../write/refusals.ts';

/*
 * importSpreadsheet: a Forumkartläggning, Effektkedja or Aktörer file (XLSX or
 * CSV) sent as a multipart upload, planned against the map and, unless it is a
 * dry run, written in one transaction.
 */

type Upload = Blob & { name?: string };

builder.scalarType('File', {
  description: 'A file sent as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): `curl -F operations=… -F map=… -F 0=@fil.xlsx`.',
  serialize: () => {
    throw new Error('File is an input type only');
  },
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || typeof (value as Blob).arrayBuffer !== 'function') {
      throw new GraphQLError('file: ingen fil kom med; skicka den som multipart/form-data (curl -F 0=@fil.xlsx)', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value as Upload;
  },
});

const ImportRowAction = builder.enumType('ImportRowAction', {
  values: {
    CREATE: { description: 'Ny: the row makes a new node.' },
    UPDATE: { description: 'Ändras: the row changes properties of an existing node or seat.' },
    LINK: { description: 'Kopplas: the row only adds links.' },
    UNCHANGED: { description: 'Oförändrad: the map already says what the row says.' },
    UNRESOLVED: { description: 'Okänd aktör: it names an actor the map does not know; resolve the name first.' },
    ERROR: { description: 'Fel: a cell of the row is wrong; see issues.' },
  } as const,
});

const ImportSheetKind = builder.enumType('ImportSheetKind', { values: ['actors', 'forums', 'members', 'chain'] as const });

const ImportIssueRef = builder.objectRef<ImportIssue>('ImportIssue').implement({
  description: 'One problem in the file, and where; nothing is written while there is one.',
  fields: (t) => ({
    sheet: t.string({ nullable: true, resolve: (i) => i.sheet }),
    row: t.int({ nullable: true, description: 'As Excel numbers rows.', resolve: (i) => i.row }),
    column: t.string({ nullable: true, description: 'By its header.', resolve: (i) => i.column }),
    message: t.exposeString('message', { description: 'Why, in Swedish.' }),
  }),
});

const FieldChangeRef = builder.objectRef<FieldChange>('ImportFieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The column, by its header.' }),
    before: t.string({ nullable: true, resolve: (c) => c.before }),
    after: t.string({ nullable: true, resolve: (c) => c.after }),
  }),
});

const ImportRowRef = builder.objectRef<RowPlan>('ImportRow').implement({
  description: 'What one row of the file does.',
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    row: t.exposeInt('row'),
    kind: t.field({ type: ImportSheetKind, resolve: (r) => r.kind }),
    subject: t.exposeString('subject', { description: 'The name the row is about.' }),
    action: t.field({ type: ImportRowAction, resolve: (r) => r.action }),
    changes: t.field({ type: [FieldChangeRef], resolve: (r) => r.changes }),
    links: t.exposeStringList('links', { description: 'Links it adds, in words ("Ansvar: ALF").' }),
    unresolved: t.exposeStringList('unresolved', { description: 'Names in it that match no actor yet.' }),
  }),
});

const ImportPlace = builder.objectRef<UnknownActor['places'][number]>('ImportPlace').implement({
  fields: (t) => ({ sheet: t.exposeString('sheet'), row: t.exposeInt('row'), column: t.exposeString('column') }),
});

const UnknownActorRef = builder.objectRef<UnknownActor>('ImportUnknownActor').implement({
  description: 'A name that matches no actor: resolve it to an existing actor or a new one (resolutions) before importing.',
  fields: (t) => ({
    name: t.exposeString('name'),
    places: t.field({ type: [ImportPlace], resolve: (u) => u.places }),
    candidates: t.field({ type: [Actor], description: 'The closest existing actors, best first.', resolve: (u) => u.candidates.map((c) => c.id) }),
  }),
});

const ImportCounts = builder.objectRef<ImportReport['counts']>('ImportCounts').implement({
  description: 'Rows by what they do.',
  fields: (t) => ({
    created: t.int({ resolve: (c) => c.CREATE }),
    updated: t.int({ resolve: (c) => c.UPDATE }),
    linked: t.int({ resolve: (c) => c.LINK }),
    unchanged: t.int({ resolve: (c) => c.UNCHANGED }),
    unresolved: t.int({ resolve: (c) => c.UNRESOLVED }),
    errors: t.int({ resolve: (c) => c.ERROR }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: 'The preview of an import (a dry run), or what it wrote.',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    sha256: t.exposeString('sha256', { description: 'The file\'s hash, as its Change records it.' }),
    dryRun: t.exposeBoolean('dryRun'),
    applied: t.exposeBoolean('applied', { description: 'Written, in one Change.' }),
    unchanged: t.exposeBoolean('unchanged', { description: 'The map already holds all of it: nothing to write.' }),
    basis: t.exposeString('basis', { description: 'Give it back with the import: it is refused if what the preview read has changed since.' }),
    counts: t.field({ type: ImportCounts, resolve: (r) => r.counts }),
    rows: t.field({ type: [ImportRowRef], resolve: (r) => r.rows }),
    issues: t.field({ type: [ImportIssueRef], resolve: (r) => r.issues }),
    unknownActors: t.field({ type: [UnknownActorRef], resolve: (r) => r.unknownActors }),
  }),
});

const ImportResolutionInput = builder.inputType('ImportResolutionInput', {
  description: 'What a name that matches no actor means: an existing actor (actorId) or a new one of a kind (newActorKind).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The name as the file writes it.' }),
    actorId: t.id({ required: false }),
    newActorKind: t.field({ type: ActorKindEnum, required: false }),
  }),
});

builder.mutationField('importSpreadsheet', (t) =>
  t.field({
    ...editing('importSpreadsheet', 'report'),
    type: ImportReportRef,
    description: `Imports a Forumkartläggning, Effektkedja or Aktörer spreadsheet (XLSX, or CSV with ; or ,) of at most ${megabytes(IMPORT_LIMITS.bytes)}. With dryRun it only reports what it would do; otherwise it writes all of it in one Change, or nothing while any row is wrong or any name unresolved.`,
    args: {
      file: t.arg({ type: 'File', required: true }),
      dryRun: t.arg.boolean({ required: true }),
      resolutions: t.arg({ type: [ImportResolutionInput], required: false }),
      basis: t.arg.string({ required: false, description: 'The dry run\'s basis.' }),
    },
    resolve: async (_root, args, context) => {
      if (args.file.size > IMPORT_LIMITS.bytes) {
        throw new ValidationError([{ path: 'file', message: `filen är ${megabytes(args.file.size)}; högst ${megabytes(IMPORT_LIMITS.bytes)} kan läsas in` }]);
      }
      return importSpreadsheet(context.store, {
        fileName: args.file.name || 'fil',
        bytes: new Uint8Array(await args.file.arrayBuffer()),
        dryRun: args.dryRun,
        resolutions: args.resolutions ?? [],
        basis: args.basis,
        author: authorOf(context),
      });
    },
  }),
);
