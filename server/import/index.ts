import { createHash } from 'node:crypto';
import type { GraphStore } from '../store/port.ts';
import type { Author } from '../write/plan.ts';
import { ValidationError } from '../write/refusals.ts';
import { readWorkbook } from './workbook.ts';
import { readTables } from './tables.ts';
import { readMapState } from './state.ts';
import { type ImportPlan, planImport, type Resolution, type RowAction } from './plan.ts';
import { applyImport } from './apply.ts';
import { type ImportIssue, UnreadableFile } from './issues.ts';

export type { Resolution } from './plan.ts';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** Only plan: report what would happen, write nothing. */
  dryRun: boolean;
  resolutions?: Resolution[];
  /** The dry run's basis: given, the import is refused if anything it read has changed since. */
  basis?: string | null;
  author: Author;
}

export interface ImportReport extends Omit<ImportPlan, 'writes'> {
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** Written (false for a dry run, a file with errors or names still to resolve). */
  applied: boolean;
  /** Nothing to write: every row is already in the map as the file says. */
  unchanged: boolean;
  counts: Record<RowAction, number>;
}

/**
 * Reads a spreadsheet, plans it against the map and, unless it is a dry run
 * or anything in it is wrong or unresolved, writes it in one transaction.
 */
export async function importSpreadsheet(store: GraphStore, request: ImportRequest): Promise<ImportReport> {
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  const plan = await planFile(store, request);
  const nothing = !Object.values(plan.writes).some((list) => list.length);
  const blocked = plan.issues.length > 0 || plan.unknownActors.length > 0;
  const report = (applied: boolean): ImportReport => {
    const { writes: _writes, ...rest } = plan;
    const counts = { CREATE: 0, UPDATE: 0, LINK: 0, UNCHANGED: 0, UNRESOLVED: 0, ERROR: 0 };
    for (const row of plan.rows) counts[row.action]++;
    return { ...rest, fileName: request.fileName, sha256, dryRun: request.dryRun, applied, unchanged: nothing && !blocked, counts };
  };
  if (request.dryRun || blocked || nothing) return report(false);
  if (request.basis && request.basis !== plan.basis) {
    throw new ValidationError([{ path: 'basis', message: 'kartan har ändrats sedan förhandsgranskningen: granska filen på nytt innan den läses in' }]);
  }
  await applyImport(store, plan, { name: request.fileName, sha256 }, request.author);
  return report(true);
}

async function planFile(store: GraphStore, request: ImportRequest): Promise<ImportPlan> {
  const empty = (issue: ImportIssue): ImportPlan => ({
    rows: [], issues: [issue], unknownActors: [], basis: '', writes: { creates: [], updates: [], links: [], linkUpdates: [], convenors: [] },
  });
  try {
    const book = await readWorkbook(request.fileName, request.bytes);
    const { tables, issues } = readTables(book);
    const plan = planImport(tables, await readMapState(store), { source: request.fileName, resolutions: request.resolutions });
    return { ...plan, issues: [...book.issues, ...issues, ...plan.issues] };
  } catch (error) {
    if (error instanceof UnreadableFile) return empty(error.issue);
    throw error;
  }
}
