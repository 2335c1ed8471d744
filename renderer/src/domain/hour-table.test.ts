import { describe, expect, it } from 'vitest';
import { hourTable, rulesFromTable } from './hour-table';
import { DEFAULT_HOUR_RULES, requiredHours, type HourRule } from './hour-rules';

describe('hourTable', () => {
  it('shows every combination, the worker refresher outside high-risk industries as empty', () => {
    const cells = hourTable(DEFAULT_HOUR_RULES);
    expect(cells).toHaveLength(12);
    expect(cells.map((c) => [c.audience, c.kind, c.highRisk, c.minHours, c.statutory])).toEqual([
      ['principal', 'initial', false, 32, 32],
      ['principal', 'initial', true, 48, 48],
      ['principal', 'refresher', false, 12, 12],
      ['principal', 'refresher', true, 16, 16],
      ['safety-officer', 'initial', false, 32, 32],
      ['safety-officer', 'initial', true, 48, 48],
      ['safety-officer', 'refresher', false, 12, 12],
      ['safety-officer', 'refresher', true, 16, 16],
      ['worker', 'initial', false, 24, 24],
      ['worker', 'initial', true, 72, 72],
      ['worker', 'refresher', false, null, null],
      ['worker', 'refresher', true, 20, 20],
    ]);
    expect(cells[0]!.basis).toBe('《生产经营单位安全培训规定》第九条');
    expect(cells[8]!.basis).toBe('《生产经营单位安全培训规定》第十三条');
  });

  it('keeps the largest of duplicate rows and shows the statutory value beside an edited one', () => {
    const rules: HourRule[] = [
      ...DEFAULT_HOUR_RULES,
      { audience: 'principal', kind: 'refresher', highRisk: false, minHours: 20, basis: '本局规定' },
    ];
    const cell = hourTable(rules).find(
      (c) => c.audience === 'principal' && c.kind === 'refresher' && !c.highRisk,
    )!;
    expect(cell).toMatchObject({ minHours: 20, statutory: 12, basis: '本局规定' });
  });

  it('round-trips: the stored rules answer requiredHours exactly as the defaults do', () => {
    const stored = rulesFromTable(hourTable(DEFAULT_HOUR_RULES));
    expect(stored).toHaveLength(DEFAULT_HOUR_RULES.length);
    for (const cell of hourTable(DEFAULT_HOUR_RULES)) {
      expect(requiredHours(stored, cell)).toBe(requiredHours(DEFAULT_HOUR_RULES, cell));
    }
  });

  it('stores nothing for a cleared cell', () => {
    const cells = hourTable(DEFAULT_HOUR_RULES).map((c) =>
      c.audience === 'worker' && c.kind === 'refresher' && c.highRisk ? { ...c, minHours: null } : c,
    );
    expect(
      requiredHours(rulesFromTable(cells), { audience: 'worker', kind: 'refresher', highRisk: true }),
    ).toBeNull();
  });
});
