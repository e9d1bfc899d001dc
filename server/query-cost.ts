import { type DocumentNode, getNamedType, getNullableType, GraphQLError, type GraphQLSchema, isListType, isObjectType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import { availableParallelism } from 'node:os';
import { DEFAULT_PAGE } from './schema/loaders.ts';
import type { Context } from './schema/context.ts';

/**
 * What a query may cost, counting list sizes: a field costs 1, and a list
 * multiplies what is asked of each element by how many elements it may have.
 * Without that, one anonymous query that walks neighbour lists inside
 * neighbour lists (every finding's subjects' forums' members) asks for
 * millions of nodes while looking like a few dozen fields. The limit sits
 * above the web app's largest query (Effektkedjor: four nested lists, about
 * 8 million by this estimate) and far below such a walk (hundreds of millions).
 */
export const MAX_QUERY_COST = 20_000_000;

/** A neighbour list without a page (a forum's members, an actor's forums): what one is taken to hold. */
export const NEIGHBOURS_ESTIMATE = 25;
/** A report's list without `first` (every finding): its cap. */
const REPORT_LIST_ESTIMATE = 10_000;

const REPORT_LISTS = new Set(['findings']);

const listAware: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  const named = getNamedType(field.type);
  const isConnection = isObjectType(named) && named.name.endsWith('Connection');
  let size = 1;
  if (Array.isArray(args.ids)) size = args.ids.length;
  else if (typeof args.first === 'number') size = args.first;
  else if (typeof args.last === 'number') size = args.last;
  else if (isConnection) size = DEFAULT_PAGE;
  else if (isListType(type)) size = REPORT_LISTS.has(field.name) ? REPORT_LIST_ESTIMATE : NEIGHBOURS_ESTIMATE;
  // A connection's own fields (edges, nodes) carry its size; `edges` itself is then a list of that page.
  if (isListType(type) && (field.name === 'edges' || field.name === 'nodes')) size = 1;
  return 1 + size * childComplexity;
};

/** An operation's estimated cost (see MAX_QUERY_COST). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [listAware] });
}

/**
 * Above this estimated cost a query is heavy (a view's whole report, nested
 * lists); the cheap ones (a count, one node, a page of names) cost tens.
 */
export const HEAVY_COST = 1_000;

/** When a client refused for a full queue of heavy queries is told to come back. */
const BUSY_RETRY_SECONDS = 2;

/**
 * Heavy queries run a few at a time, the rest wait their turn: the work of a
 * query runs on the event loop between its store reads, so with 200 heavy
 * queries in flight a cheap one would wait behind all of them. With a few, it
 * waits behind a few slices of work.
 */
export class HeavySlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * `size` run at once; past `maxWaiting` in the queue a heavy query is
   * refused at once (429, Retry-After) rather than left to wait out its time
   * limit: the server is full, and the client is told when to come back.
   */
  constructor(
    readonly size = Math.max(2, availableParallelism()),
    readonly maxWaiting = size * 4,
  ) {}

  /** Resolves with the release once a slot is free; rejects with the signal's reason if it ends first. */
  acquire(signal: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (this.running >= this.size && this.waiting.length >= this.maxWaiting) {
        reject(
          new GraphQLError(`Servern är fullt upptagen med tunga frågor (${this.size} körs, ${this.waiting.length} väntar). Försök igen om ${BUSY_RETRY_SECONDS} s.`, {
            extensions: { code: 'SERVER_BUSY', retryAfter: BUSY_RETRY_SECONDS, http: { status: 429, headers: { 'retry-after': String(BUSY_RETRY_SECONDS) } } },
          }),
        );
        return;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        signal.removeEventListener('abort', release);
        this.running--;
        this.waiting.shift()?.();
      };
      const start = () => {
        signal.removeEventListener('abort', giveUp);
        this.running++;
        // The slot is freed when the request ends, however it ends (its budget stops on the answer).
        signal.addEventListener('abort', release, { once: true });
        resolve(release);
      };
      const giveUp = () => {
        const at = this.waiting.indexOf(start);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason);
      };
      if (signal.aborted) return reject(signal.reason);
      if (this.running < this.size) return start();
      this.waiting.push(start);
      signal.addEventListener('abort', giveUp, { once: true });
    });
  }
}

/**
 * Refuses, before it runs, an operation whose estimated cost is over
 * `maxCost`, naming both; lets a heavy one run when one of `slots` is free.
 */
export function listCostLimit(maxCost = MAX_QUERY_COST, slots = new HeavySlots()): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const cost = queryCost(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName ?? undefined);
      if (cost > HEAVY_COST && cost <= maxCost) {
        const { budget } = args.contextValue as unknown as Context;
        try {
          const release = await slots.acquire(budget.signal);
          return { onExecuteDone: () => release() };
        } catch (stopped) {
          setResultAndStopExecution({ errors: [stopped as GraphQLError] });
          return;
        }
      }
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `Frågan är för stor: uppskattad kostnad ${cost.toLocaleString('sv-SE')} av högst ${maxCost.toLocaleString('sv-SE')} ` +
                '(varje lista räknas med sin storlek; be om färre med first, eller om färre grannar i grannarnas listor).',
              { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost } },
            ),
          ],
        });
      }
    },
  };
}
