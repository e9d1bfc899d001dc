/** Replaces the query string without a reload, so the address bar always reproduces the view. */
export function setParams(update: Record<string, string | null | undefined>): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  history.replaceState(history.state, '', url);
}

/** A parameter that must be one of a known set; anything else (an old or mistyped link) reads as null. */
export function oneOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | null {
  const value = params.get(key);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * A view's filters, kept in the query string: read from it when the view
 * starts (a value outside `allowed` reads as none), written back on every
 * change, so a link reproduces the filtered view.
 */
export class UrlFilters<K extends string> {
  readonly values = {} as Record<K, string | null>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Text typed but not yet set: another filter set meanwhile takes it along. */
  private pending: { key: K; value: string } | null = null;

  constructor(
    private readonly keys: readonly K[],
    params: URLSearchParams,
    allowed: Partial<Record<K, readonly string[]>> = {},
  ) {
    for (const key of keys) this.values[key] = allowed[key] ? oneOf(params, key, allowed[key]) : params.get(key) || null;
  }

  get any(): boolean {
    return this.keys.some((k) => this.values[k] !== null);
  }

  set(key: K, value: string | null): void {
    const pending = this.pending;
    this.stop();
    if (pending && pending.key !== key) this.write(pending.key, pending.value);
    this.write(key, value);
  }

  private write(key: K, value: string | null): void {
    this.values[key] = value?.trim() || null;
    setParams({ [key]: this.values[key] });
  }

  /** For typed text: set once the user pauses, so each key press does not start a request. */
  setLater(key: K, value: string, apply: () => void, delayMs = 300): void {
    this.stop();
    this.pending = { key, value };
    this.timer = setTimeout(() => {
      this.set(key, value);
      apply();
    }, delayMs);
  }

  clear(): void {
    this.stop();
    for (const key of this.keys) this.values[key] = null;
    setParams(Object.fromEntries(this.keys.map((k) => [k, null])));
  }

  /** When the view goes: a pending text must not write into the next view's address. */
  stop(): void {
    clearTimeout(this.timer);
    this.pending = null;
  }
}
