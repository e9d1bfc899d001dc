/**
 * `npm run bench` (part): the reports as of a day a year back, at national
 * size (290 kommuner) on the embedded engine through GraphQL over HTTP, each
 * as a ratio to the same report for today. A tenth of the forums ended since
 * that day and another tenth started after it, so the two days' graphs differ.
 * A benchmark, not a test: nothing here passes or fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../server/store/embedded.ts';
import { createHttpServer } from '../server/http.ts';
import { loadInBatches } from '../seed/load.ts';
import { generateGraph } from '../seed/generate.ts';
import { today } from '../server/domain/days.ts';

const RUNS = 7;
const MUNICIPALITIES = 290;
const PAST = today(new Date(Date.now() - 365 * 86_400_000));
const LAST_MONTH = today(new Date(Date.now() - 30 * 86_400_000));

const PAGE = 'findings(first: 200) { rule title severity evidence action subjectIds }';
const REPORTS = {
  gaps: (asOf: string | null) => `{ r: gaps${asOf ? `(asOf: "${asOf}")` : ''} { totalCount byRule { rule count } ${PAGE} } }`,
  overlaps: (asOf: string | null) => `{ r: overlaps${asOf ? `(asOf: "${asOf}")` : ''} { totalCount byRule { rule count } ${PAGE} } }`,
  workingRelations: (asOf: string | null) => `{ r: workingRelations(first: 500${asOf ? `, asOf: "${asOf}"` : ''}) { totalCount edges { node { actors { id name } strength reasons } } } }`,
  taxonomy: (asOf: string | null) => `{ r: taxonomy${asOf ? `(asOf: "${asOf}")` : ''} { notAssessedCount driftCount collaborations { level collaboration { id name } } } }`,
};
type Report = keyof typeof REPORTS;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length / 2) - 1]!;

const data = generateGraph({ municipalities: MUNICIPALITIES });
data.forums.forEach((forum, i) => {
  if (i % 10 === 0) forum.validTo = LAST_MONTH;
  if (i % 10 === 5) forum.validFrom = LAST_MONTH;
});
const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-as-of-'));
const store = await EmbeddedStore.open(dir);
const server = createHttpServer(store);
try {
  await store.ensureSchema();
  await loadInBatches(store, data);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const ask = async (query: string): Promise<string> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: { r: unknown }; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return JSON.stringify(body.data!.r);
  };
  /** The report right after a write (computed from the graph), and the same report again (from the report cache). */
  const timeOf = async (query: string) => {
    await ask(query); // warm-up: plan caches, JIT
    const first: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await store.write([]); // an empty write counts the version up: the next report is computed anew
      let start = performance.now();
      await ask(query);
      first.push(performance.now() - start);
      start = performance.now();
      await ask(query);
      again.push(performance.now() - start);
    }
    return { first: median(first), again: median(again) };
  };
  console.log(`Sverige (${MUNICIPALITIES} kommuner), ${data.forums.length} forum: rapporterna per ${PAST} mot i dag (median av ${RUNS}, ms)`);
  console.log('rapport            i dag första  per dag första  kvot | i dag upprepad  per dag upprepad  kvot');
  const results: Record<string, { today: { first: number; again: number }; asOf: { first: number; again: number }; ratioFirst: number; ratioAgain: number; sameAnswer: boolean }> = {};
  for (const report of Object.keys(REPORTS) as Report[]) {
    const now = await timeOf(REPORTS[report](null));
    const then = await timeOf(REPORTS[report](PAST));
    const sameAnswer = (await ask(REPORTS[report](null))) === (await ask(REPORTS[report](PAST)));
    results[report] = { today: now, asOf: then, ratioFirst: then.first / now.first, ratioAgain: then.again / now.again, sameAnswer };
    const f = (ms: number) => ms.toFixed(ms >= 100 ? 0 : 1).padStart(8);
    console.log(`${report.padEnd(18)} ${f(now.first)}      ${f(then.first)}  ${(then.first / now.first).toFixed(2).padStart(5)} | ${f(now.again)}        ${f(then.again)}  ${(then.again / now.again).toFixed(2).padStart(5)}${sameAnswer ? '  (samma svar)' : ''}`);
  }
  const file = new URL('./as-of-results.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, municipalities: MUNICIPALITIES, asOf: PAST, results }, null, 2)}\n`);
  console.log(`Skrev ${file.pathname}`);
} finally {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
