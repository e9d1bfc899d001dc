import ExcelJS from 'exceljs';
import { idOf, readSeedData } from '../seed/load.ts';
import { sheetName } from '../server/export/sheet-rows.ts';
import { SHEETS } from '../server/import/layouts.ts';

/**
 * A large Effektkedja file, as a city that has mapped all its work might send:
 * `rows` activities spread over the målområden, each toward one of its goals,
 * with Ansvar cells of the documents' kinds. For the import benchmark and the
 * load test.
 */
export async function largeChainFile(rows: number): Promise<Uint8Array> {
  const seed = readSeedData();
  const ansvar = ['GVUF och ALF', 'ALF & AF', 'SKA, berörda förvaltningar', 'SBF, FOF, AB-bostäder', 'TEK, AB-bostäder\nPolisen', 'FF'];
  const book = new ExcelJS.Workbook();
  const areas = seed['target-areas'];
  const header = SHEETS.chain.columns.filter((c) => c.key !== 'targetArea').map((c) => c.header);
  areas.forEach((area, a) => {
    const goals = seed.goals.filter((g) => idOf(g.targetArea) === area.id);
    const sheet = book.addWorksheet(sheetName(area.name));
    sheet.addRow(header);
    for (let i = a; i < rows; i += areas.length) {
      sheet.addRow([goals[i % goals.length]!.text, `Kortsiktig effekt ${i}`, `Prestation ${i}`, `Aktivitet ${i} i ${area.name}`, ansvar[i % ansvar.length], `${2025 + (i % 3)}`, i % 2 ? `${i} timmar` : null]);
    }
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
