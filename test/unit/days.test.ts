import { describe, expect, it } from 'vitest';
import { dayOf, daysFromToday, endOfDay, today } from '../../server/domain/days.ts';

describe('the day in Borås', () => {
  it('turns at midnight in Borås, not at midnight UTC, in winter and in summer time', () => {
    expect(today(new Date('2026-12-03T22:59:59Z'))).toBe('2026-12-03');
    expect(today(new Date('2026-12-03T23:00:00Z'))).toBe('2026-12-04');
    expect(today(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(today(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('dates a timestamp by the day it fell on in Borås', () => {
    expect(dayOf('2026-12-03T23:30:00.000Z')).toBe('2026-12-04');
    expect(dayOf('2026-12-03T12:00:00.000Z')).toBe('2026-12-03');
  });

  it('counts calendar days from today, across months, years and the change to summer time', () => {
    const lateEvening = new Date('2026-12-31T23:30:00Z'); // already 1 January in Borås
    expect(daysFromToday(0, lateEvening)).toBe('2027-01-01');
    expect(daysFromToday(-1, lateEvening)).toBe('2026-12-31');
    expect(daysFromToday(14, lateEvening)).toBe('2027-01-15');
    expect(daysFromToday(1, new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-30');
    expect(daysFromToday(-365, new Date('2026-03-01T12:00:00Z'))).toBe('2025-03-01');
  });

  it('ends a day at midnight in Borås, on the days the clocks change too', () => {
    expect(endOfDay('2026-12-03').toISOString()).toBe('2026-12-03T22:59:59.999Z');
    expect(endOfDay('2026-06-30').toISOString()).toBe('2026-06-30T21:59:59.999Z');
    expect(endOfDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});
