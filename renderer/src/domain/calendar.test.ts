import { describe, expect, it } from 'vitest';
import { isIsoDate, parseClockTime, parseIsoDate, toLocalIsoDate } from './calendar';

describe('parseIsoDate', () => {
  it.each([
    ['2026-03-10', { year: 2026, month: 3, day: 10 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1900-01-01', { year: 1900, month: 1, day: 1 }],
    ['1900-02-29', null],
    ['2026-02-29', null],
    ['2026-04-31', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-03-00', null],
    ['2026-3-10', null],
    ['20260310', null],
    ['', null],
  ])('%j -> %j', (iso, parts) => {
    expect(parseIsoDate(iso)).toEqual(parts);
    expect(isIsoDate(iso)).toBe(parts !== null);
  });
});

describe('parseClockTime', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['24:00', null],
    ['8:30', null],
    ['08:60', null],
    ['08:30:00', null],
    ['', null],
  ])('%j -> %j', (time, minutes) => {
    expect(parseClockTime(time)).toBe(minutes);
  });
});

describe('toLocalIsoDate', () => {
  it.each([
    [new Date(2026, 2, 10, 0, 0), '2026-03-10'],
    [new Date(2026, 2, 10, 23, 59, 59), '2026-03-10'],
    [new Date(1999, 11, 31, 12, 0), '1999-12-31'],
  ])('%s -> %s', (date, iso) => {
    expect(toLocalIsoDate(date)).toBe(iso);
  });
});
