import { CHAINS_QUERY, FINDINGS_QUERY, RELATIONS_PAGE, TAXONOMY_QUERY } from '../../web/api/documents.ts';

/*
 * The mixed reads of the load test (test/load/reads.test.ts) and of `npm run
 * bench` (bench/load.ts): what the web app's views ask for, the cheap query a
 * client should always get an answer to quickly, and the walks that once took
 * the server down (issue 17), which are refused before they run.
 */

export interface Read {
  name: string;
  body: string;
  /** The error code this read must get (a refusal by design), or none: it must answer with data. */
  refusedWith?: string;
}

const read = (name: string, query: string, variables: Record<string, unknown> = {}, refusedWith?: string): Read => ({
  name,
  body: JSON.stringify({ query, variables }),
  refusedWith,
});

/** Answers from one small read: what must stay fast while heavy reads run. */
export const CHEAP = read('cheap', '{ actors(first: 1) { totalCount } }');

export const MIX: Read[] = [
  CHEAP,
  read('relations', RELATIONS_PAGE, { first: 200 }),
  read('findings', FINDINGS_QUERY, { gaps: true, overlaps: true }),
  read('taxonomy', TAXONOMY_QUERY),
  read('chains', CHAINS_QUERY),
  read('nested', '{ actors(first: 100) { nodes { forums { forum { members { actor { name } } } } } } }'),
  read('gap-walk', '{ gaps { findings { rule subjects { id ... on Actor { forums { forum { members { actor { id } } } } } } } } }', {}, 'QUERY_TOO_COSTLY'),
  read('relation-walk', '{ actors(first:500) { edges { node { workingRelations { actors { workingRelations { actors { id } } } } } } } }', {}, 'QUERY_TOO_COSTLY'),
];

/**
 * Whether an answer (its status and text) is what the read should get: data
 * with no errors, or its refusal by design. The server writes `data` first
 * only when there are no errors (graphql-js puts `errors` first), so a data
 * answer is told by its first bytes: a load generator reading megabytes a
 * second need not parse them all.
 */
export function expected(read: Read, status: number, text: string): boolean {
  if (read.refusedWith) {
    let body: { errors?: { extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      return false;
    }
    return body.errors?.length === 1 && body.errors[0]!.extensions?.code === read.refusedWith;
  }
  return status === 200 && text.startsWith('{"data":{');
}
