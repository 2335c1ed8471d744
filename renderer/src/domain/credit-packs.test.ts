import { describe, expect, it } from 'vitest';
import { buildSessionStats, type StatsAttendanceInput, type StatsSessionInput } from './statistics';
import {
  creditsInPacks,
  dayName,
  dayNumber,
  PACK_COUNT,
  packOf,
  packsFromStats,
  packsToRead,
  replaceSessionCredits,
  SessionNumbers,
  type CreditPack,
  type PersonCredit,
} from './credit-packs';

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

const credit = (
  sessionId: string,
  date: string,
  hours: number,
  courseId = `course-${sessionId}`,
): PersonCredit => ({
  sessionId,
  courseId,
  date,
  hours,
});

const EVERYONE = new Set(['p1', 'p2', 'p3', 'p4', 'p9']);

/** What packs hold, decoded, people in order. */
function decode(built: { packs: CreditPack[]; sessions: SessionNumbers['table'] }) {
  return Object.fromEntries(
    [...creditsInPacks(built.packs, built.sessions, EVERYONE)].sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('packOf, dayNumber', () => {
  it('spreads ids over every pack and always puts an id in the same one', () => {
    const ids = Array.from(
      { length: 6400 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const counts = new Array<number>(PACK_COUNT).fill(0);
    for (const id of ids) counts[packOf(id)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
    expect(ids.map(packOf)).toEqual(ids.map(packOf));
  });

  it.each(['1970-01-01', '2000-02-29', '2026-03-02', '2099-12-31'])('%s survives the day number', (iso) => {
    expect(dayName(dayNumber(iso))).toBe(iso);
  });
});

describe('packsFromStats', () => {
  it.each([
    {
      name: 'credited days of each attendee, in date order',
      sessions: [
        stats(session('s1', ['2026-03-02', '2026-03-03']), [
          att('p1', '2026-03-03', 3.5),
          att('p1', '2026-03-02', 4),
          att('p2', '2026-03-03', 4),
        ]),
      ],
      expected: {
        p1: [credit('s1', '2026-03-02', 4), credit('s1', '2026-03-03', 3.5)],
        p2: [credit('s1', '2026-03-03', 4)],
      },
    },
    {
      name: 'days without hours (absent, excused) credit nothing',
      sessions: [
        stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 0), att('p2', '2026-03-02', 4)]),
      ],
      expected: { p2: [credit('s1', '2026-03-02', 4)] },
    },
    {
      name: 'a tombstoned record credits nothing',
      sessions: [stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 4, true)])],
      expected: {},
    },
    {
      name: 'a cancelled session credits nothing',
      sessions: [stats(session('s1', ['2026-03-02'], { status: 'cancelled' }), [att('p1', '2026-03-02', 4)])],
      expected: {},
    },
    {
      name: 'a deleted session credits nothing',
      sessions: [
        stats(session('s1', ['2026-03-02'], { deletedAt: '2026-03-05T00:00:00.000Z' }), [
          att('p1', '2026-03-02', 4),
        ]),
      ],
      expected: {},
    },
    {
      name: 'fractional hours are kept exactly',
      sessions: [stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 4 / 3)])],
      expected: { p1: [credit('s1', '2026-03-02', 4 / 3)] },
    },
  ])('$name', ({ sessions, expected }) => {
    expect(decode(packsFromStats(sessions))).toEqual(expected);
  });
});

describe('replaceSessionCredits', () => {
  const s1 = stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 4), att('p2', '2026-03-02', 4)]);
  const s2 = stats(session('s2', ['2026-02-01']), [att('p1', '2026-02-01', 2)]);

  /** The packs of [s1, s2] after recomputing `replaced` into `after`, decoded; checked against a rebuild. */
  function replace(replaced: string[], after: ReturnType<typeof stats>[]) {
    const start = packsFromStats([s1, s2]);
    const numbers = new SessionNumbers(start.sessions);
    const before = [s1, s2].filter((s) => replaced.includes(s.id));
    const ids = packsToRead([...before, ...after]);
    const stored = new Map(start.packs.map((p) => [p.id, p]));
    const changed = replaceSessionCredits(
      new Map(ids.map((id) => [id, stored.get(id)])),
      numbers,
      new Set(replaced),
      after,
    );
    for (const pack of changed) stored.set(pack.id, pack);
    const result = decode({ packs: [...stored.values()], sessions: numbers.table });
    const untouched = [s1, s2].filter((s) => !replaced.includes(s.id));
    expect(result).toEqual(decode(packsFromStats([...untouched, ...after])));
    return result;
  }

  it.each([
    {
      name: 'a recomputed session replaces its credits and keeps the others',
      replaced: ['s1'],
      after: [stats(session('s1', ['2026-03-02']), [att('p1', '2026-03-02', 3)])],
      expected: { p1: [credit('s2', '2026-02-01', 2), credit('s1', '2026-03-02', 3)] },
    },
    {
      name: 'a deleted session (no aggregate after) takes its credits away',
      replaced: ['s2'],
      after: [],
      expected: { p1: [credit('s1', '2026-03-02', 4)], p2: [credit('s1', '2026-03-02', 4)] },
    },
    {
      name: 'a new attendee and a new session',
      replaced: ['s2', 's3'],
      after: [
        stats(session('s2', ['2026-02-01']), [att('p1', '2026-02-01', 2), att('p3', '2026-02-01', 2)]),
        stats(session('s3', ['2026-04-01']), [att('p9', '2026-04-01', 1)]),
      ],
      expected: {
        p1: [credit('s2', '2026-02-01', 2), credit('s1', '2026-03-02', 4)],
        p2: [credit('s1', '2026-03-02', 4)],
        p3: [credit('s2', '2026-02-01', 2)],
        p9: [credit('s3', '2026-04-01', 1)],
      },
    },
    {
      name: 'a session moved to another course credits the new course',
      replaced: ['s2'],
      after: [stats(session('s2', ['2026-02-01'], { courseId: 'other' }), [att('p1', '2026-02-01', 2)])],
      expected: {
        p1: [credit('s2', '2026-02-01', 2, 'other'), credit('s1', '2026-03-02', 4)],
        p2: [credit('s1', '2026-03-02', 4)],
      },
    },
  ])('$name', ({ replaced, after, expected }) => {
    expect(replace(replaced, after)).toEqual(expected);
  });

  it('refuses to rewrite a pack it was not given (it would lose the credits of everyone else in it)', () => {
    const numbers = new SessionNumbers();
    expect(() => replaceSessionCredits(new Map(), numbers, new Set(['s1']), [s1])).toThrow(/not read/);
  });

  it('leaves the sessions of the skip list out when reading', () => {
    const built = packsFromStats([s1, s2]);
    expect(creditsInPacks(built.packs, built.sessions, new Set(['p1']), new Set(['s1']))).toEqual(
      new Map([['p1', [credit('s2', '2026-02-01', 2)]]]),
    );
  });
});
