import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from './auth/session.ts';

/** Requests per second for each kind of client; 0 is no limit for that kind. */
export interface RateLimits {
  anonymous: number;
  keyed: number;
}

/** How many requests one client may have running at once, by kind: a slow query ties up no more. */
const CONCURRENT = { anonymous: 4, keyed: 8 } as const;
/** A client may save up this many seconds of its rate for a burst (a page opening several views). */
const BURST_SECONDS = 2;
/** Clients unseen this long are forgotten, so the table does not grow with every address. */
const IDLE_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
  running: number;
}

type Kind = keyof RateLimits;

/**
 * Who a request comes from: a key or token by its hash, a browser session by
 * its cookie, anyone else by address. A made-up key is a client of its own,
 * but it is refused at once (401) and costs one lookup.
 */
function clientOf(req: IncomingMessage): { kind: Kind; id: string } {
  const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
  const authorization = req.headers.authorization;
  if (authorization) return { kind: 'keyed', id: `key:${hash(authorization)}` };
  const session = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (session) return { kind: 'keyed', id: `session:${hash(session)}` };
  return { kind: 'anonymous', id: `ip:${req.socket.remoteAddress ?? ''}` };
}

/**
 * A token bucket and a count of running requests per client, for /graphql:
 * one client cannot take the server's time from the others. Over either
 * limit the request is answered 429 with Retry-After before anything runs.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = performance.now();

  constructor(readonly limits: RateLimits) {}

  /** Admits the request (true; its slot is freed when the response closes) or answers it 429 (false). */
  admit(req: IncomingMessage, res: ServerResponse): boolean {
    const { kind, id } = clientOf(req);
    const rate = this.limits[kind];
    if (rate <= 0) return true;
    const now = performance.now();
    this.sweep(now);
    const capacity = rate * BURST_SECONDS;
    const bucket = this.buckets.get(id) ?? { tokens: capacity, at: now, running: 0 };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(id, bucket);
    if (bucket.running >= CONCURRENT[kind]) {
      refuse(res, 1, `högst ${CONCURRENT[kind]} frågor åt gången per klient; vänta tills en är klar`);
      return false;
    }
    if (bucket.tokens < 1) {
      refuse(res, Math.max(1, Math.ceil((1 - bucket.tokens) / rate)), `högst ${rate} ${rate === 1 ? "fråga" : "frågor"} per sekund per klient${kind === 'anonymous' ? ' utan nyckel' : ''}`);
      return false;
    }
    bucket.tokens -= 1;
    bucket.running += 1;
    res.once('close', () => (bucket.running -= 1));
    return true;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < IDLE_MS) return;
    this.lastSweep = now;
    for (const [id, bucket] of this.buckets) if (bucket.running === 0 && now - bucket.at > IDLE_MS) this.buckets.delete(id);
  }
}

function refuse(res: ServerResponse, retryAfter: number, limit: string): void {
  res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter) });
  res.end(JSON.stringify({ errors: [{ message: `För många frågor: ${limit}. Försök igen om ${retryAfter} s.`, extensions: { code: 'RATE_LIMITED', retryAfter } }] }));
}
