import { REPORT_QUERY, type ReportData } from '../../web/api/report.ts';
import { reportModel, reportTables } from '../../web/lib/report-tables.ts';
import { sv } from '../../web/i18n/sv.ts';
import { writeTables } from './workbook-writer.ts';
import { longDay } from '../domain/days.ts';

/** Runs one GraphQL query as the asking user; the answer's `data`, or an error with the server's messages. */
export type GraphqlRunner = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** Asked for a målområde the graph does not have. */
export class UnknownTargetArea extends Error {
  constructor(readonly id: string) {
    super(`malomrade: målområdet ${id} finns inte`);
  }
}

/**
 * The Rapport as XLSX: the same query as the web view, the same tables (the
 * charts' twins included), one sheet each, so the workbook says what the
 * printed report says.
 */
export async function reportWorkbook(run: GraphqlRunner, targetArea: string | null, today = new Date()): Promise<Uint8Array> {
  const data = await run<ReportData>(REPORT_QUERY, { targetArea });
  if (targetArea && !data.targetAreas.some((t) => t.id === targetArea)) throw new UnknownTargetArea(targetArea);
  const model = reportModel(data, targetArea);
  const date = longDay(today);
  const lines = [sv.report.printedOn(date), `${sv.report.sources}: ${model.sources.length ? model.sources.join('; ') : sv.report.sourcesNone}.`];
  return writeTables(model.title, lines, reportTables(model), sv.report.contents);
}
