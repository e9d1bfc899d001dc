import type { ChangeEntry } from '../api/documents.ts';
import { formatTime } from '../api/mutations.ts';
import { label, sv } from '../i18n/sv.ts';

/**
 * Left out of "what changed": bookkeeping every write changes, and the
 * confirmation, which confirmForum already says by its name.
 */
const UNTOLD = new Set(['id', 'version', 'updatedAt', 'createdAt', 'confirmedAt', 'confirmedBy', 'type', 'from', 'to']);
/** Values longer than this are named, not quoted: a changed purpose is told as "syfte". */
const QUOTED = 60;

type Json = Record<string, unknown>;

function parse(json: string | null): Json | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** A relationship (a seat, a link) is recorded with its ends and its own properties; these read as fields. */
const isLink = (j: Json | null): j is Json & { from: string; to: string } => !!j && typeof j.from === 'string' && typeof j.to === 'string' && 'type' in j;
const flat = (j: Json): Json => (isLink(j) && j.props && typeof j.props === 'object' ? { ...j, ...(j.props as Json), props: undefined } : j);

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return sv.common.none;
  if (typeof value === 'object') return null;
  const text = String(value);
  const named = sv.roles[text] ?? sv.forums.levels[text] ?? sv.levels[text] ?? text;
  return named.length > QUOTED ? null : named;
}

/** What an update changed: each field by its Swedish name, with old → new where the values are short. None for a creation or a removal. */
export function changedFields(before: string | null, after: string | null): string[] {
  const b = parse(before);
  const a = parse(after);
  if (!b || !a) return [];
  const was = flat(b);
  const is = flat(a);
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((k) => !UNTOLD.has(k) && k !== 'props');
  return keys
    .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]))
    .map((k) => {
      const [from, to] = [shown(was[k]), shown(is[k])];
      const name = label(sv.history.fields, k);
      return from !== null && to !== null ? `${name} ${from} → ${to}` : name;
    });
}

/**
 * One line of the history panel: when, who, what. A write on a seat or a link
 * names the node at its other end, by `nameOf` where the view knows the name.
 */
export function changeLine(change: ChangeEntry, nodeId: string, nameOf: (id: string) => string | undefined = () => undefined): { when: string; who: string; what: string } {
  const link = [parse(change.after), parse(change.before)].find(isLink);
  const other = link ? (link.from === nodeId ? link.to : link.from) : null;
  const parts = [other ? (nameOf(other) ?? other) : '', ...changedFields(change.before, change.after)].filter(Boolean);
  const operation = label(sv.history.operations, change.operation);
  return { when: formatTime(change.at), who: change.byName ?? sv.edit.someone, what: parts.length ? `${operation}: ${parts.join(', ')}` : operation };
}
