/**
 * Scoring of assessments on the taxonomy "Arbeta med andra" (TAXONOMY.md):
 * pure functions over the rows `cypher/assessment/list-…` statements return,
 * each result with its evidence in Swedish.
 */
import {
  ITEM_IDS,
  LAYER_KEYS,
  type ItemId,
  type LayerKey,
  type Level,
  layerLabel,
  levelName,
  levelValue,
} from '../domain/instrument.ts';

/** One respondent's answers, as stored on a Response node: items 1–5, targets 1–5 per layer (optional). */
export type ResponseRow = { respondent: string; organisation: string | null; organisationName?: string | null } & Partial<
  Record<ItemId | `target${LayerKey}`, number | null>
>;

/** An Assessment node's own properties. */
export interface AssessmentProps {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  method: 'SURVEY' | 'DIRECT';
  /** A direct placement's level, 1–5. */
  level?: number | null;
  /** A direct placement's target level, 1–5. */
  targetLevel?: number | null;
  note?: string | null;
  signals?: string[] | null;
  isDemo?: boolean | null;
  /** When it was stored (ISO): orders assessments of the same date. */
  recordedAt?: string | null;
  recordedBy?: string | null;
  instrument?: number | null;
}

/** One row of `assessment/list-assessments` and its siblings. */
export interface AssessmentRecord {
  collaboration: string;
  assessment: AssessmentProps;
  responses: ResponseRow[];
}

export type LayerScores = Record<LayerKey, number>;

export interface PerceptionGap {
  layer: LayerKey;
  /** The two organisations' actor ids, the lower median first. */
  organisations: [string, string];
  medians: [number, number];
  difference: number;
  evidence: string;
}

export interface ScoredAssessment {
  id: string;
  collaboration: string;
  date: string;
  method: 'SURVEY' | 'DIRECT';
  /** Median over respondents per layer; null for a direct placement. */
  layers: LayerScores | null;
  /** Median of the respondents' targets per layer (null where nobody answered); null for a direct placement. */
  targets: Record<LayerKey, number | null> | null;
  level: number;
  targetLevel: number | null;
  provisional: boolean;
  respondents: number;
  organisations: number;
  perceptionGaps: PerceptionGap[];
  signals: string[];
  note: string | null;
  isDemo: boolean;
  /** How the level was reached, in Swedish. */
  evidence: string;
}

/** A survey result needs this many respondents from this many organisations, or it is provisional. */
export const MIN_RESPONDENTS = 3;
export const MIN_ORGANISATIONS = 2;
/** Two organisations' medians this far apart on one layer are a perception gap. */
export const PERCEPTION_GAP = 2;

// Scores are means and medians of small integers; comparisons allow for float noise.
export const EPSILON = 1e-9;

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** A score as Swedish text: 2,5 and −1. */
export function formatScore(value: number): string {
  return numberFormat.format(value);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * A respondent's layer score: the mean of the layer's items they answered. A
 * survey by link lets them answer "vet ej" to an item (stored as no value);
 * the layer then rests on its other item. A layer with no item answered has
 * no score, and such a respondent is not counted (see countsInResult).
 */
export function respondentLayerScores(response: ResponseRow): LayerScores {
  const scores = {} as LayerScores;
  for (const layer of LAYER_KEYS) {
    const given = ITEM_IDS[layer].map((item) => response[item]).filter((value): value is number => typeof value === 'number');
    if (!given.length) throw new TypeError(`response of ${response.respondent} has no item of layer ${layer}`);
    scores[layer] = mean(given);
  }
  return scores;
}

/** Whether a respondent's answers can be scored: at least one item of every layer answered. */
export function countsInResult(response: Partial<Record<ItemId, number | null>>): boolean {
  return LAYER_KEYS.every((layer) => ITEM_IDS[layer].some((item) => typeof response[item] === 'number'));
}

/** The collaboration's layer scores: per layer, the median over respondents. */
export function collaborationLayerScores(responses: readonly ResponseRow[]): LayerScores {
  const perRespondent = responses.map(respondentLayerScores);
  const scores = {} as LayerScores;
  for (const layer of LAYER_KEYS) scores[layer] = median(perRespondent.map((s) => s[layer]));
  return scores;
}

/** Per layer, the median of the targets respondents gave; null where nobody gave one. */
export function targetScores(responses: readonly ResponseRow[]): Record<LayerKey, number | null> {
  const targets = {} as Record<LayerKey, number | null>;
  for (const layer of LAYER_KEYS) {
    const given = responses.map((r) => r[`target${layer}`]).filter((v): v is number => typeof v === 'number');
    targets[layer] = given.length ? median(given) : null;
  }
  return targets;
}

const roundHalfUp = (value: number) => Math.floor(value + 0.5 + EPSILON);

/**
 * Overall level: the rounded mean of the layers, capped at the lowest layer + 1,
 * because moving right needs depth, not only form.
 */
export function overallLevel(layers: LayerScores): { level: number; evidence: string } {
  const values = LAYER_KEYS.map((k) => layers[k]);
  const average = mean(values);
  const lowest = Math.min(...values);
  const rounded = Math.min(5, Math.max(1, roundHalfUp(average)));
  const cap = Math.floor(lowest + 1 + EPSILON);
  const level = Math.max(1, Math.min(rounded, cap));
  const profile = LAYER_KEYS.map((k) => `${k} ${formatScore(layers[k])}`).join(', ');
  const capped = level < rounded ? `, men taket är lägsta skiktet + 1 = ${formatScore(lowest + 1)}, så nivån blir ${level}` : '';
  return {
    level,
    evidence: `Skikten ${profile}: medelvärdet ${formatScore(average)} avrundas till ${rounded}${capped} (${levelName(level)}).`,
  };
}

/** The target level of a survey: the rounded mean of the layer targets, when every layer has one. */
function overallTarget(targets: Record<LayerKey, number | null>): number | null {
  const values = LAYER_KEYS.map((k) => targets[k]);
  if (values.some((v) => v === null)) return null;
  return Math.min(5, Math.max(1, roundHalfUp(mean(values as number[]))));
}

/** Pairs of organisations whose medians on one layer differ by PERCEPTION_GAP or more. */
export function perceptionGaps(responses: readonly ResponseRow[]): PerceptionGap[] {
  const byOrganisation = new Map<string, { name: string; scores: LayerScores[] }>();
  for (const response of responses) {
    if (!response.organisation) continue;
    const entry = byOrganisation.get(response.organisation) ?? { name: response.organisationName ?? response.organisation, scores: [] };
    entry.scores.push(respondentLayerScores(response));
    byOrganisation.set(response.organisation, entry);
  }
  const organisations = [...byOrganisation].sort(([a], [b]) => a.localeCompare(b));
  const gaps: PerceptionGap[] = [];
  for (const layer of LAYER_KEYS) {
    for (let i = 0; i < organisations.length; i++) {
      for (let j = i + 1; j < organisations.length; j++) {
        const [idA, a] = organisations[i]!;
        const [idB, b] = organisations[j]!;
        const medianA = median(a.scores.map((s) => s[layer]));
        const medianB = median(b.scores.map((s) => s[layer]));
        const difference = Math.abs(medianA - medianB);
        if (difference + EPSILON < PERCEPTION_GAP) continue;
        const [low, high] = medianA <= medianB ? [[idA, a.name, medianA], [idB, b.name, medianB]] as const : [[idB, b.name, medianB], [idA, a.name, medianA]] as const;
        gaps.push({
          layer,
          organisations: [low[0], high[0]],
          medians: [low[2], high[2]],
          difference,
          evidence: `Skikt ${layerLabel(layer)}: ${low[1]} ger medianen ${formatScore(low[2])} och ${high[1]} ${formatScore(high[2])}, en skillnad på ${formatScore(difference)} nivåer (regeln: minst ${PERCEPTION_GAP}).`,
        });
      }
    }
  }
  return gaps;
}

/** Scores one stored assessment: a survey from its responses, a direct placement as placed. */
export function scoreAssessment(record: AssessmentRecord): ScoredAssessment {
  const { assessment: a, responses } = record;
  const common = {
    id: a.id,
    collaboration: record.collaboration,
    date: a.date,
    method: a.method,
    signals: a.signals ?? [],
    note: a.note ?? null,
    isDemo: a.isDemo === true,
  };
  if (a.method === 'DIRECT') {
    if (typeof a.level !== 'number') throw new TypeError(`direct placement ${a.id} has no level`);
    return {
      ...common,
      layers: null,
      targets: null,
      level: a.level,
      targetLevel: a.targetLevel ?? null,
      provisional: false,
      respondents: 0,
      organisations: 0,
      perceptionGaps: [],
      evidence: `Direkt placerad av en redaktör på nivå ${a.level} (${levelName(a.level)}), utan enkät.`,
    };
  }
  const layers = collaborationLayerScores(responses);
  const targets = targetScores(responses);
  const organisations = new Set(responses.map((r) => r.organisation).filter(Boolean)).size;
  const provisional = responses.length < MIN_RESPONDENTS || organisations < MIN_ORGANISATIONS;
  const { level, evidence } = overallLevel(layers);
  const basis = `${responses.length} svarande från ${organisations} ${organisations === 1 ? 'organisation' : 'organisationer'}`;
  return {
    ...common,
    layers,
    targets,
    level,
    targetLevel: overallTarget(targets),
    provisional,
    respondents: responses.length,
    organisations,
    perceptionGaps: perceptionGaps(responses),
    evidence: `${evidence} Underlag: ${basis}${provisional ? `; preliminärt (kräver minst ${MIN_RESPONDENTS} svarande från minst ${MIN_ORGANISATIONS} organisationer)` : ''}.`,
  };
}

/** Whether a stored assessment can be scored: a placement with its level, or a survey with answers. */
const scorable = (r: AssessmentRecord) => (r.assessment.method === 'DIRECT' ? typeof r.assessment.level === 'number' : r.responses.length > 0);

/** A collaboration's assessments, scored, oldest first (same date: the one stored first). */
export function assessmentHistory(records: readonly AssessmentRecord[]): ScoredAssessment[] {
  return records
    .filter(scorable)
    .sort((x, y) =>
      x.assessment.date.localeCompare(y.assessment.date) ||
      (x.assessment.recordedAt ?? '').localeCompare(y.assessment.recordedAt ?? '') ||
      x.assessment.id.localeCompare(y.assessment.id))
    .map(scoreAssessment);
}

export interface LayerGap {
  layer: LayerKey;
  actual: number;
  target: number | null;
  /** target − actual; negative when more integrated than the purpose needs. */
  gap: number | null;
}

function lastWhere<T>(list: readonly T[], test: (item: T) => boolean): T | null {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i]!;
  return null;
}

/** A survey's A/B/C profile against its respondents' targets, or against one fixed target for every layer. */
export function layerGaps(a: ScoredAssessment, fixedTarget: number | null = null): LayerGap[] {
  const layers = a.layers;
  if (!layers) return [];
  return LAYER_KEYS.map((layer) => {
    const target = fixedTarget ?? a.targets?.[layer] ?? null;
    return { layer, actual: layers[layer], target, gap: target === null ? null : target - layers[layer] };
  });
}

/** Where a collaboration stands: what the taxonomy view and the gap rules need. */
export interface Standing {
  /** The latest assessment's level, 1–5; null when never assessed. */
  level: number | null;
  /** The collaboration's own target level if set, else the latest assessment's; 1–5 or null. */
  target: number | null;
  belowTarget: boolean;
  neverAssessed: boolean;
  history: ScoredAssessment[];
  latest: ScoredAssessment | null;
  /** The latest survey: the A/B/C profile (a direct placement has none). */
  latestSurvey: ScoredAssessment | null;
  /** Per layer of the latest survey, against its targets (or the collaboration's target level when set). */
  gaps: LayerGap[];
  evidence: string;
}

/**
 * A collaboration's standing on the taxonomy, from its assessment rows (any
 * order) and the target level set on the collaboration itself, which, as a
 * decision, wins over what respondents answered.
 */
export function collaborationStanding(records: readonly AssessmentRecord[], setTarget: Level | null = null): Standing {
  const history = assessmentHistory(records);
  const latest = history.at(-1) ?? null;
  const latestSurvey = lastWhere(history, (a) => a.layers !== null);
  const fixed = setTarget ? levelValue(setTarget) : null;
  const target = fixed ?? lastWhere(history, (a) => a.targetLevel !== null)?.targetLevel ?? null;
  const level = latest?.level ?? null;
  const belowTarget = level !== null && target !== null && level < target;
  const gaps = latestSurvey ? layerGaps(latestSurvey, fixed) : [];
  let evidence: string;
  if (!latest) evidence = 'Ej skattad: samverkan har ingen skattning.';
  else {
    const where = `Senaste skattningen (${latest.date}) ger nivå ${latest.level} (${levelName(latest.level)})`;
    const goal = target === null ? 'ingen målnivå är angiven' : `målnivån är ${target} (${levelName(target)})${fixed ? ', satt på samverkan' : ', enligt de svarande'}`;
    evidence = `${where}; ${goal}${belowTarget ? ': under målnivån' : ''}.`;
  }
  return { level, target, belowTarget, neverAssessed: latest === null, history, latest, latestSurvey, gaps, evidence };
}

/** What a controller asks of a collaboration's standing; a field left null asks nothing. */
export interface StandingFilter {
  /** The latest assessment's level, 1–5. */
  level?: number | null;
  /** The target level the standing uses (its own, else the latest assessment's), 1–5. */
  targetLevel?: number | null;
  belowTarget?: boolean | null;
  /** A drift rule is met at the latest assessment. */
  drifting?: boolean | null;
  neverAssessed?: boolean | null;
}

/** Whether a standing (and whether it drifts) answers every question of the filter; false asks for those without. */
export function standingMatches(standing: Standing, drifting: boolean, filter: StandingFilter): boolean {
  const asks = <T>(wanted: T | null | undefined, actual: T) => wanted === null || wanted === undefined || wanted === actual;
  return asks(filter.level, standing.level) && asks(filter.targetLevel, standing.target) && asks(filter.belowTarget, standing.belowTarget) &&
    asks(filter.drifting, drifting) && asks(filter.neverAssessed, standing.neverAssessed);
}

/** Standings of many collaborations from one read of every assessment; collaborations with none are absent. */
export function standingsByCollaboration(records: readonly AssessmentRecord[], setTargets: ReadonlyMap<string, Level | null> = new Map()): Map<string, Standing> {
  const grouped = new Map<string, AssessmentRecord[]>();
  for (const record of records) {
    const list = grouped.get(record.collaboration) ?? [];
    list.push(record);
    grouped.set(record.collaboration, list);
  }
  return new Map([...grouped].map(([id, list]) => [id, collaborationStanding(list, setTargets.get(id) ?? null)]));
}
