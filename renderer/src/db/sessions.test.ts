import { beforeEach, describe, expect, it } from 'vitest';
import { completeSession, listSessions } from './sessions-repo';
import { checkIn } from './checkin-repo';
import type { Person, Session } from './records';
import {
  at,
  createSession,
  DAY1,
  DAY2,
  DAY3,
  enrollPeople,
  HOURS_PER_DAY,
  openTestApp,
  tableCounts,
  type TestApp,
} from './test-db';

const DAYS = [DAY1, DAY2, DAY3];
// DAY3 runs 13:30-17:30, also 5 class hours.
const SCANS: Record<number, typeof DAYS> = { 0: DAYS, 1: [DAY1], 2: [] };

describe('completeSession', () => {
  let app: TestApp;
  let session: Session;
  let people: Person[];

  beforeEach(async () => {
    app = await openTestApp();
    session = (await createSession(app, { days: DAYS })).session;
    people = await enrollPeople(app, session.id, 3);
    for (const [index, days] of Object.entries(SCANS)) {
      for (const day of days) {
        app.clock.set(at(day, day.start));
        await checkIn(app.ctx, {
          sessionId: session.id,
          date: day.date,
          rawId: people[Number(index)]!.idNumber,
        });
      }
    }
    app.clock.set(at(DAY3, '18:00'));
  });

  it.each([
    ['came every day', 0, ['present', 'present', 'present'], 3 * HOURS_PER_DAY],
    ['came on the first day only', 1, ['present', 'absent', 'absent'], HOURS_PER_DAY],
    ['never came', 2, ['absent', 'absent', 'absent'], 0],
  ])('records someone who %s with a status for every day', async (_, index, statuses, hours) => {
    const { markedAbsent } = await completeSession(app.ctx, session.id);
    expect(markedAbsent).toBe(5);

    const mine = await app.db.attendance.where('personId').equals(people[index]!.id).toArray();
    const byDate = Object.fromEntries(mine.map((a) => [a.date, a]));
    expect(DAYS.map((d) => byDate[d.date]?.status)).toEqual(statuses);
    expect(mine).toHaveLength(DAYS.length);
    expect(mine.reduce((sum, a) => sum + a.hoursCredited, 0)).toBe(hours);
    for (const record of mine.filter((a) => a.status === 'absent')) {
      expect(record).toMatchObject({ hoursCredited: 0, source: 'manual', sessionId: session.id });
      expect(record.checkInAt).toBeUndefined();
    }
  });

  it('marks the session completed at the time it was closed', async () => {
    await completeSession(app.ctx, session.id);
    const stored = await app.db.sessions.get(session.id);
    expect(stored).toMatchObject({
      status: 'completed',
      completedAt: at(DAY3, '18:00').toISOString(),
      updatedAt: at(DAY3, '18:00').toISOString(),
      createdAt: session.createdAt,
    });
    const [listed] = await listSessions(app.ctx);
    expect(listed).toMatchObject({ session: { status: 'completed' }, enrolled: 3 });
  });

  it('closing twice adds no second absence', async () => {
    await completeSession(app.ctx, session.id);
    const before = await app.db.attendance.count();
    expect(await completeSession(app.ctx, session.id)).toEqual({ markedAbsent: 0 });
    expect(await app.db.attendance.count()).toBe(before);
    expect(before).toBe(people.length * DAYS.length);
  });

  it('is one transaction: a failure half-way leaves no absences and the session open', async () => {
    const before = await tableCounts(app.db);
    let created = 0;
    app.db.attendance.hook('creating', () => {
      created += 1;
      if (created === 3) throw new Error('disk full');
    });

    await expect(completeSession(app.ctx, session.id)).rejects.toThrow('disk full');

    expect(created).toBe(3);
    expect(await tableCounts(app.db)).toEqual(before);
    expect((await app.db.sessions.get(session.id))?.status).toBe('planned');
  });

  it('refuses a session that does not exist', async () => {
    await expect(completeSession(app.ctx, 'no-such-session')).rejects.toThrow(/not found/);
  });
});
