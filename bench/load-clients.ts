/**
 * The load of `npm run bench:load` in a process of its own: 200 connections
 * reading megabytes a second would otherwise hold up the event loop of the
 * process that times the cheap client, and its latency would be the load
 * generator's, not the server's. Reads BENCH_LOAD_CLIENTS (JSON: base, keys,
 * seconds) and prints one line of JSON: autocannon's result and the tally.
 */
import { MIX } from '../test/support/read-mix.ts';
import { newTally, run } from './load-run.ts';

const { base, keys, seconds } = JSON.parse(process.env.BENCH_LOAD_CLIENTS!) as { base: string; keys: string[]; seconds: number };
let next = 0;
const tally = newTally();
// As browsers do: the web app's answers come compressed where the server has them so.
const result = await run(base, MIX, keys.length, seconds, () => keys[next++ % keys.length]!, tally, { gzip: true });
process.stdout.write(`${JSON.stringify({ result, tally: { ...tally, byRead: [...tally.byRead] } })}\n`);
