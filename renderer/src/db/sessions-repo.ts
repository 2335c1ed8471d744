import type { DbContext, NewRecord } from './context';
import { audit, isLive, stampNew, stampUpdate } from './context';
import type { Attendance, Course, Session } from './records';
import { sessionDateRange } from '../domain/session-days';

export type SessionInput = Omit<NewRecord<Session>, 'startDate' | 'status' | 'completedAt'>;

export interface SessionWithCourse {
  session: Session;
  course: Course | undefined;
  enrolled: number;
}

/** Sessions newest first, with their course and enrollment count, for the sessions list. */
export async function listSessions(ctx: DbContext): Promise<SessionWithCourse[]> {
  const { db } = ctx;
  const sessions = (await db.sessions.orderBy('startDate').reverse().toArray()).filter((s) => isLive(s));
  const courses = new Map((await db.courses.toArray()).map((c) => [c.id, c]));
  const rows: SessionWithCourse[] = [];
  for (const session of sessions) {
    const enrolled = await db.enrollments
      .where('sessionId')
      .equals(session.id)
      .filter((e) => e.deletedAt === undefined && e.status === 'enrolled')
      .count();
    rows.push({ session, course: courses.get(session.courseId), enrolled });
  }
  return rows;
}

export async function getSession(ctx: DbContext, id: string): Promise<Session | undefined> {
  const session = await ctx.db.sessions.get(id);
  return isLive(session) ? session : undefined;
}

export async function saveSession(ctx: DbContext, input: SessionInput, id?: string): Promise<Session> {
  const { db } = ctx;
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  const startDate = sessionDateRange(days).first;
  return db.transaction('rw', db.sessions, db.auditLog, db.statsDirty, async () => {
    const before = id ? await db.sessions.get(id) : undefined;
    if (id && !isLive(before)) throw new Error(`session ${id} not found`);
    const record = before
      ? stampUpdate(ctx, before, { ...input, days, startDate })
      : stampNew<Session>(ctx, { ...input, days, startDate, status: 'planned' });
    await db.sessions.put(record);
    await audit(ctx, 'sessions', before ? 'update' : 'create', before, record);
    return record;
  });
}

/**
 * Closes a session: everyone enrolled who has no attendance for a day is recorded absent for it, so the record
 * says who did not come rather than leaving a gap. One transaction: all or nothing.
 */
export async function completeSession(ctx: DbContext, sessionId: string): Promise<{ markedAbsent: number }> {
  const { db } = ctx;
  return db.transaction(
    'rw',
    [db.sessions, db.enrollments, db.attendance, db.auditLog, db.statsDirty],
    async () => {
      const session = await db.sessions.get(sessionId);
      if (!isLive(session)) throw new Error(`session ${sessionId} not found`);
      const enrollments = (await db.enrollments.where('sessionId').equals(sessionId).toArray()).filter(
        (e) => e.deletedAt === undefined && e.status === 'enrolled',
      );
      let markedAbsent = 0;
      for (const day of session.days) {
        const present = new Set(
          (await db.attendance.where('[sessionId+date]').equals([sessionId, day.date]).toArray())
            .filter((a) => a.deletedAt === undefined)
            .map((a) => a.personId),
        );
        for (const enrollment of enrollments) {
          if (present.has(enrollment.personId)) continue;
          const absent = stampNew<Attendance>(ctx, {
            sessionId,
            personId: enrollment.personId,
            date: day.date,
            status: 'absent',
            hoursCredited: 0,
            source: 'manual',
          });
          await db.attendance.add(absent);
          await audit(ctx, 'attendance', 'create', undefined, absent);
          markedAbsent++;
        }
      }
      const completed = stampUpdate(ctx, session, {
        status: 'completed',
        completedAt: ctx.now().toISOString(),
      });
      await db.sessions.put(completed);
      await audit(ctx, 'sessions', 'update', session, completed);
      return { markedAbsent };
    },
  );
}
