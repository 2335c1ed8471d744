import { describe, expect, it } from 'vitest';
import { buildSessionStats, type StatsAttendanceInput, type StatsSessionInput } from './statistics';
import {
  creditsOfSession,
  personCreditsFromStats,
  replaceSessionCredits,
  type PersonCredits,
} from './person-credits';

const session = (id: string, dates: string[], extra: Partial<StatsSessionInput> = {}): StatsSessionInput => ({
  id,
  days: dates.map((date) => ({ date })),
  status: 'completed',
  courseId: `course-${id}`,
  venue: '职工食堂',
  ...extra,
});

const att = (
  personId: string,
  date: string,
  hoursCredited: number,
  deleted = false,
): StatsAttendanceInput => ({
  personId,
  date,
  status: hoursCredited > 0 ? 'present' : 'absent',
  hoursCredited,
  ...(deleted ? { deletedAt: '2026-01-01T00:00:00.000Z' } : {}),
});

const stats = (s: StatsSessionInput, attendance: StatsAttendanceInput[]) =>
  buildSessionStats(s, attendance, () => undefined);

const credit = (sessionId: string, date: string, hours: number) => ({
  sessionId,
  courseId: `course-${sessionId}`,
  date,
  hours,
});

describe('creditsOfSession', () => {
  it.each([
    {
      name: 'credited days of each attendee, by attendee',
      session: session('s1', ['2026-03-02', '2026-03-03']),
      attendance: [att('p1', '2026-03-02', 4), att('p1', '2026-03-03', 3.5), att('p2', '2026-03-03', 4)],
      expected: {
        p1: [credit('s1', '2026-03-02', 4), credit('s1', '2026-03-03', 3.5)],
        p2: [credit('s1', '2026-03-03', 4)],
      },
    },
    {
      name: 'days without hours (absent, excused) credit nothing',
      session: session('s1', ['2026-03-02']),
      attendance: [att('p1', '2026-03-02', 0), att('p2', '2026-03-02', 4)],
      expected: { p2: [credit('s1', '2026-03-02', 4)] },
    },
    {
      name: 'a tombstoned record credits nothing',
      session: session('s1', ['2026-03-02']),
      attendance: [att('p1', '2026-03-02', 4, true)],
      expected: {},
    },
    {
      name: 'a cancelled session credits nothing',
      session: session('s1', ['2026-03-02'], { status: 'cancelled' }),
      attendance: [att('p1', '2026-03-02', 4)],
      expected: {},
    },
    {
      name: 'a deleted session credits nothing',
      session: session('s1', ['2026-03-02'], { deletedAt: '2026-03-05T00:00:00.000Z' }),
      attendance: [att('p1', '2026-03-02', 4)],
      expected: {},
    },
  ])('$name', ({ session: s, attendance, expected }) => {
    expect(Object.fromEntries(creditsOfSession(stats(s, attendance)))).toEqual(expected);
  });
});

describe('replaceSessionCredits', () => {
  const s1 = stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 4), att('p2', '2026-03-02', 4)]);
  const s2 = stats(session('s2', ['2026-02-01']), [att('p1', '2026-02-01', 2)]);
  const current = new Map<string, PersonCredits>(personCreditsFromStats([s1, s2]).map((r) => [r.id, r]));

  it.each([
    {
      name: 'a recomputed session replaces its credits and keeps the others, in date order',
      people: ['p1', 'p2'],
      replaced: ['s1'],
      after: [stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 3)])],
      put: [{ id: 'p1', credits: [credit('s2', '2026-02-01', 2), credit('s1', '2026-03-02', 3)] }],
      deleted: ['p2'],
    },
    {
      name: 'a deleted session (no aggregate after) takes its credits away',
      people: ['p1'],
      replaced: ['s2'],
      after: [],
      put: [{ id: 'p1', credits: [credit('s1', '2026-03-02', 4)] }],
      deleted: [],
    },
    {
      name: 'a new attendee gains a record',
      people: ['p1', 'p2', 'p3'],
      replaced: ['s2'],
      after: [stats(session('s2', ['2026-02-01']), [att('p1', '2026-02-01', 2), att('p3', '2026-02-01', 2)])],
      put: [
        { id: 'p1', credits: [credit('s2', '2026-02-01', 2), credit('s1', '2026-03-02', 4)] },
        { id: 'p2', credits: [credit('s1', '2026-03-02', 4)] },
        { id: 'p3', credits: [credit('s2', '2026-02-01', 2)] },
      ],
      deleted: [],
    },
    {
      name: 'someone with no credits and no record stays without one',
      people: ['p9'],
      replaced: ['s1'],
      after: [s1],
      put: [],
      deleted: [],
    },
  ])('$name', ({ people, replaced, after, put, deleted }) => {
    expect(replaceSessionCredits(people, current, new Set(replaced), after)).toEqual({ put, deleted });
  });

  it('equals building from scratch after the change', () => {
    const s1b = stats(session('s1', ['2026-03-02', '2026-03-03']), [
      att('p2', '2026-03-03', 4),
      att('p4', '2026-03-02', 1),
    ]);
    const { put } = replaceSessionCredits(['p1', 'p2', 'p4'], current, new Set(['s1']), [s1b]);
    expect(put).toEqual(personCreditsFromStats([s1b, s2]));
  });
});
