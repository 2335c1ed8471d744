import { describe, expect, it } from 'vitest';
import { homeOverview } from './home-repo';
import { saveSession } from './sessions-repo';
import { mergePeople } from './merges-repo';
import { createSession, enrollPeople, openTestApp, sessionInput } from './test-db';
import { stampNew, type NewRecord } from './context';
import type { Certificate } from './records';

const TODAY = '2026-03-10';

describe('homeOverview', () => {
  it('counts live records and lists the sessions running today and the next planned ones', async () => {
    const app = await openTestApp();
    const { course, session: today } = await createSession(app, {
      days: [{ date: TODAY, start: '08:00', end: '12:00' }],
    });
    // Started two days ago, runs until tomorrow: in progress today.
    const running = await saveSession(
      app.ctx,
      sessionInput(course.id, [
        { date: '2026-03-08', start: '08:00', end: '12:00' },
        { date: '2026-03-11', start: '08:00', end: '12:00' },
      ]),
    );
    const later = await saveSession(
      app.ctx,
      sessionInput(course.id, [{ date: '2026-04-01', start: '08:00', end: '12:00' }]),
    );
    const soon = await saveSession(
      app.ctx,
      sessionInput(course.id, [{ date: '2026-03-20', start: '08:00', end: '12:00' }]),
    );
    const past = await saveSession(
      app.ctx,
      sessionInput(course.id, [{ date: '2025-03-01', start: '08:00', end: '12:00' }]),
    );
    const people = await enrollPeople(app, today.id, 3);
    await mergePeople(app.ctx, people[0]!.id, people[1]!.id);

    const overview = await homeOverview(app.ctx, TODAY);

    expect(overview).toMatchObject({ courses: 1, sessions: 5, people: 2, certificates: 0 });
    expect(overview.current.map((row) => row.session.id).sort()).toEqual([today.id, running.id].sort());
    expect(overview.current.find((row) => row.session.id === today.id)?.enrolled).toBe(2);
    expect(overview.upcoming.map((row) => row.session.id)).toEqual([soon.id, later.id]);
    expect(overview.upcoming.map((row) => row.session.id)).not.toContain(past.id);
  });

  it('counts valid certificates: every certificate but the voided ones', async () => {
    const app = await openTestApp();
    await createSession(app, { days: [{ date: TODAY, start: '08:00', end: '12:00' }] });
    const certificate = (number: string, status: Certificate['status']) =>
      stampNew(app.ctx, { number, personId: 'p', sessionId: 's', status } as NewRecord<Certificate>);
    await app.db.certificates.bulkAdd([
      certificate('N1', 'valid'),
      certificate('N2', 'voided'),
      certificate('N3', 'valid'),
    ]);
    expect((await homeOverview(app.ctx, TODAY)).certificates).toBe(2);
  });
});
