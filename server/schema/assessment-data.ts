import DataLoader from 'dataloader';
import { type Context, memoized } from './context.ts';
import type { CollaborationRow } from './collaboration.ts';
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

const loaders = new WeakMap<Context, DataLoader<string, AssessmentRecord[]>>();

function group(records: readonly AssessmentRecord[], keys: readonly string[]): AssessmentRecord[][] {
  const byKey = new Map<string, AssessmentRecord[]>(keys.map((key) => [key, []]));
  for (const record of records) byKey.get(record.collaboration)?.push(record);
  return keys.map((key) => byKey.get(key)!);
}

function loaderOf(context: Context): DataLoader<string, AssessmentRecord[]> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      await closeDue(context);
      return group(await context.store.read<AssessmentRecord>('assessment/list-collaboration-assessments', { ids: [...ids] }), ids);
    });
    loaders.set(context, loader);
  }
  return loader;
}

/** One collaboration's assessment rows. */
export function recordsOf(context: Context, collaborationId: string): Promise<AssessmentRecord[]> {
  return loaderOf(context).load(collaborationId);
}

/** Every assessment row in the graph, read once per request; primes the per-collaboration reads of `ids`. */
export function allRecords(context: Context, ids: readonly string[]): Promise<AssessmentRecord[]> {
  return memoized(context, 'assessments:all', async () => {
    await closeDue(context);
    const records = await context.store.read<AssessmentRecord>('assessment/list-assessments');
    const loader = loaderOf(context);
    group(records, ids).forEach((list, i) => loader.prime(ids[i]!, list));
    return records;
  });
}

/** A collaboration's standing on the taxonomy, once per request. */
export function standingOf(context: Context, collaboration: CollaborationRow): Promise<Standing> {
  return memoized(context, `standing:${collaboration.id}`, async () =>
    collaborationStanding(await recordsOf(context, collaboration.id), collaboration.targetLevel ?? null));
}

/** Whether a drift rule is met at the collaboration's latest assessment (against its own target level when set). */
export async function driftingOf(context: Context, collaboration: CollaborationRow): Promise<boolean> {
  const { history } = await standingOf(context, collaboration);
  return driftOf(history, collaboration.targetLevel ? levelValue(collaboration.targetLevel) : null).flagged;
}
