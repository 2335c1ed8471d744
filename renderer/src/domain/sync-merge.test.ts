import { describe, expect, it } from 'vitest';
import { decideMerge, sameContent, type MergeDecision } from './sync-merge';

const OFFICE = 'office';
const LAPTOP = 'laptop';
/** The laptop last took a package of ours at 10:00 (our clock). */
const BASE = '2026-11-29T10:00:00.000Z';

function rec(updatedAt: string, deviceId: string, fields: Record<string, unknown> = {}) {
  return { id: 'r1', createdAt: '2026-11-01T00:00:00.000Z', updatedAt, deviceId, name: '张三', ...fields };
}
const T = (hhmm: string) => `2026-11-29T${hhmm}:00.000Z`;

describe('decideMerge (the office merging a package from a laptop)', () => {
  it.each<[string, ReturnType<typeof rec> | undefined, ReturnType<typeof rec>, MergeDecision, boolean?]>([
    ['a record we lack is taken', undefined, rec(T('11:00'), LAPTOP), { action: 'insert' }],
    [
      'the same content with later stamps: the stamps are adopted',
      rec(T('09:00'), OFFICE),
      rec(T('11:00'), LAPTOP),
      { action: 'restamp' },
    ],
    [
      'the same content with older stamps is no change',
      rec(T('11:00'), OFFICE),
      rec(T('09:00'), LAPTOP),
      { action: 'skip', why: 'same' },
    ],
    [
      'a newer version from the laptop of a record we did not touch since is taken',
      rec(T('09:00'), OFFICE),
      rec(T('11:00'), LAPTOP, { name: '张三丰' }),
      { action: 'update' },
    ],
    [
      'an older version never overwrites ours (attendance, certificates)',
      rec(T('11:00'), OFFICE, { status: 'present' }),
      rec(T('09:00'), LAPTOP, { status: 'absent' }),
      { action: 'skip', why: 'older' },
    ],
    [
      'both changed since they last met: a conflict, whichever is newer',
      rec(T('10:30'), OFFICE, { phone: '13800000000' }),
      rec(T('11:00'), LAPTOP, { phone: '13900000000' }),
      { action: 'conflict' },
    ],
    [
      'both changed, ours newer: still a conflict (not a silent win)',
      rec(T('11:30'), OFFICE, { phone: '13800000000' }),
      rec(T('11:00'), LAPTOP, { phone: '13900000000' }),
      { action: 'conflict' },
    ],
    [
      'a tombstone that is the later change deletes',
      rec(T('09:00'), OFFICE),
      rec(T('11:00'), LAPTOP, { deletedAt: T('11:00') }),
      { action: 'update' },
    ],
    [
      'an older tombstone does not delete a record changed later here',
      rec(T('09:30'), OFFICE, { phone: '1' }),
      rec(T('09:00'), LAPTOP, { deletedAt: T('09:00') }),
      { action: 'skip', why: 'older' },
    ],
    [
      'our copy of the laptop’s own earlier version is superseded, not a conflict',
      rec(T('10:30'), LAPTOP, { phone: '1' }),
      rec(T('11:00'), LAPTOP, { phone: '2' }),
      { action: 'update' },
    ],
    [
      'a settled conflict is not raised again by the same version',
      rec(T('12:00'), OFFICE, { phone: '13800000000' }),
      rec(T('11:00'), LAPTOP, { phone: '13900000000' }),
      { action: 'skip', why: 'settled' },
      true,
    ],
  ])('%s', (_name, local, incoming, expected, settled) => {
    expect(decideMerge(local, incoming, { base: BASE, sender: LAPTOP, settled: settled ?? false })).toEqual(
      expected,
    );
  });

  it('machines that never met: every difference is a conflict', () => {
    expect(
      decideMerge(rec(T('08:00'), OFFICE, { a: 1 }), rec(T('07:00'), LAPTOP, { a: 2 }), {
        base: '',
        sender: LAPTOP,
      }),
    ).toEqual({ action: 'conflict' });
  });

  it('sameContent ignores stamps and key order, not fields', () => {
    expect(
      sameContent(
        { a: 1, b: 2, updatedAt: 'x', deviceId: 'd1' },
        { b: 2, a: 1, updatedAt: 'y', deviceId: 'd2' },
      ),
    ).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, deletedAt: 'x' })).toBe(false);
  });
});
