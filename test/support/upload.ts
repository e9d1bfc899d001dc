import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { GqlResult, TestServer } from './server.ts';
import type { GraphStore } from '../../server/store/port.ts';

/** The report fields the import tests read. */
export const REPORT = `__typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
  ... on ConflictError { id currentVersion }
  ... on ImportSpreadsheetSuccess { report {
    fileName sha256 dryRun applied unchanged basis
    counts { created updated linked unchanged unresolved errors }
    rows { sheet row kind subject action changes { field before after } links unresolved }
    issues { sheet row column message }
    unknownActors { name places { sheet row column } candidates { id name shortName } }
  } }`;

const MUTATION = `mutation($file: File!, $dryRun: Boolean!, $resolutions: [ImportResolutionInput!], $basis: String) {
  result: importSpreadsheet(file: $file, dryRun: $dryRun, resolutions: $resolutions, basis: $basis) { ${REPORT} }
}`;

/**
 * Sends a file to importSpreadsheet as the GraphQL multipart request spec says
 * (what `curl -F operations=… -F map=… -F 0=@fil` sends), as REDAKTOR or `as`.
 */
export async function upload(
  server: TestServer,
  fileName: string,
  bytes: Uint8Array,
  variables: { dryRun: boolean; resolutions?: unknown[]; basis?: string },
  as: string | null = server.keys.REDAKTOR,
): Promise<GqlResult<{ result: any }>> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: MUTATION, variables: { file: null, ...variables } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([bytes as BlobPart]), fileName);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { accept: 'application/graphql-response+json', ...(as ? { authorization: `Bearer ${as}` } : {}) },
    body: form,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export type Cells = (string | number | Date | boolean | null | { formula: string; result?: unknown })[][];

/** An XLSX file of the given sheets; `merge` lists ranges ("A2:A4") per sheet. */
export async function xlsx(sheets: Record<string, Cells>, merge: Record<string, string[]> = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }));
    for (const range of merge[name] ?? []) sheet.mergeCells(range);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** CSV text of rows, with `;` (as Swedish Excel writes it) or another delimiter. */
export function csvText(rows: (string | null)[][], delimiter = ';'): string {
  const quote = (cell: string | null) => (cell === null ? '' : /[";,\n\t]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

/** What the graph holds, as counts and a hash of every node and relationship: equal before and after means unchanged. */
export async function graphFingerprint({ store }: { store: GraphStore }): Promise<{ nodes: number; relationships: number; hash: string }> {
  const rows = await store.read<Record<string, unknown>>('node/list-graph-content');
  const lines = rows.map((row) => JSON.stringify(row, (_key, value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort()) : value))).sort();
  const nodes = new Set(rows.map((row) => JSON.stringify(row.node))).size;
  return { nodes, relationships: rows.filter((row) => row.type).length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
