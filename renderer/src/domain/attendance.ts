import { parseClockTime, parseIsoDate } from './calendar';

/** A person's attendance on one session day. `'excused'`: absent with leave; credits nothing, but is not held against them. */
export type AttendanceStatus = 'present' | 'late' | 'left-early' | 'absent' | 'excused';

export interface AttendanceRules {
  /** Minutes after the start during which a check-in still counts as on time (default 10). */
  graceMinutes: number;
  /** Share of the scheduled minutes (0..1) a person must attend to be credited the whole day (default 0.8). */
  minShareForCredit: number;
}

export const DEFAULT_ATTENDANCE_RULES: Readonly<AttendanceRules> = Object.freeze({
  graceMinutes: 10,
  minShareForCredit: 0.8,
});

// Float tolerance: shares such as 0.8 * 180 are not exact in binary.
const EPSILON = 1e-9;

/**
 * Scheduled minutes of a day from its `HH:mm` start and end; 0 when the end is not after the start.
 * @throws RangeError when a time is not `HH:mm`.
 */
export function scheduledMinutesForDay(day: { start: string; end: string }): number {
  const start = parseClockTime(day.start);
  const end = parseClockTime(day.end);
  if (start === null || end === null) throw new RangeError(`invalid time: ${day.start}-${day.end}`);
  return Math.max(0, end - start);
}

/**
 * Class hours (学时) of a day, rounded down to a half class hour: a certificate must never claim more time than
 * was scheduled, and half hours are what coordinators write on paper (8:30-11:45 at 45 min = 4.33 -> 4).
 * @throws RangeError when a time is not `HH:mm` or `minutesPerClassHour` is not positive.
 */
export function classHoursForDay(day: { start: string; end: string }, minutesPerClassHour: number): number {
  if (!(minutesPerClassHour > 0)) throw new RangeError('minutesPerClassHour must be positive');
  return floorToHalf(scheduledMinutesForDay(day), minutesPerClassHour);
}

/**
 * Whether a check-in is on time: `'present'` up to and including start + grace minutes, `'late'` after. Uses this
 * machine's local time, like the clock the trainee sees, and ignores seconds, so 08:10:59 is still 08:10.
 * A check-in before the day (early arrival, clock set wrong) is `'present'`.
 * @throws RangeError when the date or start time is malformed.
 */
export function statusOnCheckIn(
  day: { date: string; start: string; end: string },
  checkInAt: Date,
  rules: AttendanceRules,
): 'present' | 'late' {
  const date = parseIsoDate(day.date);
  const start = parseClockTime(day.start);
  if (date === null || start === null) throw new RangeError(`invalid session day: ${day.date} ${day.start}`);
  // The Date constructor carries minutes past 59 into hours and days, so start + grace needs no arithmetic.
  const deadline = new Date(date.year, date.month - 1, date.day, 0, start + rules.graceMinutes);
  const checkInMinute = new Date(checkInAt.getTime());
  checkInMinute.setSeconds(0, 0);
  return checkInMinute.getTime() <= deadline.getTime() ? 'present' : 'late';
}

/**
 * Class hours credited for one day:
 * - `'absent'`, `'excused'`: 0;
 * - attended minutes unknown (checked in, no check-out yet): the whole day for `'present'` and `'late'`, 0 for
 *   `'left-early'` (leaving early without a recorded time proves nothing; the coordinator enters the time);
 * - attended share of `scheduledMinutes` at least `minShareForCredit`: the whole day;
 * - below it: the attended share of the day's hours, rounded down to a half class hour.
 * The share rule applies to every attending status, so a very late arrival is treated like an early departure.
 */
export function creditedHours(input: {
  dayHours: number;
  status: AttendanceStatus;
  minutesAttended?: number;
  scheduledMinutes: number;
  rules: AttendanceRules;
}): number {
  const { dayHours, status, minutesAttended, scheduledMinutes, rules } = input;
  if (status === 'absent' || status === 'excused') return 0;
  if (minutesAttended === undefined) return status === 'left-early' ? 0 : dayHours;
  if (scheduledMinutes <= 0) return 0;
  const attended = Math.min(Math.max(minutesAttended, 0), scheduledMinutes);
  if (attended + EPSILON >= rules.minShareForCredit * scheduledMinutes) return dayHours;
  // Multiply before dividing: dayHours * attended is exact where the share itself is not.
  return floorToHalf(dayHours * attended, scheduledMinutes);
}

/** `numerator / denominator` rounded down to a multiple of 0.5, tolerant of float noise just below a step. */
function floorToHalf(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator) / denominator + EPSILON) / 2;
}
