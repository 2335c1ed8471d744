import { toLocalIsoDate } from '../domain/calendar';
import type { Locale } from '../i18n/i18n';

/** 2026年11月29日 in Chinese, 2026-11-29 in English: dates as offices write them. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d) return date;
  return locale === 'zh-CN' ? `${y}年${Number(m)}月${Number(d)}日` : `${y}-${m}-${d}`;
}

/** A list of session days as a compact range: 2026年11月20日 or 2026年11月20日至11月23日. */
export function formatDateRange(dates: readonly string[], locale: Locale): string {
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return '';
  if (first === last) return formatDate(first, locale);
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  if (locale === 'zh-CN') {
    const tail = sameYear
      ? `${Number(last.slice(5, 7))}月${Number(last.slice(8, 10))}日`
      : formatDate(last, locale);
    return `${formatDate(first, locale)}至${tail}`;
  }
  return `${first} – ${last}`;
}

/** 24-hour local time HH:mm of an ISO instant. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Class hours without needless decimals: 4, 3.5. */
export function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

/** Today's date on this computer's clock (the laptop at the site), YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return toLocalIsoDate(now);
}
