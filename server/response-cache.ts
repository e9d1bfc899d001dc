import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context, Viewer } from './schema/context.ts';
import type { GraphStore } from './store/port.ts';
import { rootFieldNames } from './auth/field-roles.ts';
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
  version: number;
  day: string;
  bytes: Buffer;
  /** The same, gzip-compressed off the event loop, for clients that accept it; null when too small to be worth it. */
  gzipped: Promise<Buffer> | null;
  gzippedBytes: number;
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
 * Only answers without errors are kept, and only for the shared root fields.
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

  get(key: string): Pick<Entry, 'bytes' | 'gzipped'> | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Least recently used goes first: a hit moves to the back.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, version: number, day: string, bytes: Buffer): void {
    if (bytes.length > this.limits.bytes) return;
    if (version > this.newest || day > this.day) {
      // No request asks for an older version, or an earlier day, once a newer one has been read.
      this.newest = Math.max(version, this.newest);
      this.day = day > this.day ? day : this.day;
      for (const [other, entry] of this.entries) if (entry.version < this.newest || entry.day < this.day) this.drop(other, entry);
    }
    if (version < this.newest || day < this.day) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const entry: Entry = { version, day, bytes, gzipped: null, gzippedBytes: 0 };
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
    this.bytes += bytes.length;
    for (const [other, entry] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.drop(other, entry);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes.length + entry.gzippedBytes;
  }

  /** The yoga plugin: answers a request from the cache, or keeps its answer when it may be shared. */
  plugin(store: GraphStore, viewerOf: (request: Request) => Promise<Viewer>): Plugin<Context> {
    const cache = this;
    const pending = new WeakMap<Request, { key: string; version: number; day: string; shared?: boolean }>();
    // The answer's bytes, put in place of the (empty) text yoga made: a hit is not encoded again.
    const answers = new WeakMap<Request, { body: Buffer; gzip: boolean }>();
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
        const key = JSON.stringify([version, day, rolesOf(viewer), params.query, params.variables ?? null, params.operationName ?? null, params.extensions ?? null]);
        const hit = cache.get(key);
        if (hit) {
          const compressed = hit.gzipped && acceptsGzip(request) ? await hit.gzipped.catch(() => null) : null;
          answers.set(request, compressed ? { body: compressed, gzip: true } : { body: hit.bytes, gzip: false });
          return setResult(EMPTY);
        }
        pending.set(request, { key, version, day });
      },
      onExecute({ args }) {
        const request = (args.contextValue as Context & { request: Request }).request;
        const miss = pending.get(request);
        if (!miss) return;
        const operation = getOperationAST(args.document, args.operationName);
        miss.shared = operation?.operation === 'query' && [...rootFieldNames(args.document, operation, args.variableValues ?? {})].every((name) => SHARED_ROOT_FIELDS.has(name));
      },
      onResultProcess({ request, result, setResult }) {
        const miss = pending.get(request);
        pending.delete(request);
        if (!miss?.shared || Array.isArray(result) || Symbol.asyncIterator in result) return;
        if (result.errors?.length || result.extensions) return;
        // Serialised once, here: the same bytes are sent now and to every hit after.
        const bytes = Buffer.from(JSON.stringify(result));
        cache.set(miss.key, miss.version, miss.day, bytes);
        answers.set(request, { body: bytes, gzip: false });
        setResult(EMPTY);
      },
      onResponse({ request, response, setResponse, fetchAPI }) {
        const answer = answers.get(request);
        if (!answer) return;
        const headers = new fetchAPI.Headers(response.headers);
        headers.set('vary', 'accept-encoding');
        if (answer.gzip) headers.set('content-encoding', 'gzip');
        setResponse(new fetchAPI.Response(answer.body as Uint8Array<ArrayBuffer>, { status: response.status, headers }));
      },
    };
  }
}

/** What yoga encodes for an answer the cache sends itself: nothing. */
const EMPTY = { stringify: () => '' } as ExecutionResult;

function acceptsGzip(request: Request): boolean {
  return /\bgzip\b/i.test(request.headers.get('accept-encoding') ?? '');
}

/** What the answer may depend on of the viewer: its roles, and the actor its key is for. */
function rolesOf(viewer: Viewer): string {
  return `${[...viewer.roles].sort().join(',')}|${viewer.actorId ?? ''}`;
}
