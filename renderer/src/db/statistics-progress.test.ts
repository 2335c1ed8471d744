import { describe, expect, it, vi } from 'vitest';
import { openWithSession, type TestApp } from './test-db';
import { newId } from '../domain/ids';
import type { Session } from './records';
import { pendingStatistics, refreshStatistics } from './statistics-repo';
import { followStatisticsProgress, type StatisticsProgress } from './statistics-progress';

/** Copies of a session under new ids, written as a restore would (the middleware marks each one waiting). */
async function addSessions(app: TestApp, template: Session, count: number): Promise<void> {
  const copies = Array.from({ length: count }, () => ({ ...template, id: newId() }));
  await app.db.transaction('rw', app.db.sessions, app.db.statsDirty, () => app.db.sessions.bulkPut(copies));
}

async function waitingApp(sessions: number): Promise<TestApp> {
  const { app, session } = await openWithSession();
  await refreshStatistics(app.db);
  await addSessions(app, session, sessions);
  expect(await pendingStatistics(app.db)).toBe(sessions);
  return app;
}

describe('following the statistics refresh from a waiting screen', () => {
  it('reports the sessions done of those waiting, up to all of them, never going back', async () => {
    // Several of the refresh's chunks (250 sessions each), so that the count moves in steps.
    const app = await waitingApp(600);
    const reports: StatisticsProgress[] = [];
    const stop = followStatisticsProgress(app.db, (p) => reports.push(p), 1);
    await vi.waitFor(() => expect(reports[0]).toEqual({ done: 0, total: 600 }));
    await refreshStatistics(app.db);
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ done: 600, total: 600 }));
    stop();
    expect(reports.every((p) => p.total === 600)).toBe(true);
    const done = reports.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('raises the total when sessions are marked while it waits', async () => {
    const app = await waitingApp(3);
    const template = (await app.db.sessions.toArray())[0]!;
    const reports: StatisticsProgress[] = [];
    const stop = followStatisticsProgress(app.db, (p) => reports.push(p), 1);
    await vi.waitFor(() => expect(reports[0]).toEqual({ done: 0, total: 3 }));
    await addSessions(app, template, 2);
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ done: 0, total: 5 }));
    stop();
  });

  it('reports nothing when nothing waits', async () => {
    const app = await waitingApp(0);
    const reports: StatisticsProgress[] = [];
    const stop = followStatisticsProgress(app.db, (p) => reports.push(p), 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop();
    expect(reports).toEqual([]);
  });

  it('reports nothing once stopped', async () => {
    const app = await waitingApp(4);
    const reports: StatisticsProgress[] = [];
    followStatisticsProgress(app.db, (p) => reports.push(p), 1)();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reports).toEqual([]);
  });
});
