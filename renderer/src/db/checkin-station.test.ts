import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkIn,
  checkOut,
  correctAttendance,
  endDay,
  enrollAndCheckIn,
  ReasonRequiredError,
  registerWalkInAndCheckIn,
  undoCheckIn,
  undoCheckOut,
  type CheckInResult,
} from './checkin-repo';
import type { Person, Session } from './records';
import {
  at,
  auditedBy,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  HOURS_PER_DAY,
  openTestApp,
  residentId,
  tableCounts,
  type TestApp,
} from './test-db';
import { InvalidIdNumberError } from './people-repo';

/** The ID with its check character changed, so its checksum fails. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');

function checkedIn(result: CheckInResult) {
  if (result.kind !== 'checked-in') throw new Error(`expected checked-in, got ${result.kind}`);
  return result;
}

describe('the check-in station', () => {
  let app: TestApp;
  let session: Session;
  let people: Person[];
  const day = (date = DAY1.date) => ({ sessionId: session.id, date });

  beforeEach(async () => {
    app = await openTestApp();
    session = (await createSession(app, { days: [DAY1, DAY2] })).session;
    people = await enrollPeople(app, session.id, 3, 1);
    app.clock.set(at(DAY1, '07:50'));
  });

  it('checks in a person chosen from a search, by person id', async () => {
    const result = checkedIn(await checkIn(app.ctx, { ...day(), personId: people[0]!.id }));
    expect(result.attendance).toMatchObject({ personId: people[0]!.id, status: 'present', hoursCredited: 5 });
  });

  describe('undo', () => {
    it('deletes the check-in (tombstone, audited), so the next scan checks in again', async () => {
      const done = checkedIn(await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber }));
      const audited = await auditedBy(app.db, () => undoCheckIn(app.ctx, done));
      expect(audited).toEqual([['attendance', done.attendance.id, 'delete']]);
      expect((await app.db.attendance.get(done.attendance.id))?.deletedAt).toBeDefined();
      const again = await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      expect(again.kind).toBe('checked-in');
    });

    it('restores the absent record a late check-in replaced', async () => {
      await endDay(app.ctx, day());
      app.clock.set(at(DAY1, '09:00'));
      const done = checkedIn(await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber }));
      expect(done.previous?.status).toBe('absent');
      expect(await undoCheckIn(app.ctx, done)).toBe(true);
      const restored = await app.db.attendance.get(done.attendance.id);
      expect(restored).toMatchObject({ status: 'absent', hoursCredited: 0 });
      expect(restored?.checkInAt).toBeUndefined();
    });

    it('is refused once the record changed (checked out meanwhile)', async () => {
      const done = checkedIn(await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber }));
      app.clock.set(at(DAY1, '12:00'));
      await checkOut(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      expect(await undoCheckIn(app.ctx, done)).toBe(false);
    });
  });

  describe('walk-ins', () => {
    it('registers, enrolls as a walk-in and checks in, in one transaction, audited', async () => {
      const before = await tableCounts(app.db);
      const result = checkedIn(
        await registerWalkInAndCheckIn(app.ctx, {
          ...day(),
          person: { name: '孙立', idNumber: residentId(51), phone: '13800001111', enterpriseName: '新企业' },
        }),
      );
      expect(result.person).toMatchObject({ name: '孙立', birthDate: '1985-06-15', gender: 'M' });
      const enrollment = (await app.db.enrollments.where('personId').equals(result.person.id).toArray())[0];
      expect(enrollment).toMatchObject({ sessionId: session.id, walkIn: true });
      const after = await tableCounts(app.db);
      expect(after.people! - before.people!).toBe(1);
      expect(after.enterprises! - before.enterprises!).toBe(1);
      expect(after.attendance! - before.attendance!).toBe(1);
    });

    it('writes nothing at all when the ID number is invalid', async () => {
      const before = await tableCounts(app.db);
      await expect(
        registerWalkInAndCheckIn(app.ctx, {
          ...day(),
          person: { name: '孙立', idNumber: wrongCheck(residentId(52)) },
        }),
      ).rejects.toBeInstanceOf(InvalidIdNumberError);
      expect(await tableCounts(app.db)).toEqual(before);
    });

    it('enrolls a registered person who was not enrolled and checks them in', async () => {
      const { session: other } = await createSession(app, { days: [DAY1] });
      const [stranger] = (await enrollPeople(app, other.id, 1, 60)) as [Person];
      expect((await checkIn(app.ctx, { ...day(), rawId: stranger.idNumber })).kind).toBe('not-enrolled');
      const result = checkedIn(await enrollAndCheckIn(app.ctx, { ...day(), personId: stranger.id }));
      expect(result.attendance.personId).toBe(stranger.id);
      expect((await checkIn(app.ctx, { ...day(), rawId: stranger.idNumber })).kind).toBe('already');
    });
  });

  describe('check-out and hours', () => {
    it.each<[string, string, string, string, number]>([
      ['stays to the end', '07:50', '12:00', 'present', HOURS_PER_DAY],
      ['leaves within the grace before the end', '07:50', '11:55', 'present', HOURS_PER_DAY],
      ['leaves at 80% of the day: whole day', '07:50', '11:12', 'left-early', HOURS_PER_DAY],
      ['leaves at half the day: half the hours', '07:50', '10:00', 'left-early', 2.5],
      ['late and stays: whole day', '08:30', '12:00', 'late', HOURS_PER_DAY],
      ['very late: share of the day', '10:00', '12:00', 'late', 2.5],
    ])('%s', async (_, inAt, outAt, status, hours) => {
      app.clock.set(at(DAY1, inAt));
      await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      app.clock.set(at(DAY1, outAt));
      const result = await checkOut(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      if (result.kind !== 'checked-out') throw new Error(result.kind);
      expect(result.attendance).toMatchObject({ status, hoursCredited: hours });
      expect(result.attendance.checkOutAt).toBe(at(DAY1, outAt).toISOString());
    });

    it('answers for people who cannot be checked out, and twice does no harm', async () => {
      expect((await checkOut(app.ctx, { ...day(), rawId: people[0]!.idNumber })).kind).toBe('not-checked-in');
      expect((await checkOut(app.ctx, { ...day(), rawId: '123' })).kind).toBe('invalid-id');
      await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      app.clock.set(at(DAY1, '12:00'));
      const first = await checkOut(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      expect(first.kind).toBe('checked-out');
      expect((await checkOut(app.ctx, { ...day(), rawId: people[0]!.idNumber })).kind).toBe('already-out');
      if (first.kind !== 'checked-out') return;
      expect(await undoCheckOut(app.ctx, first)).toBe(true);
      const restored = await app.db.attendance.get(first.attendance.id);
      expect(restored?.checkOutAt).toBeUndefined();
      expect(restored).toMatchObject({ status: 'present', hoursCredited: HOURS_PER_DAY });
    });

    it('keeps attendance per day of a multi-day session', async () => {
      await checkIn(app.ctx, { ...day(DAY1.date), rawId: people[0]!.idNumber });
      app.clock.set(at(DAY2, '08:20'));
      const second = checkedIn(await checkIn(app.ctx, { ...day(DAY2.date), rawId: people[0]!.idNumber }));
      expect(second.attendance).toMatchObject({ date: DAY2.date, status: 'late' });
      expect(await app.db.attendance.where('personId').equals(people[0]!.id).count()).toBe(2);
    });
  });

  describe('end the day', () => {
    it('marks everyone enrolled without a record absent, once', async () => {
      await checkIn(app.ctx, { ...day(), rawId: people[0]!.idNumber });
      expect(await endDay(app.ctx, day())).toBe(2);
      expect(await endDay(app.ctx, day())).toBe(0);
      const rows = await app.db.attendance
        .where('[sessionId+date]')
        .equals([session.id, DAY1.date])
        .toArray();
      expect(rows.map((r) => r.status).sort()).toEqual(['absent', 'absent', 'present']);
      expect(await app.db.attendance.where('[sessionId+date]').equals([session.id, DAY2.date]).count()).toBe(
        0,
      );
    });
  });

  describe('manual corrections', () => {
    it('need a reason', async () => {
      await expect(
        correctAttendance(app.ctx, { ...day(), personId: people[0]!.id, status: 'excused', reason: ' ' }),
      ).rejects.toBeInstanceOf(ReasonRequiredError);
    });

    it('set the status and times, credit hours by the rules, keep the reason, audited', async () => {
      await endDay(app.ctx, day());
      const absent = (await app.db.attendance.where('personId').equals(people[1]!.id).toArray())[0]!;
      const audited = await auditedBy(app.db, () =>
        correctAttendance(app.ctx, {
          ...day(),
          personId: people[1]!.id,
          status: 'present',
          checkInAt: at(DAY1, '08:00').toISOString(),
          checkOutAt: at(DAY1, '10:00').toISOString(),
          reason: '纸质签到表补录',
          source: 'sheet',
        }),
      );
      expect(audited).toEqual([['attendance', absent.id, 'update']]);
      expect(await app.db.attendance.get(absent.id)).toMatchObject({
        status: 'left-early',
        hoursCredited: 2.5,
        note: '纸质签到表补录',
        source: 'sheet',
      });
    });
  });
});
