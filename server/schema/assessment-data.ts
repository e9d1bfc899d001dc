import DataLoader from 'dataloader';
import { type Context, memoized } from './context.ts';
import type { CollaborationRow } from './collaboration.ts';
import type { Dated } from './loaders.ts';
import { dayAsked } from './as-of.ts';
import { type AssessmentRecord, type Standing, collaborationStanding } from '../analysis/taxonomy.ts';
import { driftOf } from '../analysis/drift.ts';
import { levelValue } from '../domain/instrument.ts';
import { closeDueRounds } from '../write/survey-writes.ts';

/** Closes the rounds whose closing date has passed, once per request, before assessments are read: their answers belong in them. */
export function closeDue(context: Context): Promise<void> {
  return memoized(context, 'survey:closeDue', () => closeDueRounds(context.store));
}

/*
 * Reading assessments for the schema: one batched read per request for the
 * collaborations a query touches, or one read of all for the taxonomy report,
 * which then serves every collaboration field below it without another read.
 */

const loaders = new WeakMap<Context, Map<string, DataLoader<string, AssessmentRecord[]>>>();

function group(records: readonly AssessmentRecord[], keys: readonly string[]): AssessmentRecord[][] {
  const byKey = new Map<string, AssessmentRecord[]>(keys.map((key) => [key, []]));
  for (const record of records) byKey.get(record.collaboration)?.push(record);
  return keys.map((key) => byKey.get(key)!);
}

/** One loader per request and day: the assessments dated by `asOf`. */
function loaderOf(context: Context, asOf: string): DataLoader<string, AssessmentRecord[]> {
  let byDay = loaders.get(context);
  if (!byDay) loaders.set(context, (byDay = new Map()));
  let loader = byDay.get(asOf);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      await closeDue(context);
      return group(await context.store.read<AssessmentRecord>('assessment/list-collaboration-assessments', { ids: [...ids], asOf }), ids);
    });
    byDay.set(asOf, loader);
  }
  return loader;
}

/** One collaboration's assessment rows, as of `asOf`. */
export function recordsOf(context: Context, collaborationId: string, asOf: string): Promise<AssessmentRecord[]> {
  return loaderOf(context, asOf).load(collaborationId);
}

/** Every assessment row as of `asOf`, read once per request and day; primes the per-collaboration reads of `ids`. */
export function allRecords(context: Context, ids: readonly string[], asOf: string): Promise<AssessmentRecord[]> {
  return memoized(context, `assessments:all:${asOf}`, async () => {
    await closeDue(context);
    const records = await context.store.read<AssessmentRecord>('assessment/list-assessments', { asOf });
    const loader = loaderOf(context, asOf);
    group(records, ids).forEach((list, i) => loader.prime(ids[i]!, list));
    return records;
  });
}

/** A collaboration's standing on the taxonomy as of the day it was read as of, once per request. */
export function standingOf(context: Context, collaboration: Dated<CollaborationRow>): Promise<Standing> {
  const asOf = dayAsked(collaboration.asOf);
  return memoized(context, `standing:${asOf}:${collaboration.id}`, async () =>
    collaborationStanding(await recordsOf(context, collaboration.id, asOf), collaboration.targetLevel ?? null));
}

/** Whether a drift rule is met at the collaboration's latest assessment (against its own target level when set). */
export async function driftingOf(context: Context, collaboration: Dated<CollaborationRow>): Promise<boolean> {
  const { history } = await standingOf(context, collaboration);
  return driftOf(history, collaboration.targetLevel ? levelValue(collaboration.targetLevel) : null).flagged;
}
