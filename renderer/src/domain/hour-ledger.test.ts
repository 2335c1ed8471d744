import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  hourLedger,
  obligationOf,
  type LedgerAttendance,
  type LedgerInput,
  type HourLedger,
} from './hour-ledger';
import { DEFAULT_HOUR_RULES, type HourRule } from './hour-rules';

const initial = (date: string, hours: number): LedgerAttendance => ({ date, hours, kind: 'initial' });
const refresher = (date: string, hours: number): LedgerAttendance => ({ date, hours, kind: 'refresher' });
/** Six 8-hour days of an initial course: 48 class hours, the high-risk principal minimum. */
const initialWeek = (year: number, hoursPerDay = 8, days = 6) =>
  Array.from({ length: days }, (_, i) =>
    initial(`${year}-04-${String(10 + i).padStart(2, '0')}`, hoursPerDay),
  );

type Case = {
  name: string;
  input: Partial<LedgerInput> & Pick<LedgerInput, 'audience' | 'highRisk' | 'attendance' | 'today'>;
  years: Array<[number, 'initial' | 'refresher', number, number | null, boolean | null]>;
  status: HourLedger['status'];
  dueDate?: string;
};

const cases: Case[] = [
  {
    name: 'hazardous-chemicals principal: 48-hour initial last year, no refresher yet, December near',
    input: { audience: 'principal', highRisk: true, attendance: initialWeek(2025), today: '2026-11-29' },
    years: [
      [2025, 'initial', 48, 48, true],
      [2026, 'refresher', 0, 16, false],
    ],
    status: 'due',
    dueDate: '2026-12-31',
  },
  {
    name: 'same principal with a 30-day horizon: not due yet',
    input: {
      audience: 'principal',
      highRisk: true,
      attendance: initialWeek(2025),
      today: '2026-11-29',
      dueWithinDays: 30,
    },
    years: [
      [2025, 'initial', 48, 48, true],
      [2026, 'refresher', 0, 16, false],
    ],
    status: 'current',
    dueDate: '2026-12-31',
  },
  {
    name: 'hazardous-chemicals principal: refresher of 16 done this year',
    input: {
      audience: 'principal',
      highRisk: true,
      attendance: [...initialWeek(2025), refresher('2026-05-06', 8), refresher('2026-05-07', 8)],
      today: '2026-11-29',
    },
    years: [
      [2025, 'initial', 48, 48, true],
      [2026, 'refresher', 16, 16, true],
    ],
    status: 'current',
  },
  {
    name: 'hazardous-chemicals principal: 12 refresher hours are not enough (16 needed)',
    input: {
      audience: 'principal',
      highRisk: true,
      attendance: [...initialWeek(2025), refresher('2026-05-06', 12)],
      today: '2026-12-20',
    },
    years: [
      [2025, 'initial', 48, 48, true],
      [2026, 'refresher', 12, 16, false],
    ],
    status: 'due',
    dueDate: '2026-12-31',
  },
  {
    name: 'hazardous-chemicals principal: no refresher last year and none this year is overdue',
    input: { audience: 'principal', highRisk: true, attendance: initialWeek(2024), today: '2026-03-01' },
    years: [
      [2024, 'initial', 48, 48, true],
      [2025, 'refresher', 0, 16, false],
      [2026, 'refresher', 0, 16, false],
    ],
    status: 'overdue',
    dueDate: '2025-12-31',
  },
  {
    name: 'a missed year made good this year is current again',
    input: {
      audience: 'principal',
      highRisk: true,
      attendance: [...initialWeek(2024), refresher('2026-02-10', 16)],
      today: '2026-03-01',
    },
    years: [
      [2024, 'initial', 48, 48, true],
      [2025, 'refresher', 0, 16, false],
      [2026, 'refresher', 16, 16, true],
    ],
    status: 'current',
  },
  {
    name: 'hazardous-chemicals principal: an initial course short of 48 hours, year over, is overdue',
    input: {
      audience: 'principal',
      highRisk: true,
      attendance: initialWeek(2025, 8, 4),
      today: '2026-06-01',
    },
    years: [
      [2025, 'initial', 32, 48, false],
      [2026, 'refresher', 0, 16, false],
    ],
    status: 'overdue',
    dueDate: '2025-12-31',
  },
  {
    name: 'principal outside high-risk industries: 32 initial then 12 a year',
    input: {
      audience: 'principal',
      highRisk: false,
      attendance: [...initialWeek(2025, 8, 4), refresher('2026-09-01', 12)],
      today: '2026-11-29',
    },
    years: [
      [2025, 'initial', 32, 32, true],
      [2026, 'refresher', 12, 12, true],
    ],
    status: 'current',
  },
  {
    name: 'safety officer trained this year: initial year, half done, December near',
    input: {
      audience: 'safety-officer',
      highRisk: false,
      attendance: initialWeek(2026, 8, 2),
      today: '2026-12-01',
    },
    years: [[2026, 'initial', 16, 32, false]],
    status: 'due',
    dueDate: '2026-12-31',
  },
  {
    name: 'first hours on record are a refresher: initial training was elsewhere',
    input: {
      audience: 'safety-officer',
      highRisk: false,
      attendance: [refresher('2025-06-01', 12)],
      today: '2026-02-01',
    },
    years: [
      [2025, 'refresher', 12, 12, true],
      [2026, 'refresher', 0, 12, false],
    ],
    status: 'current',
    dueDate: '2026-12-31',
  },
  {
    name: 'worker outside high-risk industries: 4 hours, no statutory refresher',
    input: {
      audience: 'worker',
      highRisk: false,
      attendance: [initial('2025-03-10', 4)],
      today: '2026-11-29',
    },
    years: [
      [2025, 'initial', 4, 24, false],
      [2026, 'refresher', 0, null, null],
    ],
    status: 'current',
  },
  {
    name: 'worker outside high-risk industries, trained twice in one year: hours summed',
    input: {
      audience: 'worker',
      highRisk: false,
      attendance: [initial('2026-03-10', 4), initial('2026-09-02', 2.5), initial('2026-09-03', 0)],
      today: '2026-11-29',
    },
    years: [[2026, 'initial', 6.5, 24, false]],
    status: 'current',
  },
  {
    name: 'worker in a high-risk industry: 72 initial, then 20 a year',
    input: {
      audience: 'worker',
      highRisk: true,
      attendance: initialWeek(2025, 8, 9).map((a, i) => ({ ...a, date: `2025-04-${10 + i}` })),
      today: '2026-11-29',
    },
    years: [
      [2025, 'initial', 72, 72, true],
      [2026, 'refresher', 0, 20, false],
    ],
    status: 'due',
    dueDate: '2026-12-31',
  },
  {
    name: 'no hours at all',
    input: { audience: 'principal', highRisk: true, attendance: [], today: '2026-11-29' },
    years: [],
    status: 'never-trained',
  },
  {
    name: 'enrolled but absent (0 hours) is never trained',
    input: {
      audience: 'principal',
      highRisk: true,
      attendance: [initial('2026-04-10', 0)],
      today: '2026-11-29',
    },
    years: [],
    status: 'never-trained',
  },
  {
    name: 'an edited table raises the refresher minimum',
    input: {
      audience: 'principal',
      highRisk: false,
      attendance: [...initialWeek(2025, 8, 4), refresher('2026-09-01', 12)],
      today: '2026-11-29',
      rules: DEFAULT_HOUR_RULES.map((r): HourRule =>
        r.audience === 'principal' && r.kind === 'refresher' && !r.highRisk ? { ...r, minHours: 20 } : r,
      ),
    },
    years: [
      [2025, 'initial', 32, 32, true],
      [2026, 'refresher', 12, 20, false],
    ],
    status: 'due',
    dueDate: '2026-12-31',
  },
];

describe('hourLedger', () => {
  it.each(cases)('$name', ({ input, years, status, dueDate }) => {
    const ledger = hourLedger({ rules: DEFAULT_HOUR_RULES, dueWithinDays: 60, ...input });
    expect(ledger.years.map((y) => [y.year, y.kind, y.hours, y.required, y.met])).toEqual(years);
    expect(ledger.status).toBe(status);
    expect(ledger.dueDate).toBe(dueDate);
  });

  it('counts the days to the deadline', () => {
    const ledger = hourLedger({
      audience: 'principal',
      highRisk: true,
      attendance: initialWeek(2025),
      rules: DEFAULT_HOUR_RULES,
      today: '2026-11-29',
      dueWithinDays: 60,
    });
    expect(ledger.daysUntilDue).toBe(32);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-29', '2026-12-31', 32],
    ['2026-12-31', '2026-12-31', 0],
    ['2026-03-01', '2025-12-31', -60],
    ['2024-02-28', '2024-03-01', 2],
  ])('%s -> %s: %s', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-29', 60, '2027-01-28'],
    ['2026-11-29', -60, '2026-09-30'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s + %s -> %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });
});

describe('obligationOf', () => {
  it.each([
    { role: 'worker', linkedRoles: [], risks: [false], audience: 'worker', highRisk: false },
    { role: 'worker', linkedRoles: [], risks: [true], audience: 'worker', highRisk: true },
    {
      role: 'worker',
      linkedRoles: ['safety-officer'],
      risks: [false],
      audience: 'safety-officer',
      highRisk: false,
    },
    {
      role: 'safety-officer',
      linkedRoles: ['principal'],
      risks: [false, true],
      audience: 'principal',
      highRisk: true,
    },
    { role: 'principal', linkedRoles: ['safety-officer'], risks: [], audience: 'principal', highRisk: false },
  ] as const)('$role linked as $linkedRoles, risks $risks -> $audience, high-risk $highRisk', (c) => {
    expect(obligationOf({ role: c.role, linkedRoles: c.linkedRoles, enterprisesHighRisk: c.risks })).toEqual({
      audience: c.audience,
      highRisk: c.highRisk,
    });
  });
});
