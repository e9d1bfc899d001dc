/**
 * Sorting for the rules' many short lists. The library's sort allocates on every call, which over
 * the tens of thousands of short lists of a national graph (a node's edges, a forum's members) is
 * garbage that grows the collector's work faster than the graph; these few are sorted by insertion.
 */

/** Code-unit order, as `<` compares strings and as `sort()` without a comparator sorts them. */
export const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Longer than this, insertion sort's square outgrows the library's allocation: a region's or state agency's lists. */
const SHORT = 16;

/** Sorts `list[start, end)` in place, stably. */
export function sortRange<T>(list: T[], compare: (a: T, b: T) => number, start = 0, end = list.length): T[] {
  if (end - start > SHORT) {
    const sorted = list.slice(start, end).sort(compare);
    for (let i = 0; i < sorted.length; i++) list[start + i] = sorted[i]!;
    return list;
  }
  for (let i = start + 1; i < end; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= start && compare(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
