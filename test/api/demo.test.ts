import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { DEMO_NOTE, loadDemo, readDemoData, removeDemo } from '../../seed/demo.ts';
import { readSeedData } from '../../seed/load.ts';

const seed = readSeedData();

describe('the demo set (npm run demo)', () => {
  let demo: TestServer;
  beforeAll(async () => {
    demo = await startTestServer();
  });
  afterAll(async () => demo?.close());

  const graphSize = async () => (await demo.store.read<{ nodes: number; relationships: number }>('node/count-graph'))[0];

  it('loads invented assessments, each marked, that show drift, a below-target collaboration and unassessed ones', async () => {
    const before = await graphSize();
    const loaded = await loadDemo(demo.store);
    const after = await graphSize();
    expect(await loadDemo(demo.store)).toBe(loaded);
    expect(await graphSize()).toEqual(after);

    const { data } = await demo.gql(`{ taxonomy { demoAssessments driftCount belowTargetCount notAssessedCount
      collaborations { collaboration { id drift { findings { rule current } } perceptionGaps { layer organisations { id } } }
        level targetLevel driftFlagged belowTarget neverAssessed provisional method isDemo trajectory { isDemo note } } } }`);
    const report = data!.taxonomy;
    expect(report.demoAssessments).toBe(loaded);
    const byId = new Map(report.collaborations.map((p: any) => [p.collaboration.id, p]));
    for (const p of report.collaborations) {
      for (const a of p.trajectory) expect(a).toMatchObject({ isDemo: true, note: expect.stringContaining(DEMO_NOTE) });
    }
    expect(byId.get('collaboration:omradesutveckling-norrby')).toMatchObject({ level: 'SAMORDNAT', targetLevel: 'INTEGRERAT', driftFlagged: true, belowTarget: true });
    const norrbyRules = (byId.get('collaboration:omradesutveckling-norrby') as any).collaboration.drift.findings.map((f: any) => f.rule);
    expect(norrbyRules).toEqual(expect.arrayContaining(['DEPTH_LOSS', 'LAYER_FALL', 'REPEATED_FALL', 'GAP_WIDENS']));
    expect(byId.get('collaboration:boras-stad-vgr-barn-och-unga')).toMatchObject({ driftFlagged: true, belowTarget: false });
    expect(byId.get('collaboration:samverkansstrukturer-barn-och-unga')).toMatchObject({ belowTarget: true, provisional: true, driftFlagged: false });
    expect(byId.get('collaboration:socialtjansten-polisen')).toMatchObject({ method: 'DIRECT', level: 'SPECIFICERAT', driftFlagged: true });
    expect(byId.get('collaboration:familjecentralerna')).toMatchObject({ level: 'INTEGRERAT', driftFlagged: false, belowTarget: false });
    expect((byId.get('collaboration:skolan-som-arena') as any).collaboration.perceptionGaps).toEqual([
      { layer: 'C', organisations: [{ id: 'actor:civilsamhallet' }, { id: 'actor:gruf' }] },
    ]);
    const demoIds = new Set(readDemoData().collaborations.map((c) => c.collaboration));
    const unassessed = seed.collaborations.filter((c) => !demoIds.has(c.id));
    expect(unassessed.length).toBeGreaterThan(0);
    for (const c of unassessed) expect(byId.get(c.id)).toMatchObject({ neverAssessed: true, level: null, isDemo: false });
    expect(report.notAssessedCount).toBe(unassessed.length);

    expect(await removeDemo(demo.store)).toBe(loaded);
    expect(await graphSize()).toEqual(before);
  });
});
