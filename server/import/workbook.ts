import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { UnreadableFile, type ImportIssue } from './issues.ts';
import { IMPORT_LIMITS, megabytes } from './limits.ts';

/*
 * A spreadsheet file as plain sheets of cell values, whatever it came as:
 * XLSX through exceljs, CSV through csv-parse. What a cell means is for the
 * sheet readers to say; this only reads, and refuses what cannot be read.
 */

/** What a cell holds once read: formulas by their computed value, rich text as text, dates as dates. */
export type CellValue = string | number | boolean | Date | null;

export interface Sheet {
  name: string;
  /** rows[0] is Excel's row 1. */
  rows: CellValue[][];
}

export interface Workbook {
  format: 'xlsx' | 'csv';
  sheets: Sheet[];
  /** Cells that could not be read (a formula with no value, an error value); the rest is read. */
  issues: ImportIssue[];
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Reads a file by what it is, not by its name: a PDF or an old .xls renamed .xlsx is told as such. */
export async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<Workbook> {
  if (bytes.length === 0) throw new UnreadableFile('filen är tom');
  if (bytes.length > IMPORT_LIMITS.bytes) {
    throw new UnreadableFile(`filen är ${megabytes(bytes.length)}; högst ${megabytes(IMPORT_LIMITS.bytes)} kan läsas in`);
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw new UnreadableFile('filen är en PDF, inget kalkylblad: spara den som .xlsx eller .csv');
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new UnreadableFile('filen är i det gamla Excel-formatet (.xls): öppna den i Excel och spara som .xlsx');
  }
  if (startsWith(bytes, 0x50, 0x4b)) throw new UnreadableFile('filen är ett skadat zip-arkiv, ingen läsbar .xlsx');
  return readCsv(fileName, bytes);
}

/** Refuses a zip that would unpack to more than the limit, before anything is unpacked. */
async function checkPackedSizes(bytes: Uint8Array): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw new UnreadableFile('filen är ett skadat zip-arkiv, ingen läsbar .xlsx');
  }
  let total = 0;
  let names = 0;
  let workbook = false;
  try {
    for await (const entry of zip.eachEntry()) {
      names++;
      total += entry.uncompressedSize;
      workbook ||= entry.fileName === 'xl/workbook.xml';
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > IMPORT_LIMITS.unzippedBytes || (entry.uncompressedSize > 10 * 1024 * 1024 && ratio > IMPORT_LIMITS.packingRatio)) {
        throw new UnreadableFile(
          `filen packas upp till mer än ${megabytes(IMPORT_LIMITS.unzippedBytes)} eller är packad mer än ${IMPORT_LIMITS.packingRatio} gånger (${entry.fileName}): den läses inte, den kan vara en zip-bomb`,
        );
      }
      if (names > 10_000) throw new UnreadableFile('filen innehåller för många delar för att vara ett kalkylblad');
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile('filen är ett skadat zip-arkiv, ingen läsbar .xlsx');
  } finally {
    zip.close();
  }
  if (!workbook) throw new UnreadableFile('filen är ett zip-arkiv men ingen Excel-arbetsbok (.xlsx): den saknar xl/workbook.xml');
}

async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  await checkPackedSizes(bytes);
  const book = new ExcelJS.Workbook();
  try {
    // exceljs' types name Node's Buffer of an older @types/node.
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile('filen är ett zip-arkiv men ingen Excel-arbetsbok (.xlsx) som går att läsa');
  }
  if (book.worksheets.length === 0) throw new UnreadableFile('arbetsboken har inga blad');
  if (book.worksheets.length > IMPORT_LIMITS.sheets) throw new UnreadableFile(`arbetsboken har ${book.worksheets.length} blad; högst ${IMPORT_LIMITS.sheets} läses`);
  const issues: ImportIssue[] = [];
  const sheets = book.worksheets.map((ws) => {
    // Counted by the cells that hold values: formatting alone (a styled column) may reach far further.
    if (ws.actualRowCount > IMPORT_LIMITS.rowsPerSheet + 1) {
      throw new UnreadableFile(`bladet har ${ws.actualRowCount} rader; högst ${IMPORT_LIMITS.rowsPerSheet} läses i ett blad`, ws.name);
    }
    if (ws.actualColumnCount > IMPORT_LIMITS.columns) {
      throw new UnreadableFile(`bladet har ${ws.actualColumnCount} kolumner; högst ${IMPORT_LIMITS.columns} läses`, ws.name);
    }
    const read: CellValue[][] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cellValue(cell.value);
        if (typeof value === 'object' && value !== null && 'problem' in value) {
          issues.push({ sheet: ws.name, row: r, column: columnLetter(c), message: value.problem });
          values[c - 1] = null;
        } else values[c - 1] = value;
        width = Math.max(width, c);
      });
      read[r - 1] = values;
    });
    // Row i is Excel's row i + 1, every row as wide as the widest: the cells between are empty.
    const rows = Array.from({ length: read.length }, (_, r) => Array.from({ length: width }, (_, c) => read[r]?.[c] ?? null));
    return { name: ws.name, rows };
  });
  return { format: 'xlsx', sheets, issues };
}

/** A cell as exceljs gives it → its value; a formula counts by the value Excel computed and saved. */
function cellValue(value: ExcelJS.CellValue): CellValue | { problem: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return { problem: `cellen visar felet ${value.error}: skriv in värdet i stället` };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || (typeof result === 'object' && 'error' in result)) {
      return { problem: 'cellen innehåller en formel utan sparat värde: klistra in värdet (Klistra in special → Värden) i stället' };
    }
    return result instanceof Date || typeof result !== 'object' ? result : null;
  }
  if ('text' in value) return String(value.text);
  return { problem: 'cellens innehåll går inte att läsa som text, tal eller datum' };
}

/** 1 → A, 27 → AA: how Excel names a column. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * CSV text as Swedish Excel writes it: UTF-8 (with or without a byte-order
 * mark) or, from older versions, Windows-1252; fields split by semicolons
 * (Excel with a Swedish decimal comma) or commas.
 */
function readCsv(fileName: string, bytes: Uint8Array): Workbook {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new UnreadableFile('filen är varken ett kalkylblad (.xlsx) eller text (.csv)');
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableFile(`CSV-filen går inte att läsa${line ? ` (rad ${line})` : ''}: ett citattecken (") saknar sin avslutning`);
  }
  if (rows.length > IMPORT_LIMITS.rowsPerSheet + 1) throw new UnreadableFile(`filen har ${rows.length} rader; högst ${IMPORT_LIMITS.rowsPerSheet} läses`);
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
  return { format: 'csv', sheets: [{ name, rows: rows.map((row) => row.map((cell) => (cell === '' ? null : cell))) }], issues: [] };
}

/** UTF-8 where the bytes are valid UTF-8 (a BOM is dropped), Windows-1252 otherwise. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter of the header line: whichever of ; , and tab stands there most, outside quotes. */
function delimiterOf(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  const best = counts.sort((a, b) => b.n - a.n)[0]!;
  return best.n > 0 ? best.d : ';';
}
