/** What every gap and overlap rule produces: a finding a person can check and act on. */
import type { RuleId } from './rules.ts';
import { codeUnits } from './sort.ts';

/** Most severe first. */
export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** The rule's id, e.g. `goal-without-activity`: its name and how it decides are in FINDING_RULES. */
  rule: RuleId;
  /** A short Swedish headline. */
  title: string;
  severity: Severity;
  /** The nodes it concerns, by id, most important first. */
  subjects: string[];
  /** Why, in Swedish: which nodes, which rule, which numbers. */
  evidence: string;
  /** What a user could do about it, in Swedish; null when the finding speaks for itself. */
  action: string | null;
  /** The numbers behind the finding, by name. */
  metrics: Record<string, number>;
  /** The items a grouped finding holds (an activity's empty cells), each with what to do; absent for one of a kind. */
  parts?: FindingPart[];
  /** Where it belongs, for filtering: målområden, områden and actors it touches. */
  scope: { targetAreas: string[]; areas: string[]; actors: string[] };
}

export interface FindingPart {
  /** Stable within its rule, e.g. `period`. */
  key: string;
  /** In Swedish, e.g. "Tid saknas". */
  label: string;
  action: string;
}

export interface FindingFilter {
  targetArea?: string | null;
  area?: string | null;
  actor?: string | null;
  rules?: readonly string[] | null;
  severities?: readonly Severity[] | null;
}

const SEVERITY_ORDER: Record<Severity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Swedish sort order (å, ä, ö last). One collator: `localeCompare(x, 'sv')` builds one per call. */
export const swedish = new Intl.Collator('sv');

/**
 * Findings that match every given filter, most severe first, then by rule and title. Grouped by
 * rule and severity first, so that each title is sorted among its own group's only: fewer
 * comparisons in all, each of them the collator's, which is most of the time here (sorting the
 * national graph's 30,000 gap titles alone took 160 ms; this whole step 247 ms before, 215 ms so).
 * Each sort is stable, as one sort of them all would be.
 */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter = {}): Finding[] {
  // One pass, not a copy of every finding per filter.
  const kept = findings.filter((f) => (!filter.rules?.length || filter.rules.includes(f.rule))
    && (!filter.severities?.length || filter.severities.includes(f.severity))
    && (!filter.targetArea || f.scope.targetAreas.includes(filter.targetArea))
    && (!filter.area || f.scope.areas.includes(filter.area))
    && (!filter.actor || f.scope.actors.includes(filter.actor) || f.subjects.includes(filter.actor)));
  const groups = [...Map.groupBy(kept, (f) => f.rule).values()]
    .map((group) => Map.groupBy(group, (f) => f.severity))
    .flatMap((bySeverity) => [...bySeverity.values()])
    .sort((a, b) => SEVERITY_ORDER[a[0]!.severity] - SEVERITY_ORDER[b[0]!.severity] || codeUnits(a[0]!.rule, b[0]!.rule));
  return groups.flatMap((group) => group.sort((a, b) => swedish.compare(a.title, b.title)));
}

/** A share as the Swedish texts write it: "75 %". */
export const percent = (x: number): string => `${Math.round(x * 100)} %`;

/** Quotes a name the way the Swedish texts do. */
export const q = (name: string): string => `”${name}”`;

/** "A, B och C" */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}

/**
 * The distinct values `of` gives for the items, in the order first seen: a finding's målområden
 * from its goals, say. As `[...new Set(items.flatMap(of))]`, without the flattened copy.
 */
export function distinct<T>(items: Iterable<T>, of: (item: T) => readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const item of items) for (const value of of(item) ?? []) seen.add(value);
  return [...seen];
}

/** Jaccard similarity of two sets: shared / all. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
