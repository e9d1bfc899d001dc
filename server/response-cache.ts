import { type ExecutionResult, getOperationAST, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context, Viewer } from './schema/context.ts';
import type { GraphStore } from './store/port.ts';
import { rootFieldNames } from './auth/field-roles.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { today } from './domain/days.ts';

const gzipped = promisify(gzip) as (bytes: Buffer) => Promise<Buffer>;

/**
 * The lists and reports whose answers depend only on the graph, the day and
 * the viewer's roles. Not the audit trail (`changes`, `changesBetween`), the
 * keys, the survey rounds or `node`/`nodes`: they answer per person or per
 * link, are cheap, and are better never shared.
 */
const SHARED_ROOT_FIELDS = new Set([
  'activities', 'activityCounts', 'actors', 'areas', 'collaborations', 'findingRules', 'forumCounts', 'forums', 'fundings',
  'gaps', 'goals', 'overlaps', 'policyDocuments', 'strategies', 'targetAreas', 'taxonomy', 'taxonomyInstrument',
  'workingRelationSummary', 'workingRelations', '__typename', '__schema', '__type',
]);

export interface ResponseCacheLimits {
  /** Answers kept at most. */
  entries: number;
  /** Bytes of answers kept at most, all entries together. */
  bytes: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheLimits = { entries: 500, bytes: 64 * 2 ** 20 };

interface Entry {
  key: string;
  version: number;
  day: string;
  bytes: Buffer;
  /** The same, gzip-compressed off the event loop, for clients that accept it; null when too small to be worth it. */
  gzipped: Promise<Buffer> | null;
  gzippedBytes: number;
  /** As the endpoint sent it the first time (the media type the client asked for). */
  contentType: string;
}

/**
 * Refusals decided from the request alone, before anything runs: the same
 * query, variables and roles get the same one at any version. A client that
 * repeats a refused walk (a bug, or someone probing) is answered with a
 * lookup instead of having its cost worked out again each time, which at a
 * few milliseconds a time would hold up everyone else's answers.
 */
const KEPT_REFUSALS = new Set(['QUERY_TOO_COSTLY']);

/**
 * A kept refusal is answered 200, as the endpoint answers one that sets no HTTP status; only a
 * query's: a mutation's refusal is the gate's to give first (it decides by the CSRF token too,
 * which is not in the key).
 */
export function isKeptRefusal(result: ExecutionResult, params: Params): boolean {
  if ('data' in result || !result.errors?.length) return false;
  if (!result.errors.every((error) => KEPT_REFUSALS.has(String(error.extensions?.code)) && !error.extensions?.http)) return false;
  try {
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    return getOperationAST(parse(String(params.query)), operationName)?.operation === 'query';
  } catch {
    return false;
  }
}

/** A request body this long is a query someone wrote by hand, not one to keep. */
const MAX_KEPT_REQUEST_BYTES = 64 * 1024;

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** Below about one packet, compressing saves nothing worth its time. */
const GZIP_FROM_BYTES = 1_400;

/**
 * Whole answers, as sent, kept per graph version, day, roles and request:
 * the Luckor page asked by 200 strategists between two saves is worked out
 * and serialised once, and each of the others is a lookup. A committed write
 * counts the version up (GraphStore.version, read from the graph on Neo4j),
 * so the very next request after a save misses and sees it; the day is in
 * the key because some answers read the clock (a confirmation falls due).
 * Only answers without errors are kept, and only for the shared root fields;
 * and the refusals that the request alone decides (KEPT_REFUSALS), as refused.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private newest = 0;
  private day = '';

  constructor(readonly limits: ResponseCacheLimits = DEFAULT_RESPONSE_CACHE) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): Entry | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Least recently used goes first: a hit moves to the back, under the key it was kept with
    // (this request's own copy of the key is garbage a moment from now, and would outlive it here).
    this.entries.delete(key);
    this.entries.set(hit.key, hit);
    return hit;
  }

  /** Keeps an answer; returns what is kept, or null when it is too large or of an older version or day. */
  set(key: string, version: number, day: string, bytes: Buffer): Entry | null {
    // The key holds the request itself: a long one is not kept, and every key counts toward the bytes.
    if (key.length > MAX_KEPT_REQUEST_BYTES || bytes.length + key.length > this.limits.bytes) return null;
    if (version > this.newest || day > this.day) {
      // No request asks for an older version, or an earlier day, once a newer one has been read.
      this.newest = Math.max(version, this.newest);
      this.day = day > this.day ? day : this.day;
      for (const [other, entry] of this.entries) if (entry.version < this.newest || entry.day < this.day) this.drop(other, entry);
    }
    if (version < this.newest || day < this.day) return null;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const entry: Entry = { key, version, day, bytes, gzipped: null, gzippedBytes: 0, contentType: 'application/json; charset=utf-8' };
    if (bytes.length >= GZIP_FROM_BYTES) {
      entry.gzipped = gzipped(bytes);
      entry.gzipped.then(
        (compressed) => {
          if (this.entries.get(key) !== entry) return;
          entry.gzippedBytes = compressed.length;
          this.bytes += compressed.length;
        },
        () => (entry.gzipped = null),
      );
    }
    this.entries.set(key, entry);
    this.bytes += bytes.length + key.length;
    for (const [other, entry] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.drop(other, entry);
    }
    return entry;
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes.length + entry.key.length + entry.gzippedBytes;
  }

  /**
   * In front of the GraphQL endpoint: a POSTed JSON request whose answer is
   * kept is answered here, without the endpoint's parsing and plugins (what
   * they would decide is in the key: the same request, roles and version got
   * this answer through them). Any other request goes on to `next` with its
   * body read.
   */
  async serve(req: IncomingMessage, res: ServerResponse, store: GraphStore, viewerFor: (header: (name: string) => string | null) => Promise<Viewer>, next: () => void): Promise<void> {
    const length = Number(req.headers['content-length'] ?? NaN);
    if (req.method !== 'POST' || !/^application\/json\b/i.test(req.headers['content-type'] ?? '') || !(length <= MAX_KEPT_REQUEST_BYTES)) return next();
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // The client went away while sending: there is nobody to answer.
      return void req.destroy();
    }
    const body = Buffer.concat(chunks);
    // The endpoint reads a body already read from here (a server framework's parsed body).
    (req as IncomingMessage & { body?: Buffer }).body = body;
    let params: Params;
    let viewer: Viewer;
    try {
      params = JSON.parse(body.toString('utf8')) as Params;
      viewer = await viewerFor((name) => headerOf(req, name));
    } catch {
      // The endpoint says what is wrong with the body or the credential.
      return next();
    }
    let version: number;
    try {
      version = await store.version();
    } catch {
      // A store that cannot say its version (a halted Neo4j): the endpoint says why, as it does for any store error.
      return next();
    }
    const hit = typeof params?.query === 'string' ? this.get(answerKey(version, viewer, headerOf(req, 'accept'), params)) : undefined;
    if (!hit) return next();
    const answer = await encoded(hit, headerOf(req, 'accept-encoding'));
    res.writeHead(200, {
      'content-type': hit.contentType,
      'content-length': answer.body.length,
      vary: 'accept-encoding',
      ...(answer.gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(answer.body);
  }

  /** The yoga plugin: answers a request from the cache, or keeps its answer when it may be shared. */
  plugin(store: GraphStore, viewerOf: (request: Request) => Promise<Viewer>): Plugin<Context> {
    const cache = this;
    type Miss = {
      key: string;
      version: number;
      day: string;
      shared?: boolean;
      params: Params;
      /** A refusal to keep, serialised: kept once its content type is known, as the endpoint answers it. */
      refusal?: Buffer;
      done: (entry: Pick<Entry, 'bytes' | 'gzipped'> | null) => void;
    };
    const pending = new WeakMap<Request, Miss>();
    /**
     * Answers being worked out, by key: right after a save every viewer of a
     * page misses at once, and all but the first wait for its answer rather
     * than work out the same one beside it.
     */
    const working = new Map<string, Promise<Pick<Entry, 'bytes' | 'gzipped'> | null>>();
    // The answer's bytes, put in place of the (empty) text yoga made: a hit is not encoded again.
    const answers = new WeakMap<Request, { body: Buffer; gzip: boolean; entry?: Entry | null }>();
    const finish = (request: Request, entry: Pick<Entry, 'bytes' | 'gzipped'> | null) => {
      const miss = pending.get(request);
      if (!miss) return;
      pending.delete(request);
      miss.done(entry);
    };
    return {
      async onParams({ request, params, setResult }) {
        if (!params.query) return;
        let viewer: Viewer;
        try {
          viewer = await viewerOf(request);
        } catch {
          // A credential that cannot be accepted: the gate and the context say why.
          return;
        }
        const version = await store.version();
        const day = today();
        const key = answerKey(version, viewer, request.headers.get('accept'), params);
        const hit = cache.get(key) ?? (await working.get(key));
        if (hit) {
          answers.set(request, await encoded(hit, request.headers.get('accept-encoding')));
          return setResult(EMPTY);
        }
        let done!: Miss['done'];
        const answer = new Promise<Pick<Entry, 'bytes' | 'gzipped'> | null>((resolve) => (done = resolve));
        // The first to miss works it out; one that missed after it failed works on its own.
        if (!working.has(key)) {
          working.set(key, answer);
          void answer.then(() => working.get(key) === answer && working.delete(key));
        }
        pending.set(request, { key, version, day, params, done });
        // A first request whose client goes away stops working for the others too: they go on alone.
        request.signal.addEventListener('abort', () => finish(request, null), { once: true });
      },
      onExecute({ args }) {
        const request = (args.contextValue as Context & { request: Request }).request;
        const miss = pending.get(request);
        if (!miss) return;
        const operation = getOperationAST(args.document, args.operationName);
        miss.shared = operation?.operation === 'query' && [...rootFieldNames(args.document, operation, args.variableValues ?? {})].every((name) => SHARED_ROOT_FIELDS.has(name));
        // The others need not wait for an answer that will not be shared.
        if (!miss.shared) finish(request, null);
      },
      onResultProcess({ request, result, setResult }) {
        const miss = pending.get(request);
        if (miss && answeredAsJson(request) && !Array.isArray(result) && !(Symbol.asyncIterator in result) && isKeptRefusal(result, miss.params)) {
          miss.refusal = Buffer.from(JSON.stringify(result));
          answers.set(request, { body: miss.refusal, gzip: false });
          return setResult(EMPTY);
        }
        if (!miss?.shared || !answeredAsJson(request) || Array.isArray(result) || Symbol.asyncIterator in result || result.errors?.length || result.extensions) return finish(request, null);
        // Serialised once, here: the same bytes are sent now and to every hit after.
        const bytes = Buffer.from(JSON.stringify(result));
        const entry = cache.set(miss.key, miss.version, miss.day, bytes);
        finish(request, entry ?? { bytes, gzipped: null });
        answers.set(request, { body: bytes, gzip: false, entry });
        setResult(EMPTY);
      },
      onResponse({ request, response, setResponse, fetchAPI }) {
        const refusal = pending.get(request)?.refusal;
        if (refusal) {
          const miss = pending.get(request)!;
          const entry = cache.set(miss.key, miss.version, miss.day, refusal);
          if (entry) entry.contentType = response.headers.get('content-type') ?? entry.contentType;
        }
        // However the request ended, nobody waits for it any longer.
        finish(request, null);
        const answer = answers.get(request);
        if (!answer) return;
        const headers = new fetchAPI.Headers(response.headers);
        if (answer.entry) answer.entry.contentType = headers.get('content-type') ?? answer.entry.contentType;
        headers.set('vary', 'accept-encoding');
        if (answer.gzip) headers.set('content-encoding', 'gzip');
        setResponse(new fetchAPI.Response(answer.body as Uint8Array<ArrayBuffer>, { status: response.status, headers }));
      },
    };
  }
}

/** What yoga encodes for an answer the cache sends itself: nothing. */
const EMPTY = { stringify: () => '' } as ExecutionResult;

/**
 * Whether the endpoint answers in JSON (the kept bytes are JSON): it does
 * whenever the client accepts a JSON type or anything, since it prefers them
 * to multipart and event streams.
 */
function answeredAsJson(request: Request): boolean {
  const accept = request.headers.get('accept');
  return !accept || /json|\*\/\*/i.test(accept);
}

/** A kept answer as the client takes it: compressed when it accepts gzip and the compressed copy is there. */
async function encoded(hit: Pick<Entry, 'bytes' | 'gzipped'>, acceptEncoding: string | null): Promise<{ body: Buffer; gzip: boolean }> {
  const compressed = hit.gzipped && /\bgzip\b/i.test(acceptEncoding ?? '') ? await hit.gzipped.catch(() => null) : null;
  return compressed ? { body: compressed, gzip: true } : { body: hit.bytes, gzip: false };
}

/** A request's params, as the GraphQL endpoint reads them from a JSON body. */
export interface Params {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/**
 * What an answer is kept under: the graph's version and the day, the
 * viewer's roles, the media types asked for (they decide the content type),
 * and the request itself.
 */
function answerKey(version: number, viewer: Viewer, accept: string | null, params: Params): string {
  return JSON.stringify([version, today(), rolesOf(viewer), mediaKey(accept), params.query, params.variables ?? null, params.operationName ?? null, params.extensions ?? null]);
}

/**
 * No Accept header, any type and plain JSON all get the endpoint's
 * application/json answer: one kept answer serves a script, a browser's fetch
 * and a client that names JSON. Any other Accept is kept apart, as sent.
 */
function mediaKey(accept: string | null): string {
  const type = (accept ?? '').trim().toLowerCase();
  return type === '' || type === '*/*' || type === 'application/json' ? 'application/json' : type;
}

/** What the answer may depend on of the viewer: its roles, and the actor its key is for. */
function rolesOf(viewer: Viewer): string {
  return `${[...viewer.roles].sort().join(',')}|${viewer.actorId ?? ''}`;
}
