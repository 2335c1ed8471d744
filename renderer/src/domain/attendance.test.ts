import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTENDANCE_RULES,
  classHoursForDay,
  creditedHours,
  scheduledMinutesForDay,
  statusOnCheckIn,
  type AttendanceStatus,
} from './attendance';

describe('classHoursForDay', () => {
  it.each([
    ['08:00', '12:00', 45, 5],
    ['08:30', '11:45', 45, 4],
    ['14:00', '15:30', 45, 2],
    ['14:00', '15:07', 45, 1],
    ['14:00', '15:08', 45, 1.5],
    ['08:00', '12:00', 50, 4.5],
    ['09:00', '17:00', 60, 8],
    ['00:00', '23:59', 45, 31.5],
    ['09:00', '09:00', 45, 0],
    ['12:00', '08:00', 45, 0],
  ])('%s-%s at %i min -> %s', (start, end, minutes, hours) => {
    expect(classHoursForDay({ start, end }, minutes)).toBe(hours);
  });

  it.each([
    ['8:00', '12:00', 45],
    ['08:00', '24:00', 45],
    ['08:00', '12:60', 45],
    ['08:00', '12:00', 0],
    ['08:00', '12:00', -45],
    ['08:00', '12:00', Number.NaN],
  ])('rejects %s-%s at %s min', (start, end, minutes) => {
    expect(() => classHoursForDay({ start, end }, minutes)).toThrow(RangeError);
  });

  it.each([
    ['08:00', '12:00', 240],
    ['13:30', '17:05', 215],
    ['17:00', '08:00', 0],
  ])('scheduledMinutesForDay %s-%s -> %i', (start, end, minutes) => {
    expect(scheduledMinutesForDay({ start, end })).toBe(minutes);
  });
});

describe('statusOnCheckIn', () => {
  const day = { date: '2026-03-10', start: '08:00', end: '12:00' };
  const late = { date: '2026-03-10', start: '23:55', end: '23:59' };
  // Local-time constructors keep these cases independent of the time zone the tests run in.
  it.each<[string, typeof day, Date, number, 'present' | 'late']>([
    ['early', day, new Date(2026, 2, 10, 7, 30), 10, 'present'],
    ['at the start', day, new Date(2026, 2, 10, 8, 0), 10, 'present'],
    ['at the end of the grace', day, new Date(2026, 2, 10, 8, 10), 10, 'present'],
    ['seconds into the last grace minute', day, new Date(2026, 2, 10, 8, 10, 59, 999), 10, 'present'],
    ['one minute after the grace', day, new Date(2026, 2, 10, 8, 11), 10, 'late'],
    ['mid-morning', day, new Date(2026, 2, 10, 9, 30), 10, 'late'],
    ['the evening before', day, new Date(2026, 2, 9, 23, 0), 10, 'present'],
    ['the next morning', day, new Date(2026, 2, 11, 7, 0), 10, 'late'],
    ['no grace, same minute', day, new Date(2026, 2, 10, 8, 0, 30), 0, 'present'],
    ['no grace, next minute', day, new Date(2026, 2, 10, 8, 1), 0, 'late'],
    ['grace past midnight', late, new Date(2026, 2, 11, 0, 4), 10, 'present'],
    ['after grace past midnight', late, new Date(2026, 2, 11, 0, 6), 10, 'late'],
  ])('%s -> %s', (_, sessionDay, at, graceMinutes, status) => {
    const rules = { ...DEFAULT_ATTENDANCE_RULES, graceMinutes };
    expect(statusOnCheckIn(sessionDay, at, rules)).toBe(status);
  });

  it.each([
    { date: '2026-02-30', start: '08:00', end: '12:00' },
    { date: '2026-03-10', start: '8:00', end: '12:00' },
  ])('rejects $date $start', (bad) => {
    expect(() => statusOnCheckIn(bad, new Date(2026, 2, 10, 8, 0), DEFAULT_ATTENDANCE_RULES)).toThrow(
      RangeError,
    );
  });
});

describe('creditedHours', () => {
  it.each<[AttendanceStatus, number | undefined, number, number, number, number]>([
    // status, minutes attended, scheduled minutes, day hours, min share, credited
    ['present', undefined, 240, 4, 0.8, 4],
    ['late', undefined, 240, 4, 0.8, 4],
    ['present', undefined, 0, 4, 0.8, 4],
    ['left-early', undefined, 240, 4, 0.8, 0],
    ['absent', 240, 240, 4, 0.8, 0],
    ['absent', undefined, 240, 4, 0.8, 0],
    ['excused', 240, 240, 4, 0.8, 0],
    ['present', 240, 240, 4, 0.8, 4],
    ['present', 192, 240, 4, 0.8, 4],
    ['present', 191, 240, 4, 0.8, 3],
    ['present', 300, 240, 4, 0.8, 4],
    ['late', 200, 240, 4, 0.8, 4],
    ['late', 100, 240, 4, 0.8, 1.5],
    ['left-early', 200, 240, 4, 0.8, 4],
    ['left-early', 120, 240, 4, 0.8, 2],
    ['left-early', 29, 240, 4, 0.8, 0],
    ['left-early', 0, 240, 4, 0.8, 0],
    ['left-early', -5, 240, 4, 0.8, 0],
    ['present', 100, 0, 4, 0.8, 0],
    ['present', 239, 240, 4, 1, 3.5],
    ['present', 1, 240, 4, 0, 4],
    ['left-early', 90, 150, 2.5, 0.8, 1.5],
    ['left-early', 144, 180, 3, 0.8, 3],
    ['left-early', 120, 180, 3, 0.8, 2],
  ])(
    '%s, %s of %i min, day %s h, share %s -> %s',
    (status, minutesAttended, scheduledMinutes, dayHours, share, hours) => {
      const rules = { ...DEFAULT_ATTENDANCE_RULES, minShareForCredit: share };
      expect(creditedHours({ dayHours, status, minutesAttended, scheduledMinutes, rules })).toBe(hours);
    },
  );

  it('defaults to 10 grace minutes and an 80% share', () => {
    expect(DEFAULT_ATTENDANCE_RULES).toEqual({ graceMinutes: 10, minShareForCredit: 0.8 });
  });
});
