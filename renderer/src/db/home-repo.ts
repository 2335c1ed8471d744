import type { DbContext } from './context';
import { isLive } from './context';
import type { SessionWithCourse } from './sessions-repo';
import { sessionPhase } from '../domain/session-days';
import { addDays } from '../domain/calendar';
import { reminders } from './reminders-repo';
import { trainingSummary } from './statistics-repo';
import type { TrainingSummary } from '../domain/statistics';

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
    // One native count per status: anyOf() counts by walking a cursor, every step of it recorded for the live
    // query's change tracking (20,000 sessions after a few years).
    Promise.all([
      db.sessions.where('status').equals('planned').count(),
      db.sessions.where('status').equals('completed').count(),
    ]).then(([planned, completed]) => planned + completed),
    db.people.count(),
    // Every certificate minus the voided ones: a count over the status index walks 200,000 index entries (1.4 s
    // here), the store's own count is three times faster and the voided are few.
    Promise.all([db.certificates.count(), db.certificates.where('status').equals('voided').count()]).then(
      ([all, voided]) => all - voided,
    ),
    db.merges.filter((m) => !m.undoneAt && !m.deletedAt).toArray(),
    // One getAll over the index range, filtered here: a Dexie filter walks a cursor, and inside a live query every
    // step is also recorded for change tracking (0.7 s of the cold start for the ~1,000 sessions of 62 busy days).
    db.sessions
      .where('startDate')
      .aboveOrEqual(addDays(today, -LONGEST_SESSION_DAYS))
      .toArray()
      .then((list) => list.filter((s) => isLive(s) && s.status !== 'cancelled')),
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
          // getAll and count here, not a filtered cursor (see above): a large session has thousands enrolled.
          db.enrollments
            .where('sessionId')
            .equals(session.id)
            .toArray()
            .then((list) => list.filter((e) => isLive(e) && e.status === 'enrolled').length),
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

/** People trained this month and this year (up to today), from the maintained statistics (statistics-repo). */
export async function homeTraining(
  ctx: DbContext,
  today: string,
): Promise<{ month: TrainingSummary; year: TrainingSummary }> {
  const [month, year] = await Promise.all([
    trainingSummary(ctx, { from: `${today.slice(0, 7)}-01`, to: today }),
    trainingSummary(ctx, { from: `${today.slice(0, 4)}-01-01`, to: today }),
  ]);
  return { month, year };
}

export interface HomeReminderCounts {
  /** People (principals, safety officers, high-risk workers) whose refresher is overdue. */
  overdue: number;
  /** Refreshers falling due within the window, and managers never trained. */
  dueOrNeverTrained: number;
  /** Certificates ending within the window either side of today (the reminders page's list). */
  expiring: number;
}

/**
 * The reminders page's figures for the home screen, the same lists counted (db/reminders-repo): these read every
 * manager's attendance, so the home screen asks for them after its first figures are on screen.
 */
export async function homeReminderCounts(
  ctx: DbContext,
  today: string,
  withinDays: number,
): Promise<HomeReminderCounts> {
  const list = await reminders(ctx, { today, withinDays });
  const overdue = new Set(list.people.filter((r) => r.status === 'overdue').map((r) => r.person.id));
  const other = new Set(list.people.filter((r) => r.status !== 'overdue').map((r) => r.person.id));
  return { overdue: overdue.size, dueOrNeverTrained: other.size, expiring: list.certificates.length };
}
