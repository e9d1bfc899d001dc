import type { CollaborationNode, Named, TaxonomyCollaboration } from './documents.ts';

/**
 * A collaboration as the API gives it → as the taxonomy shows it. Its
 * målområden are those of the goals its activities serve, the most served first.
 */
export function toTaxonomyCollaboration(node: CollaborationNode): TaxonomyCollaboration {
  const served = new Map<string, { area: Named; count: number }>();
  for (const activity of node.activities) {
    for (const { targetArea } of activity.goals) {
      const entry = served.get(targetArea.id) ?? { area: targetArea, count: 0 };
      entry.count++;
      served.set(targetArea.id, entry);
    }
  }
  const targetAreas = [...served.values()].sort((a, b) => b.count - a.count || a.area.name.localeCompare(b.area.name, 'sv')).map((e) => e.area);
  return {
    id: node.id,
    name: node.name,
    type: node.type,
    // Levels, history and drift come with the assessments API; until then every collaboration is unassessed.
    level: null,
    targetLevel: node.targetLevel,
    history: [],
    drifting: false,
    participants: node.participants,
    targetAreas,
  };
}
