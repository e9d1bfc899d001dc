import type { ZodType } from 'zod';
import type { CellValue } from './workbook.ts';
import type { ImportIssue } from './issues.ts';
import type { Table, TableRow } from './tables.ts';
import { SHEETS } from './layouts.ts';
import { normalize } from './match.ts';
import { listInSwedish } from '../domain/labels.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { isoDate } from '../write/rules.ts';

/** Excel counts days from 1899-12-30 (its 1900 leap-year mistake included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial day number as ÅÅÅÅ-MM-DD, for the hint in a message. */
export function excelSerialDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A cell as text: numbers as written, dates as ÅÅÅÅ-MM-DD. */
function asText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * Reads one row's cells as typed values. Each problem is added to `issues`
 * naming sheet, row and column, and the value is then null: a row reads as
 * far as it can, so every wrong cell is reported at once.
 */
export class RowReader {
  private failures = 0;

  constructor(
    private readonly table: Table,
    readonly row: TableRow,
    private readonly issues: ImportIssue[],
  ) {}

  /** The column's header as the file writes it. */
  column(key: string): string {
    return this.table.headers.get(key) ?? SHEETS[this.table.kind].columns.find((c) => c.key === key)?.header ?? key;
  }

  fail(key: string | null, message: string): null {
    this.failures++;
    this.issues.push({ sheet: this.row.sheet, row: this.row.row, column: key === null ? null : this.column(key), message });
    return null;
  }

  /** No cell of this row has failed (so far). */
  get ok(): boolean {
    return this.failures === 0;
  }

  /** A text cell, checked by the field's own rule (write/field-rules.ts): blank is null. */
  text(key: string, rule?: ZodType<string | null | undefined>): string | null {
    const text = asText(this.row.cells[key]);
    if (text !== null && text.length > IMPORT_LIMITS.cellChars) return this.fail(key, `cellen har ${text.length} tecken; högst ${IMPORT_LIMITS.cellChars} läses`);
    if (!rule || text === null) return text;
    const parsed = rule.safeParse(text);
    if (!parsed.success) return this.fail(key, `${parsed.error.issues[0]!.message} (cellen har ${text.length})`);
    return parsed.data ?? null;
  }

  /** A value from a closed list, by its Swedish name or its code; `what` names the list ("roll"). */
  choice<T extends string>(key: string, labels: Record<T, string>, what: string): T | null {
    const text = this.text(key);
    if (text === null) return null;
    const wanted = normalize(text);
    const found = (Object.keys(labels) as T[]).find((code) => normalize(code) === wanted || normalize(labels[code]) === wanted);
    if (found) return found;
    return this.fail(key, `'${text}' är ingen ${what}; välj ${listInSwedish(Object.values<string>(labels))}`);
  }

  /** Several values from a closed list, one per line or separated by commas (not "och": "Barn och unga" is one). */
  choices<T extends string>(key: string, labels: Record<T, string>, what: string): T[] | null {
    const text = this.text(key);
    if (text === null) return null;
    const parts = text.split(/\s*[\n,;]\s*/).filter(Boolean);
    const found: T[] = [];
    for (const part of parts) {
      const wanted = normalize(part);
      const code = (Object.keys(labels) as T[]).find((c) => normalize(c) === wanted || normalize(labels[c]) === wanted);
      if (!code) return this.fail(key, `'${part}' är ingen ${what}; välj en eller flera av ${listInSwedish(Object.values<string>(labels))}`);
      if (!found.includes(code)) found.push(code);
    }
    return found;
  }

  /** A calendar date: a date cell, or text ÅÅÅÅ-MM-DD. A bare number is refused: it is Excel's day count. */
  date(key: string): string | null {
    const value = this.row.cells[key];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'number' || (typeof value === 'string' && /^\d{5}$/.test(value.trim()))) {
      const serial = Number(value);
      return this.fail(key, `'${value}' är inget datum: skriv ÅÅÅÅ-MM-DD (som Excels dagnummer vore det ${excelSerialDate(serial)})`);
    }
    const text = this.text(key);
    if (text === null) return null;
    const parsed = isoDate.safeParse(text);
    return parsed.success ? parsed.data : this.fail(key, `'${text}' ${parsed.error.issues[0]!.message}`);
  }
}
