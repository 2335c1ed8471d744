import { parseIsoDate } from './calendar';

/**
 * The last day of a validity period of `months` months that starts on `validFrom` (both YYYY-MM-DD, inclusive),
 * as 《民法典》 art. 202 counts periods: the period ends the day before the same day-of-month `months` later; when
 * that month has no such day (a start on 31 January, a start on 29 February), it ends on that month's last day.
 * So 2026-03-10 + 12 months ends 2027-03-09, 2026-01-31 + 1 month ends 2026-02-28.
 * @throws RangeError for a malformed date or a non-positive or fractional number of months.
 */
export function validityEnd(validFrom: string, months: number): string {
  const start = parseIsoDate(validFrom);
  if (!start) throw new RangeError(`invalid date: ${validFrom}`);
  if (!Number.isInteger(months) || months <= 0) throw new RangeError(`invalid months: ${months}`);
  const monthIndex = start.month - 1 + months;
  const year = start.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const end =
    start.day > daysInMonth
      ? new Date(Date.UTC(year, month - 1, daysInMonth))
      : new Date(Date.UTC(year, month - 1, start.day - 1));
  return end.toISOString().slice(0, 10);
}
