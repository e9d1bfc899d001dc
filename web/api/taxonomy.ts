import type { TaxonomyCollaboration, TaxonomyData, TaxonomyGroupData, TaxonomyPlacementData } from './documents.ts';

/** A placement as the `taxonomy` report gives it → a collaboration as the taxonomy view shows it. */
export function toTaxonomyCollaboration(p: TaxonomyPlacementData): TaxonomyCollaboration {
  const c = p.collaboration;
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    level: p.level,
    targetLevel: p.targetLevel,
    history: p.trajectory,
    belowTarget: p.belowTarget,
    drifting: p.driftFlagged,
    provisional: p.provisional,
    isDemo: p.isDemo,
    evidence: p.evidence,
    driftFindings: c.drift?.findings ?? [],
    layers: c.layers,
    perceptionGaps: c.perceptionGaps.map((g) => g.evidence),
    participants: c.participants,
    participations: c.participations,
    source: c.source,
  };
}

/** The report's groups by målområde and by type, each with its collaborations' ids. */
export function taxonomyGroupings(report: TaxonomyData['taxonomy']): { targetArea: TaxonomyGroupData[]; type: TaxonomyGroupData[] } {
  const groups = (list: TaxonomyData['taxonomy']['byType']) => list.map((g) => ({ key: g.key, label: g.label, ids: g.placements.map((p) => p.collaboration.id) }));
  return { targetArea: groups(report.byTargetArea), type: groups(report.byType) };
}
