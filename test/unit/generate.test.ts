import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../seed/generate.ts';
import { checkReferences, idOf, nodeRecords } from '../../seed/load.ts';
import { buildIndex } from '../../server/analysis/graph-index.ts';
import { findGaps } from '../../server/analysis/gaps.ts';
import { findOverlaps } from '../../server/analysis/overlaps.ts';
import { snapshotOf } from '../../server/analysis/snapshot.ts';

describe('the synthetic graph generator', () => {
  it('is deterministic from its seed', () => {
    expect(generateGraph({ municipalities: 3, seed: 7 })).toEqual(generateGraph({ municipalities: 3, seed: 7 }));
    expect(generateGraph({ municipalities: 3, seed: 7 })).not.toEqual(generateGraph({ municipalities: 3, seed: 8 }));
  });

  it('grows linearly with the number of municipalities, and every link points at a node that exists', () => {
    const small = generateGraph({ municipalities: 2 });
    const large = generateGraph({ municipalities: 20 });
    expect(() => checkReferences(large)).not.toThrow();
    // Nodes of one municipality carry its number in their id (`forum:m3-2`); the rest are shared.
    const perMunicipality = (data: typeof small, n: number) => nodeRecords(data).filter((r) => /:m\d+(-|$)/.test(r.id)).length / n;
    expect(perMunicipality(large, 20) / perMunicipality(small, 2)).toBeCloseTo(1, 1);
  });

  it('links municipalities through shared regional and state actors', () => {
    const data = generateGraph({ municipalities: 10 });
    const shared = new Set(data.actors.filter((a) => a.kind === 'REGION' || a.kind === 'STATLIG_MYNDIGHET').map((a) => a.id));
    const municipalitiesUsing = new Set(
      data.forums.filter((f) => f.members.some((m) => shared.has(m.actor))).map((f) => f.id.split(':')[1]!.split('-')[0]),
    );
    expect(municipalitiesUsing.size).toBeGreaterThan(5);
  });

  it('holds gaps and overlaps for the rules to find', () => {
    const data = generateGraph({ municipalities: 5 });
    const nodes = nodeRecords(data).map((r) => ({ ...(r as object), id: r.id }));
    const goalEdges = data.activities.flatMap((x) => x.goals.map((g) => ({ from: x.id, type: 'CONTRIBUTES_TO' as const, to: idOf(g) })));
    const goals = findGaps(buildIndex(snapshotOf(nodes, goalEdges))).filter((f) => f.rule === 'goal-without-activity');
    expect(goals.length).toBeGreaterThan(0);
    const coordination = data['coordination-needs'].length;
    const overlaps = findOverlaps(buildIndex(snapshotOf(nodes, data['coordination-needs'].map((n) => ({ from: n.members[0]!, type: 'SHOULD_COORDINATE_WITH' as const, to: n.members[1]! })))));
    expect(overlaps.filter((f) => f.rule === 'uncoordinated-work').length).toBe(coordination);
  });
});
