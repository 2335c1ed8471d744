import { describe, expect, it } from 'vitest';
import { validityEnd } from './certificate-validity';

describe('validityEnd', () => {
  it.each([
    ['2026-03-10', 12, '2027-03-09'],
    ['2026-03-10', 36, '2029-03-09'],
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-01-01', 1, '2026-01-31'],
    ['2026-12-15', 1, '2027-01-14'],
    ['2026-12-01', 1, '2026-12-31'],
    // Month-end starts: the target month has no such day, so the period ends on its last day.
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2028-01-30', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-28'],
    ['2027-02-28', 12, '2028-02-27'],
    ['2026-03-01', 1, '2026-03-31'],
  ])('%s + %i months ends %s', (from, months, end) => {
    expect(validityEnd(from, months)).toBe(end);
  });

  it.each([
    ['2026-02-30', 12],
    ['2026-3-1', 12],
    ['2026-03-10', 0],
    ['2026-03-10', -1],
    ['2026-03-10', 1.5],
  ])('refuses %s + %s', (from, months) => {
    expect(() => validityEnd(from, months)).toThrow(RangeError);
  });

  it('never ends before it starts and moves forward with the start day', () => {
    let previous = '';
    for (let day = 1; day <= 31; day += 1) {
      const from = `2026-01-${String(day).padStart(2, '0')}`;
      const end = validityEnd(from, 1);
      expect(end >= from).toBe(true);
      expect(end >= previous).toBe(true);
      previous = end;
    }
  });
});
