import { beforeEach, describe, expect, it } from 'vitest';
import { checkIn, type CheckInResult } from './checkin-repo';
import { completeSession } from './sessions-repo';
import type { Person, Session } from './records';
import {
  at,
  auditedBy,
  createSession,
  DAY1,
  DAY2,
  DAY3,
  enrollPeople,
  HOURS_PER_DAY,
  openTestApp,
  residentId,
  type TestApp,
} from './test-db';
import { getAppSettings, saveAppSettings } from './settings-repo';
import type { AttendanceRules } from '../domain/attendance';

/** The attendance of a result that must be a check-in. */
function checkedIn(result: CheckInResult) {
  if (result.kind !== 'checked-in') throw new Error(`expected checked-in, got ${result.kind}`);
  return result.attendance;
}

describe('checkIn', () => {
  let app: TestApp;
  let session: Session;
  let enrolled: Person;
  let elsewhere: Person;

  beforeEach(async () => {
    app = await openTestApp();
    session = (await createSession(app, { days: [DAY1, DAY2] })).session;
    [enrolled] = (await enrollPeople(app, session.id, 1, 1)) as [Person];
    // Known to the register through another session, but not enrolled in this one.
    const { session: other } = await createSession(app, { days: [DAY3] });
    [elsewhere] = (await enrollPeople(app, other.id, 1, 2)) as [Person];
  });

  const scan = (date: string, rawId: string, time = '07:50', sessionId = session.id) => {
    app.clock.set(at({ ...DAY1, date }, time));
    return checkIn(app.ctx, { sessionId, date, rawId });
  };

  it.each<[string, string, 'present' | 'late']>([
    ['well before the start', '07:30', 'present'],
    ['at the start', '08:00', 'present'],
    ['at the end of the 10-minute grace', '08:10', 'present'],
    ['one minute after the grace', '08:11', 'late'],
    ['at 10:30', '10:30', 'late'],
  ])('checked in %s (%s): %s, credited the whole day', async (_, time, status) => {
    const attendance = checkedIn(await scan(DAY1.date, enrolled.idNumber, time));
    expect(attendance).toMatchObject({
      sessionId: session.id,
      personId: enrolled.id,
      date: DAY1.date,
      status,
      checkInAt: at(DAY1, time).toISOString(),
      hoursCredited: HOURS_PER_DAY,
      source: 'scan',
    });
    expect(await app.db.attendance.toArray()).toEqual([attendance]);
  });

  it.each<[string, number, Partial<AttendanceRules>, string, 'present' | 'late', number]>([
    ['45-minute class hours', 45, {}, '08:05', 'present', 5],
    ['60-minute class hours', 60, {}, '08:05', 'present', 4],
    ['50-minute class hours (4.8 rounds down to 4.5)', 50, {}, '08:05', 'present', 4.5],
    ['no grace', 45, { graceMinutes: 0 }, '08:01', 'late', 5],
    ['a 30-minute grace', 45, { graceMinutes: 30 }, '08:30', 'present', 5],
  ])('follows the settings: %s', async (_, minutesPerClassHour, rules, time, status, hours) => {
    const current = await getAppSettings(app.db);
    await saveAppSettings(app.ctx, {
      minutesPerClassHour,
      attendanceRules: { ...current.attendanceRules, ...rules },
    });

    const result = await scan(DAY1.date, enrolled.idNumber, time);

    expect(result).toMatchObject({ kind: 'checked-in', attendance: { status, hoursCredited: hours } });
  });

  it.each<[string, () => Promise<CheckInResult>, Record<string, unknown>]>([
    [
      'an ID typed with spaces and a lowercase letter',
      () => scan(DAY1.date, ` ${enrolled.idNumber.slice(0, 6)} ${enrolled.idNumber.slice(6).toLowerCase()} `),
      { kind: 'checked-in' },
    ],
    [
      'someone enrolled in another session',
      () => scan(DAY1.date, elsewhere.idNumber),
      { kind: 'not-enrolled' },
    ],
    [
      'an ID nobody registered',
      () => scan(DAY1.date, residentId(77)),
      { kind: 'unknown-person', idNumber: residentId(77) },
    ],
    [
      'an ID with a wrong check character',
      () => scan(DAY1.date, enrolled.idNumber.slice(0, 17) + (enrolled.idNumber.endsWith('0') ? '1' : '0')),
      { kind: 'invalid-id', error: 'checksum' },
    ],
    [
      'an Excel-rounded number',
      () => scan(DAY1.date, '4.11627E+17'),
      { kind: 'invalid-id', error: 'precision-lost' },
    ],
    ['an empty scan', () => scan(DAY1.date, ''), { kind: 'invalid-id', error: 'empty' }],
    ['a date the session does not run', () => scan(DAY3.date, enrolled.idNumber), { kind: 'no-such-day' }],
    [
      'a session that does not exist',
      () => scan(DAY1.date, enrolled.idNumber, '07:50', 'no-such-session'),
      { kind: 'no-such-day' },
    ],
  ])('answers %s', async (_, run, expected) => {
    const before = await app.db.attendance.count();
    const result = await run();
    expect(result).toMatchObject(expected);
    expect(await app.db.attendance.count()).toBe(before + (expected.kind === 'checked-in' ? 1 : 0));
    if (result.kind === 'not-enrolled') expect(result.person.id).toBe(elsewhere.id);
  });

  it('answers a second scan with already and writes nothing', async () => {
    const first = checkedIn(await scan(DAY1.date, enrolled.idNumber, '07:50'));
    const audited = await auditedBy(app.db, async () => {
      const second = await scan(DAY1.date, enrolled.idNumber, '08:40');
      expect(second).toMatchObject({ kind: 'already', attendance: first });
    });
    expect(audited).toEqual([]);
    expect(await app.db.attendance.toArray()).toEqual([first]);
  });

  it('checks in for each day of a multi-day session separately', async () => {
    expect((await scan(DAY1.date, enrolled.idNumber)).kind).toBe('checked-in');
    expect((await scan(DAY2.date, enrolled.idNumber)).kind).toBe('checked-in');
    const dates = (await app.db.attendance.toArray()).map((a) => a.date).sort();
    expect(dates).toEqual([DAY1.date, DAY2.date]);
  });

  it('updates the same record when someone recorded absent turns up after all', async () => {
    await completeSession(app.ctx, session.id);
    const absent = (await app.db.attendance.where({ personId: enrolled.id, date: DAY1.date }).toArray())[0]!;
    expect(absent).toMatchObject({ status: 'absent', hoursCredited: 0 });

    const audited = await auditedBy(app.db, async () => {
      expect(checkedIn(await scan(DAY1.date, enrolled.idNumber, '08:20')).id).toBe(absent.id);
    });

    const mine = await app.db.attendance
      .where('[sessionId+personId+date]')
      .equals([session.id, enrolled.id, DAY1.date])
      .toArray();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: absent.id,
      createdAt: absent.createdAt,
      status: 'late',
      hoursCredited: HOURS_PER_DAY,
      checkInAt: at(DAY1, '08:20').toISOString(),
      source: 'scan',
    });
    expect(audited).toEqual([['attendance', absent.id, 'update']]);
    // The other day stays absent.
    const day2 = await app.db.attendance.where({ personId: enrolled.id, date: DAY2.date }).toArray();
    expect(day2.map((a) => a.status)).toEqual(['absent']);
  });
});
