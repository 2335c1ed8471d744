import { describe, expect, it } from 'vitest';
import { dayCounts, notArrived } from './day-counts';
import type { RosterRow } from '../../db/enrollments-repo';
import type { Attendance } from '../../db/records';
import type { AttendanceStatus } from '../../domain/attendance';
import { DEFAULT_ATTENDANCE_RULES } from '../../domain/attendance';

const DAY = { date: '2026-03-10', start: '08:00', end: '12:00' };
const local = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00`).toISOString();

function row(
  name: string,
  walkIn: boolean,
  record?: { status: AttendanceStatus; in?: string; out?: string; date?: string },
): RosterRow {
  const attendance = record
    ? ({
        status: record.status,
        ...(record.in ? { checkInAt: local(record.in) } : {}),
        ...(record.out ? { checkOutAt: local(record.out) } : {}),
      } as Attendance)
    : undefined;
  return {
    enrollment: { walkIn } as RosterRow['enrollment'],
    person: { id: name, name } as RosterRow['person'],
    attendance: attendance ? { [record?.date ?? DAY.date]: attendance } : {},
    hoursCredited: 0,
  };
}

describe('dayCounts', () => {
  it.each<[string, RosterRow[], Partial<ReturnType<typeof dayCounts>>]>([
    ['nobody', [], { enrolled: 0, present: 0, late: 0, walkIns: 0, out: 0 }],
    ['not arrived yet', [row('a', false)], { enrolled: 1, present: 0 }],
    ['on time', [row('a', false, { status: 'present', in: '07:55' })], { present: 1, late: 0 }],
    ['late', [row('a', false, { status: 'late', in: '08:30' })], { present: 1, late: 1 }],
    [
      'late, then left early: still counted late',
      [row('a', false, { status: 'left-early', in: '08:30', out: '10:00' })],
      { present: 1, late: 1, out: 1 },
    ],
    ['absent is not present', [row('a', false, { status: 'absent' })], { present: 0, late: 0 }],
    [
      'walk-ins: registered at the door or enrolled there',
      [row('a', true, { status: 'late', in: '08:30' }), row('b', true), row('c', false)],
      { enrolled: 3, walkIns: 2 },
    ],
    [
      'another day does not count',
      [row('a', false, { status: 'present', in: '07:55', date: '2026-03-11' })],
      { present: 0 },
    ],
  ])('%s', (_, roster, expected) => {
    expect(dayCounts(roster, DAY.date, DAY, DEFAULT_ATTENDANCE_RULES)).toMatchObject(expected);
  });
});

describe('notArrived', () => {
  it('lists everyone not checked in that day, absent and excused included', () => {
    const roster = [
      row('a', false, { status: 'present', in: '07:55' }),
      row('b', false),
      row('c', false, { status: 'absent' }),
      row('d', false, { status: 'excused' }),
    ];
    expect(notArrived(roster, DAY.date).map((r) => r.person.name)).toEqual(['b', 'c', 'd']);
  });
});
