import type { TrainingStatus } from './hour-ledger';

/*
 * Coverage against targets (培训覆盖率): the share of enterprises whose principal and safety officers all have
 * current training, per category (all, above designated size, hazardous chemicals, each town), against the
 * shares the coordinator sets.
 *
 * The definitions, stated here and on screen (coverage.definition):
 * - A manager's training is current when their yearly ledger (hour-ledger.ts, the same rule as the archive and the
 *   reminders) says current or due: trained, and no past year's minimum left unmet; this year's hours may still
 *   be under way until 31 December. Overdue and never trained are not current.
 * - An enterprise is covered when it has a principal on record, at least one safety officer on record, and every
 *   one of them is current. Managers on record are the people the enterprise names as principal or safety officer,
 *   and people working there whose own role is principal or safety officer (as the enterprise's page lists them).
 * - A category's share is covered / enterprises in it; the target is met when the share reaches the target.
 */

/** Why an enterprise is not covered; the first reasons are the ones to act on first. */
export type CoverageReason =
  | 'no-principal'
  | 'no-officer'
  | 'principal-never-trained'
  | 'principal-overdue'
  | 'officer-never-trained'
  | 'officer-overdue';

export const COVERAGE_REASONS: readonly CoverageReason[] = [
  'no-principal',
  'no-officer',
  'principal-never-trained',
  'principal-overdue',
  'officer-never-trained',
  'officer-overdue',
];

/** A manager's ledger status counts as current training: on time, including "due later this year". */
export function isCurrentTraining(status: TrainingStatus): boolean {
  return status === 'current' || status === 'due';
}

export interface ManagerStatus {
  personId: string;
  status: TrainingStatus;
}

/** Whether one enterprise is covered, and every reason it is not (in the order of {@link COVERAGE_REASONS}). */
export function enterpriseCoverage(managers: {
  principals: readonly ManagerStatus[];
  officers: readonly ManagerStatus[];
}): { covered: boolean; reasons: CoverageReason[] } {
  const reasons = new Set<CoverageReason>();
  if (managers.principals.length === 0) reasons.add('no-principal');
  if (managers.officers.length === 0) reasons.add('no-officer');
  for (const p of managers.principals) {
    if (p.status === 'never-trained') reasons.add('principal-never-trained');
    if (p.status === 'overdue') reasons.add('principal-overdue');
  }
  for (const o of managers.officers) {
    if (o.status === 'never-trained') reasons.add('officer-never-trained');
    if (o.status === 'overdue') reasons.add('officer-overdue');
  }
  const list = COVERAGE_REASONS.filter((r) => reasons.has(r));
  return { covered: list.length === 0, reasons: list };
}

/** Targets in percent (0-100); null where the coordinator sets none. */
export interface CoverageTargets {
  all: number | null;
  aboveDesignatedSize: number | null;
  hazardousChemicals: number | null;
  /** The same target for every town. */
  eachTown: number | null;
}

/** The example of the bureau's own account: 60% of enterprises above designated size, 80% of hazardous chemicals. */
export const DEFAULT_COVERAGE_TARGETS: Readonly<CoverageTargets> = Object.freeze({
  all: 50,
  aboveDesignatedSize: 60,
  hazardousChemicals: 80,
  eachTown: 50,
});

/** The industry code of hazardous-chemicals enterprises (hour-rules INDUSTRIES). */
export const HAZARDOUS_CHEMICALS = 'hazardous-chemicals';

export type CoverageCategory =
  | { kind: 'all' }
  | { kind: 'above-designated-size' }
  | { kind: 'hazardous-chemicals' }
  | { kind: 'town'; town: string };

/** What the categories need to know of an enterprise. */
export interface CoverageSubject {
  town?: string;
  industry?: string;
  aboveDesignatedSize?: boolean;
  covered: boolean;
}

export interface CategoryCoverage {
  category: CoverageCategory;
  enterprises: number;
  covered: number;
  /** covered / enterprises, 0-1; null when the category has no enterprises. */
  share: number | null;
  /** Percent, or null when none is set. */
  target: number | null;
  /** Whether the share reaches the target; null when there is no target or no enterprise to measure. */
  met: boolean | null;
}

// Shares are compared in whole hundredths of a percent, so that 3 of 5 meets a 60% target despite float error.
function reaches(covered: number, total: number, target: number): boolean {
  return Math.round((covered * 10_000) / total) >= Math.round(target * 100);
}

export function inCategory(subject: CoverageSubject, category: CoverageCategory): boolean {
  switch (category.kind) {
    case 'all':
      return true;
    case 'above-designated-size':
      return subject.aboveDesignatedSize === true;
    case 'hazardous-chemicals':
      return subject.industry === HAZARDOUS_CHEMICALS;
    case 'town':
      return subject.town === category.town;
  }
}

function targetOf(category: CoverageCategory, targets: CoverageTargets): number | null {
  switch (category.kind) {
    case 'all':
      return targets.all;
    case 'above-designated-size':
      return targets.aboveDesignatedSize;
    case 'hazardous-chemicals':
      return targets.hazardousChemicals;
    case 'town':
      return targets.eachTown;
  }
}

/**
 * Coverage of every category: all, above designated size, hazardous chemicals, then each town that has
 * enterprises (in the order given, or sorted by name), enterprises without a town left out of the town rows.
 */
export function coverageByCategory(
  subjects: readonly CoverageSubject[],
  targets: CoverageTargets,
  towns?: readonly string[],
): CategoryCoverage[] {
  const townList =
    towns ??
    [...new Set(subjects.flatMap((s) => (s.town ? [s.town] : [])))].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
  const categories: CoverageCategory[] = [
    { kind: 'all' },
    { kind: 'above-designated-size' },
    { kind: 'hazardous-chemicals' },
    ...townList.map((town): CoverageCategory => ({ kind: 'town', town })),
  ];
  return categories.map((category) => {
    let enterprises = 0;
    let covered = 0;
    for (const s of subjects) {
      if (!inCategory(s, category)) continue;
      enterprises += 1;
      if (s.covered) covered += 1;
    }
    const target = targetOf(category, targets);
    return {
      category,
      enterprises,
      covered,
      share: enterprises > 0 ? covered / enterprises : null,
      target,
      met: target === null || enterprises === 0 ? null : reaches(covered, enterprises, target),
    };
  });
}

/** Targets as stored (older settings lack some or all): missing ones take the defaults; out-of-range ones none. */
export function normaliseTargets(stored: Partial<CoverageTargets> | undefined): CoverageTargets {
  const pick = (key: keyof CoverageTargets): number | null => {
    const value = stored?.[key];
    if (value === undefined) return DEFAULT_COVERAGE_TARGETS[key];
    return value !== null && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
  };
  return {
    all: pick('all'),
    aboveDesignatedSize: pick('aboveDesignatedSize'),
    hazardousChemicals: pick('hazardousChemicals'),
    eachTown: pick('eachTown'),
  };
}
