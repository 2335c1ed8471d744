import type { RosterRow } from '../../db/enrollments-repo';
import { statusOnCheckIn, type AttendanceRules } from '../../domain/attendance';
import type { SessionDay } from '../../domain/session-days';

export interface DayCounts {
  enrolled: number;
  /** Checked in (at the door or from a sheet), whatever happened later in the day. */
  present: number;
  /** Arrived after the grace, even if their status is now "left early". */
  late: number;
  /** Enrolled at the door: people registered there and registered people enrolled there alike. */
  walkIns: number;
  out: number;
}

/** The live counters of a session day, shared by the station and the session page so that they never disagree. */
export function dayCounts(
  roster: readonly RosterRow[],
  date: string,
  day: SessionDay | undefined,
  rules: AttendanceRules | undefined,
): DayCounts {
  const records = roster.map((r) => r.attendance[date]);
  return {
    enrolled: roster.length,
    present: records.filter((a) => a?.checkInAt).length,
    late: records.filter(
      (a) =>
        a?.status === 'late' ||
        (!!a?.checkInAt &&
          a.status !== 'absent' &&
          a.status !== 'excused' &&
          !!day &&
          !!rules &&
          statusOnCheckIn(day, new Date(a.checkInAt), rules) === 'late'),
    ).length,
    walkIns: roster.filter((r) => r.enrollment.walkIn).length,
    out: records.filter((a) => a?.checkOutAt).length,
  };
}

/** Who has not arrived on a day: enrolled and not checked in (absent and excused included). */
export function notArrived(roster: readonly RosterRow[], date: string): RosterRow[] {
  return roster.filter((r) => !r.attendance[date]?.checkInAt);
}
