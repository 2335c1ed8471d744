import { describe, expect, it } from 'vitest';
import { attendanceTotalsByEnterprise } from './reports-repo';
import { stampNew, tombstone } from './context';
import type { Attendance, Enterprise, Person } from './records';
import { openTestApp, residentId, type TestApp } from './test-db';

async function person(app: TestApp, n: number, enterpriseId?: string): Promise<Person> {
  const p = stampNew<Person>(app.ctx, {
    name: `学员${n}`,
    idNumber: residentId(n),
    idType: 'resident-id',
    role: 'worker',
    ...(enterpriseId ? { enterpriseId } : {}),
  });
  await app.db.people.add(p);
  return p;
}

async function attend(
  app: TestApp,
  p: Person,
  date: string,
  status: Attendance['status'],
  hoursCredited: number,
): Promise<Attendance> {
  const a = stampNew<Attendance>(app.ctx, {
    sessionId: 's1',
    personId: p.id,
    date,
    status,
    hoursCredited,
    source: 'scan',
  });
  await app.db.transaction('rw', app.db.attendance, app.db.statsDirty, () => app.db.attendance.add(a));
  return a;
}

describe('attendanceTotalsByEnterprise', () => {
  it('totals the year per employer: people, days attended and absent, hours; other years and tombstones left out', async () => {
    const app = await openTestApp();
    const [a, b] = [
      stampNew<Enterprise>(app.ctx, { name: '甲' }),
      stampNew<Enterprise>(app.ctx, { name: '乙' }),
    ];
    await app.db.enterprises.bulkAdd([a, b]);
    const p1 = await person(app, 1, a.id);
    const p2 = await person(app, 3, a.id);
    const p3 = await person(app, 5, b.id);
    const p4 = await person(app, 7);

    await attend(app, p1, '2025-01-01', 'present', 4);
    await attend(app, p1, '2025-12-31', 'late', 4);
    await attend(app, p2, '2025-06-15', 'absent', 0);
    await attend(app, p2, '2025-06-16', 'left-early', 2);
    await attend(app, p3, '2025-03-03', 'present', 4);
    await attend(app, p4, '2025-03-03', 'excused', 0);
    // Outside the year, and a tombstoned record: not counted.
    await attend(app, p3, '2024-12-31', 'present', 4);
    await attend(app, p3, '2026-01-01', 'present', 4);
    const removed = await attend(app, p3, '2025-05-05', 'present', 4);
    await app.db.transaction('rw', app.db.attendance, app.db.statsDirty, () =>
      app.db.attendance.put(tombstone(app.ctx, removed)),
    );

    expect(await attendanceTotalsByEnterprise(app.ctx, 2025)).toEqual([
      { enterpriseId: a.id, people: 2, daysAttended: 3, daysAbsent: 1, hours: 10 },
      { enterpriseId: b.id, people: 1, daysAttended: 1, daysAbsent: 0, hours: 4 },
      { enterpriseId: undefined, people: 0, daysAttended: 0, daysAbsent: 0, hours: 0 },
    ]);
  });

  it('is empty for a year without attendance', async () => {
    const app = await openTestApp();
    expect(await attendanceTotalsByEnterprise(app.ctx, 2030)).toEqual([]);
  });
});
