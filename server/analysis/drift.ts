/**
 * Drift to the left ("strömmen åt vänster", TAXONOMY.md): rules over a
 * collaboration's consecutive assessments, each finding naming its rule, its
 * assessments (by date) and its numbers, in Swedish.
 */
import { LAYER_KEYS, type LayerKey, layerLabel } from '../domain/instrument.ts';
import { EPSILON, formatScore, type ScoredAssessment } from './taxonomy.ts';

export type DriftRule = 'LAYER_FALL' | 'REPEATED_FALL' | 'GAP_WIDENS' | 'DEPTH_LOSS';

export const DRIFT_TITLES: Record<DriftRule, string> = {
  LAYER_FALL: 'Ett skikt har sjunkit minst en nivå',
  REPEATED_FALL: 'Ett skikt har sjunkit två gånger i rad',
  GAP_WIDENS: 'Gapet till målnivån har vuxit',
  DEPTH_LOSS: 'Djupet tappar medan formen består',
};

/** How far a layer must fall between two assessments (LAYER_FALL), twice in a row (REPEATED_FALL), or the gap grow (GAP_WIDENS). */
export const FALL = 1;
export const REPEATED_FALL = 0.5;
export const GAP_GROWTH = 1;
/**
 * What counts as C "falling" while A holds. Half a level is the smallest
 * change one respondent's answer can make to a layer, so anything less is a
 * median moving between respondents rather than a shared loss of depth.
 */
export const DEPTH_FALL = 0.5;

export interface DriftFinding {
  rule: DriftRule;
  title: string;
  /** The layer it concerns; null when it is about the overall level (a direct placement has no layers). */
  layer: LayerKey | null;
  /** The assessments compared, oldest first. */
  assessments: { id: string; date: string }[];
  /** The compared numbers, in the order the evidence gives them. */
  values: number[];
  evidence: string;
  /** Whether it ends at the collaboration's latest assessment. */
  current: boolean;
}

export interface Drift {
  /** True when a finding ends at the latest assessment: the collaboration is drifting now. */
  flagged: boolean;
  /** Every finding over the history, oldest first. */
  findings: DriftFinding[];
}

const falls = (from: number, to: number, by: number) => from - to + EPSILON >= by;
const levels = (n: number) => `${formatScore(n)} ${Math.abs(n) === 1 ? 'nivå' : 'nivåer'}`;
const between = (a: ScoredAssessment, b: ScoredAssessment) => `mellan skattningarna ${a.date} och ${b.date}`;
const provisionalNote = (steps: ScoredAssessment[]) =>
  steps.some((s) => s.provisional) ? ' Minst en av skattningarna är preliminär.' : '';

type Found = Omit<DriftFinding, 'current'>;

function finding(rule: DriftRule, layer: LayerKey | null, steps: ScoredAssessment[], values: number[], evidence: string): Found {
  return {
    rule,
    title: DRIFT_TITLES[rule],
    layer,
    assessments: steps.map(({ id, date }) => ({ id, date })),
    values,
    evidence: `${evidence}${provisionalNote(steps)}`,
  };
}

/**
 * The target of one layer (or of the overall level when layer is null): the
 * level set on the collaboration itself when there is one, as a decision it
 * wins over what respondents answered; otherwise the respondents' target.
 */
function targetOf(a: ScoredAssessment, layer: LayerKey | null, fixed: number | null): number | null {
  if (fixed !== null) return fixed;
  return layer === null ? a.targetLevel : (a.targets?.[layer] ?? null);
}

/** The gap to target (target − actual) of one layer, or of the overall level when layer is null. */
function gapOf(a: ScoredAssessment, layer: LayerKey | null, fixed: number | null): number | null {
  const target = targetOf(a, layer, fixed);
  if (target === null) return null;
  if (layer === null) return target - a.level;
  return a.layers ? target - a.layers[layer] : null;
}

/** The layers two assessments can be compared on; [null] (the overall level) when either has no profile. */
const comparable = (...steps: ScoredAssessment[]): (LayerKey | null)[] => (steps.every((s) => s.layers) ? [...LAYER_KEYS] : [null]);
const scoreOf = (a: ScoredAssessment, layer: LayerKey | null) => (layer === null ? a.level : a.layers![layer]);
const subject = (layer: LayerKey | null) => (layer === null ? 'Nivån' : `Skikt ${layerLabel(layer)}`);

function layerFalls(prev: ScoredAssessment, next: ScoredAssessment): Found[] {
  return comparable(prev, next).flatMap((layer) => {
    const from = scoreOf(prev, layer);
    const to = scoreOf(next, layer);
    if (!falls(from, to, FALL)) return [];
    return [finding('LAYER_FALL', layer, [prev, next], [from, to],
      `${subject(layer)} sjönk från ${formatScore(from)} till ${formatScore(to)} ${between(prev, next)}, ${levels(from - to)} (regeln: minst ${FALL}).`)];
  });
}

function repeatedFalls(first: ScoredAssessment, second: ScoredAssessment, third: ScoredAssessment): Found[] {
  if (!first.layers || !second.layers || !third.layers) return [];
  return LAYER_KEYS.flatMap((layer) => {
    const values = [first, second, third].map((a) => a.layers![layer]) as [number, number, number];
    if (!falls(values[0], values[1], REPEATED_FALL) || !falls(values[1], values[2], REPEATED_FALL)) return [];
    return [finding('REPEATED_FALL', layer, [first, second, third], values,
      `${subject(layer)} sjönk två gånger i rad: från ${formatScore(values[0])} till ${formatScore(values[1])} (${first.date} → ${second.date}) och till ${formatScore(values[2])} (${second.date} → ${third.date}) (regeln: minst ${formatScore(REPEATED_FALL)} varje gång).`)];
  });
}

/** The gap widens when it grows by GAP_GROWTH and the collaboration ends below target (a shrinking surplus is no drift). */
function gapWidens(prev: ScoredAssessment, next: ScoredAssessment, fixed: number | null): Found[] {
  return comparable(prev, next).flatMap((layer) => {
    const from = gapOf(prev, layer, fixed);
    const to = gapOf(next, layer, fixed);
    if (from === null || to === null || to <= EPSILON || !falls(to, from, GAP_GROWTH)) return [];
    const where = layer === null ? 'nivån' : `skikt ${layerLabel(layer)}`;
    const targetNow = targetOf(next, layer, fixed)!;
    return [finding('GAP_WIDENS', layer, [prev, next], [from, to],
      `Gapet till målnivån för ${where} växte från ${formatScore(from)} till ${formatScore(to)} ${between(prev, next)} (mål ${formatScore(targetNow)}, skattat ${formatScore(scoreOf(next, layer))}; regeln: minst ${GAP_GROWTH}).`)];
  });
}

/** C falls while A holds: form without substance. */
function depthLoss(prev: ScoredAssessment, next: ScoredAssessment): Found[] {
  if (!prev.layers || !next.layers) return [];
  const [a0, a1, c0, c1] = [prev.layers.A, next.layers.A, prev.layers.C, next.layers.C];
  if (!falls(c0, c1, DEPTH_FALL) || a1 + EPSILON < a0) return [];
  return [finding('DEPTH_LOSS', 'C', [prev, next], [c0, c1, a0, a1],
    `Skikt ${layerLabel('C')} sjönk från ${formatScore(c0)} till ${formatScore(c1)} medan skikt ${layerLabel('A')} höll (${formatScore(a0)} → ${formatScore(a1)}) ${between(prev, next)}: formen består men djupet tappar.`)];
}

/**
 * Every drift finding over a collaboration's history (oldest first, as
 * assessmentHistory gives it), against the target level set on the
 * collaboration (1–5) when there is one.
 */
export function driftOf(history: readonly ScoredAssessment[], fixedTarget: number | null = null): Drift {
  const found: Found[] = [];
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1]!;
    const next = history[i]!;
    found.push(...layerFalls(prev, next));
    if (i >= 2) found.push(...repeatedFalls(history[i - 2]!, prev, next));
    found.push(...gapWidens(prev, next, fixedTarget), ...depthLoss(prev, next));
  }
  const latest = history.at(-1)?.id;
  const findings = found.map((f) => ({ ...f, current: f.assessments.at(-1)!.id === latest }));
  return { flagged: findings.some((f) => f.current), findings };
}
