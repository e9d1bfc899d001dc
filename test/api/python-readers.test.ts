import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { readGraph } from '../../server/export/graph-files.ts';

/*
 * Our XLSX, GraphML and GEXF read by readers nobody here wrote: openpyxl reads
 * every cell as exceljs wrote it, networkx finds every node and edge with
 * their attributes. CI installs both (.ci/run); where they are missing the
 * suite says so and skips.
 */
const SCRIPT = new URL('../support/python/read_exports.py', import.meta.url).pathname;
const probe = spawnSync('python3', ['-c', 'import openpyxl, networkx'], { encoding: 'utf8' });
const missing = probe.error ? 'python3 is not installed' : probe.status !== 0 ? `python3 lacks openpyxl or networkx (pip install openpyxl networkx): ${probe.stderr.trim().split('\n').at(-1)}` : null;
if (missing) console.warn(`python-readers: skipped, ${missing}`);

let server: TestServer;
let dir: string;
beforeAll(async () => {
  if (missing) return;
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-python-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const download = async (path: string, file: string) => {
  const bytes = new Uint8Array(await (await fetch(`${server.url}${path}`)).arrayBuffer());
  writeFileSync(join(dir, file), bytes);
  return bytes;
};

describe.skipIf(!!missing)('exports read by openpyxl and networkx', () => {
  it('every cell, node, edge and attribute as we wrote them', async () => {
    const xlsx = await download('/export/karta.xlsx', 'karta.xlsx');
    await download('/export/karta.graphml', 'karta.graphml');
    await download('/export/karta.gexf', 'karta.gexf');
    const run = spawnSync('python3', [SCRIPT, join(dir, 'karta.xlsx'), join(dir, 'karta.graphml'), join(dir, 'karta.gexf')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
    const ours = Object.fromEntries(book.worksheets.map((sheet) => {
      const rows: string[][] = [];
      for (let r = 1; r <= sheet.rowCount; r++) {
        const row: string[] = [];
        for (let c = 1; c <= sheet.columnCount; c++) row.push(String(sheet.getCell(r, c).value ?? ''));
        rows.push(row);
      }
      return [sheet.name, rows];
    }));
    // openpyxl leaves out trailing empty cells that exceljs counts in a sheet's width: compare without them.
    const trim = (rows: string[][]) => rows.map((row) => row.join('\u0001').replace(/\u0001+$/, '')).join('\n').replace(/\n+$/, '');
    expect(Object.keys(read.sheets)).toEqual(Object.keys(ours));
    for (const name of Object.keys(ours)) expect(trim(read.sheets[name]), name).toBe(trim(ours[name]!));

    const graph = await readGraph(server.store);
    const nodes = Object.fromEntries(graph.mapNodes((id, a) => [id, Object.fromEntries(Object.entries(a).map(([k, v]) => [k, String(v)]))]));
    const edges = graph.mapEdges((_e, a, s, t) => [s, t, a.type]).sort();
    for (const format of ['graphml', 'gexf'] as const) {
      expect(Object.keys(read[format].nodes).length, format).toBe(graph.order);
      expect(read[format].edges, format).toEqual(edges);
    }
    expect(read.graphml.nodes).toEqual(nodes);
    // networkx names a GEXF node's label "label" and keeps our attributes beside it.
    for (const [id, attributes] of Object.entries(nodes)) expect(read.gexf.nodes[id], id).toMatchObject(attributes);
  }, 60_000);
});
