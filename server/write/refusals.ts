import { GraphQLError } from 'graphql';

/**
 * Expected reasons a write does not happen. They are thrown inside a write
 * transaction (which rolls it back) and reach the client as typed GraphQL
 * results, so their messages are Swedish: they are shown to editors as they are.
 * They are GraphQLErrors so that, thrown where no typed result catches them,
 * they still reach the client as they are instead of being masked.
 */
export class Refusal extends GraphQLError {
  override name = 'Refusal';
  constructor(message: string, code: string) {
    super(message, { extensions: { code } });
  }
}

export interface FieldError {
  /** Where in the input, as `input.members.0.role`. */
  path: string;
  message: string;
}

export class ValidationError extends Refusal {
  override name = 'ValidationError';
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Ogiltig indata: ${fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, 'BAD_USER_INPUT');
  }
}

export class NotFoundError extends Refusal {
  override name = 'NotFoundError';
  constructor(
    readonly id: string,
    /** The input field that named it (`input.id`). */
    readonly field: string,
    what = 'något',
  ) {
    super(`${field}: det finns inte ${what} med id ${id}`, 'NOT_FOUND');
  }
}

/** Who made the version that a stale write was based on, as the latest Change tells it. */
export interface LastChange {
  by: string | null;
  byName: string | null;
  at: string | null;
}

export class ConflictError extends Refusal {
  override name = 'ConflictError';
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
    readonly last: LastChange,
  ) {
    const who = last.byName ?? last.by;
    super(
      who && last.at
        ? `${id} har ändrats av ${who} ${last.at} (version ${currentVersion}, du utgick från ${expectedVersion}): läs in på nytt och gör om ändringen`
        : `${id} är i version ${currentVersion}, inte ${expectedVersion}: läs in på nytt och gör om ändringen`,
      'CONFLICT',
    );
  }
}

/**
 * The refusal behind a failed write, if there is one. The store adapters wrap
 * whatever a step throws as a StoreError, with the original as its cause.
 */
export function refusalIn(error: unknown): Refusal | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof Refusal) return e;
  }
  return undefined;
}

type IssuePath = readonly (PropertyKey | { readonly key: PropertyKey })[];

/** A validation library's issues (standard schema) as one ValidationError, each naming its field. */
export function validationErrorFrom(issues: readonly { message: string; path?: IssuePath }[]): ValidationError {
  return new ValidationError(
    issues.map((issue) => ({
      path: (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.') || 'input',
      message: issue.message,
    })),
  );
}
