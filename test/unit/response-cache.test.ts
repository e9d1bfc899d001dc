import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { isKeptRefusal, ResponseCache } from '../../server/response-cache.ts';

const answer = (text: string) => Buffer.from(text);

describe('the answers kept between writes', () => {
  it('keeps at most its number of entries, the least recently used going first', () => {
    const cache = new ResponseCache({ entries: 2, bytes: 1_000 });
    cache.set('a', 1, '2026-12-02', answer('A'));
    cache.set('b', 1, '2026-12-02', answer('B'));
    expect(cache.get('a')?.bytes.toString()).toBe('A');
    cache.set('c', 1, '2026-12-02', answer('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.bytes.toString()).toBe('A');
    expect(cache.size).toEqual({ entries: 2, bytes: 2 + 'a'.length + 'c'.length });
  });

  it('keeps at most its bytes, keys counted, and never an answer larger than all of them nor a request longer than 64 kB', () => {
    const cache = new ResponseCache({ entries: 100, bytes: 10 });
    cache.set('big', 1, '2026-12-02', answer('x'.repeat(8)));
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', 1, '2026-12-02', answer('x'.repeat(6)));
    cache.set('b', 1, '2026-12-02', answer('y'.repeat(6)));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.bytes.length).toBe(6);
    // The key counts too: it holds the request.
    expect(cache.size.bytes).toBe(7);
    cache.set('q'.repeat(64 * 1024 + 1), 1, '2026-12-02', answer('z'));
    expect(cache.size.entries).toBe(1);
  });

  it('drops every answer of an older version or another day once a newer one is kept, and keeps no older one after', () => {
    const cache = new ResponseCache({ entries: 100, bytes: 1_000 });
    cache.set('v1', 1, '2026-12-02', answer('1'));
    cache.set('v2', 2, '2026-12-02', answer('2'));
    expect(cache.get('v1')).toBeUndefined();
    cache.set('late', 1, '2026-12-02', answer('late'));
    expect(cache.get('late')).toBeUndefined();
    cache.set('next day', 3, '2026-12-03', answer('3'));
    expect(cache.get('v2')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 1, bytes: 1 + 'next day'.length });
  });
});

describe('the refusals kept as refused', () => {
  const tooCostly = (extensions: Record<string, unknown> = {}) => ({ errors: [new GraphQLError('för stor', { extensions: { code: 'QUERY_TOO_COSTLY', ...extensions } })] });
  it("are a query's refusals for its cost, without data and without an HTTP status of their own", () => {
    expect(isKeptRefusal(tooCostly(), { query: '{ gaps { totalCount } }' })).toBe(true);
    expect(isKeptRefusal(tooCostly(), { query: 'query A { gaps { totalCount } } mutation B { x }', operationName: 'A' })).toBe(true);
    expect(isKeptRefusal({ ...tooCostly(), data: null }, { query: '{ gaps { totalCount } }' })).toBe(false);
    expect(isKeptRefusal(tooCostly({ http: { status: 429 } }), { query: '{ gaps { totalCount } }' })).toBe(false);
    expect(isKeptRefusal({ errors: [new GraphQLError('fel', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] }, { query: '{ x }' })).toBe(false);
  });

  it("are never a mutation's: its gate also reads the CSRF token, which is not in the key", () => {
    expect(isKeptRefusal(tooCostly(), { query: 'mutation { createActor(input: {}) { __typename } }' })).toBe(false);
    expect(isKeptRefusal(tooCostly(), { query: 'query A { gaps { totalCount } } mutation B { x }', operationName: 'B' })).toBe(false);
  });
});
