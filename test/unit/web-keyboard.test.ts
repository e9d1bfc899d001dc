import { describe, expect, it } from 'vitest';
import { firstInReadingOrder, nearestInDirection } from '../../web/graph/keyboard.ts';
import { toCsv } from '../../web/lib/csv.ts';

const from = { id: 'o', x: 0, y: 0 };
const points = [from, { id: 'right-near-off', x: 50, y: 40 }, { id: 'right-far-ahead', x: 80, y: 0 }, { id: 'up', x: 0, y: -30 }, { id: 'left', x: -100, y: 10 }];

describe('arrow-key navigation', () => {
  it('goes to the node that way, preferring straight ahead over close but off to the side', () => {
    expect(nearestInDirection(from, points, 'right')).toBe('right-far-ahead');
    expect(nearestInDirection(from, points, 'up')).toBe('up');
    expect(nearestInDirection(from, points, 'left')).toBe('left');
    expect(nearestInDirection(from, points, 'down')).toBe('right-near-off');
    expect(nearestInDirection(from, [from], 'down')).toBeNull();
  });

  it('starts at the top left', () => {
    expect(firstInReadingOrder(points)).toBe('up');
    expect(firstInReadingOrder([])).toBeNull();
  });
});

describe('CSV export', () => {
  it('separates with semicolons, quotes where needed and ends lines with CRLF', () => {
    const csv = toCsv({ caption: 'T', columns: ['Namn', 'Skäl'], rows: [{ key: 'a', cells: ['Borås; Stad', 'Sa "hej"\nigen'] }, { key: 'b', cells: ['Enkel', ''] }] });
    expect(csv).toBe('Namn;Skäl\r\n"Borås; Stad";"Sa ""hej""\nigen"\r\nEnkel;\r\n');
  });
});
