/** Today as ÅÅÅÅ-MM-DD in UTC: the day the map is read as of when no date is given, and the report cache's day. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
