/** A table as the user sees it: one model renders both the HTML table and the CSV file, so the export is the table. */
export interface TableModel {
  caption: string;
  columns: string[];
  rows: TableRow[];
  /** How many leading columns the page shows; the CSV has them all (long texts the page shows for the selected row only). */
  shown?: number;
}

export interface TableRow {
  /** The id of what the row shows (an actor, a finding, …): selecting the row selects it. */
  key: string;
  cells: string[];
  /** The items a grouped row holds, shown under it when it is expanded: a name, then one text. The CSV has the row's own cells only. */
  children?: TableRow[];
}

/**
 * Semicolon-separated with CRLF line ends: Excel with Swedish regional settings
 * splits on semicolons, and a comma is common inside Swedish texts.
 */
export function toCsv(table: TableModel): string {
  const line = (cells: string[]) => cells.map(quote).join(';');
  return [line(table.columns), ...table.rows.map((r) => line(r.cells))].join('\r\n') + '\r\n';
}

function quote(cell: string): string {
  return /[";\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
