/*
 * The calendar day, as the city counts it. One rule for every date the app
 * compares or shows (the day the map is read as of, validity, assessments,
 * survey rounds, the report cache's day, captions): a round closed at 00:30 in
 * Borås dates its assessment on a day that today's map already includes,
 * which a UTC day would not until 01:00 or 02:00.
 */

/** Borås's time zone, for every date and time the app writes out. */
export const BORAS_TIME_ZONE = 'Europe/Stockholm';

const BORAS_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: BORAS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const BORAS_LONG_DAY = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: BORAS_TIME_ZONE });

/** Today in Borås, ÅÅÅÅ-MM-DD. */
export function today(now = new Date()): string {
  return BORAS_DAY.format(now);
}

/** A day in Borås as a printed page writes it: "4 december 2026". */
export function longDay(now = new Date()): string {
  return BORAS_LONG_DAY.format(now);
}

/** The day in Borås an ISO timestamp falls on, ÅÅÅÅ-MM-DD. */
export function dayOf(instant: string): string {
  return BORAS_DAY.format(new Date(instant));
}

/** ÅÅÅÅ-MM-DD `days` calendar days after today in Borås (before, when negative). */
export function daysFromToday(days: number, now = new Date()): string {
  const day = new Date(`${today(now)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The last millisecond of a day in Borås: in winter 22:59:59.999 UTC, in summer 21:59:59.999. */
export function endOfDay(day: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const end = new Date(`${day}T23:59:59.999${offset}`);
    if (BORAS_DAY.format(end) === day && BORAS_DAY.format(new Date(end.getTime() + 1)) !== day) return end;
  }
  throw new RangeError(`${day} är inget datum`);
}
