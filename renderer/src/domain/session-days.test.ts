import { describe, expect, it } from 'vitest';
import {
  defaultSessionDay,
  sessionDateRange,
  sessionPhase,
  sessionTotalHours,
  validateSessionDays,
  type SessionDay,
  type SessionDaysValidation,
} from './session-days';

const day = (date: string, start = '08:00', end = '12:00'): SessionDay => ({ date, start, end });

describe('validateSessionDays', () => {
  it.each<[string, SessionDay[], SessionDaysValidation]>([
    ['no days', [], { ok: false, error: 'empty', index: 0 }],
    ['one day', [day('2026-03-10')], { ok: true }],
    ['two days, unsorted', [day('2026-03-11'), day('2026-03-10')], { ok: true }],
    ['leap day', [day('2028-02-29')], { ok: true }],
    ['30 February', [day('2026-03-10'), day('2026-02-30')], { ok: false, error: 'date', index: 1 }],
    ['slashes', [day('2026/03/10')], { ok: false, error: 'date', index: 0 }],
    ['empty date', [day('')], { ok: false, error: 'date', index: 0 }],
    ['end equals start', [day('2026-03-10', '08:00', '08:00')], { ok: false, error: 'time-order', index: 0 }],
    ['end before start', [day('2026-03-10', '14:00', '09:00')], { ok: false, error: 'time-order', index: 0 }],
    ['unpadded hour', [day('2026-03-10', '8:00', '12:00')], { ok: false, error: 'time-order', index: 0 }],
    ['24:00', [day('2026-03-10', '20:00', '24:00')], { ok: false, error: 'time-order', index: 0 }],
    [
      'repeated date',
      [day('2026-03-10'), day('2026-03-11'), day('2026-03-10', '13:00', '17:00')],
      { ok: false, error: 'duplicate-date', index: 2 },
    ],
    ['first problem wins', [day('2026-13-01'), day('2026-13-01')], { ok: false, error: 'date', index: 0 }],
  ])('%s', (_, days, expected) => {
    expect(validateSessionDays(days)).toEqual(expected);
  });
});

describe('sessionTotalHours', () => {
  it.each<[SessionDay[], number, number]>([
    [[], 45, 0],
    [[day('2026-03-10')], 45, 5],
    [[day('2026-03-10', '08:30', '11:45'), day('2026-03-11', '13:30', '17:00')], 45, 8.5],
    [[day('2026-03-10', '08:30', '11:45'), day('2026-03-11', '13:30', '17:00')], 60, 6.5],
  ])('%j at %i min -> %s', (days, minutes, hours) => {
    expect(sessionTotalHours(days, minutes)).toBe(hours);
  });
});

describe('sessionDateRange', () => {
  it.each<[SessionDay[], { first: string; last: string }]>([
    [[day('2026-03-10')], { first: '2026-03-10', last: '2026-03-10' }],
    [[day('2026-03-12'), day('2026-03-10'), day('2026-03-11')], { first: '2026-03-10', last: '2026-03-12' }],
    [[day('2026-12-31'), day('2027-01-02')], { first: '2026-12-31', last: '2027-01-02' }],
  ])('%j -> %j', (days, range) => {
    expect(sessionDateRange(days)).toEqual(range);
  });

  it('rejects a session without days', () => {
    expect(() => sessionDateRange([])).toThrow(RangeError);
    expect(() => sessionPhase([], '2026-03-10')).toThrow(RangeError);
  });
});

describe('sessionPhase', () => {
  const twoDays = [day('2026-03-12'), day('2026-03-10')];
  it.each<[SessionDay[], string, string]>([
    [twoDays, '2026-03-09', 'upcoming'],
    [twoDays, '2026-03-10', 'today'],
    [twoDays, '2026-03-11', 'in-progress'],
    [twoDays, '2026-03-12', 'today'],
    [twoDays, '2026-03-13', 'past'],
    [[day('2026-03-10')], '2026-03-10', 'today'],
    [[day('2026-03-10')], '2025-12-31', 'upcoming'],
    [[day('2026-03-10')], '2027-01-01', 'past'],
  ])('%j on %s -> %s', (days, today, phase) => {
    expect(sessionPhase(days, today)).toBe(phase);
  });
});

describe('defaultSessionDay', () => {
  const days = [
    { date: '2026-03-10', start: '08:00', end: '12:00' },
    { date: '2026-03-12', start: '08:00', end: '12:00' },
  ];
  it.each([
    ['today is a session day', '2026-03-12', undefined, '2026-03-12'],
    ['between days: the next one', '2026-03-11', undefined, '2026-03-12'],
    ['before the session: its first day', '2026-03-01', undefined, '2026-03-10'],
    ['after the session: its first day', '2026-04-01', undefined, '2026-03-10'],
    ['a day asked for that the session has', '2026-03-12', '2026-03-10', '2026-03-10'],
    ['a day asked for that it does not have is ignored', '2026-03-12', '2026-03-11', '2026-03-12'],
    ['nothing asked (null)', '2026-03-10', null, '2026-03-10'],
  ] as const)('%s', (_, today, asked, expected) => {
    expect(defaultSessionDay(days, today, asked)).toBe(expected);
  });

  it('has no day without days', () => {
    expect(defaultSessionDay([], '2026-03-10')).toBeUndefined();
  });
});
