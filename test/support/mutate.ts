import { expect } from 'vitest';
import type { TestServer } from './server.ts';

/** Every typed failure a mutation can return, with the fields tests look at. */
const FAILURES = `__typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
  ... on NotFoundError { id field }
  ... on ConflictError { id expectedVersion currentVersion changedBy changedByName changedAt }`;

export interface MutationResult {
  __typename: string;
  message?: string;
  fieldErrors?: { path: string; message: string }[];
  changedBy?: string | null;
  changedByName?: string | null;
  changedAt?: string | null;
  currentVersion?: number;
  [data: string]: any;
}

/**
 * Runs one mutation over HTTP as REDAKTOR (or `as`) and returns its result
 * union; `success` is the selection on its success type, e.g. `forum { id }`.
 * Top-level GraphQL errors (refused roles) are thrown.
 */
export async function mutate(
  server: TestServer,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  success = '__typename',
  as = server.keys.REDAKTOR,
): Promise<MutationResult> {
  const successType = `${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const response = await server.gql<{ result: MutationResult }>(
    `mutation($input: ${inputType}!) { result: ${name}(input: $input) { ${FAILURES} ... on ${successType} { ${success} } } }`,
    { input },
    { as },
  );
  if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
  return response.data!.result;
}

/** The paths of a ValidationError's field errors, with their messages. */
export function fieldErrors(result: MutationResult): Record<string, string> {
  expect(result.__typename, result.message).toBe('ValidationError');
  return Object.fromEntries(result.fieldErrors!.map((e) => [e.path, e.message]));
}
