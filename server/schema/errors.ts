import { builder } from './builder.ts';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../write/refusals.ts';

/**
 * Expected failures of a mutation, as typed results: a client asks for
 * `... on Error { message }` and, where it cares, the fields of each kind.
 */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Why a mutation did not happen. Nothing is written when one is returned.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'In Swedish, ready to show.' }) }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One input field that is wrong, and why.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where in the input, e.g. `input.members.0.role`.' }),
    message: t.exposeString('message', { description: 'Why, in Swedish.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description: 'The input breaks a rule; each field error names the field and the reason.',
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  description: 'The node (or relationship) to change does not exist, or is of another type.',
  fields: (t) => ({ id: t.exposeID('id'), field: t.exposeString('field', { description: 'The input field that named it.' }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  description: 'Someone changed it since the version the write was based on; nothing was overwritten.',
  fields: (t) => ({
    id: t.exposeID('id'),
    expectedVersion: t.exposeInt('expectedVersion'),
    currentVersion: t.exposeInt('currentVersion'),
    changedBy: t.string({ nullable: true, description: 'Who made the current version (viewer id).', resolve: (e) => e.last.by }),
    changedByName: t.string({ nullable: true, resolve: (e) => e.last.byName }),
    changedAt: t.string({ nullable: true, description: 'When, ISO 8601.', resolve: (e) => e.last.at }),
  }),
});

/** The typed failures every mutation may return. */
export const REFUSALS = [ValidationError, NotFoundError, ConflictError];
