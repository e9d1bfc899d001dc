/**
 * Guessing personal links: each address may send a few tokens that open
 * nothing per window; beyond that every respondent request from it is refused
 * with 429 until the window ends, so a guess costs a minute per few tries
 * (and a 256-bit token is out of reach anyway). Kept in memory per instance:
 * a restart forgets, which only helps whoever waited.
 */
export class GuessLimit {
  private readonly misses = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly allowed = 10,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may now. */
  retryAfter(address: string): number {
    const entry = this.misses.get(address);
    if (!entry || entry.resetAt <= this.now()) return 0;
    return entry.count >= this.allowed ? Math.ceil((entry.resetAt - this.now()) / 1000) : 0;
  }

  /** Counts a token that opened nothing. */
  miss(address: string): void {
    const now = this.now();
    const entry = this.misses.get(address);
    if (!entry || entry.resetAt <= now) this.misses.set(address, { count: 1, resetAt: now + this.windowMs });
    else entry.count++;
    // Old windows are dropped as they are met, so the map holds only recent guessers.
    if (this.misses.size > 10_000) for (const [key, e] of this.misses) if (e.resetAt <= now) this.misses.delete(key);
  }
}
