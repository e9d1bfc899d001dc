import { describe, expect, it } from 'vitest';
import { type Edge, type NodeProps, snapshotOf } from '../../server/analysis/snapshot.ts';
import { codeUnits, sortRange } from '../../server/analysis/sort.ts';

/** A fixed shuffle (a linear congruential generator), so a failure is the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

// One forum with more members and goals than the short lists sorted by insertion, one with a few,
// and actors in both (a state agency's many edges, a local actor's few).
const goals = Array.from({ length: 20 }, (_, i) => `goal:${i}`);
const actors = Array.from({ length: 24 }, (_, i) => `actor:${String.fromCharCode(97 + (i % 26))}${i}`);
const nodes: NodeProps[] = [
  ...actors.map((id) => ({ id, name: id, kind: 'FORVALTNING' })),
  { id: 'forum:stor', name: 'Stora forumet' },
  { id: 'forum:liten', name: 'Lilla forumet' },
  ...goals.map((id) => ({ id, text: `Mål ${id}` })),
];
const edges: Edge[] = [
  ...actors.map((from): Edge => ({ from, type: 'MEMBER_OF', to: 'forum:stor' })),
  ...actors.slice(0, 3).map((from): Edge => ({ from, type: 'MEMBER_OF', to: 'forum:liten' })),
  { from: actors[0]!, type: 'CONVENES', to: 'forum:liten' },
  ...[...goals].reverse().map((to): Edge => ({ from: 'forum:stor', type: 'WORKS_ON', to })),
  { from: 'forum:liten', type: 'WORKS_ON', to: 'goal:3' },
  { from: 'forum:liten', type: 'WORKS_ON', to: 'goal:1' },
];

describe('the snapshot the rules read', () => {
  it('is the same whatever order the store returns nodes and edges in', () => {
    const given = snapshotOf(nodes, edges);
    for (const seed of [1, 2, 3]) expect(snapshotOf(shuffled(nodes, seed), shuffled(edges, seed + 10))).toEqual(given);
    expect(snapshotOf([...nodes].reverse(), [...edges].reverse())).toEqual(given);
  });

  it('lists rows in id order, and each list and the ties in (from, type, to) order', () => {
    const s = snapshotOf(shuffled(nodes, 4), shuffled(edges, 5));
    const sorted = (ids: readonly string[]) => [...ids].sort();
    expect(s.actors.map((a) => a.node.id)).toEqual(sorted(actors));
    const big = s.forums.find((f) => f.node.id === 'forum:stor')!;
    expect(big.members).toEqual(sorted(actors));
    expect(big.goals).toEqual(sorted(goals));
    const small = s.forums.find((f) => f.node.id === 'forum:liten')!;
    expect(small.members).toEqual(sorted(actors.slice(0, 3)));
    expect(small.goals).toEqual(['goal:1', 'goal:3']);
    const key = (t: { actor: string; via: string; context: string }) => `${t.actor} ${t.via} ${t.context}`;
    expect(s.ties.map(key)).toEqual(s.ties.map(key).sort());
    expect(s.ties).toHaveLength(edges.filter((e) => e.type === 'MEMBER_OF' || e.type === 'CONVENES').length);
  });

  it('keeps two nodes given with one id, in the order given', () => {
    const twice = [...nodes, { id: 'goal:1', text: 'Samma id igen' }];
    const texts = snapshotOf(twice, edges).goals.map((g) => g.node.text);
    expect(texts.slice(0, 3)).toEqual(['Mål goal:0', 'Mål goal:1', 'Samma id igen']);
    expect(texts).toHaveLength(goals.length + 1);
  });
});

describe('sortRange', () => {
  it('sorts short and long ranges stably, as the library sort does, and leaves the rest alone', () => {
    for (const length of [0, 1, 5, 16, 17, 60]) {
      const items = shuffled(Array.from({ length }, (_, i) => ({ key: `k${i % 7}`, at: i })), length + 1);
      const byKey = (a: { key: string }, b: { key: string }) => codeUnits(a.key, b.key);
      expect(sortRange([...items], byKey)).toEqual([...items].sort(byKey));
      const inner = [...items];
      sortRange(inner, byKey, 1, Math.max(1, length - 1));
      expect(inner).toEqual(length < 2 ? items : [items[0], ...items.slice(1, length - 1).sort(byKey), ...items.slice(length - 1)]);
    }
  });
});
