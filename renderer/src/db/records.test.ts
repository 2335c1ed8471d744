import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordMeta } from './records';
import { deleteCourse, getCourse, listCourses, saveCourse } from './courses-repo';
import { completeSession, getSession, saveSession } from './sessions-repo';
import { checkIn } from './checkin-repo';
import { enrollPerson } from './enrollments-repo';
import { issueCertificates } from './certificates-repo';
import {
  courseInput,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  openTestApp,
  openWithSession,
  residentId,
  sessionInput,
  UUID,
  type TestApp,
} from './test-db';

const RECORD_TABLES = [
  'enterprises',
  'people',
  'courses',
  'sessions',
  'enrollments',
  'attendance',
  'certificates',
] as const;

describe('record metadata', () => {
  let app: TestApp;
  const created = new Date(2026, 2, 10, 7, 45);

  beforeAll(async () => {
    app = await openTestApp({ start: created });
    const { session } = await createSession(app, { days: [DAY1] });
    const [person] = await enrollPeople(app, session.id, 2);
    app.clock.set(created);
    await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, rawId: person!.idNumber });
    await completeSession(app.ctx, session.id);
    await issueCertificates(app.ctx, session.id);
  });

  it.each(RECORD_TABLES)('every %s record has a UUID, timestamps and the writing device', async (table) => {
    const records = (await app.db.table(table).toArray()) as RecordMeta[];
    expect(records.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const record of records) {
      expect(record.id).toMatch(UUID);
      expect(Date.parse(record.createdAt)).toBeGreaterThanOrEqual(created.getTime());
      expect(record.updatedAt >= record.createdAt).toBe(true);
      expect(record.deviceId).toBe(app.ctx.deviceId);
      expect(record.deletedAt).toBeUndefined();
      ids.add(record.id);
    }
    expect(ids.size).toBe(records.length);
  });
});

describe('updates', () => {
  it.each<[string, string, (app: TestApp) => Promise<[RecordMeta, RecordMeta]>]>([
    [
      'course',
      'courses',
      async (app) => {
        const { course } = await createSession(app);
        app.clock.advanceMinutes(30);
        const input = { ...courseInput(), name: '建筑施工现场安全培训' };
        return [course, await saveCourse(app.ctx, input, course.id)];
      },
    ],
    [
      'session',
      'sessions',
      async (app) => {
        const { course, session } = await createSession(app);
        app.clock.advanceMinutes(30);
        const input = { ...sessionInput(course.id), venue: '区应急管理局三楼培训室' };
        return [session, await saveSession(app.ctx, input, session.id)];
      },
    ],
    [
      'person',
      'people',
      async (app) => {
        const { session } = await createSession(app);
        const input = { name: '张伟', idNumber: residentId(1) };
        const first = await enrollPerson(app.ctx, session.id, input);
        app.clock.advanceMinutes(30);
        const second = await enrollPerson(app.ctx, session.id, { ...input, name: '张卫' });
        return [first.person, second.person];
      },
    ],
  ])(
    'updating a %s bumps updatedAt, keeps id and createdAt, and stores the change',
    async (_, table, update) => {
      const app = await openTestApp();
      const [before, after] = await update(app);
      expect(after.id).toBe(before.id);
      expect(after.createdAt).toBe(before.createdAt);
      expect(Date.parse(after.updatedAt) - Date.parse(before.updatedAt)).toBe(30 * 60_000);
      expect(after.updatedAt).toBe(app.clock.now().toISOString());
      expect(after).not.toEqual({ ...before, updatedAt: after.updatedAt });
      expect(await app.db.table(table).get(after.id)).toEqual(after);
      expect(await app.db.table(table).count()).toBe(1);
    },
  );

  it('a session saved with unsorted days is stored sorted, starting on its first day', async () => {
    const { app, session } = await openWithSession({ days: [DAY2, DAY1] });
    expect(session.days.map((d) => d.date)).toEqual([DAY1.date, DAY2.date]);
    expect(session.startDate).toBe(DAY1.date);
    expect(session.status).toBe('planned');
    expect(await getSession(app.ctx, session.id)).toEqual(session);
  });

  it.each([
    ['course', (app: TestApp) => saveCourse(app.ctx, courseInput(), 'no-such-id')],
    ['session', (app: TestApp) => saveSession(app.ctx, sessionInput('no-such-course'), 'no-such-id')],
  ])('saving a %s under an unknown id fails and writes nothing', async (_, save) => {
    const app = await openTestApp();
    const before = await app.db.auditLog.count();
    await expect(save(app)).rejects.toThrow(/not found/);
    expect(await app.db.auditLog.count()).toBe(before);
  });
});

describe('deleteCourse', () => {
  it.each([
    ['no session uses it', 'none', 'deleted'],
    ['a live session uses it', 'live', 'in-use'],
    ['only a deleted session used it', 'tombstoned', 'deleted'],
  ] as const)('when %s: %s', async (_, sessionState, expected) => {
    const app = await openTestApp();
    const course = await saveCourse(app.ctx, courseInput());
    if (sessionState !== 'none') {
      const session = await saveSession(app.ctx, sessionInput(course.id));
      if (sessionState === 'tombstoned') {
        await app.db.transaction('rw', app.db.sessions, app.db.statsDirty, () =>
          app.db.sessions.put({ ...session, deletedAt: app.clock.now().toISOString() }),
        );
      }
    }
    app.clock.advanceMinutes(5);

    expect(await deleteCourse(app.ctx, course.id)).toBe(expected);

    const stored = await app.db.courses.get(course.id);
    expect(stored).toBeDefined();
    if (expected === 'deleted') {
      // A tombstone, not a delete: the deletion must travel to the other machines.
      expect(stored).toMatchObject({ id: course.id, name: course.name, createdAt: course.createdAt });
      expect(stored!.deletedAt).toBe(app.clock.now().toISOString());
      expect(stored!.updatedAt).toBe(stored!.deletedAt);
      expect(await getCourse(app.ctx, course.id)).toBeUndefined();
      expect(await listCourses(app.ctx)).toEqual([]);
    } else {
      expect(stored).toEqual(course);
      expect(await listCourses(app.ctx)).toEqual([course]);
    }
  });

  it('deleting twice keeps the first tombstone', async () => {
    const app = await openTestApp();
    const course = await saveCourse(app.ctx, courseInput());
    await deleteCourse(app.ctx, course.id);
    const tombstone = await app.db.courses.get(course.id);
    app.clock.advanceMinutes(5);
    expect(await deleteCourse(app.ctx, course.id)).toBe('deleted');
    expect(await app.db.courses.get(course.id)).toEqual(tombstone);
  });
});
