import { sv } from '../i18n/sv.ts';
import { graphql } from './client.ts';
import { BORAS_TIME_ZONE } from '../../server/domain/days.ts';

/** A mutation's result union as the server returns it: one success type, or one of the typed failures. */
export interface MutationResult {
  __typename: string;
  message?: string;
  fieldErrors?: { path: string; message: string }[];
  changedByName?: string | null;
  changedAt?: string | null;
  [data: string]: unknown;
}

const FAILURES = `__typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
  ... on ConflictError { changedByName changedAt }`;

/**
 * Runs one mutation, `name(input: $input)`, and returns its result union;
 * `success` is the selection on its success type, e.g. `forum { id }`.
 */
export async function mutate(name: string, inputType: string, input: Record<string, unknown>, success = '__typename'): Promise<MutationResult> {
  const successType = `${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const data = await graphql<{ result: MutationResult }>(
    `mutation ${successType.replace(/Success$/, '')}($input: ${inputType}!) { result: ${name}(input: $input) { ${FAILURES} ... on ${successType} { ${success} } } }`,
    { input },
  );
  return data.result;
}

/** What a form does with a result: go on, show errors at their fields, or say why nothing was written. */
export type Outcome =
  | { kind: 'ok'; result: MutationResult }
  | { kind: 'invalid'; message: string; fields: Record<string, string> }
  | { kind: 'conflict' | 'not-found'; message: string };

/**
 * A result as a form reads it. Field errors are keyed by their path inside the
 * input (`members.0.role`), under `prefix` when the input stands for one part
 * of a larger form (a seat of a forum: `members.3.`).
 */
export function outcome(result: MutationResult, prefix = ''): Outcome {
  switch (result.__typename) {
    case 'ValidationError':
      return {
        kind: 'invalid',
        message: result.message ?? sv.edit.invalid,
        fields: Object.fromEntries((result.fieldErrors ?? []).map((e) => [`${prefix}${e.path.replace(/^input\./, '')}`, e.message])),
      };
    case 'ConflictError':
      return { kind: 'conflict', message: conflictText(result) };
    case 'NotFoundError':
      return { kind: 'not-found', message: result.message ?? sv.edit.notFound };
    default:
      return { kind: 'ok', result };
  }
}

/** A conflict in plain Swedish: who changed it and when, that nothing was written, and what to do. */
export function conflictText(result: Pick<MutationResult, 'changedByName' | 'changedAt' | 'message'>): string {
  if (!result.changedAt) return result.message ?? sv.edit.conflictUnknown;
  return sv.edit.conflict(result.changedByName ?? sv.edit.someone, formatTime(result.changedAt));
}

/** A moment as a Swedish reader writes it: 2026-11-22 05:10. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: BORAS_TIME_ZONE });
}

/** Why a write did not reach the server, or was refused before its resolver (a session that ended), in Swedish. */
export const saveFailed = (error: unknown): string => sv.edit.failed(error instanceof Error ? error.message : String(error));
