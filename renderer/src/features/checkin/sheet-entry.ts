import type { AttendanceStatus } from '../../domain/attendance';
import { classifyStationInput } from '../../domain/station-input';

/** One key per status on the sheet-entry screen, in the order coordinators think of them. */
export const STATUS_KEYS: ReadonlyArray<readonly [string, AttendanceStatus]> = [
  ['1', 'present'],
  ['2', 'late'],
  ['3', 'left-early'],
  ['4', 'absent'],
  ['5', 'excused'],
];

/** The status of a key pressed on a line (the main keyboard and the number pad give the same key), or null. */
export function statusForKey(key: string): AttendanceStatus | null {
  return STATUS_KEYS.find(([k]) => k === key)?.[1] ?? null;
}

/** The key of a status, shown beside it as a reminder. */
export function keyForStatus(status: AttendanceStatus): string {
  return STATUS_KEYS.find(([, s]) => s === status)![0];
}

const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * A time as written on a sheet and typed fast: `0830`, `830`, `8:30`, `08:30`, `8.30`, `8：30` (IME colon),
 * full-width digits. Empty is no time; anything else that is not a real time of day is an error.
 */
export function parseSheetTime(text: string): { ok: true; value?: string } | { ok: false } {
  const t = text
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[：.．]/g, ':');
  if (t === '') return { ok: true };
  const m = /^(\d{1,2}):(\d{2})$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return { ok: false };
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return { ok: false };
  return { ok: true, value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** Where the jump box sends the cursor: a line by its printed number, or the line of a scanned QR / ID number. */
export function findSheetLine(
  text: string,
  lines: ReadonlyArray<{ personId: string; idNumber: string }>,
): number | null {
  const t = text.trim();
  if (/^\d{1,4}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= lines.length ? n - 1 : null;
  }
  const input = classifyStationInput(t);
  if (input.kind === 'person') {
    const i = lines.findIndex((l) => l.personId === input.personId);
    return i >= 0 ? i : null;
  }
  if (input.kind === 'id') {
    const id = input.raw.replace(/[^0-9xX]/g, '').toUpperCase();
    const i = lines.findIndex((l) => l.idNumber.toUpperCase() === id);
    return i >= 0 ? i : null;
  }
  return null;
}

/** A line of the entry screen: what is on record, and what the coordinator has typed. */
export interface SheetLineState {
  status?: AttendanceStatus;
  checkIn: string;
  checkOut: string;
}

/** Whether the coordinator changed a line from what was on record when the screen opened. */
export function lineChanged(initial: SheetLineState, current: SheetLineState): boolean {
  const norm = (s: string) => {
    const parsed = parseSheetTime(s);
    return parsed.ok ? (parsed.value ?? '') : s;
  };
  return (
    initial.status !== current.status ||
    norm(initial.checkIn) !== norm(current.checkIn) ||
    norm(initial.checkOut) !== norm(current.checkOut)
  );
}
