import type { DbContext } from './context';
import { audit, isLive, stampNew, stampReplace, stampUpdate, tombstone, type NewRecord } from './context';
import type { Attendance, Person, Session } from './records';
import { enrollExistingPerson, enrollPerson, findEnrollment } from './enrollments-repo';
import { findPersonByIdNumber, getPerson, type PersonInput } from './people-repo';
import { getAppSettings, type AppSettings } from './settings-repo';
import { parseClockTime, parseIsoDate, toLocalIsoDate } from '../domain/calendar';
import { parseResidentId, type ResidentIdError } from '../domain/resident-id';
import {
  classHoursForDay,
  creditedHours,
  scheduledMinutesForDay,
  statusOnCheckIn,
  type AttendanceStatus,
} from '../domain/attendance';
import type { SessionDay } from '../domain/session-days';

export type CheckInResult =
  | {
      kind: 'checked-in';
      person: Person;
      attendance: Attendance;
      /** The record this check-in replaced (a day closed as absent), restored by an undo. */
      previous?: Attendance;
    }
  | { kind: 'already'; person: Person; attendance: Attendance }
  | { kind: 'not-enrolled'; person: Person }
  | { kind: 'unknown-person'; idNumber: string }
  | { kind: 'invalid-id'; error: ResidentIdError }
  | { kind: 'no-such-day' };

export type CheckOutResult =
  | { kind: 'checked-out'; person: Person; attendance: Attendance; previous: Attendance }
  | { kind: 'already-out'; person: Person; attendance: Attendance }
  | { kind: 'not-checked-in'; person: Person }
  | { kind: 'not-enrolled'; person: Person }
  | { kind: 'unknown-person'; idNumber: string }
  | { kind: 'invalid-id'; error: ResidentIdError }
  | { kind: 'no-such-day' };

/** Who is being checked in or out: an ID number as typed or read, or a person chosen from a search. */
export type PersonRef = { rawId: string } | { personId: string };

type DayRequest = { sessionId: string; date: string };

const ATTENDANCE_TABLES = (ctx: DbContext) => {
  const { db } = ctx;
  return [db.sessions, db.people, db.enrollments, db.attendance, db.auditLog];
};

async function sessionDay(ctx: DbContext, request: DayRequest): Promise<SessionDay | undefined> {
  const session: Session | undefined = await ctx.db.sessions.get(request.sessionId);
  return isLive(session) ? session.days.find((d) => d.date === request.date) : undefined;
}

async function dayAttendance(ctx: DbContext, request: DayRequest, personId: string) {
  return (
    await ctx.db.attendance
      .where('[sessionId+personId+date]')
      .equals([request.sessionId, personId, request.date])
      .toArray()
  ).find((a) => isLive(a));
}

/** Resolves the person of a request, or says why there is none. Call inside a transaction over people. */
async function resolvePerson(
  ctx: DbContext,
  ref: PersonRef,
): Promise<
  | { person: Person }
  | { kind: 'unknown-person'; idNumber: string }
  | { kind: 'invalid-id'; error: ResidentIdError }
> {
  if ('personId' in ref) {
    const person = await getPerson(ctx, ref.personId);
    return person ? { person } : { kind: 'unknown-person', idNumber: '' };
  }
  const parsed = parseResidentId(ref.rawId, { today: toLocalIsoDate(ctx.now()) });
  if (!parsed.ok) return { kind: 'invalid-id', error: parsed.error };
  const person = await findPersonByIdNumber(ctx, parsed.id);
  return person ? { person } : { kind: 'unknown-person', idNumber: parsed.id };
}

type NoOneToRecord =
  | { kind: 'no-such-day' }
  | { kind: 'unknown-person'; idNumber: string }
  | { kind: 'invalid-id'; error: ResidentIdError }
  | { kind: 'not-enrolled'; person: Person };

/**
 * Runs `act` for the enrolled person of a request on its session day, in one transaction over the attendance
 * tables; otherwise says why not (invalid ID, no such day, unknown person, not enrolled, in that order).
 */
async function forEnrolledPerson<R>(
  ctx: DbContext,
  request: DayRequest & PersonRef,
  act: (day: SessionDay, person: Person, settings: AppSettings) => Promise<R>,
): Promise<R | NoOneToRecord> {
  const { db } = ctx;
  const settings = await getAppSettings(db);
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async (): Promise<R | NoOneToRecord> => {
    const resolved = await resolvePerson(ctx, request);
    if ('kind' in resolved && resolved.kind === 'invalid-id') return resolved;
    const day = await sessionDay(ctx, request);
    if (!day) return { kind: 'no-such-day' };
    if (!('person' in resolved)) return resolved;
    const { person } = resolved;
    if (!(await findEnrollment(ctx, request.sessionId, person.id))) return { kind: 'not-enrolled', person };
    return act(day, person, settings);
  });
}

/** Call inside a transaction over the attendance tables, with the person enrolled. */
async function checkInEnrolled(
  ctx: DbContext,
  request: DayRequest,
  day: SessionDay,
  person: Person,
  settings: AppSettings,
  entry: { source: Attendance['source']; at?: Date; note?: string } = { source: 'scan' },
): Promise<CheckInResult> {
  const at = entry.at ?? ctx.now();
  const existing = await dayAttendance(ctx, request, person.id);
  if (existing?.checkInAt) return { kind: 'already', person, attendance: existing };
  const status = statusOnCheckIn(day, at, settings.attendanceRules);
  // A day closed as absent keeps its record id when the person turns up after all (late arrival, data entry).
  const fields = {
    sessionId: request.sessionId,
    personId: person.id,
    date: request.date,
    status,
    checkInAt: at.toISOString(),
    hoursCredited: creditedHours({
      dayHours: classHoursForDay(day, settings.minutesPerClassHour),
      status,
      scheduledMinutes: 0,
      rules: settings.attendanceRules,
    }),
    source: entry.source,
    ...(entry.note ? { note: entry.note } : {}),
  };
  const attendance = existing ? stampUpdate(ctx, existing, fields) : stampNew<Attendance>(ctx, fields);
  await ctx.db.attendance.put(attendance);
  await audit(ctx, 'attendance', existing ? 'update' : 'create', existing, attendance);
  return { kind: 'checked-in', person, attendance, ...(existing ? { previous: existing } : {}) };
}

/**
 * Checks a person in for one session day by ID number as typed or read from a card reader, or by a person chosen
 * from a search. The attendance record is committed (strict durability) before this resolves, so what the screen
 * confirms is on disk. Scanning twice does no harm: the second scan answers 'already' and writes nothing.
 */
export async function checkIn(
  ctx: DbContext,
  request: DayRequest & ({ rawId: string } | { personId: string }),
): Promise<CheckInResult> {
  return forEnrolledPerson(ctx, request, (day, person, settings) =>
    checkInEnrolled(ctx, request, day, person, settings),
  );
}

/**
 * Enters a line of a signed paper sign-in sheet (scanned by its QR code or found by name): the person is recorded
 * present from the day's start (source 'sheet', with the reason as note), credited the whole day; exceptions are
 * corrected with correctAttendance. Someone already checked in is left as they are ('already').
 */
export async function recordFromSheet(
  ctx: DbContext,
  request: DayRequest & ({ rawId: string } | { personId: string }) & { note: string },
): Promise<CheckInResult> {
  return forEnrolledPerson(ctx, request, (day, person, settings) => {
    const date = parseIsoDate(day.date)!;
    const start = new Date(date.year, date.month - 1, date.day, 0, parseClockTime(day.start)!);
    return checkInEnrolled(ctx, request, day, person, settings, {
      source: 'sheet',
      at: start,
      note: request.note,
    });
  });
}

/** Enrolls a registered person at the door and checks them in, in one transaction. */
export async function enrollAndCheckIn(
  ctx: DbContext,
  request: DayRequest & { personId: string },
): Promise<CheckInResult> {
  const { db } = ctx;
  const settings = await getAppSettings(db);
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async () => {
    const day = await sessionDay(ctx, request);
    const person = await getPerson(ctx, request.personId);
    if (!day) return { kind: 'no-such-day' };
    if (!person) return { kind: 'unknown-person', idNumber: '' };
    await enrollExistingPerson(ctx, request.sessionId, person.id, { walkIn: true });
    return checkInEnrolled(ctx, request, day, person, settings);
  });
}

/**
 * Registers a walk-in (a person not in the register, or updates the one with that ID number), enrolls them as a
 * walk-in and checks them in: one transaction, so a failure leaves nothing half-done.
 * @throws InvalidIdNumberError from the register when the ID number is not valid.
 */
export async function registerWalkInAndCheckIn(
  ctx: DbContext,
  request: DayRequest & { person: PersonInput },
): Promise<CheckInResult> {
  const { db } = ctx;
  const settings = await getAppSettings(db);
  return db.transaction('rw', [...ATTENDANCE_TABLES(ctx), db.enterprises], async () => {
    const day = await sessionDay(ctx, request);
    if (!day) return { kind: 'no-such-day' };
    const { person } = await enrollPerson(ctx, request.sessionId, request.person, { walkIn: true });
    return checkInEnrolled(ctx, request, day, person, settings);
  });
}

/**
 * Undoes a check-in confirmed on screen: the attendance it created is deleted (tombstoned), or the record it
 * replaced is restored; audited. Refused (false) when the record changed since (checked out, corrected).
 * Enrollments and registrations made with it stay: the person was there to be registered.
 */
export async function undoCheckIn(
  ctx: DbContext,
  done: { attendance: Attendance; previous?: Attendance },
): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('rw', [db.attendance, db.auditLog], async () => {
    const current = await db.attendance.get(done.attendance.id);
    if (!isLive(current) || current.updatedAt !== done.attendance.updatedAt) return false;
    if (done.previous) {
      const restored = stampReplace(ctx, current, recordFields(done.previous)) ?? current;
      await db.attendance.put(restored);
      await audit(ctx, 'attendance', 'update', current, restored);
    } else {
      const removed = tombstone(ctx, current);
      await db.attendance.put(removed);
      await audit(ctx, 'attendance', 'delete', current, removed);
    }
    return true;
  });
}

/** The fields of a record without its metadata, to restore it as it was. */
function recordFields(record: Attendance): NewRecord<Attendance> {
  const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, deletedAt: _x, ...fields } = record;
  return fields;
}

/** Minutes of the scheduled day between check-in and check-out (clamped to the day's start and end). */
function minutesAttended(day: SessionDay, checkInAt: Date, checkOutAt: Date): number {
  const date = parseIsoDate(day.date);
  const start = parseClockTime(day.start);
  const end = parseClockTime(day.end);
  if (!date || start === null || end === null) return 0;
  const dayStart = new Date(date.year, date.month - 1, date.day, 0, start).getTime();
  const dayEnd = new Date(date.year, date.month - 1, date.day, 0, end).getTime();
  const from = Math.max(dayStart, checkInAt.getTime());
  const to = Math.min(dayEnd, checkOutAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/**
 * Status and credited hours of a day from its times: leaving more than the grace minutes before the end is
 * 'left-early'; hours follow the share rule of domain/attendance.
 */
export function judgeDay(
  day: SessionDay,
  times: { status: AttendanceStatus; checkInAt?: string; checkOutAt?: string },
  settings: AppSettings,
): { status: AttendanceStatus; hoursCredited: number } {
  const dayHours = classHoursForDay(day, settings.minutesPerClassHour);
  const rules = settings.attendanceRules;
  let status = times.status;
  let attended: number | undefined;
  if (
    times.checkInAt &&
    times.checkOutAt &&
    (status === 'present' || status === 'late' || status === 'left-early')
  ) {
    const out = new Date(times.checkOutAt);
    attended = minutesAttended(day, new Date(times.checkInAt), out);
    const date = parseIsoDate(day.date)!;
    const end = new Date(
      date.year,
      date.month - 1,
      date.day,
      0,
      parseClockTime(day.end)! - rules.graceMinutes,
    );
    if (out.getTime() < end.getTime()) status = 'left-early';
    else if (status === 'left-early') status = statusOnCheckIn(day, new Date(times.checkInAt), rules);
  }
  const scheduledMinutes = scheduledMinutesForDay(day);
  return {
    status,
    hoursCredited: creditedHours({
      dayHours,
      status,
      scheduledMinutes,
      rules,
      ...(attended !== undefined ? { minutesAttended: attended } : {}),
    }),
  };
}

/** Checks a person out at the end of a day: the hours credited follow the time attended. */
export async function checkOut(ctx: DbContext, request: DayRequest & PersonRef): Promise<CheckOutResult> {
  return forEnrolledPerson(ctx, request, async (day, person, settings): Promise<CheckOutResult> => {
    const existing = await dayAttendance(ctx, request, person.id);
    if (!existing?.checkInAt) return { kind: 'not-checked-in', person };
    if (existing.checkOutAt) return { kind: 'already-out', person, attendance: existing };
    const checkOutAt = ctx.now().toISOString();
    const judged = judgeDay(
      day,
      { status: existing.status, checkInAt: existing.checkInAt, checkOutAt },
      settings,
    );
    const attendance = stampUpdate(ctx, existing, { checkOutAt, ...judged });
    await ctx.db.attendance.put(attendance);
    await audit(ctx, 'attendance', 'update', existing, attendance);
    return { kind: 'checked-out', person, attendance, previous: existing };
  });
}

/** Undoes a check-out: the record goes back to how it was before it (audited); false when it changed since. */
export async function undoCheckOut(
  ctx: DbContext,
  done: { attendance: Attendance; previous: Attendance },
): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('rw', [db.attendance, db.auditLog], async () => {
    const current = await db.attendance.get(done.attendance.id);
    if (!isLive(current) || current.updatedAt !== done.attendance.updatedAt) return false;
    const restored = stampReplace(ctx, current, recordFields(done.previous)) ?? current;
    await db.attendance.put(restored);
    await audit(ctx, 'attendance', 'update', current, restored);
    return true;
  });
}

/**
 * Ends a session day: everyone enrolled who has no attendance for it is recorded absent. One transaction.
 * Returns how many were marked absent.
 */
export async function endDay(ctx: DbContext, request: DayRequest): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async () => {
    if (!(await sessionDay(ctx, request))) return 0;
    const enrolled = (await db.enrollments.where('sessionId').equals(request.sessionId).toArray()).filter(
      (e) => isLive(e) && e.status === 'enrolled',
    );
    const recorded = new Set(
      (await db.attendance.where('[sessionId+date]').equals([request.sessionId, request.date]).toArray())
        .filter((a) => isLive(a))
        .map((a) => a.personId),
    );
    let marked = 0;
    for (const personId of new Set(enrolled.map((e) => e.personId))) {
      if (recorded.has(personId)) continue;
      const absent = stampNew<Attendance>(ctx, {
        sessionId: request.sessionId,
        personId,
        date: request.date,
        status: 'absent',
        hoursCredited: 0,
        source: 'manual',
      });
      await db.attendance.add(absent);
      await audit(ctx, 'attendance', 'create', undefined, absent);
      marked += 1;
    }
    return marked;
  });
}

/** Thrown when a manual correction has no reason: every correction must say why. */
export class ReasonRequiredError extends Error {
  constructor() {
    super('a correction needs a reason');
  }
}

/**
 * A coordinator's correction of one person's day (or an entry from a signed paper sheet): status and times as
 * given, hours credited by the rules, the reason kept on the record; audited.
 */
export async function correctAttendance(
  ctx: DbContext,
  request: DayRequest & {
    personId: string;
    status: AttendanceStatus;
    checkInAt?: string;
    checkOutAt?: string;
    reason: string;
    source?: 'manual' | 'sheet';
  },
): Promise<Attendance> {
  if (!request.reason.trim()) throw new ReasonRequiredError();
  const { db } = ctx;
  const settings = await getAppSettings(db);
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async () => {
    const day = await sessionDay(ctx, request);
    if (!day) throw new Error(`no session day ${request.date}`);
    const existing = await dayAttendance(ctx, request, request.personId);
    const judged = judgeDay(day, request, settings);
    const fields: NewRecord<Attendance> = {
      sessionId: request.sessionId,
      personId: request.personId,
      date: request.date,
      ...judged,
      ...(request.checkInAt ? { checkInAt: request.checkInAt } : {}),
      ...(request.checkOutAt ? { checkOutAt: request.checkOutAt } : {}),
      source: request.source ?? 'manual',
      note: request.reason.trim(),
    };
    const record = existing ? stampReplace(ctx, existing, fields) : stampNew<Attendance>(ctx, fields);
    if (!record) return existing!;
    await db.attendance.put(record);
    await audit(ctx, 'attendance', existing ? 'update' : 'create', existing, record);
    return record;
  });
}

/** The holder of a valid certificate, from the number in its QR code (a certificate doubles as a badge). */
export async function personIdOfCertificate(ctx: DbContext, number: string): Promise<string | undefined> {
  const found = await ctx.db.certificates.where('number').equals(number.trim()).toArray();
  return found.find((c) => isLive(c) && c.status === 'valid')?.personId;
}
