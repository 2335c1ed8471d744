import Dexie from 'dexie';
import type { DbContext } from './context';
import {
  audit,
  auditEntry,
  isLive,
  stampNew,
  stampReplace,
  stampUpdate,
  tombstone,
  type NewRecord,
} from './context';
import type { Attendance, AuditEntry, Person, Session } from './records';
import { enrollExistingPerson, enrollPerson, findEnrollment } from './enrollments-repo';
import { findPersonByIdNumber, getPerson, type PersonInput } from './people-repo';
import { getAppSettings, type AppSettings } from './settings-repo';
import { readUntilWritten } from './table-cache';
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
  // statsDirty: every attendance write marks its session's statistics for recomputation (db/statistics-dirty).
  return [db.sessions, db.people, db.enrollments, db.attendance, db.auditLog, db.statsDirty];
};

async function sessionDay(ctx: DbContext, request: DayRequest): Promise<SessionDay | undefined> {
  const session: Session | undefined = await ctx.db.sessions.get(request.sessionId);
  return isLive(session) ? session.days.find((d) => d.date === request.date) : undefined;
}

/**
 * The shared settings as last committed, from memory unless the settings were written since (db/table-cache): a
 * scan applies the rules in force when it is made, without a request of its own in the write transaction.
 */
function doorSettings(ctx: DbContext): Promise<AppSettings> {
  return readUntilWritten(ctx.db, 'settings', 'app', () => getAppSettings(ctx.db));
}

/**
 * The session day as last committed, from memory unless sessions were written since (db/table-cache). A scan that
 * meets an edit of its session committing at the same instant counts as made just before the edit.
 */
function doorSessionDay(ctx: DbContext, request: DayRequest): Promise<SessionDay | undefined> {
  return readUntilWritten(ctx.db, 'sessions', request.sessionId, () =>
    ctx.db.sessions.get(request.sessionId),
  ).then((session) => (isLive(session) ? session.days.find((d) => d.date === request.date) : undefined));
}

/** The person's live record of the day, if any. A promise chain: on the check-in path (see forEnrolledPerson). */
function dayAttendance(
  ctx: DbContext,
  request: DayRequest,
  personId: string,
): Promise<Attendance | undefined> {
  return ctx.db.attendance
    .where('[sessionId+personId+date]')
    .equals([request.sessionId, personId, request.date])
    .toArray()
    .then((records) => records.find((a) => isLive(a)));
}

/** Whom a request names: a person chosen from a search, or a valid ID number; or why the ID number is not one. */
function personKey(
  ctx: DbContext,
  ref: PersonRef,
): { personId: string } | { idNumber: string } | { kind: 'invalid-id'; error: ResidentIdError } {
  if ('personId' in ref) return { personId: ref.personId };
  const parsed = parseResidentId(ref.rawId, { today: toLocalIsoDate(ctx.now()) });
  return parsed.ok ? { idNumber: parsed.id } : { kind: 'invalid-id', error: parsed.error };
}

/** The live person a key names, or why there is none. Call inside a transaction over people. */
function findPerson(
  ctx: DbContext,
  key: { personId: string } | { idNumber: string },
): Promise<{ person: Person } | { kind: 'unknown-person'; idNumber: string }> {
  const [found, idNumber] =
    'personId' in key
      ? [getPerson(ctx, key.personId), '']
      : [findPersonByIdNumber(ctx, key.idNumber), key.idNumber];
  return found.then((person) => (person ? { person } : { kind: 'unknown-person', idNumber }));
}

type NoOneToRecord =
  | { kind: 'no-such-day' }
  | { kind: 'unknown-person'; idNumber: string }
  | { kind: 'invalid-id'; error: ResidentIdError }
  | { kind: 'not-enrolled'; person: Person };

/**
 * Runs `act` for the enrolled person of a request on its session day, with their record of the day if any, in one
 * transaction over the tables a scan writes; otherwise says why not (invalid ID, no such day, unknown person, not
 * enrolled, in that order).
 *
 * A scan at the door waits for every request of this transaction in turn, and the benchmark holds it to within 2x
 * of a raw IndexedDB write doing the same lookups. So the settings and the session day come from memory
 * (doorSettings, doorSessionDay) rather than from requests of their own; the reads that do not depend on each other
 * are issued together; and the transaction is written as Dexie promise chains, not async/await: each native await
 * inside a Dexie transaction costs a zone echo (0.6-0.8 ms a scan, measured), as in db/statistics-dirty.ts.
 */
function forEnrolledPerson<R>(
  ctx: DbContext,
  request: DayRequest & PersonRef,
  act: (
    day: SessionDay,
    person: Person,
    settings: AppSettings,
    existing: Attendance | undefined,
  ) => PromiseLike<R>,
): Promise<R | NoOneToRecord> {
  const { db } = ctx;
  const key = personKey(ctx, request);
  if ('kind' in key) return Promise.resolve(key);
  return Promise.all([doorSessionDay(ctx, request), doorSettings(ctx)]).then(([day, settings]) => {
    if (!day) return { kind: 'no-such-day' };
    return db.transaction('rw', [db.people, db.enrollments, db.attendance, db.auditLog, db.statsDirty], () =>
      findPerson(ctx, key).then((found) => {
        if (!('person' in found)) return found;
        const { person } = found;
        return Dexie.Promise.all([
          findEnrollment(ctx, request.sessionId, person.id),
          dayAttendance(ctx, request, person.id),
        ]).then(([enrollment, existing]): R | NoOneToRecord | PromiseLike<R> =>
          enrollment ? act(day, person, settings, existing) : { kind: 'not-enrolled', person },
        );
      }),
    );
  });
}

/**
 * Writes the check-in of an enrolled person whose record of the day (if any) the caller has read, and its audit
 * entry. Call inside a transaction over the attendance tables. A promise chain (see forEnrolledPerson).
 */
function checkInEnrolled(
  ctx: DbContext,
  request: DayRequest,
  day: SessionDay,
  person: Person,
  settings: AppSettings,
  existing: Attendance | undefined,
): Promise<CheckInResult> {
  if (existing?.checkInAt) return Dexie.Promise.resolve({ kind: 'already', person, attendance: existing });
  const at = ctx.now();
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
    source: 'scan' as const,
  };
  const attendance = existing ? stampUpdate(ctx, existing, fields) : stampNew<Attendance>(ctx, fields);
  // Issued together: the transaction commits once both are written, one round trip sooner.
  return Dexie.Promise.all([
    ctx.db.attendance.put(attendance),
    ctx.db.auditLog.add(auditEntry(ctx, 'attendance', existing ? 'update' : 'create', existing, attendance)),
  ]).then((): CheckInResult => ({
    kind: 'checked-in',
    person,
    attendance,
    ...(existing ? { previous: existing } : {}),
  }));
}

/**
 * Checks a person in for one session day by ID number as typed or read from a card reader, or by a person chosen
 * from a search. The attendance record is committed (strict durability) before this resolves, so what the screen
 * confirms is on disk. Scanning twice does no harm: the second scan answers 'already' and writes nothing.
 */
export function checkIn(
  ctx: DbContext,
  request: DayRequest & ({ rawId: string } | { personId: string }),
): Promise<CheckInResult> {
  return forEnrolledPerson(ctx, request, (day, person, settings, existing) =>
    checkInEnrolled(ctx, request, day, person, settings, existing),
  );
}

/** Enrolls a registered person at the door and checks them in, in one transaction. */
export async function enrollAndCheckIn(
  ctx: DbContext,
  request: DayRequest & { personId: string },
): Promise<CheckInResult> {
  const { db } = ctx;
  const settings = await doorSettings(ctx);
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async () => {
    const day = await sessionDay(ctx, request);
    const person = await getPerson(ctx, request.personId);
    if (!day) return { kind: 'no-such-day' };
    if (!person) return { kind: 'unknown-person', idNumber: '' };
    await enrollExistingPerson(ctx, request.sessionId, person.id, { walkIn: true });
    return checkInEnrolled(ctx, request, day, person, settings, await dayAttendance(ctx, request, person.id));
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
  const settings = await doorSettings(ctx);
  return db.transaction('rw', [...ATTENDANCE_TABLES(ctx), db.enterprises], async () => {
    const day = await sessionDay(ctx, request);
    if (!day) return { kind: 'no-such-day' };
    const { person } = await enrollPerson(ctx, request.sessionId, request.person, { walkIn: true });
    return checkInEnrolled(ctx, request, day, person, settings, await dayAttendance(ctx, request, person.id));
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
  return db.transaction('rw', [db.attendance, db.auditLog, db.statsDirty], async () => {
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
export function checkOut(ctx: DbContext, request: DayRequest & PersonRef): Promise<CheckOutResult> {
  return forEnrolledPerson(ctx, request, (day, person, settings, existing): PromiseLike<CheckOutResult> => {
    if (!existing?.checkInAt) return Dexie.Promise.resolve({ kind: 'not-checked-in', person });
    if (existing.checkOutAt)
      return Dexie.Promise.resolve({ kind: 'already-out', person, attendance: existing });
    const checkOutAt = ctx.now().toISOString();
    const judged = judgeDay(
      day,
      { status: existing.status, checkInAt: existing.checkInAt, checkOutAt },
      settings,
    );
    const attendance = stampUpdate(ctx, existing, { checkOutAt, ...judged });
    // A promise chain, issued together, as a check-in (see forEnrolledPerson).
    return Dexie.Promise.all([
      ctx.db.attendance.put(attendance),
      ctx.db.auditLog.add(auditEntry(ctx, 'attendance', 'update', existing, attendance)),
    ]).then((): CheckOutResult => ({ kind: 'checked-out', person, attendance, previous: existing }));
  });
}

/** Undoes a check-out: the record goes back to how it was before it (audited); false when it changed since. */
export async function undoCheckOut(
  ctx: DbContext,
  done: { attendance: Attendance; previous: Attendance },
): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('rw', [db.attendance, db.auditLog, db.statsDirty], async () => {
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
    /**
     * The hours the coordinator credits. Given, the status and hours are kept exactly as given (the coordinator
     * overrides the rules, within the day's hours); left out, both follow the rules from the times.
     */
    hoursCredited?: number;
  },
): Promise<Attendance> {
  if (!request.reason.trim()) throw new ReasonRequiredError();
  const { db } = ctx;
  const settings = await getAppSettings(db);
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async () => {
    const day = await sessionDay(ctx, request);
    if (!day) throw new Error(`no session day ${request.date}`);
    const existing = await dayAttendance(ctx, request, request.personId);
    const judged =
      request.hoursCredited === undefined
        ? judgeDay(day, request, settings)
        : { status: request.status, hoursCredited: checkedHours(day, request.hoursCredited, settings) };
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

/** Hours within 0 and the day's class hours: a certificate must never claim more time than was scheduled. */
function checkedHours(day: SessionDay, hours: number, settings: AppSettings): number {
  const max = classHoursForDay(day, settings.minutesPerClassHour);
  if (!Number.isFinite(hours) || hours < 0 || hours > max)
    throw new RangeError(`hours credited ${hours} outside 0..${max}`);
  return hours;
}

/** The audit trail of one attendance record, oldest first: who changed what, when (the correction history). */
export async function attendanceHistory(ctx: DbContext, attendanceId: string): Promise<AuditEntry[]> {
  const entries = await ctx.db.auditLog
    .where('[table+recordId]')
    .equals(['attendance', attendanceId])
    .toArray();
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** One line of a signed paper sheet as entered: the status key pressed and the times written, as `HH:mm`. */
export interface SheetRowInput {
  personId: string;
  status: AttendanceStatus;
  checkIn?: string;
  checkOut?: string;
}

/** What a sheet line is recorded as. */
export interface SheetJudgement {
  status: AttendanceStatus;
  hoursCredited: number;
  checkInAt?: string;
  checkOutAt?: string;
}

/** The local instant of a `HH:mm` time on a session day. */
function localInstant(date: string, hhmm: string): Date {
  const d = parseIsoDate(date);
  const minutes = parseClockTime(hhmm);
  if (!d || minutes === null) throw new RangeError(`invalid time ${date} ${hhmm}`);
  return new Date(d.year, d.month - 1, d.day, 0, minutes);
}

/**
 * How a line of a signed sheet is recorded, by the attendance rules: absent and excused credit nothing and keep no
 * times; for anyone who attended, the times written decide (a check-in after the grace is late, a check-out before
 * the end less the grace is left early, hours by the share rule); a line signed without a time counts from the
 * day's start, like a check-in at the door. 'left-early' without a check-out time credits nothing, as at the door.
 * @throws RangeError when a time is malformed or the check-out is not after the check-in.
 */
export function judgeSheetRow(
  day: SessionDay,
  row: Omit<SheetRowInput, 'personId'>,
  settings: AppSettings,
): SheetJudgement {
  if (row.status === 'absent' || row.status === 'excused') return { status: row.status, hoursCredited: 0 };
  const checkIn = localInstant(day.date, row.checkIn ?? day.start);
  const checkInAt = checkIn.toISOString();
  let status: AttendanceStatus = row.checkIn
    ? statusOnCheckIn(day, checkIn, settings.attendanceRules)
    : row.status === 'late'
      ? 'late'
      : 'present';
  if (row.checkOut) {
    const checkOut = localInstant(day.date, row.checkOut);
    if (checkOut.getTime() <= checkIn.getTime()) throw new RangeError('check-out is not after check-in');
    const checkOutAt = checkOut.toISOString();
    return { ...judgeDay(day, { status, checkInAt, checkOutAt }, settings), checkInAt, checkOutAt };
  }
  if (row.status === 'left-early') status = 'left-early';
  return {
    status,
    hoursCredited: creditedHours({
      dayHours: classHoursForDay(day, settings.minutesPerClassHour),
      status,
      scheduledMinutes: 0,
      rules: settings.attendanceRules,
    }),
    checkInAt,
  };
}

/** Thrown by saveSheetEntries for a line that cannot be recorded; nothing of the sheet is written then. */
export class SheetRowError extends Error {
  constructor(
    readonly personId: string,
    readonly reason: 'not-enrolled' | 'no-such-day',
  ) {
    super(`sheet line for ${personId}: ${reason}`);
  }
}

/** Same minute of the clock (the sheet is written to the minute; a scan has seconds). */
const sameMinute = (a: string | undefined, b: string | undefined) =>
  a === b || (!!a && !!b && Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000));

/**
 * Enters a signed paper sheet of one session day in ONE transaction (a failing line leaves nothing written):
 * lines without a record are created with source 'sheet'; lines that change an existing record (a scan at the
 * door, a day closed as absent) replace it as a correction carrying the reason, so the reason is required then;
 * lines that say what the record already says are left alone, and a time equal to the minute keeps the scanned
 * instant. Every write is audited.
 * @throws ReasonRequiredError when a line corrects a record and the reason is blank; SheetRowError for a person
 *   not enrolled or a day the session does not have; RangeError for a malformed time.
 */
export async function saveSheetEntries(
  ctx: DbContext,
  request: DayRequest & { rows: readonly SheetRowInput[]; reason: string },
): Promise<{ created: number; corrected: number; unchanged: number }> {
  const { db } = ctx;
  const settings = await getAppSettings(db);
  const reason = request.reason.trim();
  return db.transaction('rw', ATTENDANCE_TABLES(ctx), async () => {
    const day = await sessionDay(ctx, request);
    if (!day) throw new SheetRowError(request.rows[0]?.personId ?? '', 'no-such-day');
    const counts = { created: 0, corrected: 0, unchanged: 0 };
    for (const row of request.rows) {
      if (!(await findEnrollment(ctx, request.sessionId, row.personId)))
        throw new SheetRowError(row.personId, 'not-enrolled');
      const judged = judgeSheetRow(day, row, settings);
      const existing = await dayAttendance(ctx, request, row.personId);
      if (
        existing &&
        existing.status === judged.status &&
        sameMinute(existing.checkInAt, judged.checkInAt) &&
        sameMinute(existing.checkOutAt, judged.checkOutAt)
      ) {
        counts.unchanged += 1;
        continue;
      }
      if (existing && !reason) throw new ReasonRequiredError();
      const checkInAt = sameMinute(existing?.checkInAt, judged.checkInAt)
        ? existing?.checkInAt
        : judged.checkInAt;
      const checkOutAt = sameMinute(existing?.checkOutAt, judged.checkOutAt)
        ? existing?.checkOutAt
        : judged.checkOutAt;
      const fields: NewRecord<Attendance> = {
        sessionId: request.sessionId,
        personId: row.personId,
        date: request.date,
        status: judged.status,
        hoursCredited: judged.hoursCredited,
        ...(checkInAt ? { checkInAt } : {}),
        ...(checkOutAt ? { checkOutAt } : {}),
        source: 'sheet',
        ...(reason ? { note: reason } : {}),
      };
      const record = existing ? stampReplace(ctx, existing, fields) : stampNew<Attendance>(ctx, fields);
      if (!record) {
        counts.unchanged += 1;
        continue;
      }
      await db.attendance.put(record);
      await audit(ctx, 'attendance', existing ? 'update' : 'create', existing, record);
      if (existing) counts.corrected += 1;
      else counts.created += 1;
    }
    return counts;
  });
}

/** The holder of a valid certificate, from the number in its QR code (a certificate doubles as a badge). */
export async function personIdOfCertificate(ctx: DbContext, number: string): Promise<string | undefined> {
  const found = await ctx.db.certificates.where('number').equals(number.trim()).toArray();
  return found.find((c) => isLive(c) && c.status === 'valid')?.personId;
}
