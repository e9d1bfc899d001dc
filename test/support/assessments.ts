import type { AssessmentRecord, ResponseRow } from '../../server/analysis/taxonomy.ts';

/** Hand-made assessment rows for unit tests, shaped as `cypher/assessment/list-…` returns them. */

/** A respondent: organisation, the six items a1 a2 b1 b2 c1 c2, and optional targets A B C. */
export function answer(organisation: string, items: [number, number, number, number, number, number], targets?: [number, number, number]): Omit<ResponseRow, 'respondent'> {
  const [a1, a2, b1, b2, c1, c2] = items;
  return { organisation, organisationName: organisation, a1, a2, b1, b2, c1, c2, ...(targets ? { targetA: targets[0], targetB: targets[1], targetC: targets[2] } : {}) };
}

/** Everyone answering the same: a layer profile A, B, C from three respondents of two organisations. */
export function profile(a: number, b: number, c: number, targets?: [number, number, number]) {
  return ['org:x', 'org:x', 'org:y'].map((org) => answer(org, [a, a, b, b, c, c], targets));
}

export function survey(date: string, responses: Omit<ResponseRow, 'respondent'>[], collaboration = 'collaboration:c'): AssessmentRecord {
  return {
    collaboration,
    assessment: { id: `assessment:${date}`, date, method: 'SURVEY' },
    responses: responses.map((r, i) => ({ respondent: `svarande ${i + 1}`, ...r })),
  };
}

export function placement(date: string, level: number, targetLevel: number | null = null, collaboration = 'collaboration:c'): AssessmentRecord {
  return { collaboration, assessment: { id: `assessment:${date}`, date, method: 'DIRECT', level, targetLevel, note: 'Bedömning' }, responses: [] };
}
