import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatHours } from './format';

describe('formatDate', () => {
  it.each([
    ['2026-11-29', 'zh-CN', '2026年11月29日'],
    ['2026-01-05', 'zh-CN', '2026年1月5日'],
    ['2026-01-05', 'en', '2026-01-05'],
  ] as const)('%s in %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });
});

describe('formatDateRange', () => {
  it.each([
    [['2026-11-20'], 'zh-CN', '2026年11月20日'],
    [['2026-11-20', '2026-11-21', '2026-11-23'], 'zh-CN', '2026年11月20日至11月23日'],
    [['2026-12-31', '2027-01-02'], 'zh-CN', '2026年12月31日至2027年1月2日'],
    [['2026-11-20', '2026-11-23'], 'en', '2026-11-20 – 2026-11-23'],
    [[], 'zh-CN', ''],
  ] as const)('%j in %s', (dates, locale, expected) => {
    expect(formatDateRange(dates, locale)).toBe(expected);
  });
});

describe('formatHours', () => {
  it.each([
    [4, '4'],
    [3.5, '3.5'],
    [0, '0'],
  ])('%d', (hours, expected) => {
    expect(formatHours(hours)).toBe(expected);
  });
});
