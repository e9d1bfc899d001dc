import type { ChangeEntry } from '../api/documents.ts';
import { formatTime } from '../api/mutations.ts';
import { label, sv } from '../i18n/sv.ts';

/**
 * Left out of "what changed": bookkeeping every write changes, and the
 * confirmation, which confirmForum already says by its name.
 */
const UNTOLD = new Set(['id', 'version', 'updatedAt', 'createdAt', 'confirmedAt', 'confirmedBy']);
/** A seat or link record's own keys: its ends and its type, which never change in an update of it. */
const LINK_KEYS = new Set(['type', 'from', 'to', 'props']);
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
  const named = sv.roles[text] ?? sv.forums.levels[text] ?? sv.levels[text] ?? sv.collaborationTypes[text] ?? sv.kinds[text] ?? text;
  return named.length > QUOTED ? null : named;
}

/** A list of links (a forum's members, an activity's ansvar) as their other ends, each with what it holds but its version. */
function linkEnds(value: unknown, nodeId: string): Map<string, string> | null {
  if (!Array.isArray(value) || !value.length || !value.every(isLink)) return null;
  return new Map(
    value.map((link) => {
      const { version: _version, ...props } = (link.props ?? {}) as Json;
      return [link.from === nodeId ? link.to : link.from, JSON.stringify(props)];
    }),
  );
}

/** A list set whole by an update, told by who came and who went: "medlemmar (+ Polisen, − KUF)"; null when it is no such list. */
function linkListChange(was: unknown, is: unknown, nodeId: string, nameOf: (id: string) => string | undefined): string[] | null {
  const [before, after] = [linkEnds(was, nodeId), linkEnds(is, nodeId)];
  if (!before && !after) return null;
  const [b, a] = [before ?? new Map<string, string>(), after ?? new Map<string, string>()];
  const name = (id: string) => nameOf(id) ?? id;
  return [
    ...[...a.keys()].filter((id) => !b.has(id)).map((id) => `+ ${name(id)}`),
    ...[...b.keys()].filter((id) => !a.has(id)).map((id) => `− ${name(id)}`),
    ...[...a.keys()].filter((id) => b.has(id) && b.get(id) !== a.get(id)).map((id) => `${sv.history.changedLink} ${name(id)}`),
  ];
}

/** An empty list and a field never set read alike: neither is a change. */
const same = (x: unknown, y: unknown) => JSON.stringify(empty(x)) === JSON.stringify(empty(y));
const empty = (v: unknown) => (v === undefined || (Array.isArray(v) && !v.length) ? null : v);

/**
 * What an update changed: each field by its Swedish name, with old → new where
 * the values are short, and a list of links by the ends that came and went.
 * None for a creation or a removal.
 */
export function changedFields(before: string | null, after: string | null, nodeId = '', nameOf: (id: string) => string | undefined = () => undefined): string[] {
  const b = parse(before);
  const a = parse(after);
  if (!b || !a) return [];
  const was = flat(b);
  const is = flat(a);
  const link = isLink(b) || isLink(a);
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((k) => !UNTOLD.has(k) && !(link && LINK_KEYS.has(k)));
  return keys.flatMap((k) => {
    const name = label(sv.history.fields, k);
    const links = linkListChange(was[k], is[k], nodeId, nameOf);
    if (links) return links.length ? [`${name} (${links.join(', ')})`] : [];
    if (same(was[k], is[k])) return [];
    const [from, to] = [shown(was[k]), shown(is[k])];
    return [from !== null && to !== null ? `${name} ${from} → ${to}` : name];
  });
}

/**
 * One line of the history panel: when, who, what. A write on a seat or a link
 * names the node at its other end, by `nameOf` where the view knows the name.
 */
export function changeLine(change: ChangeEntry, nodeId: string, nameOf: (id: string) => string | undefined = () => undefined): { when: string; who: string; what: string } {
  const link = [parse(change.after), parse(change.before)].find(isLink);
  const other = link ? (link.from === nodeId ? link.to : link.from) : null;
  const parts = [other ? (nameOf(other) ?? other) : '', ...changedFields(change.before, change.after, nodeId, nameOf)].filter(Boolean);
  const operation = label(sv.history.operations, change.operation);
  return { when: formatTime(change.at), who: change.byName ?? sv.edit.someone, what: parts.length ? `${operation}: ${parts.join(', ')}` : operation };
}
