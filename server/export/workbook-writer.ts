import ExcelJS from 'exceljs';
import { EXAMPLE_MARK, INSTRUCTIONS_SHEET, LISTS_SHEET, type ListSource, templateColumns } from '../import/layouts.ts';
import { IMPORT_LIMITS, megabytes } from '../import/limits.ts';
import { type SheetData, sheetName } from './sheet-rows.ts';
import type { TableModel } from '../../web/lib/csv.ts';

/*
 * An XLSX workbook in the templates' layout: an instructions sheet in
 * Swedish, the data sheets with their headers, drop-down lists for the
 * controlled values (from a hidden sheet), and either the template's example
 * row or the map's rows.
 */

/** Rows the drop-down lists reach down to in a template. */
const LIST_ROWS = 1000;

/** Closed lists refuse other values; lists of names only suggest (an abbreviation or several names are fine too). */
const CLOSED: readonly ListSource[] = ['roles', 'levels', 'kinds', 'targetAreas'];

const LIST_NAMES: Record<ListSource, string> = {
  roles: 'Roller',
  levels: 'Nivåer',
  kinds: 'Aktörstyper',
  targetGroups: 'Målgrupper',
  targetAreas: 'Målområden',
  goals: 'Effektmål',
  actors: 'Aktörer',
  forums: 'Forum',
};

type Validations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

export async function writeWorkbook(title: string, sheets: SheetData[], lists: Record<string, string[]>, example: boolean): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Samverkanskartan';
  book.title = title;
  instructions(book.addWorksheet(INSTRUCTIONS_SHEET), title, sheets);
  const listSheet = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = new Map<ListSource, string>();
  Object.entries(LIST_NAMES).forEach(([source, header], i) => {
    const values = lists[source] ?? [];
    const column = listSheet.getColumn(i + 1);
    column.values = [header, ...values];
    const letter = column.letter;
    ranges.set(source as ListSource, `${LISTS_SHEET}!$${letter}$2:$${letter}$${Math.max(values.length + 1, 2)}`);
  });
  for (const data of sheets) {
    const sheet = book.addWorksheet(data.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns = templateColumns(data.spec);
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    const rows = example ? [data.spec.example] : data.rows;
    for (const row of rows) {
      const added = sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? ''])));
      added.alignment = { wrapText: true, vertical: 'top' };
      if (example) added.font = { italic: true, color: { argb: 'FF767676' } };
    }
    const last = Math.max(LIST_ROWS, rows.length + 1);
    columns.forEach((c, i) => {
      if (!c.list) return;
      const letter = sheet.getColumn(i + 1).letter;
      (sheet as unknown as Validations).dataValidations.add(`${letter}2:${letter}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [ranges.get(c.list)],
        showErrorMessage: CLOSED.includes(c.list),
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `Välj ett värde i listan (${LIST_NAMES[c.list].toLowerCase()}).`,
        showInputMessage: true,
        promptTitle: c.header,
        prompt: c.hint.slice(0, 255),
      });
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function instructions(sheet: ExcelJS.Worksheet, title: string, sheets: SheetData[]): void {
  sheet.columns = [{ width: 32 }, { width: 100 }];
  const line = (a: string, b = '', bold = false) => {
    const row = sheet.addRow([a, b]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.font = { bold: true };
  };
  line(`Samverkanskartan – ${title}`, '', true);
  line('Så här gör du', 'Fyll i bladen nedan, en rad per sak. Spara som .xlsx (eller ett blad som .csv) och läs in filen under Importera i Samverkanskartan, eller med `npm run import -- FIL`.');
  line('', 'Du ser först en förhandsgranskning rad för rad: vad som blir nytt, ändras, kopplas eller lämnas orört, och varje fel med blad, rad och kolumn. Inget sparas förrän du läser in.');
  line('', 'Det som redan finns i kartan känns igen på namnet (aktörer även på kortnamn och förkortning) och uppdateras; en tom cell ändrar inget. Samma fil två gånger ändrar ingenting.');
  line('', 'Ett namn som inte finns i kartan skapas aldrig av sig självt: förhandsgranskningen visar de närmaste aktörerna och du väljer, eller lägger till en ny aktör.');
  line('', `Rader där en cell börjar med "${EXAMPLE_MARK}" läses inte in. Filen får vara högst ${megabytes(IMPORT_LIMITS.bytes)}.`);
  line('');
  const seen = new Set<string>();
  for (const data of sheets) {
    if (seen.has(data.spec.kind)) continue;
    seen.add(data.spec.kind);
    line(data.spec.kind === 'chain' ? 'Effektkedja (ett blad per målområde)' : `Bladet ${data.spec.title}`, data.spec.description, true);
    for (const c of templateColumns(data.spec)) line(`  ${c.header}${c.required ? ' (krävs)' : ''}`, c.hint);
    line('');
  }
}

/**
 * A workbook of tables as a page shows them (the Rapport): a first sheet with
 * the title and the lines under it and every table's full caption, then one
 * sheet per table, headers in row 1. Sheet names are the captions, cut to
 * Excel's 31 characters and numbered where two cuts meet.
 */
export async function writeTables(title: string, lines: string[], tables: TableModel[], contents: { sheet: string; caption: string }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Samverkanskartan';
  book.title = title;
  const first = book.addWorksheet(sheetName(title));
  first.columns = [{ width: 36 }, { width: 90 }];
  first.addRow([title]).font = { bold: true, size: 14 };
  for (const line of lines) first.addRow([line]).alignment = { wrapText: false };
  first.addRow([]);
  first.addRow([contents.sheet, contents.caption]).font = { bold: true };
  const taken = new Set([first.name.toLowerCase()]);
  for (const table of tables) {
    let name = sheetName(table.caption);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${sheetName(table.caption).slice(0, 31 - ` ${n}`.length).trim()} ${n}`;
    taken.add(name.toLowerCase());
    first.addRow([name, table.caption]);
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((header) => ({ header, width: Math.min(60, Math.max(12, header.length + 2, ...table.rows.map((r) => Math.min(60, (r.cells[table.columns.indexOf(header)] ?? '').length)))) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.cells).alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
