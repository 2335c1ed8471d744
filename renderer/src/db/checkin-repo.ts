import type { DbContext } from './context';
import { audit, isLive, stampNew, stampUpdate } from './context';
import type { Attendance, Person } from './records';
import { findEnrollment } from './enrollments-repo';
import { findPersonByIdNumber } from './people-repo';
import { getAppSettings } from './settings-repo';
import { toLocalIsoDate } from '../domain/calendar';
import { parseResidentId, type ResidentIdError } from '../domain/resident-id';
import { classHoursForDay, creditedHours, statusOnCheckIn } from '../domain/attendance';

export type CheckInResult =
  | { kind: 'checked-in'; person: Person; attendance: Attendance }
  | { kind: 'already'; person: Person; attendance: Attendance }
  | { kind: 'not-enrolled'; person: Person }
  | { kind: 'unknown-person'; idNumber: string }
  | { kind: 'invalid-id'; error: ResidentIdError }
  | { kind: 'no-such-day' };

/**
 * Checks a person in for one session day by ID number as typed or read from a card reader. The attendance
 * record is committed (strict durability) before this resolves, so what the screen confirms is on disk.
 * Scanning twice does no harm: the second scan answers 'already' and writes nothing.
 */
export async function checkIn(
  ctx: DbContext,
  request: { sessionId: string; date: string; rawId: string },
): Promise<CheckInResult> {
  const at = ctx.now();
  const parsed = parseResidentId(request.rawId, { today: toLocalIsoDate(at) });
  if (!parsed.ok) return { kind: 'invalid-id', error: parsed.error };
  const { db } = ctx;
  const settings = await getAppSettings(db);
  return db.transaction(
    'rw',
    [db.sessions, db.people, db.enrollments, db.attendance, db.auditLog],
    async () => {
      const session = await db.sessions.get(request.sessionId);
      const day = isLive(session) ? session.days.find((d) => d.date === request.date) : undefined;
      if (!day) return { kind: 'no-such-day' };
      const person = await findPersonByIdNumber(ctx, parsed.id);
      if (!person) return { kind: 'unknown-person', idNumber: parsed.id };
      if (!(await findEnrollment(ctx, request.sessionId, person.id))) return { kind: 'not-enrolled', person };
      const existing = (
        await db.attendance
          .where('[sessionId+personId+date]')
          .equals([request.sessionId, person.id, request.date])
          .toArray()
      ).find((a) => isLive(a));
      if (existing?.checkInAt) return { kind: 'already', person, attendance: existing };
      const status = statusOnCheckIn(day, at, settings.attendanceRules);
      const dayHours = classHoursForDay(day, settings.minutesPerClassHour);
      // A day closed as absent keeps its record id when the person turns up after all (late arrival, data entry).
      const fields = {
        sessionId: request.sessionId,
        personId: person.id,
        date: request.date,
        status,
        checkInAt: at.toISOString(),
        hoursCredited: creditedHours({
          dayHours,
          status,
          scheduledMinutes: 0,
          rules: settings.attendanceRules,
        }),
        source: 'scan' as const,
      };
      const attendance = existing ? stampUpdate(ctx, existing, fields) : stampNew<Attendance>(ctx, fields);
      await db.attendance.put(attendance);
      await audit(ctx, 'attendance', existing ? 'update' : 'create', existing, attendance);
      return { kind: 'checked-in', person, attendance };
    },
  );
}
