import type { SeedData } from '../../seed/load.ts';

const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

/**
 * The målområden a collaboration serves by the seed files alone: those of its
 * activities' effektmål and strategies. Tests hold the API's grouping to it.
 */
export function seedTargetAreasOf(seed: SeedData, collaborationId: string): Set<string> {
  const goalArea = new Map(seed.goals.map((g) => [g.id, idOf(g.targetArea)]));
  const strategyArea = new Map(seed.strategies.flatMap((s) => (s.targetArea ? [[s.id, idOf(s.targetArea)] as const] : [])));
  const collaboration = seed.collaborations.find((c) => c.id === collaborationId)!;
  const areas = new Set<string>();
  for (const ref of collaboration.activities) {
    const activity = seed.activities.find((a) => a.id === idOf(ref));
    for (const g of activity?.goals ?? []) areas.add(goalArea.get(idOf(g))!);
    for (const s of activity?.strategies ?? []) if (strategyArea.has(idOf(s))) areas.add(strategyArea.get(idOf(s))!);
  }
  return areas;
}
