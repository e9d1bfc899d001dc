/*
 * How the names and texts people type are matched to the map's: tolerant of
 * case, spacing, line breaks and hyphens ("AB-bostäder" is "AB Bostäder",
 * "fritids-\noch kulturaktiviteter" is "fritids- och kulturaktiviteter"), never
 * of a different word. What does not match is offered the closest candidates.
 */

/** A text reduced to what a match compares: lower case, one space between words, no trailing full stop. */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '')
    .trim();
}

/** Letter pairs of a normalized text, for the similarity below. */
function bigrams(text: string): Map<string, number> {
  const padded = ` ${text} `;
  const pairs = new Map<string, number>();
  for (let i = 0; i < padded.length - 1; i++) {
    const pair = padded.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/** Sørensen–Dice over letter pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(normalize(a));
  const y = bigrams(normalize(b));
  let shared = 0;
  let total = 0;
  for (const [pair, n] of x) {
    shared += Math.min(n, y.get(pair) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * shared) / total : 0;
}

export interface Candidate {
  id: string;
  /** The texts it is known by (a name and a short name); the best one counts. */
  texts: string[];
}

/** The candidates most like `text`, best first: at most `most`, none below `floor`. */
export function closest<T extends Candidate>(text: string, candidates: Iterable<T>, most = 3, floor = 0.35): T[] {
  const scored: { candidate: T; score: number }[] = [];
  for (const candidate of candidates) {
    const score = Math.max(...candidate.texts.map((t) => similarity(text, t)));
    if (score >= floor) scored.push({ candidate, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, most).map((s) => s.candidate);
}

/** One piece of a cell: its text and where it starts in the cell. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** A run of consecutive pieces, joined as they stand in the cell, and what it matched. */
export interface Segment<T> {
  text: string;
  start: number;
  match: T | undefined;
}

/**
 * Splits `cell` into pieces at `separator` and groups consecutive pieces into
 * the fewest unmatched segments: a longer run that `lookup` knows wins over its
 * parts, so "Gymnasie- och vuxenutbildningsförvaltningen" stays one name and
 * an effektmål broken over three lines is one goal.
 */
export function segment<T>(cell: string, separator: RegExp, lookup: (text: string) => T | undefined): Segment<T>[] {
  const pieces = split(cell, separator);
  const n = pieces.length;
  // best[i]: the fewest unmatched segments covering pieces i…n-1, and the first segment's end.
  const best: { cost: number; next: number; match: T | undefined }[] = new Array(n + 1);
  best[n] = { cost: 0, next: n, match: undefined };
  for (let i = n - 1; i >= 0; i--) {
    best[i] = { cost: 1 + best[i + 1]!.cost, next: i + 1, match: undefined };
    for (let j = n; j > i; j--) {
      const match = lookup(cell.slice(pieces[i]!.start, pieces[j - 1]!.end));
      if (match !== undefined && best[j]!.cost < best[i]!.cost) best[i] = { cost: best[j]!.cost, next: j, match };
    }
  }
  const segments: Segment<T>[] = [];
  for (let i = 0; i < n; i = best[i]!.next) {
    segments.push({ text: cell.slice(pieces[i]!.start, pieces[best[i]!.next - 1]!.end).trim(), start: pieces[i]!.start, match: best[i]!.match });
  }
  return segments;
}

/** The non-blank pieces of `cell` between matches of `separator` (a global regex). */
export function split(cell: string, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  const add = (from: number, to: number) => {
    const raw = cell.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) pieces.push({ text, start: from + lead, end: from + lead + text.length });
  };
  for (const m of cell.matchAll(separator)) {
    add(at, m.index);
    at = m.index + m[0].length;
  }
  add(at, cell.length);
  return pieces;
}
