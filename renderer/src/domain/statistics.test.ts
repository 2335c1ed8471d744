import { describe, expect, it } from 'vitest';
import {
  attendeesOf,
  buildSessionStats,
  monthsOf,
  monthsOfPeriod,
  replaceInMonth,
  provinceCodeOf,
  statisticsReport,
  trainingSummaryOf,
  type SessionStats,
  type StatsAttendanceInput,
  type StatsSessionInput,
} from './statistics';

const session = (id: string, dates: string[], extra: Partial<StatsSessionInput> = {}): StatsSessionInput => ({
  id,
  days: dates.map((date) => ({ date })),
  status: 'completed',
  courseId: 'c-worker',
  venue: '职工食堂',
  ...extra,
});

const att = (
  personId: string,
  date: string,
  status: StatsAttendanceInput['status'],
  hoursCredited = status === 'absent' || status === 'excused' ? 0 : 4,
): StatsAttendanceInput => ({ personId, date, status, hoursCredited });

const PEOPLE: Record<string, { enterpriseId?: string; homeRegion?: string }> = {
  p1: { enterpriseId: 'e1', homeRegion: '510104' },
  p2: { enterpriseId: 'e1', homeRegion: '320402' },
  p3: { enterpriseId: 'e2', homeRegion: '510105' },
  p4: {},
};
const personOf = (id: string) => PEOPLE[id];

const lookups = {
  audienceOf: (courseId: string) => (courseId === 'c-worker' ? 'worker' : 'principal'),
  enterpriseOf: (id: string) =>
    ({ e1: { town: '柳桥镇', industry: 'construction' }, e2: { town: '城关街道' } })[id],
};

// Two-day worker session across the month's edge; a one-day managers' course; a cancelled one; one without anyone.
const STATS: SessionStats[] = [
  buildSessionStats(
    session('s1', ['2026-03-31', '2026-04-01']),
    [
      att('p1', '2026-03-31', 'present'),
      att('p1', '2026-04-01', 'late'),
      att('p2', '2026-03-31', 'absent'),
      att('p2', '2026-04-01', 'left-early', 2),
      att('p3', '2026-03-31', 'excused'),
      { ...att('p4', '2026-03-31', 'present'), deletedAt: '2026-04-02T00:00:00Z' },
    ],
    personOf,
  ),
  buildSessionStats(
    session('s2', ['2026-03-10'], { courseId: 'c-manager', hostEnterpriseId: 'e2' }),
    [att('p1', '2026-03-10', 'present'), att('p4', '2026-03-10', 'present', 8)],
    personOf,
  ),
  buildSessionStats(
    session('s3', ['2026-03-12'], { status: 'cancelled' }),
    [att('p3', '2026-03-12', 'present')],
    personOf,
  ),
  buildSessionStats(session('s4', ['2026-03-20'], { venue: '工地' }), [], personOf),
];

describe('buildSessionStats', () => {
  it('keeps compact columns of the live attendance, ordered, with the employer and home region of the time', () => {
    expect(STATS[0]).toEqual({
      id: 's1',
      dates: ['2026-03-31', '2026-04-01'],
      held: true,
      courseId: 'c-worker',
      venue: '职工食堂',
      people: 'p1 p2 p3',
      employers: 'e1 e1 e2',
      regions: '510104 320402 510105',
      marks: new Uint16Array([0, 0, 0, 0, 1, 1, 1, 0, 3, 1, 1, 2, 2, 0, 4]),
      hours: new Float64Array([4, 4, 0, 2, 0]),
    });
  });

  it('adds dates attendance was recorded for that the session no longer has, and is not held when deleted', () => {
    const stats = buildSessionStats(
      session('s', ['2026-05-02'], { deletedAt: 'x' }),
      [att('p1', '2026-05-01', 'present')],
      personOf,
    );
    expect(stats.dates).toEqual(['2026-05-01', '2026-05-02']);
    expect(stats.held).toBe(false);
  });
});

describe('trainingSummaryOf', () => {
  it.each([
    // period, sessions, people, personTimes, personHours, attendanceRate
    [{ from: '2026-03-01', to: '2026-04-30' }, 3, 3, 4, 22, 5 / 6],
    [{ from: '2026-03-01', to: '2026-03-31' }, 3, 2, 3, 16, 3 / 4],
    [{ from: '2026-04-01', to: '2026-04-30' }, 1, 2, 2, 6, 1],
    [{ from: '2026-03-31', to: '2026-03-31' }, 1, 1, 1, 4, 1 / 2],
    [{ from: '2026-03-20', to: '2026-03-20' }, 1, 0, 0, 0, null],
    [{ from: '2026-06-01', to: '2026-06-30' }, 0, 0, 0, 0, null],
  ])(
    '%o: %i sessions, %i people, %i person-times, %f hours, rate %s',
    (period, sessions, people, personTimes, personHours, attendanceRate) => {
      expect(trainingSummaryOf(STATS, period)).toEqual({
        sessions,
        people,
        personTimes,
        personHours,
        attendanceRate,
      });
    },
  );
});

describe('statisticsReport', () => {
  const report = statisticsReport(STATS, { from: '2026-03-01', to: '2026-04-30' }, lookups);

  it('has the same summary as trainingSummaryOf', () => {
    expect(report.summary).toEqual(trainingSummaryOf(STATS, report.period));
  });

  it('breaks down by audience and course (sessions held in them), and by site for workers only', () => {
    expect(
      report.breakdowns.audience.map((r) => [r.key, r.sessions, r.people, r.personTimes, r.personHours]),
    ).toEqual([
      ['worker', 2, 2, 2, 10],
      ['principal', 1, 2, 2, 12],
    ]);
    expect(report.breakdowns.site.map((r) => [r.key, r.sessions, r.personTimes])).toEqual([
      ['venue:职工食堂', 1, 2],
      ['venue:工地', 1, 0],
    ]);
  });

  it('breaks down by employer, its town and industry (sessions their people attended); unknown is the empty key', () => {
    expect(
      report.breakdowns.enterprise.map((r) => [r.key, r.sessions, r.people, r.personTimes, r.personHours]),
    ).toEqual([
      ['e1', 2, 2, 3, 14],
      ['', 1, 1, 1, 8],
      ['e2', 0, 0, 0, 0],
    ]);
    expect(report.breakdowns.town.map((r) => r.key)).toEqual(['柳桥镇', '', '城关街道']);
    expect(report.breakdowns.industry.map((r) => [r.key, r.personTimes])).toEqual(
      [
        ['', 1],
        ['construction', 3],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });

  it('counts migrant workers by home province (worker courses only)', () => {
    expect(report.breakdowns.province.map((r) => [r.key, r.people, r.attendanceRate])).toEqual([
      ['32', 1, 1 / 2],
      ['51', 1, 1],
    ]);
  });
});

describe('attendeesOf', () => {
  it.each([
    ['', '', '', { personIds: [], enterpriseIds: [], homeRegions: [] }],
    ['p1', '', '', { personIds: ['p1'], enterpriseIds: [''], homeRegions: [''] }],
    [
      'p1 p2',
      ' e2',
      '510104 ',
      { personIds: ['p1', 'p2'], enterpriseIds: ['', 'e2'], homeRegions: ['510104', ''] },
    ],
  ])('%j %j %j', (people, employers, regions, columns) => {
    expect(attendeesOf({ people, employers, regions })).toEqual(columns);
  });
});

describe('months', () => {
  it.each([
    [{ from: '2026-03-31', to: '2026-04-01' }, ['2026-03', '2026-04']],
    [{ from: '2025-11-15', to: '2026-02-01' }, ['2025-11', '2025-12', '2026-01', '2026-02']],
    [{ from: '2026-01-01', to: '2026-01-31' }, ['2026-01']],
  ])('monthsOfPeriod(%o)', (period, months) => expect(monthsOfPeriod(period)).toEqual(months));

  it('a session belongs to every month it has a date in', () => {
    expect(monthsOf(STATS[0]!)).toEqual(['2026-03', '2026-04']);
  });

  it('replaceInMonth replaces, removes and adds by session id, ordered', () => {
    const [s1, s2, s3] = STATS as [SessionStats, SessionStats, SessionStats];
    const changed = { ...s2, venue: '新场地' };
    expect(replaceInMonth([s1, s2], new Set([s1.id]), [s3, changed])).toEqual([changed, s3]);
  });
});

describe('provinceCodeOf', () => {
  it.each([
    ['510104', '51'],
    ['', ''],
    ['x1', ''],
  ])('%s -> %s', (region, code) => expect(provinceCodeOf(region)).toBe(code));
});
