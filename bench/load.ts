/**
 * `npm run bench` (bench:load): many readers at once on the regional graph
 * (49 municipalities), against the service as it runs in production (its own
 * process, its rate limits, time limit and heavy-query slots): 200 keyed
 * clients for 60 s, each cycling through the web app's views' queries, the
 * cheap query and the walks that once took the server down (refused by
 * design). Alongside, one more client asks only the cheap query, and its p99
 * under load is set against its median when the server is idle. Goal (issue
 * 17): 0 errors, and that ratio at most 10. The load runs in a process of its
 * own (bench/load-clients.ts), so the cheap client times the server, not the
 * load generator.
 * BENCH_LOAD_CONNECTIONS, BENCH_LOAD_SECONDS and BENCH_MUNICIPALITIES change
 * the run. A benchmark, not a test: nothing here passes or fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { EmbeddedStore } from '../server/store/embedded.ts';
import { createApiKey } from '../server/auth/api-keys.ts';
import { generateGraph } from '../seed/generate.ts';
import { loadInBatches } from '../seed/load.ts';
import { CHEAP, expected, MIX } from '../test/support/read-mix.ts';
import { newTally, run, type Tally } from './load-run.ts';

const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 49);
const GOAL_RATIO = 10;
const CHEAP_RATE = 20;
const LOAD_NICENESS = 10;

const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-load-'));
const loadStart = performance.now();
const store = await EmbeddedStore.open(dir);
await store.ensureSchema();
await loadInBatches(store, generateGraph({ municipalities: MUNICIPALITIES }));
const keys: string[] = [];
for (let i = 0; i <= CONNECTIONS; i++) keys.push((await createApiKey(store, { name: `Last ${i}`, role: 'LASARE' }, { id: 'bench', name: 'npm run bench' })).secret);
await store.close();
console.log(`Lastprov: ${MUNICIPALITIES} kommuner inlästa på ${((performance.now() - loadStart) / 1000).toFixed(1)} s; ${CONNECTIONS} klienter × ${SECONDS} s`);

// The service as `npm start` runs it, in its own process: the load generator does not share its CPU time slices.
const service = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, DATA_DIR: dir, PORT: '0', SEED_ON_START: 'false' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let output = '';
  service.stdout!.on('data', (chunk) => {
    output += chunk;
    const match = /på (http:\/\/[^/\s]+)\//.exec(output);
    if (match) resolve(match[1]!);
  });
  service.once('exit', (code) => reject(new Error(`the service exited (${code}):\n${output}`)));
});
let peakRssMb = 0;
const rss = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${service.pid}/status`, 'utf8');
    peakRssMb = Math.max(peakRssMb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    // not Linux, or gone
  }
}, 250);

/** The 200 clients, in their own process (bench/load-clients.ts). */
function loadClients(clientKeys: string[]): Promise<{ result: autocannon.Result; tally: Tally }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-clients.ts'], {
    env: { ...process.env, BENCH_LOAD_CLIENTS: JSON.stringify({ base, keys: clientKeys, seconds: SECONDS }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The clients stand in for 200 other machines: on this one they take what CPU the service leaves.
  setPriority(child.pid!, LOAD_NICENESS);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/load-clients.ts exited (${code})`));
      const parsed = JSON.parse(output) as { result: autocannon.Result; tally: Tally & { byRead: [string, number][] } };
      resolve({ result: parsed.result, tally: { ...parsed.tally, byRead: new Map(parsed.tally.byRead) } });
    }),
  );
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

try {
  // Warm: every read answered once at this version, as after the first visitors, and each answer checked whole.
  for (const read of MIX) {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[0]}` }, body: read.body });
    const text = await response.text();
    if (!expected(read, response.status, text)) throw new Error(`${read.name}: ${response.status} ${text.slice(0, 300)}`);
  }
  const idleTally = newTally();
  // The cheap client asks 20 times a second, under its key's rate: it measures, it does not load.
  const idle = await run(base, [CHEAP], 1, 5, () => keys[0]!, idleTally, { rate: CHEAP_RATE });
  const idleMedian = idle.latency.p50;

  const cheapTally = newTally();
  const [{ result: load, tally: loadTally }, cheap] = await Promise.all([
    loadClients(keys.slice(0, CONNECTIONS)),
    run(base, [CHEAP], 1, SECONDS, () => keys[CONNECTIONS]!, cheapTally, { rate: CHEAP_RATE }),
  ]);
  const ratio = cheap.latency.p99 / Math.max(idleMedian, 1);
  console.log(`Tomgång, billig fråga: median ${ms(idleMedian)}, p99 ${ms(idle.latency.p99)} (${idle.requests.total} svar)`);
  console.log(
    `Under last: ${load.requests.total} svar, ${load.requests.average.toFixed(0)} svar/s; latens p50 ${ms(load.latency.p50)}, p90 ${ms(load.latency.p90)}, ` +
      `p99 ${ms(load.latency.p99)}, max ${ms(load.latency.max)}; 429: ${load.statusCodeStats?.['429']?.count ?? 0}; ` +
      `fel: ${loadTally.wrong + load.errors + load.timeouts} (felaktiga svar ${loadTally.wrong}, anslutningsfel ${load.errors}, timeouts ${load.timeouts})`,
  );
  console.log(`  per fråga: ${[...loadTally.byRead].map(([name, n]) => `${name} ${n}`).join(', ')}`);
  if (loadTally.first) console.log(`  första felaktiga svar: ${loadTally.first}`);
  console.log(
    `Billig fråga under last: p50 ${ms(cheap.latency.p50)}, p99 ${ms(cheap.latency.p99)} (${cheap.requests.total} svar, fel ${cheapTally.wrong + cheap.errors}); ` +
      `p99 / tomgångsmedian = ${ratio.toFixed(1)} (mål ≤ ${GOAL_RATIO}: ${ratio <= GOAL_RATIO ? 'nått' : 'inte nått'})`,
  );
  console.log(`Tjänstens högsta RSS: ${peakRssMb.toFixed(0)} MB`);
} finally {
  clearInterval(rss);
  service.kill('SIGTERM');
  await new Promise((resolve) => service.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
