/**
 * `npm run bench`: the analysis at three sizes — Borås, a Västra Götaland-sized
 * graph (49 municipalities) and a national one (290) — timed in one run:
 * through GraphQL over HTTP, in-process against the embedded store, in-process
 * against Neo4j 5 LTS (started for the run, skipped with the reason where it
 * cannot start), and in plain in-memory TypeScript over the same nodes and
 * edges (the floor). Prints the ratios and how each time grows with size;
 * writes bench/results.json.
 * A benchmark, not a test: nothing here passes or fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { EmbeddedStore } from '../server/store/embedded.ts';
import { Neo4jStore } from '../server/store/neo4j.ts';
import type { GraphStore } from '../server/store/port.ts';
import { createHttpServer } from '../server/http.ts';
import { ResponseCache } from '../server/response-cache.ts';
import { NodeRows } from '../server/schema/node-rows.ts';
import { createApiKey } from '../server/auth/api-keys.ts';
import { gapReport, overlapReport, readGapOptions, readIndex } from '../server/analysis/index.ts';
import { buildIndex } from '../server/analysis/graph-index.ts';
import { type Edge, type NodeProps, readSnapshot, snapshotOf } from '../server/analysis/snapshot.ts';
import { workingRelations } from '../server/analysis/working-relations.ts';
import type { RelationshipType } from '../server/store/graph-schema.ts';
import { type SeedData, loadInBatches, readSeedData, seedSteps } from '../seed/load.ts';
import { generateGraph } from '../seed/generate.ts';
import { neo4jUnavailableReason, startNeo4j, type RunningNeo4j } from '../test/neo4j/server.ts';
import { NEO4J_VERSIONS } from '../test/neo4j/versions.ts';

// The same report on every path: the rules, then the filter and sort the API applies.
const SIZES = [
  { name: 'Borås', municipalities: 1, data: () => readSeedData(), runs: 25 },
  { name: 'Västra Götaland (49 kommuner)', municipalities: 49, data: () => generateGraph({ municipalities: 49 }), runs: 12 },
  { name: 'Sverige (290 kommuner)', municipalities: 290, data: () => generateGraph({ municipalities: 290 }), runs: 7 },
];

// What a report or the web app asks for: the counts and the first page of findings.
const PAGE = 'findings(first: 200) { rule title severity evidence action subjectIds }';
const QUERIES = {
  gaps: `{ gaps { totalCount byRule { rule count } ${PAGE} } }`,
  overlaps: `{ overlaps { totalCount byRule { rule count } ${PAGE} } }`,
  workingRelations: '{ workingRelations(first: 500) { totalCount edges { node { actors { id name } strength reasons } } } }',
};
type Operation = keyof typeof QUERIES;
/**
 * What the growth rounds ask through the API beside those three: the other reports and lists the
 * views open, as they ask for them, so that every one of them shows how it grows.
 */
const VIEW_QUERIES = {
  taxonomy: '{ taxonomy { driftCount belowTargetCount notAssessedCount levels { count } byType { key levels { count } } byTargetArea { key levels { count } } collaborations { collaboration { id name } column belowTarget driftFlagged } } }',
  workingRelationSummary: '{ workingRelationSummary { actorCount groups { id actorCount } groupRelations { source target strength relationCount } } }',
  actors: '{ actors(first: 50) { totalCount nodes { id name } } }',
  forums: '{ forums(first: 50) { totalCount nodes { id name } } }',
  activities: '{ activities(first: 50) { totalCount nodes { id name } } }',
  collaborations: '{ collaborations(first: 50) { totalCount nodes { id name } } }',
  goals: '{ goals(first: 50) { totalCount nodes { id text } } }',
  forumCounts: '{ forumCounts(by: ACTOR) { key count } }',
  activityCounts: '{ activityCounts(by: GOAL) { key count } }',
};
const API_QUERIES: Record<string, string> = { ...QUERIES, ...VIEW_QUERIES };

/** The seed steps' rows as plain nodes and edges: the same graph, with no store in between. */
function inMemory(data: SeedData): { nodes: NodeProps[]; edges: Edge[] } {
  const nodes: NodeProps[] = [];
  const edges: Edge[] = [];
  for (const step of seedSteps(data)) {
    if (typeof step === 'function') continue;
    const rows = (step.params?.rows ?? []) as { id?: string; props?: Record<string, unknown>; from?: string; to?: string }[];
    if (step.query.startsWith('link/link-')) {
      const type = step.query.slice('link/link-'.length).toUpperCase().replaceAll('-', '_') as RelationshipType;
      for (const row of rows) edges.push({ from: row.from!, type, to: row.to! });
    } else {
      for (const row of rows) nodes.push({ ...row.props, id: row.id! });
    }
  }
  return { nodes, edges };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * The collector's pauses on this thread, as the runtime reports them, to tell the work's own time
 * from the collector's. A size whose working set outgrows V8's young generation pays for copying
 * what survives there, which a smaller one never does: the floor's gaps at Västra Götaland size ran
 * without one pause, at national size a quarter of their time was the collector's. That step reads
 * as an exponent above 1, so the growth is printed both ways.
 */
const pauses: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ['gc'] });

/** The samples' own times: each less the collector's pauses that began in it. */
async function withoutCollector(windows: { start: number; end: number }[]): Promise<number[]> {
  // The runtime reports a pause after it, from the event loop.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const own = windows.map(({ start, end }) => end - start - pauses.filter((p) => p.start >= start && p.start < end).reduce((sum, p) => sum + Math.min(p.end, end) - p.start, 0));
  pauses.length = 0;
  return own;
}

/** A sample's median and p95, and its median without the collector's pauses. */
async function timing(windows: { start: number; end: number }[]): Promise<Timing> {
  return { ...stats(windows.map(({ start, end }) => end - start)), ownMedian: stats(await withoutCollector(windows)).median };
}

/**
 * Each sample starts from a collected heap (under --expose-gc, as `npm run
 * bench` runs): a sample pays for its own garbage, not for what the one
 * before it left, which at national size is most of the spread between runs.
 */
const gc = (globalThis as { gc?: () => void }).gc;
/**
 * A collection, then a pause for V8 to finish sweeping on its helper threads: a sample taken
 * at once pays for that sweeping itself (a kept 80 kB answer at national size measured 13 ms
 * so, against 5 ms after the pause), which made the repeated reports look slower than they are.
 */
const collect = async () => {
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
};

/** Times `fn` alone, each run after `before` (not timed): a report right after a write, say. */
async function timeAfter(runs: number, before: () => Promise<unknown>, fn: () => Promise<unknown>): Promise<Timing> {
  const windows: { start: number; end: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    await collect();
    const start = performance.now();
    await fn();
    windows.push({ start, end: performance.now() });
  }
  return timing(windows);
}

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<Timing> {
  await fn(); // warm-up: plan caches, JIT
  const windows: { start: number; end: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await collect();
    const start = performance.now();
    await fn();
    windows.push({ start, end: performance.now() });
  }
  return timing(windows);
}

/** The same reports on any store: one read of the graph, then the rules in TypeScript. */
function storeReports(store: GraphStore): Record<Operation, () => Promise<number>> {
  return {
    gaps: async () => {
      const index = await readIndex(store);
      return gapReport(index, {}, await readGapOptions(store, index)).length;
    },
    overlaps: async () => overlapReport(await readIndex(store)).length,
    workingRelations: async () => workingRelations((await readSnapshot(store)).ties).length,
  };
}

/** k in time ∝ size^k between two sizes, from a time at each. */
const exponent = (time: number, nextTime: number, size: number, nextSize: number) => Math.log(nextTime / time) / Math.log(nextSize / size);

/** The same reports over the nodes and edges in memory, with no store: the floor. */
function memoryReports(nodes: readonly NodeProps[], edges: readonly Edge[]): Record<Operation, () => number> {
  return {
    gaps: () => gapReport(buildIndex(snapshotOf(nodes, edges))).length,
    overlaps: () => overlapReport(buildIndex(snapshotOf(nodes, edges))).length,
    workingRelations: () => workingRelations(snapshotOf(nodes, edges).ties).length,
  };
}

// The LTS, as production runs it; the test run's newer version would only add start-up time here.
const NEO4J = NEO4J_VERSIONS.find((v) => v.name === 'neo4j-5.26')!;

type Neo4jRun = { server: RunningNeo4j; store: Neo4jStore; warmUpMs: number };

/** Neo4j started for the run with the store on it, or why it cannot start on this machine. */
async function openNeo4j(): Promise<Neo4jRun | { unavailable: string }> {
  const unavailable = neo4jUnavailableReason([NEO4J]);
  if (unavailable) return { unavailable };
  let log = '';
  const server = await startNeo4j(NEO4J, { log: (line) => (log += `${line}\n`) }).catch((error: Error) => {
    throw new Error(`Neo4j ${NEO4J.version} did not start: ${error.message}\n${log}`);
  });
  try {
    const store = await Neo4jStore.connect({ uri: server.uri(NEO4J.scheme), user: server.user, password: server.password });
    await store.ensureSchema();
    // A fresh server plans each statement the first time it runs, on a cold JVM:
    // a few hundred ms each, seconds for all the loader's. One load of Borås
    // first, so that the sizes' load times are loading, not start-up.
    const warmUpStart = performance.now();
    await loadInBatches(store, readSeedData());
    const warmUpMs = performance.now() - warmUpStart;
    console.log(`Neo4j ${server.version} igång på ${(server.startupMs / 1000).toFixed(1)} s (pid ${server.pid}), uppvärmd på ${(warmUpMs / 1000).toFixed(1)} s`);
    return { server, store, warmUpMs };
  } catch (error) {
    // The server is a process of its own, and would outlive this one.
    await server.stop();
    throw error;
  }
}

/** Stops the server even when closing the driver fails. */
async function stopNeo4j({ store, server }: Neo4jRun): Promise<void> {
  try {
    await store.close();
  } finally {
    await server.stop();
  }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7);
const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);

/** Milliseconds; `ownMedian`: the median less the collector's pauses in each sample. */
type Timing = { median: number; p95: number; ownMedian: number };

interface SizeResult {
  name: string;
  nodes: number;
  edges: number;
  loadMs: number;
  /** Through the same loader and batches as the embedded store; null: no Neo4j in this run. */
  neo4jLoadMs: number | null;
  /** Of this process: Neo4j runs in its own. */
  peakRssMb: number;
  fullGapList: { median: number; p95: number; bytes: number };
  /** What the response cache held at the end of the size's runs, and its limits. */
  keptAnswers: { entries: number; bytes: number; limits: { entries: number; bytes: number } };
  /** The node rows kept at the end of the size's runs, and their limit. */
  keptNodeRows: { entries: number; limit: number };
  operations: Record<
    Operation,
    {
      /** The report right after an editor's save: computed from the graph as that save left it. */
      apiFirst: Timing;
      /** The same report again, at the same graph version: from the report cache. */
      api: Timing;
      engine: Timing;
      memory: Timing;
      /** With the ratios of its median to the embedded store's (`engine`) and to the floor's (`memory`). */
      neo4j: (Timing & { perEmbedded: number; perMemory: number }) | null;
      results: number;
    }
  >;
}

type Served = {
  /** The answer's data; throws on any error. */
  ask: (query: string) => Promise<Record<string, unknown>>;
  /** Asks and reads the answer to its last byte, inflated, as a client receives it (what a client then parses is its own time); its length in bytes. */
  received: (query: string) => Promise<number>;
  /**
   * An editor's save, as the web app sends it: what makes the next report a first one. In turn an
   * actor renamed and a seat for it in a forum added or removed: a save that changes a node and
   * one that changes the links around it.
   */
  edit: () => Promise<void>;
  close: () => Promise<void>;
};

/** The GraphQL service on `store`, on a free port, with an editor's key for the edits. */
async function serve(store: GraphStore, { nodes, edges }: { nodes: readonly NodeProps[]; edges: readonly Edge[] }, responses = new ResponseCache(), nodeRows = new NodeRows()): Promise<Served> {
  const server = createHttpServer(store, { responses, nodeRows });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = (query: string, variables?: unknown, secret?: string) => fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // The timed requests: node's own HTTP client, the answer inflated by zlib, as a browser inflates
  // natively. Through undici's fetch, a kept 234 kB page at national size took 1.8 ms, of which 0.5 ms
  // was the client's own per request and 0.75 ms its inflating through web streams: more than the
  // server's whole part (0.3 ms, as for /health), so a repeated report measured the client.
  const agent = new Agent({ keepAlive: true });
  const receive = (query: string) => new Promise<Buffer>((resolve, reject) => {
    const body = JSON.stringify({ query });
    const asked = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const bytes = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        if (response.statusCode !== 200 || bytes.length === 0) reject(new Error(`${query.slice(0, 40)}: HTTP ${response.statusCode}`));
        else resolve(bytes);
      });
    });
    asked.on('error', reject);
    asked.end(body);
  });
  const editor = (await createApiKey(store, { name: 'Bänk', role: 'REDAKTOR' }, { id: 'bench', name: 'npm run bench' })).secret;
  const edited = nodes.find((n) => n.id.startsWith('actor:'))!;
  const seats = new Set(edges.filter((e) => e.type === 'MEMBER_OF' && e.from === edited.id).map((e) => e.to));
  const forum = nodes.find((n) => n.id.startsWith('forum:') && !seats.has(n.id))!;
  const save = async (name: string, input: Record<string, unknown>) => {
    const inputType = name === 'updateActor' ? 'UpdateActorInput' : 'ForumSeatInput';
    const body = (await (await post(`mutation($input: ${inputType}!) { result: ${name}(input: $input) { __typename } }`, { input }, editor)).json()) as { data?: { result: { __typename: string } } };
    if (!body.data?.result.__typename.endsWith('Success')) throw new Error(`the bench's ${name} failed: ${JSON.stringify(body)}`);
  };
  let saves = 0;
  return {
    ask: async (query) => {
      const body = (await (await post(query)).json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    },
    received: async (query) => (await receive(query)).length,
    edit: async () => {
      // Each save from what the graph holds now: a store reopened for the rounds has had the sizes' saves.
      if (saves++ % 2) {
        const { node } = ((await (await post('query($id: ID!) { node(id: $id) { ... on Forum { members { actor { id } version } } } }', { id: forum.id })).json()) as { data: { node: { members: { actor: { id: string }; version: number }[] } } }).data;
        const seated = node.members.find((m) => m.actor.id === edited.id);
        return save(seated ? 'removeForumMember' : 'addForumMember', { forumId: forum.id, actorId: edited.id, ...(seated ? { version: seated.version } : { role: 'LEDAMOT' }) });
      }
      const [row] = await store.read<{ node: { version: number; name: string } }>('node/get-nodes', { ids: [edited.id] });
      const name = row!.node.name === edited.name ? `${String(edited.name)} (ändrad)` : String(edited.name);
      return save('updateActor', { id: edited.id, version: row!.node.version, name });
    },
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * How the times grow, measured again in rounds that take every size in turn. On a shared two-core
 * machine one size's samples can fall in a slow spell that the next size's miss: identical runs of
 * the floor gave exponents from 0.90 to 1.44 between Västra Götaland and Sverige. Each round times
 * every size back to back (through the API, on the embedded store, on Neo4j and in memory), so a
 * slow spell falls on all of them, and the median over the rounds is the exponent to judge; the
 * lowest and highest show the spread. The rounds' idle Neo4j servers (one per size) weigh a little on
 * every sample alike, so these times are not those of the single-run tables above. Read before
 * Neo4j starts, so a bad value stops the run with nothing left running.
 */
const GROWTH_ROUNDS = Number(process.env.BENCH_GROWTH_ROUNDS ?? 7);
if (!Number.isInteger(GROWTH_ROUNDS) || GROWTH_ROUNDS < 1) {
  throw new Error(`BENCH_GROWTH_ROUNDS must be a whole number of rounds, 1 or more; it is ${JSON.stringify(process.env.BENCH_GROWTH_ROUNDS)}`);
}
if (!(globalThis as { gc?: unknown }).gc) console.log('Utan --expose-gc: varje mätning bär också skräpet från den före (kör via npm run bench).');
const results: SizeResult[] = [];
/**
 * Each size's store directory and in-memory lists, kept for the growth rounds after the sizes. The
 * store itself is closed after its size, so it does not weigh on the next size's memory and times.
 */
const keptSizes: { dir: string; nodes: NodeProps[]; edges: Edge[] }[] = [];
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const opened = await openNeo4j();
const neo4j = 'unavailable' in opened ? null : opened;
if ('unavailable' in opened) console.log(`Neo4j-kolumnerna hoppas över: ${opened.unavailable}.`);
const neo4jInfo = neo4j ? { version: neo4j.server.version, startupMs: neo4j.server.startupMs, warmUpMs: neo4j.warmUpMs } : opened;

type GrowthPath = 'api' | 'engine' | 'neo4j' | 'memory';
// In the order each round takes them, report by report: the floor right after the API, for their ratio.
const GROWTH_PATHS: Record<GrowthPath, string> = { api: 'API, första svaret efter en ändring', memory: 'minne', engine: 'motor', neo4j: 'Neo4j' };
type Growth = { median: number; min: number; max: number; rounds: number[] };
interface GrowthStep {
  from: string;
  to: string;
  k: Partial<Record<GrowthPath, Record<string, Growth>>>;
  /** The same from each sample's own time, less the collector's pauses in it. */
  ownK: Partial<Record<GrowthPath, Record<string, Growth>>>;
}
/** Per size and report: the first answer after a save over the floor, as each round measured them side by side. */
type FirstPerFloor = { size: string; ratios: Record<string, Growth> };
let growth: { steps: GrowthStep[]; firstPerFloor: FirstPerFloor[] } = { steps: [], firstPerFloor: [] };
/** One thing timed in the rounds; `before` (not timed) runs ahead of each sample: an editor's save. */
type Timed = { run: () => unknown; before?: () => Promise<unknown> };
const timed = (fns: Record<string, () => unknown>): Record<string, Timed> =>
  Object.fromEntries(Object.entries(fns).map(([name, run]) => [name, { run }]));

/**
 * The rounds need every size on Neo4j at once, and a Community server holds one graph: each size
 * before the last gets a server of its own, warmed up as the run's is; the run's server holds the
 * last size already. Through the API, every report and list the views open is asked right after a
 * save, so each answer is the first at its graph version.
 */
async function growthRounds(): Promise<typeof growth> {
  const stores = await Promise.all(keptSizes.map(({ dir }) => EmbeddedStore.open(dir)));
  const servers: Neo4jRun[] = [];
  const served: Served[] = [];
  try {
    const onNeo4j: GraphStore[] = [];
    if (neo4j) {
      // The sizes' data again rather than kept through the national size: the generator is seeded.
      for (const size of SIZES.slice(0, -1)) {
        const run = await openNeo4j();
        if ('unavailable' in run) throw new Error(`Neo4j for the growth rounds: ${run.unavailable}`);
        servers.push(run);
        await run.store.write([{ query: 'node/delete-all' }]);
        await loadInBatches(run.store, size.data());
        onNeo4j.push(run.store);
      }
      onNeo4j.push(neo4j.store);
    }
    for (const [i, store] of stores.entries()) served.push(await serve(store, keptSizes[i]!));
    return await growthOf(stores.map((store, i) => ({
      api: Object.fromEntries(Object.entries(API_QUERIES).map(([name, query]) => [name, { before: served[i]!.edit, run: () => served[i]!.received(query) }])),
      engine: timed(storeReports(store)),
      ...(onNeo4j[i] ? { neo4j: timed(storeReports(onNeo4j[i])) } : {}),
      memory: timed(memoryReports(keptSizes[i]!.nodes, keptSizes[i]!.edges)),
    })));
  } finally {
    // The servers first, each whatever the others do: a JVM would outlive the run.
    await Promise.allSettled(servers.map(stopNeo4j));
    await Promise.allSettled([...served.map((api) => api.close()), ...stores.map((store) => store.close())]);
  }
}

async function growthOf(paths: Partial<Record<GrowthPath, Record<string, Timed>>>[]): Promise<typeof growth> {
  const sizeOf = (i: number) => results[i]!.nodes + results[i]!.edges;
  const measured = (Object.keys(GROWTH_PATHS) as GrowthPath[]).filter((path) => paths.every((sizePaths) => sizePaths[path]));
  // ks[path][op][step]: each round's exponent for the step between two sizes
  const ks = {} as Record<GrowthPath, Record<string, number[][]>>;
  const ownKs = {} as Record<GrowthPath, Record<string, number[][]>>;
  // roundMedians[path][op][size]: each round's median, for the ratios between paths within a round
  const roundMedians = {} as Record<GrowthPath, Record<string, number[][]>>;
  const ops = [...new Set(measured.flatMap((path) => Object.keys(paths[0]![path]!)))];
  for (let round = 0; round < GROWTH_ROUNDS; round++) {
    for (const op of ops) {
      for (const path of measured.filter((p) => paths[0]![p]![op])) {
        const timings: Timing[] = [];
        for (const sizePaths of paths) {
          const { run, before } = sizePaths[path]![op]!;
          timings.push(before ? await timeAfter(3, before, async () => run()) : await time(3, run));
        }
        const bySize = ((roundMedians[path] ??= {})[op] ??= paths.map(() => []));
        timings.forEach(({ median }, i) => bySize[i]!.push(median));
        for (const [into, of] of [[ks, (t: Timing) => t.median], [ownKs, (t: Timing) => t.ownMedian]] as const) {
          const steps = ((into[path] ??= {})[op] ??= results.slice(1).map(() => []));
          for (let i = 1; i < timings.length; i++) steps[i - 1]!.push(exponent(of(timings[i - 1]!), of(timings[i]!), sizeOf(i - 1), sizeOf(i)));
        }
      }
    }
    if (process.stdout.isTTY) process.stdout.write(`\rtillväxtvarv ${round + 1}/${GROWTH_ROUNDS}`);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  const spread = (rounds: number[]) => ({ median: stats(rounds).median, min: Math.min(...rounds), max: Math.max(...rounds), rounds });
  const firstPerFloor = !measured.includes('api') || !measured.includes('memory') ? [] : results.map((size, i) => ({
    size: size.name,
    ratios: Object.fromEntries((Object.keys(QUERIES) as Operation[]).map((op) => {
      const floor = roundMedians.memory[op]![i]!;
      return [op, spread(roundMedians.api[op]![i]!.map((first, round) => ratio(first, floor[round]!)))];
    })),
  }));
  const steps = results.slice(1).map((to, i) => {
    const k: GrowthStep['k'] = {};
    const ownK: GrowthStep['ownK'] = {};
    for (const path of measured) {
      for (const [into, from] of [[k, ks], [ownK, ownKs]] as const) {
        const byOp: Record<string, Growth> = (into[path] = {});
        for (const [op, perStep] of Object.entries(from[path])) byOp[op] = spread(perStep[i]!);
      }
    }
    return { from: results[i]!.name, to: to.name, k, ownK };
  });
  return { steps, firstPerFloor };
}

try {
  for (const size of SIZES) {
    const data = size.data();
    const { nodes, edges } = inMemory(data);
    const dir = mkdtempSync(join(tmpdir(), 'samverkanskartan-bench-'));
    const store = await EmbeddedStore.open(dir);
    await store.ensureSchema();
    peakRss = process.memoryUsage().rss;
    const loadStart = performance.now();
    await loadInBatches(store, data);
    const loadMs = performance.now() - loadStart;
    let neo4jLoadMs: number | null = null;
    if (neo4j) {
      // The server is the run's own; empty it of the warm-up or the size before.
      await neo4j.store.write([{ query: 'node/delete-all' }]);
      const neo4jLoadStart = performance.now();
      await loadInBatches(neo4j.store, data);
      neo4jLoadMs = performance.now() - neo4jLoadStart;
    }
    const responses = new ResponseCache();
    const nodeRows = new NodeRows();
    const served = await serve(store, { nodes, edges }, responses, nodeRows);
    const api = async (operation: Operation) => ((await served.ask(QUERIES[operation])) as Record<string, { totalCount: number }>)[operation]!.totalCount;
    const received = (operation: Operation) => served.received(QUERIES[operation]);
    const { edit } = served;
    // The rounds at the end ask these too: a query that fails should stop the run now, not then.
    for (const query of Object.values(VIEW_QUERIES)) await served.ask(query);
    const engine = storeReports(store);
    const onNeo4j = neo4j && storeReports(neo4j.store);
    const memory = memoryReports(nodes, edges);
    // Beside the page: every finding in one response, to show what transport costs at this size.
    const fullGaps = () => served.received('{ gaps { findings { rule title severity evidence action subjectIds } } }');
    const operations = {} as SizeResult['operations'];
    // Every path on the same graph, before the saves below (a seat's save changes what they count).
    const counted = {} as Record<Operation, number>;
    for (const operation of Object.keys(QUERIES) as Operation[]) {
      const counts = [await api(operation), await engine[operation](), memory[operation](), ...(onNeo4j ? [await onNeo4j[operation]()] : [])];
      if (new Set(counts).size !== 1) throw new Error(`${size.name} ${operation}: the paths disagree (API / embedded / memory / Neo4j): ${counts.join(' / ')}`);
      counted[operation] = counts[0]!;
    }
    for (const operation of Object.keys(QUERIES) as Operation[]) {
      const timings = {
        // Right after a save: the graph at a new version, brought up to date from what the save touched.
        apiFirst: await timeAfter(size.runs, edit, () => received(operation)),
        api: await time(size.runs, () => received(operation)),
        engine: await time(size.runs, engine[operation]),
        memory: await time(size.runs, memory[operation]),
      };
      const onServer = onNeo4j && (await time(size.runs, onNeo4j[operation]));
      operations[operation] = {
        ...timings,
        neo4j: onServer && { ...onServer, perEmbedded: ratio(onServer.median, timings.engine.median), perMemory: ratio(onServer.median, timings.memory.median) },
        results: counted[operation],
      };
    }
    const fullBytes = await fullGaps();
    const full = await time(Math.min(size.runs, 7), fullGaps);
    await served.close();
    await store.close();
    keptSizes.push({ dir, nodes, edges });
    const kept = { ...responses.size, limits: responses.limits };
    const keptNodeRows = { entries: nodeRows.size, limit: nodeRows.maxEntries };
    results.push({ name: size.name, nodes: nodes.length, edges: edges.length, loadMs, neo4jLoadMs, peakRssMb: peakRss / 2 ** 20, operations, fullGapList: { ...full, bytes: fullBytes }, keptAnswers: kept, keptNodeRows });

    const r = results.at(-1)!;
    console.log(`\n${r.name}: ${r.nodes} noder, ${r.edges} kanter; inläsning ${r.loadMs.toFixed(0)} ms; högsta RSS ${r.peakRssMb.toFixed(0)} MB`);
    console.log('operation          resultat   API första   p95 | upprepad   p95 | motor median    p95 | minne median    p95 | första/minne  första/motor  upprepad/första  motor/minne');
    for (const [operation, o] of Object.entries(r.operations)) {
      console.log(`${operation.padEnd(18)} ${String(o.results).padStart(8)}   ${fmt(o.apiFirst.median)} ${fmt(o.apiFirst.p95)} | ${fmt(o.api.median)} ${fmt(o.api.p95)} | ${fmt(o.engine.median)} ${fmt(o.engine.p95)} | ${fmt(o.memory.median)} ${fmt(o.memory.p95)} | ${ratio(o.apiFirst.median, o.memory.median).toFixed(2).padStart(12)}  ${ratio(o.apiFirst.median, o.engine.median).toFixed(2).padStart(12)}  ${ratio(o.api.median, o.apiFirst.median).toFixed(3).padStart(15)}  ${ratio(o.engine.median, o.memory.median).toFixed(2).padStart(10)}`);
    }
    console.log(`sparade svar efter körningen: ${r.keptAnswers.entries} (${(r.keptAnswers.bytes / 2 ** 20).toFixed(1)} MB; högst ${r.keptAnswers.limits.entries} och ${(r.keptAnswers.limits.bytes / 2 ** 20).toFixed(0)} MB)`);
    console.log(`sparade noder efter körningen: ${r.keptNodeRows.entries} (högst ${r.keptNodeRows.limit})`);
    console.log(`hela listan av luckor i ett svar (${(r.fullGapList.bytes / 1e6).toFixed(1)} MB): median ${fmt(r.fullGapList.median)} ms, p95 ${fmt(r.fullGapList.p95)} ms`);
    if (r.neo4jLoadMs !== null) {
      console.log(`Neo4j ${NEO4J.version}: inläsning ${r.neo4jLoadMs.toFixed(0)} ms (${ratio(r.neo4jLoadMs, r.loadMs).toFixed(2)} × inbäddad)`);
      console.log('operation          Neo4j median    p95 | Neo4j/inbäddad  Neo4j/minne');
      for (const [operation, { neo4j: n }] of Object.entries(r.operations)) {
        if (n) console.log(`${operation.padEnd(18)}      ${fmt(n.median)} ${fmt(n.p95)} | ${n.perEmbedded.toFixed(2).padStart(14)}  ${n.perMemory.toFixed(2).padStart(11)}`);
      }
    }
  }
  growth = await growthRounds();
} finally {
  clearInterval(sampler);
  // However the run ends: Neo4j would outlive it.
  if (neo4j) await stopNeo4j(neo4j);
  for (const { dir } of keptSizes) rmSync(dir, { recursive: true, force: true });
}

// Beside the times, how the number of results grows: a report whose results grow faster than the
// graph cannot be linear in the graph, only in the graph and its results together.
console.log('\nTillväxt (exponent k i tid ∝ storlek^k, storlek = noder + kanter; k ≤ 1 är linjärt eller bättre; resultat k: antalet resultat på samma sätt):');
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1]!, results[i]!];
  const k = (from: number, to: number) => exponent(from, to, a.nodes + a.edges, b.nodes + b.edges);
  const parts = (Object.keys(QUERIES) as Operation[]).map((op) => {
    const pathK = (path: 'apiFirst' | 'engine' | 'memory' | 'neo4j') => k(a.operations[op][path]!.median, b.operations[op][path]!.median);
    const resultsK = k(a.operations[op].results, b.operations[op].results);
    return `${op} resultat k=${resultsK.toFixed(2)}, API k=${pathK('apiFirst').toFixed(2)}, motor k=${pathK('engine').toFixed(2)}, minne k=${pathK('memory').toFixed(2)}${neo4j ? `, Neo4j k=${pathK('neo4j').toFixed(2)}` : ''}`;
  });
  const neo4jLoad = neo4j ? `, Neo4j k=${k(a.neo4jLoadMs!, b.neo4jLoadMs!).toFixed(2)}` : '';
  console.log(`  ${a.name} → ${b.name}: inläsning k=${k(a.loadMs, b.loadMs).toFixed(2)}${neo4jLoad}; ${parts.join('; ')}`);
}

console.log(`\nTillväxt i ${GROWTH_ROUNDS} varv, storlekarna efter varandra i varje varv (median k [lägst–högst]):`);
for (const step of growth.steps) {
  console.log(`  ${step.from} → ${step.to}:`);
  const line = (ks: Record<string, Growth>) => Object.entries(ks).map(([op, k]) => `${op} ${k.median.toFixed(2)} [${k.min.toFixed(2)}–${k.max.toFixed(2)}]`).join(', ');
  for (const path of Object.keys(step.k) as GrowthPath[]) console.log(`    ${GROWTH_PATHS[path]}: ${line(step.k[path]!)}`);
  // The rules in this process, where the collector's step shows; the API's own times hold the server's and the client's alike.
  for (const path of ['memory', 'engine'] as const) if (step.ownK[path]) console.log(`    ${GROWTH_PATHS[path]}, utan skräpsamlarens pauser: ${line(step.ownK[path])}`);
}

console.log('\nFörsta svaret efter en ändring / golvet, i samma varv (median [lägst–högst]; mål ≤ 1,5 på nationell nivå):');
for (const { size, ratios } of growth.firstPerFloor) {
  console.log(`  ${size}: ${Object.entries(ratios).map(([op, r]) => `${op} ${r.median.toFixed(2)} [${r.min.toFixed(2)}–${r.max.toFixed(2)}]`).join(', ')}`);
}

const resultsFile = new URL('./results.json', import.meta.url);
writeFileSync(resultsFile, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, neo4j: neo4jInfo, results, growth }, null, 2)}\n`);
console.log(`\nSkrev ${resultsFile.pathname}`);
