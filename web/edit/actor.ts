import type { ActorSummary } from '../api/documents.ts';
import { sv } from '../i18n/sv.ts';
import { text } from './text.ts';

/** An actor as its form holds it. */
export interface ActorDraft {
  name: string;
  shortName: string;
  kind: string;
  /** The organisations it is part of (PART_OF). */
  partOfIds: string[];
}

export const emptyActorDraft = (name = ''): ActorDraft => ({ name, shortName: '', kind: '', partOfIds: [] });

export function actorDraft(actor: Pick<ActorSummary, 'name' | 'shortName' | 'kind'> & { partOf: { id: string }[] }): ActorDraft {
  return { name: actor.name, shortName: actor.shortName ?? '', kind: actor.kind, partOfIds: actor.partOf.map((a) => a.id) };
}

/** What the server would refuse anyway: a name and a kind. */
export function checkActorDraft(draft: ActorDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = sv.edit.required;
  if (!draft.kind) errors.kind = sv.edit.chooseKind;
  return errors;
}

/** The whole form as createActor and updateActor name it: an empty short name is null. */
export function actorInput(draft: ActorDraft): Record<string, unknown> {
  return { name: draft.name.trim(), shortName: text(draft.shortName), kind: draft.kind, partOfIds: draft.partOfIds };
}

/** An actor as pickers show it and match it: its name, and its short name in brackets. */
export const actorLabel = (actor: Pick<ActorSummary, 'name' | 'shortName'>): string => (actor.shortName ? `${actor.name} (${actor.shortName})` : actor.name);

/** Lower case, without diacritics, spaces or punctuation: "Arbetslivsförvaltningen" and "arbetslivs-forvaltningen" read alike. */
const folded = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{Letter}\p{Number}]/gu, '');

/** The actor a typed text names exactly: by name, short name, or the two as pickers show them; ignoring case. */
export function actorNamed(actors: readonly ActorSummary[], typed: string): ActorSummary | undefined {
  const wanted = typed.trim().toLocaleLowerCase('sv');
  if (!wanted) return undefined;
  return actors.find((a) => [a.name, a.shortName ?? '', actorLabel(a)].some((n) => n.toLocaleLowerCase('sv') === wanted));
}

/** Edits that turn one text into the other, for telling a typo from another name. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Shorter texts than this are too common inside names to say anything. */
const CONTAINED = 4;
const MOST = 3;

/**
 * The actors a new name likely means already: the same name written another
 * way (case, diacritics, punctuation), a typo or two, one name inside the
 * other, or its short name. Closest first, three at most.
 */
export function likelyDuplicates(actors: readonly ActorSummary[], typed: string, except?: string): ActorSummary[] {
  const wanted = folded(typed);
  if (wanted.length < 2) return [];
  const scored = actors.flatMap((actor) => {
    if (actor.id === except) return [];
    const name = folded(actor.name);
    const short = folded(actor.shortName ?? '');
    const typos = distance(wanted, name);
    const inside = Math.min(wanted.length, name.length) >= CONTAINED && (name.includes(wanted) || wanted.includes(name));
    if (wanted === name || wanted === short) return [{ actor, score: 0 }];
    if (typos <= Math.max(1, Math.floor(name.length / 8))) return [{ actor, score: 1 + typos }];
    if (inside) return [{ actor, score: 10 + Math.abs(name.length - wanted.length) }];
    return [];
  });
  return scored
    .sort((a, b) => a.score - b.score || a.actor.name.localeCompare(b.actor.name, 'sv'))
    .slice(0, MOST)
    .map((s) => s.actor);
}
