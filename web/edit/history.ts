import type { ChangeEntry } from '../api/documents.ts';
import { formatTime } from '../api/mutations.ts';
import { label, sv } from '../i18n/sv.ts';

/** Bookkeeping every write changes: naming it would bury what the editor changed. */
const UNTOLD = new Set(['id', 'version', 'updatedAt', 'createdAt']);

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The fields an update changed, by their Swedish names; none for a creation or a removal, which change all. */
export function changedFields(before: string | null, after: string | null): string[] {
  const b = parse(before);
  const a = parse(after);
  if (!b || !a) return [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !UNTOLD.has(k));
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => label(sv.history.fields, k));
}

/** One line of the history panel: when, who, what. */
export function changeLine(change: ChangeEntry): { when: string; who: string; what: string } {
  const fields = changedFields(change.before, change.after);
  const operation = label(sv.history.operations, change.operation);
  return { when: formatTime(change.at), who: change.byName ?? sv.edit.someone, what: fields.length ? `${operation}: ${fields.join(', ')}` : operation };
}
