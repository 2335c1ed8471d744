import type { DbContext } from './context';
import { isLive } from './context';
import type { SessionWithCourse } from './sessions-repo';
import { sessionPhase } from '../domain/session-days';
import { addDays } from '../domain/calendar';

/**
 * How far back a session may have started and still be running today. Sessions span days, not months; a longer
 * window only costs a few more index reads.
 */
const LONGEST_SESSION_DAYS = 62;
const UPCOMING_SHOWN = 8;

export interface HomeOverview {
  courses: number;
  sessions: number;
  people: number;
  certificates: number;
  /** Sessions running today (or in progress over several days). */
  current: SessionWithCourse[];
  /** The next planned sessions, soonest first. */
  upcoming: SessionWithCourse[];
}

/**
 * The home screen's figures, read through indexes and native counts only: the first screen after start must not
 * load every session or scan every person (20,000 sessions and 100,000 people in a district after a few years).
 */
export async function homeOverview(ctx: DbContext, today: string): Promise<HomeOverview> {
  const { db } = ctx;
  const [courses, sessions, allPeople, certificates, merges, recent] = await Promise.all([
    db.courses.filter((c) => isLive(c)).count(),
    db.sessions.where('status').anyOf('planned', 'completed').count(),
    db.people.count(),
    db.certificates.where('status').equals('valid').count(),
    db.merges.filter((m) => !m.undoneAt && !m.deletedAt).toArray(),
    db.sessions
      .where('startDate')
      .aboveOrEqual(addDays(today, -LONGEST_SESSION_DAYS))
      .filter((s) => isLive(s) && s.status !== 'cancelled')
      .sortBy('startDate'),
  ]);
  // People are tombstoned by merges (the removed duplicate): the native count includes them.
  const mergedAway = merges.length
    ? await db.people
        .where('id')
        .anyOf(merges.map((m) => m.removedId))
        .filter((p) => p.deletedAt !== undefined)
        .count()
    : 0;
  const current = recent.filter((s) => ['today', 'in-progress'].includes(sessionPhase(s.days, today)));
  const upcoming = recent
    .filter((s) => s.status === 'planned' && sessionPhase(s.days, today) === 'upcoming')
    .slice(0, UPCOMING_SHOWN);
  const withDetails = (list: typeof recent) =>
    Promise.all(
      list.map(async (session): Promise<SessionWithCourse> => {
        const [course, enrolled] = await Promise.all([
          db.courses.get(session.courseId),
          db.enrollments
            .where('sessionId')
            .equals(session.id)
            .filter((e) => isLive(e) && e.status === 'enrolled')
            .count(),
        ]);
        return { session, course, enrolled };
      }),
    );
  return {
    courses,
    sessions,
    people: allPeople - mergedAway,
    certificates,
    current: await withDetails(current),
    upcoming: await withDetails(upcoming),
  };
}
