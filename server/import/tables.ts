import type { CellValue, Workbook } from './workbook.ts';
import type { ImportIssue } from './issues.ts';
import { columnFor, EXAMPLE_MARK, INSTRUCTIONS_SHEET, LISTS_SHEET, SHEETS, type SheetKind, type SheetSpec } from './layouts.ts';
import { normalize } from './match.ts';
import { listInSwedish } from '../domain/labels.ts';

/*
 * Sheets → tables of one known kind: the header row is matched to the
 * layout's columns, and each data row becomes its cells by column key.
 */

export interface TableRow {
  sheet: string;
  /** Excel's row number. */
  row: number;
  cells: Partial<Record<string, CellValue>>;
}

export interface Table {
  kind: SheetKind;
  sheet: string;
  /** Each column key present, with its header as written: issues name the column so. */
  headers: Map<string, string>;
  rows: TableRow[];
  /** Example rows of the template, left out. */
  examples: number;
}

const isBlank = (value: CellValue | undefined) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The tables of a workbook, and what is wrong with its headers. */
export function readTables(book: Workbook): { tables: Table[]; issues: ImportIssue[] } {
  const tables: Table[] = [];
  const issues: ImportIssue[] = [];
  for (const sheet of book.sheets) {
    if ([INSTRUCTIONS_SHEET, LISTS_SHEET].some((name) => normalize(name) === normalize(sheet.name))) continue;
    const headerIndex = sheet.rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
    if (headerIndex < 0) continue;
    const header = sheet.rows[headerIndex]!.map((cell) => (isBlank(cell) ? null : String(cell).trim()));
    const headerRow = headerIndex + 1;
    const spec = specFor(sheet.name, header);
    // A header row read as one cell: the file separates its fields with something else.
    const oneCell = header.filter(Boolean).length === 1 && /[,;\t|]/.test(header.find(Boolean) ?? '');
    const delimiterHint = oneCell ? '; hela rubrikraden står i en cell: har filen en annan avgränsare än semikolon eller komma?' : '';
    if (!spec) {
      const written = header.filter(Boolean).slice(0, 4).map((h) => `'${h}'`).join(', ');
      issues.push({
        sheet: sheet.name,
        row: headerRow,
        column: null,
        message:
          `rubrikerna (${written}) känns inte igen som bladet Forum, Medlemmar, Aktörer eller en effektkedja${delimiterHint}`,
      });
      continue;
    }
    const headers = new Map<string, string>();
    const keys: (string | null)[] = header.map((text) => {
      if (text === null) return null;
      const column = columnFor(spec, text);
      if (!column) {
        issues.push({
          sheet: sheet.name,
          row: headerRow,
          column: text,
          message: `rubriken känns inte igen; bladet ${spec.title} har kolumnerna ${listInSwedish(spec.columns.map((c) => c.header))}${delimiterHint}`,
        });
        return null;
      }
      if (headers.has(column.key)) {
        issues.push({ sheet: sheet.name, row: headerRow, column: text, message: `kolumnen ${column.header} står två gånger` });
        return null;
      }
      headers.set(column.key, text);
      return column.key;
    });
    for (const column of spec.columns.filter((c) => c.required && !headers.has(c.key))) {
      issues.push({ sheet: sheet.name, row: headerRow, column: column.header, message: `kolumnen ${column.header} saknas i rubrikraden` });
    }
    const table: Table = { kind: spec.kind, sheet: sheet.name, headers, rows: [], examples: 0 };
    sheet.rows.slice(headerIndex + 1).forEach((cells, i) => {
      if (cells.every(isBlank)) return;
      if (cells.some((cell) => typeof cell === 'string' && cell.trim().startsWith(EXAMPLE_MARK))) {
        table.examples++;
        return;
      }
      const row: TableRow = { sheet: sheet.name, row: headerRow + 1 + i, cells: {} };
      cells.forEach((cell, c) => {
        const key = keys[c];
        if (key) row.cells[key] = cell;
        else if (!isBlank(cell) && (header[c] ?? null) === null) {
          issues.push({ sheet: sheet.name, row: row.row, column: null, message: `cellen i kolumn ${c + 1} har ingen rubrik: ${preview(cell)}` });
        }
      });
      table.rows.push(row);
    });
    tables.push(table);
  }
  if (!issues.length && !tables.some((t) => t.rows.length)) {
    const message = tables.length ? 'filen har rubriker men inga rader att läsa in' : 'filen har inga rader att läsa in: alla blad är tomma';
    issues.push({ sheet: null, row: null, column: null, message });
  }
  return { tables, issues };
}

/** The sheet's kind: by its name where it is a template's sheet, else by the headers it has the most of. */
function specFor(name: string, header: (string | null)[]): SheetSpec | undefined {
  const byName = Object.values(SHEETS).find((spec) => spec.kind !== 'chain' && normalize(spec.title) === normalize(name));
  if (byName) return byName;
  const scored = Object.values(SHEETS)
    .map((spec) => ({ spec, n: header.filter((h) => h && columnFor(spec, h)).length }))
    .sort((a, b) => b.n - a.n);
  return scored[0]!.n >= 2 ? scored[0]!.spec : undefined;
}

/** A cell's value in a message, cut short. */
export function preview(value: CellValue | undefined): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
}
