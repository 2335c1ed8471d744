/*
 * The statutory minimum class hours (学时) as data. The coordinator sees this table and may edit a copy of it
 * (callers pass the rules in), so the numbers live here once and nowhere else in code.
 */

export type Audience = 'worker' | 'principal' | 'safety-officer';
export type TrainingKind = 'initial' | 'refresher';

export interface HourRule {
  audience: Audience;
  kind: TrainingKind;
  /** Whether the rule is for high-risk industries (see {@link INDUSTRIES}). */
  highRisk: boolean;
  /** Minimum class hours. */
  minHours: number;
  /** Legal basis, shown to the coordinator next to the number. */
  basis: string;
}

const ART_9 = '《生产经营单位安全培训规定》第九条';
const ART_13 = '《生产经营单位安全培训规定》第十三条';

/**
 * 《生产经营单位安全培训规定》: art. 9 for principals and safety officers, art. 13 for new workers. Art. 13 sets
 * a yearly refresher minimum only for workers in high-risk industries, so the non-high-risk worker refresher
 * has no row and {@link requiredHours} answers null ("no statutory minimum") rather than an invented number.
 */
export const DEFAULT_HOUR_RULES: readonly HourRule[] = Object.freeze([
  { audience: 'principal', kind: 'initial', highRisk: false, minHours: 32, basis: ART_9 },
  { audience: 'principal', kind: 'initial', highRisk: true, minHours: 48, basis: ART_9 },
  { audience: 'principal', kind: 'refresher', highRisk: false, minHours: 12, basis: ART_9 },
  { audience: 'principal', kind: 'refresher', highRisk: true, minHours: 16, basis: ART_9 },
  { audience: 'safety-officer', kind: 'initial', highRisk: false, minHours: 32, basis: ART_9 },
  { audience: 'safety-officer', kind: 'initial', highRisk: true, minHours: 48, basis: ART_9 },
  { audience: 'safety-officer', kind: 'refresher', highRisk: false, minHours: 12, basis: ART_9 },
  { audience: 'safety-officer', kind: 'refresher', highRisk: true, minHours: 16, basis: ART_9 },
  { audience: 'worker', kind: 'initial', highRisk: false, minHours: 24, basis: ART_13 },
  { audience: 'worker', kind: 'initial', highRisk: true, minHours: 72, basis: ART_13 },
  { audience: 'worker', kind: 'refresher', highRisk: true, minHours: 20, basis: ART_13 },
]);

/**
 * The minimum class hours for an audience, kind of training and industry risk, or null when no rule applies.
 * If an edited table has several matching rows, the largest minimum wins: a legal minimum is never lowered by
 * a duplicate row.
 */
export function requiredHours(
  rules: readonly HourRule[],
  q: { audience: Audience; kind: TrainingKind; highRisk: boolean },
): number | null {
  const matching = rules
    .filter((r) => r.audience === q.audience && r.kind === q.kind && r.highRisk === q.highRisk)
    .map((r) => r.minHours);
  return matching.length > 0 ? Math.max(...matching) : null;
}

/** Industry codes (the UI translates them); the first five are the high-risk industries named in art. 9 and 13. */
export const INDUSTRIES: readonly { code: string; highRisk: boolean }[] = Object.freeze([
  { code: 'coal-mine', highRisk: true },
  { code: 'non-coal-mine', highRisk: true },
  { code: 'hazardous-chemicals', highRisk: true },
  { code: 'fireworks', highRisk: true },
  { code: 'metal-smelting', highRisk: true },
  { code: 'construction', highRisk: false },
  { code: 'manufacturing', highRisk: false },
  { code: 'transport', highRisk: false },
  { code: 'commerce-trade', highRisk: false },
  { code: 'other', highRisk: false },
]);

/** Whether an industry code is high-risk; unknown codes are not (the coordinator picks from {@link INDUSTRIES}). */
export function isHighRiskIndustry(code: string): boolean {
  return INDUSTRIES.some((industry) => industry.code === code && industry.highRisk);
}

/** Minutes in one class hour (学时) unless the coordinator changes the setting. */
export const DEFAULT_MINUTES_PER_CLASS_HOUR = 45;
