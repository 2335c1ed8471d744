import { describe, expect, it } from 'vitest';
import { compareTables, isSameAsNow } from './backup-diff';

const r = (id: string, updatedAt: string, deletedAt?: string) => ({
  id,
  updatedAt,
  ...(deletedAt ? { deletedAt } : {}),
});

describe('compareTables', () => {
  it('counts what comes back, what is lost, and what differs, per table', () => {
    const [people] = compareTables(
      {
        people: [
          r('a', '2026-01-02'),
          r('b', '2026-01-01'),
          r('new', '2026-01-03'),
          r('gone', '2026-01-03', '2026-01-03'),
        ],
      },
      {
        people: [r('a', '2026-01-01'), r('b', '2026-01-05'), r('old', '2026-01-01'), r('gone', '2026-01-01')],
      },
    );
    expect(people).toEqual({
      table: 'people',
      now: 3,
      inBackup: 4,
      onlyInBackup: 1,
      onlyNow: 1,
      newerNow: 2,
      newerInBackup: 1,
    });
  });

  it('a backup of now is the same as now', () => {
    const now = { courses: [r('c', '2026-01-01')], people: [] };
    expect(isSameAsNow(compareTables(now, now))).toBe(true);
    expect(isSameAsNow(compareTables(now, { courses: [], people: [] }))).toBe(false);
  });
});
