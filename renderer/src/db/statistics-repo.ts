import Dexie from 'dexie';
import type { DbContext } from './context';
import type { SafeTrainDb } from './database';
import type { Attendance, Person, Session } from './records';
import { CREDITS_REBUILD, isRebuildMarker, STATS_REBUILD_ALL } from './schema';
import { subscribeStatsDirty, type StatsDirtyMarker } from './statistics-dirty';
import { backgroundTurn } from './background-work';
import {
  buildSessionStats,
  monthsOf,
  monthsOfPeriod,
  replaceInMonth,
  inPeriod,
  statisticsReport,
  trainingSummaryOf,
  type Period,
  type SessionStats,
  type StatisticsReport,
  type TrainingSummary,
} from '../domain/statistics';
import {
  EMPTY_SESSIONS,
  packsFromStats,
  packsToRead,
  replaceSessionCredits,
  SessionNumbers,
} from '../domain/credit-packs';

/** Sessions recomputed per read transaction: small enough not to hold memory, large enough to batch requests. */
const CHUNK = 250;

/** One session's aggregate from its records, read in the caller's transaction. */
async function computeSessions(
  db: SafeTrainDb,
  ids: readonly string[],
): Promise<Map<string, SessionStats | null>> {
  const sessions = await db.sessions.bulkGet([...ids]);
  const attendanceOf = await Promise.all(
    ids.map((id): Promise<Attendance[]> =>
      db.attendance.where('[sessionId+date]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
    ),
  );
  const personIds = [...new Set(attendanceOf.flat().map((a) => a.personId))];
  const people = new Map<string, Person | undefined>();
  (await db.people.bulkGet(personIds)).forEach((p, i) => people.set(personIds[i]!, p));
  const result = new Map<string, SessionStats | null>();
  ids.forEach((id, i) => {
    const session: Session | undefined = sessions[i];
    result.set(id, session ? buildSessionStats(session, attendanceOf[i]!, (p) => people.get(p)) : null);
  });
  return result;
}

/**
 * Every session's aggregate computed from scratch from the records: the reference the maintained aggregate must
 * equal (tests), and what a full rebuild writes.
 */
export async function sessionStatsFromScratch(ctx: DbContext): Promise<SessionStats[]> {
  const { db } = ctx;
  const ids = (await db.sessions.toCollection().primaryKeys()).sort();
  const result: SessionStats[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const computed = await db.transaction('r', [db.sessions, db.attendance, db.people], () =>
      computeSessions(db, chunk),
    );
    for (const stats of computed.values()) if (stats) result.push(stats);
  }
  return result;
}

const refreshing = new WeakMap<SafeTrainDb, Promise<number>>();

/**
 * Recomputes the aggregate of every session marked dirty (usually a few: those written since the last report).
 * A full rebuild (after the schema upgrade or a restore) replaces every aggregate. Reads happen in read-only
 * transactions, so check-ins are not held up; a marker is cleared only if no newer write re-marked the session
 * meanwhile (its token is unchanged). Returns how many sessions were recomputed. Concurrent calls share one run.
 */
export function refreshStatistics(
  db: SafeTrainDb,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const running = refreshing.get(db);
  // A run in progress took its list of marked sessions when it started: a caller who joins it may have written
  // since (or wants what was written since), so it runs once more after it (usually with nothing left to do).
  if (running) return running.then(() => refreshStatistics(db, onProgress));
  const run = refreshRun(db, onProgress).finally(() => refreshing.delete(db));
  refreshing.set(db, run);
  return run;
}

async function refreshRun(
  db: SafeTrainDb,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  // Outside any transaction of the caller: a refresh is work of its own.
  return Dexie.ignoreTransaction(async () => {
    if (await db.statsDirty.get(STATS_REBUILD_ALL)) {
      await backgroundTurn();
      await db.transaction(
        'rw',
        [db.statsDirty, db.sessionStats, db.statsMonths, db.creditPacks, db.creditSessions, db.sessions],
        async () => {
          const marker = await db.statsDirty.get(STATS_REBUILD_ALL);
          if (!marker) return;
          const ids = await db.sessions.toCollection().primaryKeys();
          await db.sessionStats.clear();
          await db.statsMonths.clear();
          await db.creditPacks.clear();
          await db.creditSessions.clear();
          await db.statsDirty.bulkPut([
            ...ids.map((id) => ({ id, token: marker.token })),
            { id: CREDITS_REBUILD, token: marker.token },
          ]);
          await db.statsDirty.delete(STATS_REBUILD_ALL);
        },
      );
    }
    const markers = (await db.statsDirty.toArray()).filter((m) => !isRebuildMarker(m.id));
    markers.sort((a, b) => a.id.localeCompare(b.id));
    let done = 0;
    for (let i = 0; i < markers.length; i += CHUNK) {
      // Out of the way of the check-in station (issue 4): a chunk's reads would queue a check-in's write.
      await backgroundTurn();
      const chunk = markers.slice(i, i + CHUNK);
      const ids = chunk.map((m) => m.id);
      const { computed, seen } = await db.transaction(
        'r',
        [db.statsDirty, db.sessions, db.attendance, db.people],
        async () => ({
          seen: await db.statsDirty.bulkGet(ids),
          computed: await computeSessions(db, ids),
        }),
      );
      await db.transaction(
        'rw',
        [db.statsDirty, db.sessionStats, db.statsMonths, db.creditPacks, db.creditSessions],
        async () => {
          const [now, creditsRebuild] = await Promise.all([
            db.statsDirty.bulkGet(ids),
            db.statsDirty.get(CREDITS_REBUILD),
          ]);
          const current = ids.filter((_, k) => sameMarker(now[k], seen[k]));
          const stats = current.map((id) => computed.get(id)).filter((s): s is SessionStats => !!s);
          const before = (await db.sessionStats.bulkGet(current)).filter((s): s is SessionStats => !!s);
          await db.sessionStats.bulkPut(stats);
          await db.sessionStats.bulkDelete(current.filter((id) => !computed.get(id)));
          await db.statsDirty.bulkDelete(current);
          await repackMonths(db, before, stats);
          // While every person's credits are to be rebuilt anyway, keeping them in step session by session is waste.
          if (!creditsRebuild) await recredit(db, new Set(current), before, stats);
        },
      );
      done += chunk.length;
      onProgress?.(done, markers.length);
    }
    await rebuildCredits(db);
    return done;
  });
}

/**
 * Keeps the credit packs in step with recomputed sessions, in the transaction that writes their aggregates: the
 * people who attended them before or after lose the sessions' old credits and gain the new ones.
 */
async function recredit(
  db: SafeTrainDb,
  replaced: ReadonlySet<string>,
  before: readonly SessionStats[],
  after: readonly SessionStats[],
): Promise<void> {
  const ids = packsToRead([...before, ...after]);
  if (ids.length === 0) return;
  const [packs, table] = await Promise.all([db.creditPacks.bulkGet(ids), db.creditSessions.get('all')]);
  const numbers = new SessionNumbers(table ?? EMPTY_SESSIONS);
  const changed = replaceSessionCredits(
    new Map(ids.map((id, i) => [id, packs[i]])),
    numbers,
    replaced,
    after,
  );
  await db.creditPacks.bulkPut(changed);
  if (numbers.dirty) await db.creditSessions.put(numbers.table);
}

/**
 * Rebuilds the credit packs from the sessions' aggregates when asked to (CREDITS_REBUILD: after the schema upgrade or
 * a full statistics rebuild), in one transaction (65 records). Runs inside refreshRun, the only writer of the
 * aggregates, so they do not change meanwhile; readers use the attendance index until the marker is gone.
 */
async function rebuildCredits(db: SafeTrainDb): Promise<void> {
  const marker = await db.statsDirty.get(CREDITS_REBUILD);
  if (!marker) return;
  await backgroundTurn();
  const { packs, sessions } = packsFromStats(await db.sessionStats.toArray());
  await db.transaction('rw', [db.creditPacks, db.creditSessions, db.statsDirty], async () => {
    // A restore meanwhile asked for another rebuild (new token): that one will write the packs.
    if (!sameMarker(await db.statsDirty.get(CREDITS_REBUILD), marker)) return;
    await db.creditPacks.clear();
    await db.creditPacks.bulkPut(packs);
    await db.creditSessions.put(sessions);
    await db.statsDirty.delete(CREDITS_REBUILD);
  });
}

/** Brings the month packs in step: sessions leave the months they were in and join the months they are in now. */
async function repackMonths(
  db: SafeTrainDb,
  before: readonly SessionStats[],
  after: readonly SessionStats[],
): Promise<void> {
  const removed = new Set(before.map((s) => s.id));
  const addedTo = new Map<string, SessionStats[]>();
  for (const stats of after) {
    for (const month of monthsOf(stats)) addedTo.set(month, [...(addedTo.get(month) ?? []), stats]);
  }
  const months = [...new Set([...before.flatMap(monthsOf), ...addedTo.keys()])].sort();
  const packs = await db.statsMonths.bulkGet(months);
  const changed = months.map((id, i) => ({
    id,
    sessions: replaceInMonth(packs[i]?.sessions ?? [], removed, addedTo.get(id) ?? []),
  }));
  await db.statsMonths.bulkPut(changed.filter((m) => m.sessions.length > 0));
  await db.statsMonths.bulkDelete(changed.filter((m) => m.sessions.length === 0).map((m) => m.id));
}

function sameMarker(a: StatsDirtyMarker | undefined, b: StatsDirtyMarker | undefined): boolean {
  return a !== undefined && b !== undefined && a.token === b.token;
}

/** How many sessions wait for their aggregate (STATS_REBUILD_ALL counts as every session). */
export async function pendingStatistics(db: SafeTrainDb): Promise<number> {
  if (await db.statsDirty.get(STATS_REBUILD_ALL)) return db.sessions.count();
  return (await db.statsDirty.toCollection().primaryKeys()).filter((id) => !isRebuildMarker(id)).length;
}

/** The aggregates of the sessions with a date in the period, up to date. */
async function statsInPeriod(db: SafeTrainDb, period: Period): Promise<SessionStats[]> {
  await refreshStatistics(db);
  // The month packs the period touches (twelve records for a year), each session once and only if it has a date in
  // the period (a session across a month's edge is in both months' packs).
  const months = await db.statsMonths.bulkGet(monthsOfPeriod(period));
  const seen = new Set<string>();
  const result: SessionStats[] = [];
  for (const month of months) {
    for (const stats of month?.sessions ?? []) {
      if (seen.has(stats.id) || !inPeriod(stats, period)) continue;
      seen.add(stats.id);
      result.push(stats);
    }
  }
  return result;
}

/** The headline figures of a period (see TrainingSummary for the definitions). */
export async function trainingSummary(ctx: DbContext, period: Period): Promise<TrainingSummary> {
  return trainingSummaryOf(await statsInPeriod(ctx.db, period), period);
}

/** The full statistics of a period: summary and every breakdown (domain/statistics statisticsReport). */
export async function statisticsForPeriod(ctx: DbContext, period: Period): Promise<StatisticsReport> {
  const { db } = ctx;
  const all = await statsInPeriod(db, period);
  const courses = await db.courses.toArray();
  const enterpriseIds = [...new Set(all.flatMap((s) => s.employers.split(' ')))].filter((id) => id !== '');
  // Many employers: one read of the whole register (one request) beats thousands of gets.
  const enterprises =
    enterpriseIds.length > 500
      ? await db.enterprises.toArray().then((list) => {
          const byId = new Map(list.map((e) => [e.id, e]));
          return enterpriseIds.map((id) => byId.get(id));
        })
      : await db.enterprises.bulkGet(enterpriseIds);
  const audience = new Map(courses.map((c) => [c.id, c.audience]));
  const enterprise = new Map(enterpriseIds.map((id, i) => [id, enterprises[i]]));
  return statisticsReport(all, period, {
    audienceOf: (id) => audience.get(id),
    enterpriseOf: (id) => enterprise.get(id),
  });
}

const idleWatchers = new WeakSet<SafeTrainDb>();

/**
 * Keeps the aggregate fresh in the background: after writes that marked sessions dirty, recomputes them when the
 * browser is idle, so that the next report has nothing to wait for. Call once when the app opens the database.
 */
export function watchStatistics(db: SafeTrainDb): void {
  if (idleWatchers.has(db) || typeof window === 'undefined') return;
  idleWatchers.add(db);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const run = () => void refreshStatistics(db).catch(() => undefined);
      if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 10_000 });
      else run();
    }, 2_000);
  };
  subscribeStatsDirty(db, schedule);
  schedule();
}

/** The names a report's rows need: every course, and the enterprises its rows name (employers and host sites). */
export async function statisticsNames(
  ctx: DbContext,
  report: StatisticsReport,
): Promise<{ courses: Map<string, string>; enterprises: Map<string, string> }> {
  const { db } = ctx;
  const ids = [
    ...new Set([
      ...report.breakdowns.enterprise.map((r) => r.key),
      ...report.breakdowns.site.filter((r) => r.key.startsWith('enterprise:')).map((r) => r.key.slice(11)),
    ]),
  ].filter((id) => id !== '');
  const [courses, enterprises] = await Promise.all([db.courses.toArray(), db.enterprises.bulkGet(ids)]);
  return {
    courses: new Map(courses.map((c) => [c.id, c.name])),
    enterprises: new Map(enterprises.filter((e) => e !== undefined).map((e) => [e.id, e.name])),
  };
}
