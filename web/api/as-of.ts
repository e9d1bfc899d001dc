/*
 * The day the whole app reads the map as of: `?datum=ÅÅÅÅ-MM-DD` in the
 * address, so a shared link shows the same day; none is today. Every query
 * gets it as `$asOf` (a query that does not declare the variable ignores it).
 */

export { today } from '../../server/domain/days.ts';

export const DAY_PARAM = 'datum';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A well-formed calendar day, or null (an old or mistyped link reads as today). */
export function dayOrNull(value: string | null | undefined): string | null {
  if (!value || !ISO_DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** The day in the address, or null for today. */
export function currentDay(): string | null {
  return dayOrNull(new URLSearchParams(window.location.search).get(DAY_PARAM));
}

/** A link to another view that keeps the day. */
export function keepingDay(path: string): string {
  const day = currentDay();
  return day ? `${path}?${DAY_PARAM}=${day}` : path;
}
