const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Year, month (1-12) and day of a `YYYY-MM-DD` string that names a real calendar date, else null. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC rolls 02-30 over into March, so a round trip exposes impossible dates without a month table.
  const probe = new Date(Date.UTC(year, month - 1, day));
  const real =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

/** Whether `iso` is a `YYYY-MM-DD` string naming a real calendar date (leap years included). */
export function isIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

/** Minutes since midnight of a 24-hour `HH:mm` time (`00:00`-`23:59`), or null when malformed. */
export function parseClockTime(hhmm: string): number | null {
  const match = CLOCK_TIME.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The `YYYY-MM-DD` date of an instant on this machine's clock and time zone (not UTC). */
export function toLocalIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date `days` after `iso` (YYYY-MM-DD; negative goes back), by the calendar (no time zone involved). */
export function addDays(iso: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days),
  );
  return d.toISOString().slice(0, 10);
}
