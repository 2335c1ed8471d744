import { describe, expect, it } from 'vitest';
import {
  at,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  openTestApp,
  openWithSession,
  recordAttendance,
  type TestApp,
} from './test-db';
import {
  checkIn,
  checkOut,
  correctAttendance,
  endDay,
  enrollAndCheckIn,
  registerWalkInAndCheckIn,
  saveSheetEntries,
  undoCheckIn,
  undoCheckOut,
} from './checkin-repo';
import { completeSession, saveSession } from './sessions-repo';
import { mergePeople, undoMerge } from './merges-repo';
import { buildSyncPackage, mergeSyncPackage, readSyncPackage } from './sync-repo';
import { createBackupFile, readBackupFile, restoreBackup } from './backup-repo';
import { loadDemoData } from './demo-data';
import { savePerson } from './people-repo';
import { stampNew } from './context';
import {
  pendingStatistics,
  refreshStatistics,
  sessionStatsFromScratch,
  statisticsForPeriod,
  trainingSummary,
} from './statistics-repo';
import { StatsScopeError } from './statistics-dirty';
import { holdBackgroundWork } from './background-work';
import { STATS_REBUILD_ALL } from './schema';
import type { Attendance } from './records';
import { buildResidentId } from '../domain/resident-id';
import { monthsOf, type SessionStats } from '../domain/statistics';
import { creditsInPacks, packsFromStats } from '../domain/credit-packs';
import { creditedAttendance, creditedAttendanceByIndex } from './credited-attendance';

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** The maintained aggregate, once the dirty sessions are recomputed, equals a recomputation from scratch. */
async function expectMaintained(app: TestApp): Promise<void> {
  // Before the refresh, with sessions still marked: people's credited hours read through the marks are current.
  await expectCreditsAsByIndex(app);
  await refreshStatistics(app.db);
  expect(await app.db.statsDirty.count()).toBe(0);
  const maintained = (await app.db.sessionStats.toArray()).sort(byId);
  const scratch = (await sessionStatsFromScratch(app.ctx)).sort(byId);
  expect(maintained).toEqual(scratch);
  // The packs hold what packs built from scratch hold (session numbering may differ: compared as decoded).
  const everyone = new Set(await app.db.people.toCollection().primaryKeys());
  const rebuilt = packsFromStats(scratch);
  const table = await app.db.creditSessions.get('all');
  expect(
    decoded(creditsInPacks(await app.db.creditPacks.toArray(), table ?? rebuilt.sessions, everyone)),
  ).toEqual(decoded(creditsInPacks(rebuilt.packs, rebuilt.sessions, everyone)));
  await expectCreditsAsByIndex(app);
  // The month packs hold exactly the sessions with a date in each month.
  const packs = new Map<string, SessionStats[]>();
  for (const stats of scratch) {
    for (const month of monthsOf(stats)) packs.set(month, [...(packs.get(month) ?? []), stats]);
  }
  expect((await app.db.statsMonths.toArray()).sort(byId)).toEqual(
    [...packs].map(([id, sessions]) => ({ id, sessions: sessions.sort(byId) })).sort(byId),
  );
}

/** People's credited days in a comparable order: people by id, each one's days by date and session. */
function decoded<T extends { date: string; sessionId: string }>(byPerson: Map<string, T[]>) {
  const byDay = (a: T, b: T) => `${a.date}${a.sessionId}`.localeCompare(`${b.date}${b.sessionId}`);
  return [...byPerson]
    .map(([id, days]) => [id, [...days].sort(byDay)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Every person's credited days from the maintained credits equal those read through the attendance index. */
async function expectCreditsAsByIndex(app: TestApp): Promise<void> {
  const ids = await app.db.people.toCollection().primaryKeys();
  const expected = decoded(await creditedAttendanceByIndex(app.ctx, ids));
  // A few people read only their packs; hundreds read every pack at once: both ways.
  expect(decoded(await creditedAttendance(app.ctx, ids))).toEqual(expected);
  const many = [...ids, ...Array.from({ length: 250 }, (_, i) => `nobody-${i}`)];
  expect(decoded(await creditedAttendance(app.ctx, many))).toEqual(expected);
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('maintained statistics: every attendance and session write path keeps the aggregate right', () => {
  it('check-in, its undo, check-out, its undo, enrolment and walk-in at the door', async () => {
    const { app, session } = await openWithSession({ days: [DAY1, DAY2] });
    const people = await enrollPeople(app, session.id, 3);
    await expectMaintained(app);
    app.clock.set(at(DAY1, '07:55'));
    const first = await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, personId: people[0]!.id });
    await expectMaintained(app);
    const second = await checkIn(app.ctx, {
      sessionId: session.id,
      date: DAY1.date,
      personId: people[1]!.id,
    });
    if (second.kind !== 'checked-in') throw new Error(second.kind);
    await expectMaintained(app);
    expect(await undoCheckIn(app.ctx, second)).toBe(true);
    await expectMaintained(app);
    app.clock.set(at(DAY1, '09:00'));
    const out = await checkOut(app.ctx, { sessionId: session.id, date: DAY1.date, personId: people[0]!.id });
    if (out.kind !== 'checked-out') throw new Error(out.kind);
    await expectMaintained(app);
    expect(await undoCheckOut(app.ctx, out)).toBe(true);
    await expectMaintained(app);
    expect(first.kind).toBe('checked-in');

    const other = await createSession(app, { days: [DAY2], courseName: '另一门课' });
    await enrollAndCheckIn(app.ctx, {
      sessionId: other.session.id,
      date: DAY2.date,
      personId: people[2]!.id,
    });
    await expectMaintained(app);
    await registerWalkInAndCheckIn(app.ctx, {
      sessionId: other.session.id,
      date: DAY2.date,
      person: { name: '赵六', idNumber: buildResidentId('510104', '1990-01-01', 11) },
    });
    await expectMaintained(app);
  });

  it('corrections, sign-in sheet entry, end of day and closing the session', async () => {
    const { app, session } = await openWithSession({ days: [DAY1, DAY2] });
    const people = await enrollPeople(app, session.id, 4);
    const day = { sessionId: session.id, date: DAY1.date };
    await correctAttendance(app.ctx, { ...day, personId: people[0]!.id, status: 'late', reason: '补录' });
    await expectMaintained(app);
    await saveSheetEntries(app.ctx, {
      ...day,
      reason: '据签到表补录',
      rows: [
        { personId: people[1]!.id, status: 'present' },
        { personId: people[2]!.id, status: 'excused' },
      ],
    });
    await expectMaintained(app);
    await endDay(app.ctx, day);
    await expectMaintained(app);
    await completeSession(app.ctx, session.id);
    await expectMaintained(app);
    expect((await app.db.sessionStats.get(session.id))?.hours.length).toBe(8);
  });

  it('editing a session (its days) and a direct write in a transaction that includes statsDirty', async () => {
    const { app, session, course } = await openWithSession({ days: [DAY1] });
    const [person] = await enrollPeople(app, session.id, 1);
    await recordAttendance(app, session.id, person!.id, DAY1.date, 5);
    await expectMaintained(app);
    await saveSession(
      app.ctx,
      { courseId: course.id, days: [DAY2], venue: '新场地', instructor: '周志明', capacity: 30 },
      session.id,
    );
    await expectMaintained(app);
    expect((await app.db.sessionStats.get(session.id))?.venue).toBe('新场地');
  });

  it('merging two people and undoing the merge', async () => {
    const { app, session } = await openWithSession({ days: [DAY1] });
    const [a, b] = await enrollPeople(app, session.id, 2);
    app.clock.set(at(DAY1, '07:55'));
    await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, personId: a!.id });
    await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, personId: b!.id });
    await expectMaintained(app);
    const merge = await mergePeople(app.ctx, a!.id, b!.id);
    await expectMaintained(app);
    await undoMerge(app.ctx, merge.id);
    await expectMaintained(app);
  });

  it('importing a sync package', async () => {
    const { app: office, session } = await openWithSession({ days: [DAY1] }, { deviceCode: 'A1' });
    const people = await enrollPeople(office, session.id, 2);
    office.clock.set(at(DAY1, '07:55'));
    await checkIn(office.ctx, { sessionId: session.id, date: DAY1.date, personId: people[0]!.id });
    const laptop = await openTestApp({ deviceCode: 'B2' });
    const { bytes } = await buildSyncPackage(office.ctx, { everything: true });
    const decoded = await readSyncPackage(bytes);
    if (!decoded.ok) throw new Error(decoded.problem.code);
    await mergeSyncPackage(laptop.ctx, decoded.backup);
    expect(await pendingStatistics(laptop.db)).toBeGreaterThan(0);
    await expectMaintained(laptop);
    expect(await trainingSummary(laptop.ctx, YEAR)).toMatchObject({ sessions: 1, people: 1, personTimes: 1 });
  });

  it('restoring a backup rebuilds everything; the backup holds no derived table', async () => {
    const { app, session } = await openWithSession({ days: [DAY1] });
    const people = await enrollPeople(app, session.id, 2);
    app.clock.set(at(DAY1, '07:55'));
    await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, personId: people[0]!.id });
    const file = await createBackupFile(app.ctx, 'manual');
    const decoded = await readBackupFile(file);
    if (!decoded.ok) throw new Error(decoded.problem.code);
    expect(Object.keys(decoded.backup.tables)).not.toContain('sessionStats');
    expect(Object.keys(decoded.backup.tables)).not.toContain('statsDirty');
    await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, personId: people[1]!.id });
    const later = await createSession(app, { days: [DAY2], courseName: '备份之后' });
    await recordAttendance(app, later.session.id, people[1]!.id, DAY2.date, 5);
    await expectMaintained(app);

    await restoreBackup(app.ctx, decoded.backup);
    expect(await app.db.statsDirty.get(STATS_REBUILD_ALL)).toBeDefined();
    await expectMaintained(app);
    expect(await app.db.sessionStats.get(later.session.id)).toBeUndefined();
    expect(await trainingSummary(app.ctx, YEAR)).toMatchObject({ sessions: 1, people: 1 });
  });

  it('loading the demo data', async () => {
    const app = await openTestApp();
    await loadDemoData(app.ctx);
    await expectMaintained(app);
    expect(
      (await trainingSummary(app.ctx, { from: '2000-01-01', to: '2100-12-31' })).personTimes,
    ).toBeGreaterThan(0);
  });

  it('refuses a write of attendance or sessions whose transaction cannot mark the statistics', async () => {
    const { app, session } = await openWithSession({ days: [DAY1] });
    const [person] = await enrollPeople(app, session.id, 1);
    const record = stampNew<Attendance>(app.ctx, {
      sessionId: session.id,
      personId: person!.id,
      date: DAY1.date,
      status: 'present',
      hoursCredited: 5,
      source: 'manual',
    });
    await expect(app.db.attendance.add(record)).rejects.toBeInstanceOf(StatsScopeError);
    await expect(app.db.sessions.put({ ...session, venue: 'x' })).rejects.toBeInstanceOf(StatsScopeError);
    expect(await app.db.attendance.count()).toBe(0);
  });

  it('a report that joins a refresh started before a write still counts that write', async () => {
    const { app, session } = await openWithSession({ days: [DAY1] });
    const [p] = await enrollPeople(app, session.id, 1);
    await refreshStatistics(app.db);
    app.clock.set(at(DAY1, '07:55'));
    await checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, personId: p!.id });
    holdBackgroundWork(300);
    // The idle watcher's run: takes the marked sessions, then waits its turn.
    const first = refreshStatistics(app.db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await createSession(app, { days: [DAY2], courseName: '之后' });
    const joined = await trainingSummary(app.ctx, YEAR);
    await first;
    expect(joined.sessions).toBe(2);
    await expectMaintained(app);
  });

  it('keeps a mark made while a recomputation was reading (the newer write is recomputed next time)', async () => {
    const { app, session } = await openWithSession({ days: [DAY1] });
    const [a, b] = await enrollPeople(app, session.id, 2);
    await recordAttendance(app, session.id, a!.id, DAY1.date, 5);
    const running = refreshStatistics(app.db);
    await recordAttendance(app, session.id, b!.id, DAY1.date, 5);
    await running;
    await expectMaintained(app);
    expect((await app.db.sessionStats.get(session.id))?.people.split(' ')).toHaveLength(2);
  });
});

describe('statistics of a period', () => {
  it('counts the figures and the employer at training time', async () => {
    const { app, session } = await openWithSession({ days: [DAY1, DAY2] });
    const people = await enrollPeople(app, session.id, 3);
    await recordAttendance(app, session.id, people[0]!.id, DAY1.date, 5);
    await recordAttendance(app, session.id, people[0]!.id, DAY2.date, 5);
    await recordAttendance(app, session.id, people[1]!.id, DAY1.date, 5);
    await recordAttendance(app, session.id, people[2]!.id, DAY1.date, 0);
    const report = await statisticsForPeriod(app.ctx, YEAR);
    expect(report.summary).toEqual({
      sessions: 1,
      people: 2,
      personTimes: 2,
      personHours: 15,
      attendanceRate: 3 / 4,
    });
    expect(await trainingSummary(app.ctx, { from: DAY2.date, to: DAY2.date })).toEqual({
      sessions: 1,
      people: 1,
      personTimes: 1,
      personHours: 5,
      attendanceRate: 1,
    });
    const employer = people[0]!.enterpriseId!;
    expect(report.breakdowns.enterprise).toEqual([{ key: employer, ...report.summary }]);
    // A later change of employer does not rewrite past statistics.
    await savePerson(
      app.ctx,
      { name: people[0]!.name, idType: 'resident-id', idNumber: people[0]!.idNumber, role: 'worker' },
      people[0]!.id,
    );
    expect((await statisticsForPeriod(app.ctx, YEAR)).breakdowns.enterprise[0]?.key).toBe(employer);
  });
});
