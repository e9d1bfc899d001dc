import { describe, expect, it } from 'vitest';
import { sv } from '../../web/i18n/sv.ts';

/** Every text in the Swedish strings: the plain ones, and what each function says for a few sample arguments. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const samples = [[1], [10], [10, 2, 3, 4], ['X'], ['X', 'Y']];
    return samples.flatMap((args) => {
      try {
        const out = (value as (...a: unknown[]) => unknown)(...args);
        return typeof out === 'string' ? [out] : [];
      } catch {
        return [];
      }
    });
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('the Swedish strings', () => {
  const all = texts(sv);

  it('use one word per concept: skikt (never lager), and no plural that Swedish does not have', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((t) => /\blager\b/i.test(t))).toEqual([]);
    expect(all.filter((t) => /gemensamma samverkan|\d+ samverkan:/i.test(t))).toEqual([]);
  });

  it('name no developer file', () => {
    expect(all.filter((t) => /\b[\w-]+\.(md|ts|json)\b/.test(t))).toEqual([]);
  });
});
