import { classHoursForDay } from './attendance';
import { isIsoDate, parseClockTime } from './calendar';

/** One day of a session (培训班): a session may span several days, each with its own times. */
export interface SessionDay {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:mm, local time. */
  start: string;
  /** HH:mm, local time, after `start` (no session runs past midnight). */
  end: string;
}

export type SessionDaysValidation =
  { ok: true } | { ok: false; error: 'empty' | 'time-order' | 'duplicate-date' | 'date'; index: number };

/**
 * Checks a session's days in order and reports the first problem with the index of the day to fix:
 * `'empty'` (no days; index 0, where the first day belongs), `'date'` (not a real YYYY-MM-DD date),
 * `'time-order'` (a time is not HH:mm or the end is not after the start), `'duplicate-date'` (index of the
 * repeat). Days need not be sorted.
 */
export function validateSessionDays(days: readonly SessionDay[]): SessionDaysValidation {
  if (days.length === 0) return { ok: false, error: 'empty', index: 0 };
  const seen = new Set<string>();
  for (const [index, day] of days.entries()) {
    if (!isIsoDate(day.date)) return { ok: false, error: 'date', index };
    const start = parseClockTime(day.start);
    const end = parseClockTime(day.end);
    if (start === null || end === null || end <= start) return { ok: false, error: 'time-order', index };
    if (seen.has(day.date)) return { ok: false, error: 'duplicate-date', index };
    seen.add(day.date);
  }
  return { ok: true };
}

/**
 * Total class hours of a session: the sum of each day's hours, each rounded down to a half class hour (as
 * attendance is credited per day).
 * @throws RangeError as {@link classHoursForDay}.
 */
export function sessionTotalHours(days: readonly SessionDay[], minutesPerClassHour: number): number {
  return days.reduce((sum, day) => sum + classHoursForDay(day, minutesPerClassHour), 0);
}

/**
 * First and last date of a session, whatever the order of its days.
 * @throws RangeError when there are no days.
 */
export function sessionDateRange(days: readonly SessionDay[]): { first: string; last: string } {
  const dates = days.map((day) => day.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('a session needs at least one day');
  return { first, last };
}

/**
 * Where a session stands on `today` (YYYY-MM-DD): `'upcoming'` before its first day, `'today'` when one of its
 * days is today (check-in is open), `'in-progress'` between its first and last day on a day without training,
 * `'past'` after its last day.
 * @throws RangeError when there are no days.
 */
export function sessionPhase(
  days: readonly SessionDay[],
  today: string,
): 'upcoming' | 'today' | 'in-progress' | 'past' {
  const { first, last } = sessionDateRange(days);
  if (today < first) return 'upcoming';
  if (today > last) return 'past';
  return days.some((day) => day.date === today) ? 'today' : 'in-progress';
}

/**
 * The session day a check-in screen opens on: the day asked for when the session has it, else today, else the
 * next day to come, else the first day (a past session is reviewed from its start). Undefined without days.
 */
export function defaultSessionDay(
  days: readonly SessionDay[],
  today: string,
  asked?: string | null,
): string | undefined {
  if (asked && days.some((d) => d.date === asked)) return asked;
  return (days.find((d) => d.date === today) ?? days.find((d) => d.date > today) ?? days[0])?.date;
}
