import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachAdapter } from './adapters.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { type NewAssessment, assessmentStatements } from '../../server/domain/assessment-writes.ts';
import type { AssessmentRecord } from '../../server/analysis/taxonomy.ts';

/** The assessment statements give the same rows on every reachable engine: what scoring relies on. */
describeEachAdapter('assessment storage', (adapter) => {
  let store: GraphStore;
  // Ids of this run only, removed after it, so a shared Neo4j stays clean.
  const run = randomUUID().slice(0, 8);
  const collaboration = `collaboration:${run}`;
  const actors = [`actor:${run}-a`, `actor:${run}-b`];
  const survey: NewAssessment = {
    id: `assessment:${run}-survey`, collaboration, date: '2024-03-01', method: 'SURVEY', signals: ['SJUNKANDE_NARVARO'], note: null,
    isDemo: false, recordedAt: '2024-03-01T10:00:00.000Z', recordedBy: 'test',
    responses: [
      { respondent: 'Anna', organisation: actors[0]!, answers: { a1: 3, a2: 4, b1: 2, b2: 2, c1: 1, c2: 2 }, targets: { A: 4, B: null, C: 3 } },
      { respondent: 'Bo', organisation: actors[1]!, answers: { a1: 5, a2: 5, b1: 4, b2: 4, c1: 4, c2: 4 }, targets: {} },
    ],
  };
  const placement: NewAssessment = {
    id: `assessment:${run}-direct`, collaboration, date: '2023-01-01', method: 'DIRECT', signals: [], note: 'Bedömning',
    level: 2, targetLevel: 3, isDemo: false, recordedAt: '2023-01-01T10:00:00.000Z', recordedBy: 'test', responses: [],
  };

  beforeAll(async () => {
    store = await adapter.open();
    await store.write([
      { query: 'collaboration/upsert-collaborations', params: { rows: [{ id: collaboration, props: { name: `Samverkan ${run}` } }] } },
      { query: 'actor/upsert-actors', params: { rows: actors.map((id, i) => ({ id, props: { name: `Aktör ${i}`, kind: 'FORVALTNING' } })) } },
      ...assessmentStatements(survey),
      ...assessmentStatements(placement),
    ]);
  });
  afterAll(async () => {
    const ids = [survey.id, placement.id];
    await store.write([{ query: 'assessment/delete-responses', params: { ids } }, { query: 'node/delete-nodes', params: { ids: [...ids, collaboration, ...actors] } }]);
    await adapter.cleanup();
  });

  const expected: AssessmentRecord[] = [
    { collaboration, assessment: expect.objectContaining({ id: placement.id, method: 'DIRECT', level: 2, targetLevel: 3, note: 'Bedömning', isDemo: false }) as never, responses: [] },
    {
      collaboration,
      assessment: expect.objectContaining({ id: survey.id, date: '2024-03-01', method: 'SURVEY', signals: ['SJUNKANDE_NARVARO'], instrument: 1 }) as never,
      responses: expect.arrayContaining([
        { respondent: 'Anna', organisation: actors[0], organisationName: 'Aktör 0', a1: 3, a2: 4, b1: 2, b2: 2, c1: 1, c2: 2, targetA: 4, targetC: 3, isDemo: false },
        { respondent: 'Bo', organisation: actors[1], organisationName: 'Aktör 1', a1: 5, a2: 5, b1: 4, b2: 4, c1: 4, c2: 4, isDemo: false },
      ]) as never,
    },
  ];

  it('reads a collaboration\'s assessments oldest first, answers as plain maps, a placement with none', async () => {
    const rows = await store.read<AssessmentRecord>('assessment/list-collaboration-assessments', { ids: [collaboration], asOf: null });
    expect(rows).toEqual(expected);
    expect(rows[1]!.responses).toHaveLength(2);
  });

  it('reads the same rows among all assessments and by assessment id', async () => {
    const all = await store.read<AssessmentRecord>('assessment/list-assessments', { asOf: null });
    expect(all.filter((r) => r.collaboration === collaboration)).toEqual(expected);
    const byId = await store.read<AssessmentRecord>('assessment/get-assessments', { ids: [survey.id] });
    expect(byId).toEqual([expected[1]]);
  });

  it('leaves out an answer whose organisation is no actor, so the writer can tell', async () => {
    const [, [row]] = (await store.write([
      { query: 'assessment/create-assessment', params: { collaboration, id: `assessment:${run}-x`, props: { date: '2024-05-01', method: 'SURVEY' } } },
      { query: 'assessment/create-responses', params: { assessment: `assessment:${run}-x`, rows: [{ organisation: collaboration, props: { respondent: 'X' } }] } },
      { query: 'node/delete-nodes', params: { ids: [`assessment:${run}-x`] } },
    ])) as [unknown, { count: number }[]];
    expect(row!.count).toBe(0);
  });

  it('creates no assessment of a node that is not a collaboration', async () => {
    const [created] = await store.write([{ query: 'assessment/create-assessment', params: { collaboration: actors[0], id: `assessment:${run}-y`, props: { date: '2024-05-01' } } }]);
    expect(created).toEqual([]);
  });
});
