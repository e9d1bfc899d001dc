import type { Row, Statement } from '../store/port.ts';
import { ITEM_IDS, INSTRUMENT, LAYER_KEYS, type ItemId, type LayerKey } from './instrument.ts';

/**
 * How an assessment is stored, shared by the submit and place mutations and
 * the demo loader so both write the same shape: an Assessment node linked to
 * its collaboration, and one Response node per respondent (Neo4j stores no
 * maps, so answers are the properties a1 … c2 and targetA … targetC).
 */

export interface NewResponse {
  respondent: string;
  /** The actor the respondent answers for. */
  organisation: string;
  /** 1–5 each; null where a respondent by link answered "vet ej". */
  answers: Record<ItemId, number | null>;
  targets: Partial<Record<LayerKey, number | null>>;
}

export interface NewAssessment {
  id: string;
  collaboration: string;
  date: string;
  method: 'SURVEY' | 'DIRECT';
  responses: NewResponse[];
  signals: string[];
  note: string | null;
  /** A direct placement's level and target, 1–5. */
  level?: number | null;
  targetLevel?: number | null;
  isDemo: boolean;
  recordedAt: string;
  recordedBy: string | null;
}

/** The Assessment node's properties, as assessment/create-assessment sets them. */
export function assessmentProps(a: NewAssessment): Record<string, unknown> {
  return {
    date: a.date,
    method: a.method,
    level: a.method === 'DIRECT' ? (a.level ?? null) : null,
    targetLevel: a.method === 'DIRECT' ? (a.targetLevel ?? null) : null,
    signals: a.signals,
    note: a.note,
    isDemo: a.isDemo,
    recordedAt: a.recordedAt,
    recordedBy: a.recordedBy,
    instrument: INSTRUMENT.version,
  };
}

function responseRow(r: NewResponse, isDemo: boolean) {
  const items = Object.fromEntries(LAYER_KEYS.flatMap((layer) => ITEM_IDS[layer].map((item) => [item, r.answers[item]])));
  const targets = Object.fromEntries(LAYER_KEYS.map((layer) => [`target${layer}`, r.targets[layer] ?? null]));
  return { organisation: r.organisation, props: { respondent: r.respondent, ...items, ...targets, isDemo } };
}

/** The statements that store one assessment, in order; the second is absent for a placement. */
export function assessmentStatements(a: NewAssessment): Statement[] {
  const create = { query: 'assessment/create-assessment', params: { collaboration: a.collaboration, id: a.id, props: assessmentProps(a) } };
  if (!a.responses.length) return [create];
  return [create, { query: 'assessment/create-responses', params: { assessment: a.id, rows: a.responses.map((r) => responseRow(r, a.isDemo)) } }];
}

/**
 * Whether the statements' results show the whole assessment written: the
 * collaboration existed and every respondent's organisation was an actor.
 * (create-… statements leave out what they cannot link rather than fail.)
 */
export function wroteWhole(a: NewAssessment, created: Row[], responses: Row[] | undefined): boolean {
  return created.length === 1 && (!a.responses.length || Number(responses?.[0]?.count ?? 0) === a.responses.length);
}
