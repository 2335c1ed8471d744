import { describe, expect, it } from 'vitest';
import {
  coverageByCategory,
  enterpriseCoverage,
  isCurrentTraining,
  normaliseTargets,
  type CoverageReason,
  type CoverageSubject,
  type CoverageTargets,
  DEFAULT_COVERAGE_TARGETS,
} from './coverage';
import type { TrainingStatus } from './hour-ledger';

const m = (status: TrainingStatus, personId = status) => ({ personId, status });

describe('isCurrentTraining', () => {
  it.each<[TrainingStatus, boolean]>([
    ['current', true],
    ['due', true],
    ['overdue', false],
    ['never-trained', false],
  ])('%s -> %s', (status, expected) => {
    expect(isCurrentTraining(status)).toBe(expected);
  });
});

describe('enterpriseCoverage', () => {
  const cases: Array<{
    name: string;
    principals: TrainingStatus[];
    officers: TrainingStatus[];
    covered: boolean;
    reasons: CoverageReason[];
  }> = [
    {
      name: 'principal and officer current',
      principals: ['current'],
      officers: ['current'],
      covered: true,
      reasons: [],
    },
    {
      name: 'due later this year still counts',
      principals: ['due'],
      officers: ['current', 'due'],
      covered: true,
      reasons: [],
    },
    {
      name: 'nobody on record',
      principals: [],
      officers: [],
      covered: false,
      reasons: ['no-principal', 'no-officer'],
    },
    {
      name: 'no principal registered',
      principals: [],
      officers: ['current'],
      covered: false,
      reasons: ['no-principal'],
    },
    {
      name: 'no safety officer registered',
      principals: ['current'],
      officers: [],
      covered: false,
      reasons: ['no-officer'],
    },
    {
      name: 'principal overdue',
      principals: ['overdue'],
      officers: ['current'],
      covered: false,
      reasons: ['principal-overdue'],
    },
    {
      name: 'principal never trained',
      principals: ['never-trained'],
      officers: ['current'],
      covered: false,
      reasons: ['principal-never-trained'],
    },
    {
      name: 'one of two officers never trained',
      principals: ['current'],
      officers: ['current', 'never-trained'],
      covered: false,
      reasons: ['officer-never-trained'],
    },
    {
      name: 'every reason at once, in order',
      principals: ['overdue', 'never-trained'],
      officers: ['overdue', 'never-trained'],
      covered: false,
      reasons: ['principal-never-trained', 'principal-overdue', 'officer-never-trained', 'officer-overdue'],
    },
  ];
  it.each(cases)('$name', ({ principals, officers, covered, reasons }) => {
    expect(
      enterpriseCoverage({ principals: principals.map((s) => m(s)), officers: officers.map((s) => m(s)) }),
    ).toEqual({ covered, reasons });
  });
});

describe('coverageByCategory', () => {
  const targets: CoverageTargets = {
    all: 50,
    aboveDesignatedSize: 60,
    hazardousChemicals: 80,
    eachTown: null,
  };
  const e = (covered: boolean, fields: Omit<CoverageSubject, 'covered'> = {}): CoverageSubject => ({
    covered,
    ...fields,
  });
  const subjects: CoverageSubject[] = [
    e(true, { town: '青山镇', industry: 'hazardous-chemicals', aboveDesignatedSize: true }),
    e(true, { town: '青山镇', industry: 'hazardous-chemicals', aboveDesignatedSize: true }),
    e(true, { town: '青山镇', industry: 'hazardous-chemicals', aboveDesignatedSize: true }),
    e(false, { town: '柳桥镇', industry: 'hazardous-chemicals', aboveDesignatedSize: true }),
    e(false, { town: '柳桥镇', industry: 'construction', aboveDesignatedSize: true }),
    e(false, { industry: 'construction' }),
  ];

  it('counts each category and compares it with its target', () => {
    const rows = coverageByCategory(subjects, targets);
    expect(
      rows.map((r) => [
        r.category.kind === 'town' ? r.category.town : r.category.kind,
        r.enterprises,
        r.covered,
        r.target,
        r.met,
      ]),
    ).toEqual([
      ['all', 6, 3, 50, true],
      // 3 of 5 is exactly 60%: met, despite float error.
      ['above-designated-size', 5, 3, 60, true],
      ['hazardous-chemicals', 4, 3, 80, false],
      ['柳桥镇', 2, 0, null, null],
      ['青山镇', 3, 3, null, null],
    ]);
    expect(rows[2]!.share).toBe(0.75);
  });

  it.each<[string, number, number, number, boolean]>([
    ['just under', 59, 100, 60, false],
    ['exactly', 3, 5, 60, true],
    ['a third against 33.33', 1, 3, 33.33, true],
    ['zero target always met', 0, 4, 0, true],
    ['hundred percent needs all', 9, 10, 100, false],
  ])('target edge: %s', (_name, covered, total, target, met) => {
    const list = Array.from({ length: total }, (_, i) => e(i < covered));
    expect(coverageByCategory(list, { ...targets, all: target })[0]!.met).toBe(met);
  });

  it('has no share and no verdict for an empty category; towns follow the given order', () => {
    const rows = coverageByCategory([], targets, ['白塔镇']);
    expect(rows.map((r) => [r.enterprises, r.share, r.met])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    expect(rows[3]!.category).toEqual({ kind: 'town', town: '白塔镇' });
  });
});

describe('normaliseTargets', () => {
  it.each<[string, Partial<CoverageTargets> | undefined, CoverageTargets]>([
    ['nothing stored: defaults', undefined, { ...DEFAULT_COVERAGE_TARGETS }],
    [
      'stored values win, null means no target',
      { all: null, hazardousChemicals: 90 },
      { all: null, aboveDesignatedSize: 60, hazardousChemicals: 90, eachTown: 50 },
    ],
    [
      'out of range is no target',
      { all: 120, eachTown: -1 },
      { all: null, aboveDesignatedSize: 60, hazardousChemicals: 80, eachTown: null },
    ],
  ])('%s', (_name, stored, expected) => {
    expect(normaliseTargets(stored)).toEqual(expected);
  });
});
