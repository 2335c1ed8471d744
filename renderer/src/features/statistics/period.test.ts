import { describe, expect, it } from 'vitest';
import { periodFromQuery, presetPeriod } from './period';

describe('presetPeriod', () => {
  it.each([
    ['month', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['month', '2024-02-14', '2024-02-01', '2024-02-29'],
    ['quarter', '2026-11-29', '2026-10-01', '2026-12-31'],
    ['quarter', '2026-05-01', '2026-04-01', '2026-06-30'],
    ['year', '2026-11-29', '2026-01-01', '2026-12-31'],
    ['lastYear', '2026-01-01', '2025-01-01', '2025-12-31'],
  ] as const)('%s on %s: %s to %s', (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });

  it('custom keeps the current period', () => {
    expect(presetPeriod('custom', '2026-11-29', { from: '2026-03-03', to: '2026-04-04' })).toEqual({
      from: '2026-03-03',
      to: '2026-04-04',
    });
  });
});

describe('periodFromQuery', () => {
  it.each([
    ['from=2026-01-01&to=2026-12-31', { from: '2026-01-01', to: '2026-12-31' }],
    ['from=2026-12-31&to=2026-01-01', undefined],
    ['from=2026-01-01', undefined],
    ['from=x&to=2026-01-01', undefined],
  ])('%s', (query, period) => {
    expect(periodFromQuery(new URLSearchParams(query))).toEqual(period);
  });
});
