import { describe, expect, it } from 'vitest';
import { findSheetLine, keyForStatus, lineChanged, parseSheetTime, statusForKey } from './sheet-entry';
import { badgePayload } from '../../domain/station-input';
import type { AttendanceStatus } from '../../domain/attendance';

describe('statusForKey', () => {
  it.each<[string, AttendanceStatus | null]>([
    ['1', 'present'],
    ['2', 'late'],
    ['3', 'left-early'],
    ['4', 'absent'],
    ['5', 'excused'],
    ['0', null],
    ['6', null],
    ['a', null],
    ['Enter', null],
  ])('%s -> %s', (key, status) => {
    expect(statusForKey(key)).toBe(status);
    if (status) expect(keyForStatus(status)).toBe(key);
  });
});

describe('parseSheetTime', () => {
  it.each<[string, string | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['0830', '08:30'],
    ['830', '08:30'],
    ['8:30', '08:30'],
    ['08:30', '08:30'],
    ['8.30', '08:30'],
    ['8：30', '08:30'],
    ['０８３０', '08:30'],
    ['1745', '17:45'],
    ['0000', '00:00'],
    ['2359', '23:59'],
    ['2400', 'error'],
    ['0860', 'error'],
    ['83', 'error'],
    ['08300', 'error'],
    ['8:3', 'error'],
    ['ab', 'error'],
  ])('%j -> %s', (text, expected) => {
    const parsed = parseSheetTime(text);
    if (expected === 'error') expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual(expected === undefined ? { ok: true } : { ok: true, value: expected });
  });
});

describe('findSheetLine', () => {
  const lines = [
    { personId: '0b7c1e52-3d2f-4a53-9d7e-1f2a3b4c5d6e', idNumber: '320402198506150011' },
    { personId: '5f3a2c10-7e6d-4b1a-8c9d-0e1f2a3b4c5d', idNumber: '37028119850225721X' },
  ];
  it.each<[string, string, number | null]>([
    ['a line number', '2', 1],
    ['a line number with spaces', ' 1 ', 0],
    ['line 0', '0', null],
    ['past the last line', '3', null],
    ['a sheet QR', badgePayload(lines[1]!.personId), 1],
    ['a sheet QR of someone else', badgePayload('9a3a2c10-7e6d-4b1a-8c9d-0e1f2a3b4c5d'), null],
    ['an ID number read by the card reader', '37028119850225721x', 1],
    ['a badge with an ID number', badgePayload('320402198506150011'), 0],
    ['a name', '张伟', null],
  ])('%s', (_, text, index) => {
    expect(findSheetLine(text, lines)).toBe(index);
  });
});

describe('lineChanged', () => {
  it.each<[string, Parameters<typeof lineChanged>[0], Parameters<typeof lineChanged>[1], boolean]>([
    [
      'untouched',
      { status: 'present', checkIn: '07:55', checkOut: '' },
      { status: 'present', checkIn: '07:55', checkOut: '' },
      false,
    ],
    [
      'time typed the short way',
      { status: 'present', checkIn: '07:55', checkOut: '' },
      { status: 'present', checkIn: '0755', checkOut: '' },
      false,
    ],
    [
      'status changed',
      { status: 'present', checkIn: '', checkOut: '' },
      { status: 'late', checkIn: '', checkOut: '' },
      true,
    ],
    [
      'check-out added',
      { status: 'present', checkIn: '07:55', checkOut: '' },
      { status: 'present', checkIn: '07:55', checkOut: '1000' },
      true,
    ],
    ['a new line', { checkIn: '', checkOut: '' }, { status: 'present', checkIn: '', checkOut: '' }, true],
  ])('%s', (_, initial, current, changed) => {
    expect(lineChanged(initial, current)).toBe(changed);
  });
});
