/** A forum's convenor confirms its data at least this often (DESIGN.md: the inventory is kept current). */
export const CONFIRM_MONTHS = 12;

/** The moment before which a confirmation is too old on `now`: CONFIRM_MONTHS months back. */
export function confirmationCutoff(now: Date = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - CONFIRM_MONTHS);
  return cutoff;
}

/** When a forum confirmed at `confirmedAt` must be confirmed again; null: never confirmed, so now. */
export function confirmationDueAt(confirmedAt: string | null | undefined): Date | null {
  if (!confirmedAt) return null;
  const due = new Date(confirmedAt);
  due.setMonth(due.getMonth() + CONFIRM_MONTHS);
  return due;
}
