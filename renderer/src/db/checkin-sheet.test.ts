import { beforeEach, describe, expect, it } from 'vitest';
import {
  attendanceHistory,
  checkIn,
  correctAttendance,
  endDay,
  judgeSheetRow,
  ReasonRequiredError,
  saveSheetEntries,
  SheetRowError,
  type SheetRowInput,
} from './checkin-repo';
import type { Person, Session } from './records';
import { getAppSettings, type AppSettings } from './settings-repo';
import {
  at,
  auditedBy,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  HOURS_PER_DAY,
  openTestApp,
  tableCounts,
  type TestApp,
} from './test-db';
import type { AttendanceStatus } from '../domain/attendance';

describe('judgeSheetRow (DAY1 08:00-12:00, 5 class hours, grace 10 min, 80% for the whole day)', () => {
  let settings: AppSettings;
  beforeEach(async () => {
    settings = await getAppSettings((await openTestApp()).db);
  });

  it.each<[string, Omit<SheetRowInput, 'personId'>, AttendanceStatus, number, string | null, string | null]>([
    ['present, no times: from the start, whole day', { status: 'present' }, 'present', 5, '08:00', null],
    ['late key, no times: late, whole day', { status: 'late' }, 'late', 5, '08:00', null],
    [
      'present key, late time: the time decides',
      { status: 'present', checkIn: '08:25' },
      'late',
      5,
      '08:25',
      null,
    ],
    [
      'late key, time within grace: present',
      { status: 'late', checkIn: '08:10' },
      'present',
      5,
      '08:10',
      null,
    ],
    ['left early without a time: nothing credited', { status: 'left-early' }, 'left-early', 0, '08:00', null],
    [
      'left at 10:00 (half the day): 2.5 hours',
      { status: 'left-early', checkOut: '10:00' },
      'left-early',
      2.5,
      '08:00',
      '10:00',
    ],
    [
      'present key, out at 10:00: left early by the rules',
      { status: 'present', checkOut: '10:00' },
      'left-early',
      2.5,
      '08:00',
      '10:00',
    ],
    [
      'left-early key, out at 11:55 (within grace): present',
      { status: 'left-early', checkOut: '11:55' },
      'present',
      5,
      '08:00',
      '11:55',
    ],
    [
      'late 08:40 to 12:00 (83%): late, whole day',
      { status: 'late', checkIn: '08:40', checkOut: '12:00' },
      'late',
      5,
      '08:40',
      '12:00',
    ],
    [
      'late 09:00 to 12:00 (75%): late, 3.5 hours',
      { status: 'late', checkIn: '09:00', checkOut: '12:00' },
      'late',
      3.5,
      '09:00',
      '12:00',
    ],
    ['absent keeps no times', { status: 'absent', checkIn: '08:00' }, 'absent', 0, null, null],
    ['excused', { status: 'excused' }, 'excused', 0, null, null],
  ])('%s', (_, row, status, hours, checkIn, checkOut) => {
    const judged = judgeSheetRow(DAY1, row, settings);
    expect(judged.status).toBe(status);
    expect(judged.hoursCredited).toBe(hours);
    expect(judged.checkInAt).toBe(checkIn ? at(DAY1, checkIn).toISOString() : undefined);
    expect(judged.checkOutAt).toBe(checkOut ? at(DAY1, checkOut).toISOString() : undefined);
  });

  it.each<[string, Omit<SheetRowInput, 'personId'>]>([
    ['out before in', { status: 'present', checkIn: '09:00', checkOut: '08:30' }],
    ['out equal to in', { status: 'present', checkIn: '09:00', checkOut: '09:00' }],
    ['a malformed time', { status: 'present', checkIn: '25:00' }],
  ])('refuses %s', (_, row) => {
    expect(() => judgeSheetRow(DAY1, row, settings)).toThrow(RangeError);
  });
});

describe('entering a signed sheet and correcting attendance', () => {
  let app: TestApp;
  let session: Session;
  let people: Person[];
  const day = (date = DAY1.date) => ({ sessionId: session.id, date });

  beforeEach(async () => {
    app = await openTestApp();
    session = (await createSession(app, { days: [DAY1, DAY2] })).session;
    people = await enrollPeople(app, session.id, 4, 1);
    app.clock.set(at(DAY2, '09:00'));
  });

  describe('saveSheetEntries', () => {
    it('creates the lines with source sheet and the reason, audited, per day', async () => {
      const audited = await auditedBy(app.db, () =>
        saveSheetEntries(app.ctx, {
          ...day(),
          reason: '据签到表补录',
          rows: [
            { personId: people[0]!.id, status: 'present' },
            { personId: people[1]!.id, status: 'late', checkIn: '08:30' },
            { personId: people[2]!.id, status: 'excused' },
          ],
        }),
      );
      expect(audited).toHaveLength(3);
      const records = await app.db.attendance.toArray();
      expect(records).toHaveLength(3);
      expect(
        records.every((r) => r.source === 'sheet' && r.date === DAY1.date && r.note === '据签到表补录'),
      ).toBe(true);
      expect(records.find((r) => r.personId === people[1]!.id)).toMatchObject({
        status: 'late',
        checkInAt: at(DAY1, '08:30').toISOString(),
        hoursCredited: HOURS_PER_DAY,
      });
      // The other day is untouched.
      expect(await app.db.attendance.where('[sessionId+date]').equals([session.id, DAY2.date]).count()).toBe(
        0,
      );
    });

    it('keeps a scanned record the sheet agrees with, to the minute, and its scanned instant', async () => {
      app.clock.set(new Date(at(DAY1, '07:55').getTime() + 23_000));
      const scanned = await checkIn(app.ctx, { ...day(), personId: people[0]!.id });
      if (scanned.kind !== 'checked-in') throw new Error(scanned.kind);
      app.clock.set(at(DAY2, '09:00'));

      const unchanged = await saveSheetEntries(app.ctx, {
        ...day(),
        reason: '',
        rows: [{ personId: people[0]!.id, status: 'present', checkIn: '07:55' }],
      });
      expect(unchanged).toEqual({ created: 0, corrected: 0, unchanged: 1 });
      expect(await app.db.attendance.get(scanned.attendance.id)).toEqual(scanned.attendance);

      // A check-out time written on the sheet corrects it; the scanned check-in instant (with seconds) stays.
      const counts = await saveSheetEntries(app.ctx, {
        ...day(),
        reason: '据签到表补录',
        rows: [{ personId: people[0]!.id, status: 'present', checkIn: '07:55', checkOut: '10:00' }],
      });
      expect(counts).toEqual({ created: 0, corrected: 1, unchanged: 0 });
      expect(await app.db.attendance.get(scanned.attendance.id)).toMatchObject({
        status: 'left-early',
        checkInAt: scanned.attendance.checkInAt,
        checkOutAt: at(DAY1, '10:00').toISOString(),
        hoursCredited: 2.5,
        source: 'sheet',
        note: '据签到表补录',
      });
    });

    it('needs a reason to change an existing record (a day closed as absent), and then writes nothing', async () => {
      await endDay(app.ctx, day());
      const before = await tableCounts(app.db);
      const absentBefore = await app.db.attendance.toArray();
      await expect(
        saveSheetEntries(app.ctx, {
          ...day(),
          reason: '  ',
          rows: [{ personId: people[3]!.id, status: 'present' }],
        }),
      ).rejects.toBeInstanceOf(ReasonRequiredError);
      expect(await tableCounts(app.db)).toEqual(before);
      expect(await app.db.attendance.toArray()).toEqual(absentBefore);
    });

    it('is one transaction: a failing line (a person not enrolled) leaves nothing written', async () => {
      const stranger = (await enrollPeople(app, (await createSession(app)).session.id, 1, 50))[0]!;
      const before = await tableCounts(app.db);
      await expect(
        saveSheetEntries(app.ctx, {
          ...day(),
          reason: '据签到表补录',
          rows: [
            { personId: people[0]!.id, status: 'present' },
            { personId: people[1]!.id, status: 'absent' },
            { personId: stranger.id, status: 'present' },
          ],
        }),
      ).rejects.toBeInstanceOf(SheetRowError);
      expect(await tableCounts(app.db)).toEqual(before);
    });

    it('is one transaction: a malformed time on the last line leaves nothing written', async () => {
      const before = await tableCounts(app.db);
      await expect(
        saveSheetEntries(app.ctx, {
          ...day(),
          reason: '据签到表补录',
          rows: [
            { personId: people[0]!.id, status: 'present' },
            { personId: people[1]!.id, status: 'present', checkIn: '10:00', checkOut: '09:00' },
          ],
        }),
      ).rejects.toBeInstanceOf(RangeError);
      expect(await tableCounts(app.db)).toEqual(before);
    });

    it('refuses a day the session does not have', async () => {
      await expect(
        saveSheetEntries(app.ctx, {
          ...day('2026-03-20'),
          reason: 'x',
          rows: [{ personId: people[0]!.id, status: 'present' }],
        }),
      ).rejects.toBeInstanceOf(SheetRowError);
    });
  });

  describe('correctAttendance with hours given by the coordinator', () => {
    it('keeps the status and hours as given, audited with the reason; the history shows each change', async () => {
      app.clock.set(at(DAY1, '08:30'));
      const scanned = await checkIn(app.ctx, { ...day(), personId: people[0]!.id });
      if (scanned.kind !== 'checked-in') throw new Error(scanned.kind);
      expect(scanned.attendance.status).toBe('late');

      app.clock.set(at(DAY2, '09:00'));
      await correctAttendance(app.ctx, {
        ...day(),
        personId: people[0]!.id,
        status: 'present',
        checkInAt: scanned.attendance.checkInAt!,
        hoursCredited: 4,
        reason: '交通管制，经批准按出勤',
      });
      expect(await app.db.attendance.get(scanned.attendance.id)).toMatchObject({
        status: 'present',
        hoursCredited: 4,
        note: '交通管制，经批准按出勤',
        source: 'manual',
      });

      const history = await attendanceHistory(app.ctx, scanned.attendance.id);
      expect(history.map((e) => e.action)).toEqual(['create', 'update']);
      expect(history[1]!.changes).toMatchObject({
        status: { before: 'late', after: 'present' },
        hoursCredited: { before: HOURS_PER_DAY, after: 4 },
        note: { before: undefined, after: '交通管制，经批准按出勤' },
      });
    });

    it.each([-1, 5.5, Number.NaN])('refuses %s hours (outside the day)', async (hours) => {
      await expect(
        correctAttendance(app.ctx, {
          ...day(),
          personId: people[0]!.id,
          status: 'present',
          hoursCredited: hours,
          reason: 'x',
        }),
      ).rejects.toBeInstanceOf(RangeError);
      expect(await app.db.attendance.count()).toBe(0);
    });
  });
});
