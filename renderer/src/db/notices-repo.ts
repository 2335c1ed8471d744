import type { DbContext } from './context';
import { isLive } from './context';
import type { Course, Enterprise, Session } from './records';

/** A session as a training notice lists it: its course (audience, hours, content) and host, and who is enrolled. */
export interface NoticeSession {
  session: Session;
  course?: Course;
  host?: Enterprise;
  enrolled: number;
}

async function withDetails(ctx: DbContext, sessions: readonly Session[]): Promise<NoticeSession[]> {
  const { db } = ctx;
  const [courses, hosts, enrolled] = await Promise.all([
    db.courses.bulkGet([...new Set(sessions.map((s) => s.courseId))]),
    db.enterprises.bulkGet([
      ...new Set(sessions.flatMap((s) => (s.hostEnterpriseId ? [s.hostEnterpriseId] : []))),
    ]),
    Promise.all(
      sessions.map((s) =>
        db.enrollments
          .where('sessionId')
          .equals(s.id)
          .filter((e) => isLive(e) && e.status === 'enrolled')
          .count(),
      ),
    ),
  ]);
  const courseById = new Map(courses.filter((c) => isLive(c)).map((c) => [c.id, c]));
  const hostById = new Map(hosts.filter((e) => isLive(e)).map((e) => [e.id, e]));
  return sessions.map((session, i) => {
    const course = courseById.get(session.courseId);
    const host = session.hostEnterpriseId ? hostById.get(session.hostEnterpriseId) : undefined;
    return { session, ...(course ? { course } : {}), ...(host ? { host } : {}), enrolled: enrolled[i]! };
  });
}

const byDate = (a: Session, b: Session) =>
  a.startDate.localeCompare(b.startDate) || (a.days[0]?.start ?? '').localeCompare(b.days[0]?.start ?? '');

/**
 * Planned sessions starting within a date range (inclusive), soonest first: what a notice can announce. Read
 * through the startDate index.
 */
export async function plannedSessionsBetween(
  ctx: DbContext,
  range: { from: string; to: string },
): Promise<NoticeSession[]> {
  const sessions = (
    await ctx.db.sessions.where('startDate').between(range.from, range.to, true, true).toArray()
  ).filter((s) => isLive(s) && s.status === 'planned');
  return withDetails(ctx, sessions.sort(byDate));
}

/** The chosen sessions by id (cancelled and deleted ones left out), soonest first. */
export async function noticeSessions(ctx: DbContext, ids: readonly string[]): Promise<NoticeSession[]> {
  const sessions = (await ctx.db.sessions.bulkGet([...ids])).filter(
    (s): s is Session => isLive(s) && s.status !== 'cancelled',
  );
  return withDetails(ctx, sessions.sort(byDate));
}
