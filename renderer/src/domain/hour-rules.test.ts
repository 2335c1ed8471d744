import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOUR_RULES,
  DEFAULT_MINUTES_PER_CLASS_HOUR,
  INDUSTRIES,
  isHighRiskIndustry,
  requiredHours,
  type Audience,
  type HourRule,
  type TrainingKind,
} from './hour-rules';

const ART_9 = '《生产经营单位安全培训规定》第九条';
const ART_13 = '《生产经营单位安全培训规定》第十三条';

describe('DEFAULT_HOUR_RULES', () => {
  it.each<[Audience, TrainingKind, boolean, number | null, string | null]>([
    ['principal', 'initial', false, 32, ART_9],
    ['principal', 'initial', true, 48, ART_9],
    ['principal', 'refresher', false, 12, ART_9],
    ['principal', 'refresher', true, 16, ART_9],
    ['safety-officer', 'initial', false, 32, ART_9],
    ['safety-officer', 'initial', true, 48, ART_9],
    ['safety-officer', 'refresher', false, 12, ART_9],
    ['safety-officer', 'refresher', true, 16, ART_9],
    ['worker', 'initial', false, 24, ART_13],
    ['worker', 'initial', true, 72, ART_13],
    ['worker', 'refresher', true, 20, ART_13],
    ['worker', 'refresher', false, null, null],
  ])('%s %s high-risk %s -> %s (%s)', (audience, kind, highRisk, hours, basis) => {
    expect(requiredHours(DEFAULT_HOUR_RULES, { audience, kind, highRisk })).toBe(hours);
    const row = DEFAULT_HOUR_RULES.find(
      (r) => r.audience === audience && r.kind === kind && r.highRisk === highRisk,
    );
    expect(row?.basis ?? null).toBe(basis);
  });

  it('has exactly one row per combination it covers', () => {
    const keys = DEFAULT_HOUR_RULES.map((r) => `${r.audience}/${r.kind}/${String(r.highRisk)}`);
    expect(keys).toHaveLength(11);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('requiredHours with an edited table', () => {
  const edited: HourRule[] = [
    { audience: 'worker', kind: 'refresher', highRisk: false, minHours: 8, basis: '区局规定' },
    { audience: 'principal', kind: 'initial', highRisk: false, minHours: 32, basis: 'a' },
    { audience: 'principal', kind: 'initial', highRisk: false, minHours: 40, basis: 'b' },
  ];
  it.each<[Audience, TrainingKind, boolean, number | null]>([
    ['worker', 'refresher', false, 8],
    ['principal', 'initial', false, 40],
    ['principal', 'initial', true, null],
  ])('%s %s high-risk %s -> %s', (audience, kind, highRisk, hours) => {
    expect(requiredHours(edited, { audience, kind, highRisk })).toBe(hours);
  });

  it('answers null for an empty table', () => {
    expect(requiredHours([], { audience: 'worker', kind: 'initial', highRisk: false })).toBeNull();
  });
});

describe('industries', () => {
  it.each([
    ['coal-mine', true],
    ['non-coal-mine', true],
    ['hazardous-chemicals', true],
    ['fireworks', true],
    ['metal-smelting', true],
    ['construction', false],
    ['manufacturing', false],
    ['transport', false],
    ['commerce-trade', false],
    ['other', false],
    ['unknown-code', false],
    ['', false],
  ])('isHighRiskIndustry(%j) -> %s', (code, highRisk) => {
    expect(isHighRiskIndustry(code)).toBe(highRisk);
  });

  it('lists unique kebab-case codes, the five high-risk ones first', () => {
    const codes = INDUSTRIES.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(INDUSTRIES.slice(0, 5).every((i) => i.highRisk)).toBe(true);
    expect(INDUSTRIES.filter((i) => i.highRisk)).toHaveLength(5);
  });

  it('uses 45 minutes per class hour by default', () => {
    expect(DEFAULT_MINUTES_PER_CLASS_HOUR).toBe(45);
  });
});
