import type { GraphStore } from '../store/port.ts';
import { readMapState } from '../import/state.ts';
import { TEMPLATES, type SheetKind, type TemplateSpec } from '../import/layouts.ts';
import { MapSheets } from './sheet-rows.ts';
import { writeWorkbook } from './workbook-writer.ts';
import { toCsv } from '../../web/lib/csv.ts';

/** A template or the whole map ("karta"): which sheets a workbook has. */
export type WorkbookKey = TemplateSpec['key'] | 'karta';

const MAP: { title: string; sheets: SheetKind[] } = { title: 'Hela kartan', sheets: ['actors', 'forums', 'members', 'chain'] };

export function isWorkbookKey(key: string): key is WorkbookKey {
  return key === 'karta' || TEMPLATES.some((t) => t.key === key);
}

/** A template to fill in (its example row) or, with `withData`, the map in the same layout. */
export async function workbookOf(store: GraphStore, key: WorkbookKey, withData: boolean): Promise<Uint8Array> {
  const spec = key === 'karta' ? MAP : TEMPLATES.find((t) => t.key === key)!;
  const sheets = new MapSheets(await readMapState(store));
  return writeWorkbook(spec.title, spec.sheets.flatMap((kind) => sheets.sheets(kind, withData)), sheets.lists(), !withData);
}

/** One sheet kind as CSV (semicolons, UTF-8 with a byte-order mark, as Excel opens it); an effektkedja with its Målområde column. */
export async function csvOf(store: GraphStore, kind: SheetKind): Promise<string> {
  const sheets = new MapSheets(await readMapState(store)).sheets(kind, true);
  const columns = sheets[0]!.spec.columns.filter((c) => kind === 'chain' || c.key !== 'targetArea');
  const rows = sheets.flatMap((s) => s.rows.map((row, i) => ({ key: `${s.name}:${i}`, cells: columns.map((c) => (c.key === 'targetArea' ? (s.targetArea ?? '') : (row[c.key] ?? ''))) })));
  return `\ufeff${toCsv({ caption: kind, columns: columns.map((c) => c.header), rows })}`;
}
