import { today } from '../domain/days.ts';

/**
 * Reports computed once per graph version and day, shared by every request
 * until the next write: the graph changes only when someone saves, so 200
 * strategists opening Luckor at once need one read of it, not 200. The day is
 * part of the key because some rules read the clock (a forum's confirmation
 * falls due without any write).
 */
export class ReportCache {
  private readonly entries = new Map<string, { version: number; value: Promise<unknown> }>();

  /** At most `maxEntries` reports are kept, the least recently used going first. */
  constructor(readonly maxEntries = 16) {}

  get size(): number {
    return this.entries.size;
  }

  get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    const day = today();
    const id = `${version}|${day}|${key}`;
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value as Promise<T>;
    }
    // Nothing asks for an older version again once a newer one has been read.
    for (const [other, entry] of this.entries) if (entry.version < version || !other.includes(`|${day}|`)) this.entries.delete(other);
    const value = compute();
    this.entries.set(id, { version, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => this.entries.delete(id));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
