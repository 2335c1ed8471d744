import { describe, expect, it } from 'vitest';
import { median, percentile, perOperation, round, summarize } from './bench-lib.mjs';
import { cleanMetric, formatTable, goalVerdict, withGrowth, type BenchResults } from './bench-lib.mjs';

describe('percentile (nearest rank)', () => {
  it.each([
    [[5], 50, 5],
    [[5], 95, 5],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 95, 4],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
    [Array.from({ length: 100 }, (_, i) => 100 - i), 50, 50],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
  ])('%j at p%d is %d', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
  });
});

describe('summarize', () => {
  it('gives min, median, max, p50, p95 and the count, whatever the order', () => {
    expect(summarize([3, 1, 4, 1, 5, 9, 2, 6])).toEqual({
      min: 1,
      median: 3.5,
      max: 9,
      p50: 3,
      p95: 9,
      count: 8,
    });
  });

  it('divides batch totals into per-operation times', () => {
    expect(perOperation([500, 700], 1000)).toEqual([0.5, 0.7]);
  });

  it.each([
    [1234.567, 1235],
    [12.345, 12.3],
    [0.12345, 0.123],
    [0.0012345, 0.001],
    [0, 0],
  ])('rounds %d to %d', (value, expected) => {
    expect(round(value)).toBe(expected);
  });
});

describe('results.json', () => {
  const full = {
    checkin: { unit: 'ms' as const, p50: 12.34, p95: 40.01, ratio: 1.5, baseline: 8, min: 1, max: 60 },
    report: { unit: 'ms' as const, median: 1500, min: 1400, max: 1600 },
    lookupById: { unit: 'ms' as const, median: 0.5, baseline: 0.4, ratio: 1.25, p95: Number.NaN },
  };
  const tenth = {
    checkin: { unit: 'ms' as const, p50: 10, p95: 30 },
    report: { unit: 'ms' as const, median: 150 },
  };

  it('has the documented keys only, rounded, with the tenth-size figure as small', () => {
    const metrics = withGrowth(full, tenth);
    expect(metrics).toEqual({
      checkin: { unit: 'ms', p50: 12.3, p95: 40, min: 1, max: 60, baseline: 8, ratio: 1.5, small: 30 },
      report: { unit: 'ms', median: 1500, min: 1400, max: 1600, small: 150 },
      lookupById: { unit: 'ms', median: 0.5, baseline: 0.4, ratio: 1.25 },
    });
    const allowed = new Set(['unit', 'p50', 'p95', 'median', 'min', 'max', 'baseline', 'ratio', 'small']);
    for (const metric of Object.values(metrics)) {
      expect(Object.keys(metric).every((k) => allowed.has(k))).toBe(true);
      expect(['ms', 's', 'ratio']).toContain(metric.unit);
    }
  });

  it('judges each goal and marks a missed one', () => {
    expect(goalVerdict('checkin', cleanMetric(full.checkin))).toBe('yes');
    expect(goalVerdict('report', cleanMetric(full.report))).toBe('NO');
    expect(goalVerdict('search', { unit: 'ms' })).toBe('?');
    expect(goalVerdict('coldStartEmpty', { unit: 'ms', median: 1 })).toBe('');
  });

  it('prints one table row per metric', () => {
    const results: BenchResults = { metrics: withGrowth(full, tenth), size: {}, machine: {} };
    const lines = formatTable(results).split('\n');
    expect(lines).toHaveLength(2 + 3);
    expect(lines[2]).toMatch(/^\| checkin .*\| p95 ≤ 50, ratio ≤ 2 *\| yes *\|$/);
    expect(lines[3]).toMatch(/\| report .*\| NO *\|$/);
  });
});
