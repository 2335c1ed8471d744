import { describe, expect, it } from 'vitest';
import { ageOn } from './age';

describe('ageOn', () => {
  it.each([
    ['1985-06-15', '2026-06-14', 40],
    ['1985-06-15', '2026-06-15', 41],
    ['1985-06-15', '2026-12-31', 41],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-03-10', '2026-03-10', 0],
    ['2027-01-01', '2026-03-10', undefined],
    [undefined, '2026-03-10', undefined],
  ])('born %s, on %s: %s', (birthDate, today, age) => {
    expect(ageOn(birthDate, today)).toBe(age);
  });
});
