import type { CheckInResult, CheckOutResult } from '../../db/checkin-repo';
import type { Attendance, Person } from '../../db/records';
import type { MessageKey } from '../../i18n/i18n';
import type { StationSound } from './sounds';

/** What the station last did, as shown in the big result box. */
export type StationOutcome =
  | { mode: 'in'; result: CheckInResult; walkIn?: boolean }
  | { mode: 'out'; result: CheckOutResult }
  | { mode: 'undone'; person: Person }
  | { mode: 'undo-refused' }
  | { mode: 'unreadable' }
  | { mode: 'no-match'; text: string }
  /** The write failed (a full disk, most likely): nothing was recorded, and the door must not think otherwise. */
  | { mode: 'not-saved'; diskFull: boolean };

export type Tone = 'ok' | 'info' | 'warn' | 'error' | 'neutral';

export interface OutcomeView {
  tone: Tone;
  sound: StationSound | null;
  headline: MessageKey;
  person?: Person;
  /** Extra line, already translated by the caller from these parts. */
  detail?: { key: MessageKey; values?: Record<string, string | number> };
  attendance?: Attendance;
}

/** How an outcome looks and sounds: colour (tone), icon (by tone), words and sound together. */
export function viewOf(outcome: StationOutcome): OutcomeView {
  if (outcome.mode === 'undone')
    return { tone: 'neutral', sound: 'already', headline: 'station.undone', person: outcome.person };
  if (outcome.mode === 'undo-refused')
    return { tone: 'warn', sound: 'error', headline: 'station.undoRefused' };
  if (outcome.mode === 'not-saved')
    return {
      tone: 'error',
      sound: 'error',
      headline: outcome.diskFull ? 'station.notSavedDiskFull' : 'station.notSaved',
      detail: { key: 'station.notSavedDetail' },
    };
  if (outcome.mode === 'unreadable') return { tone: 'error', sound: 'error', headline: 'station.unreadable' };
  if (outcome.mode === 'no-match')
    return {
      tone: 'warn',
      sound: 'error',
      headline: 'station.noMatch',
      detail: { key: 'station.noMatchDetail', values: { text: outcome.text } },
    };
  const r = outcome.result;
  switch (r.kind) {
    case 'checked-in':
      return {
        tone: 'ok',
        sound: 'ok',
        headline: r.attendance.status === 'late' ? 'station.checkedInLate' : 'station.checkedIn',
        person: r.person,
        attendance: r.attendance,
        ...(outcome.mode === 'in' && outcome.walkIn ? { detail: { key: 'station.walkInDone' } } : {}),
      };
    case 'checked-out':
      return {
        tone: 'ok',
        sound: 'ok',
        headline: r.attendance.status === 'left-early' ? 'station.checkedOutEarly' : 'station.checkedOut',
        person: r.person,
        attendance: r.attendance,
      };
    case 'already':
      return {
        tone: 'info',
        sound: 'already',
        headline: 'station.already',
        person: r.person,
        attendance: r.attendance,
      };
    case 'already-out':
      return {
        tone: 'info',
        sound: 'already',
        headline: 'station.alreadyOut',
        person: r.person,
        attendance: r.attendance,
      };
    case 'not-checked-in':
      return { tone: 'warn', sound: 'attention', headline: 'station.notCheckedIn', person: r.person };
    case 'not-enrolled':
      return {
        tone: 'warn',
        sound: 'attention',
        headline: 'station.notEnrolled',
        person: r.person,
        ...(outcome.mode === 'in' ? { detail: { key: 'station.enrollPrompt' } } : {}),
      };
    case 'unknown-person':
      return { tone: 'warn', sound: 'attention', headline: 'station.unknown' };
    case 'invalid-id':
      return { tone: 'error', sound: 'error', headline: 'station.invalid' };
    case 'no-such-day':
      return { tone: 'error', sound: 'error', headline: 'checkin.noSuchDay' };
  }
}
