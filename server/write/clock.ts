let last = 0;

/**
 * Now, as an ISO 8601 string in UTC, but always later than the previous call:
 * the audit trail orders changes by this time, and two writes within one
 * millisecond must still come out in the order they were made.
 */
export function changeTime(now = Date.now()): string {
  last = Math.max(now, last + 1);
  return new Date(last).toISOString();
}
