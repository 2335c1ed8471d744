import { describe, expect, it } from 'vitest';
import { noticeSessions, plannedSessionsBetween } from './notices-repo';
import { completeSession, saveSession } from './sessions-repo';
import { tombstone } from './context';
import { createSession, enrollPeople, openTestApp, sessionInput } from './test-db';

const day = (date: string, start = '08:30') => ({ date, start, end: '11:30' });

describe('training notice sessions', () => {
  it('lists planned sessions starting in the range, soonest first, with course and enrolled count', async () => {
    const app = await openTestApp();
    const { course, session: march } = await createSession(app, { days: [day('2026-03-10')] });
    const april = await saveSession(app.ctx, sessionInput(course.id, [day('2026-04-02'), day('2026-04-03')]));
    const aprilEarly = await saveSession(app.ctx, sessionInput(course.id, [day('2026-04-02', '07:30')]));
    const may = await saveSession(app.ctx, sessionInput(course.id, [day('2026-05-20')]));
    const deleted = await saveSession(app.ctx, sessionInput(course.id, [day('2026-04-10')]));
    // Statistics are derived from sessions: a session write carries the statsDirty table in its transaction.
    await app.db.transaction('rw', ['sessions', 'statsDirty'], () =>
      app.db.sessions.put(tombstone(app.ctx, deleted)),
    );
    await enrollPeople(app, april.id, 3);
    await completeSession(app.ctx, march.id);

    const rows = await plannedSessionsBetween(app.ctx, { from: '2026-03-01', to: '2026-04-30' });

    expect(rows.map((r) => [r.session.id, r.course?.name, r.enrolled])).toEqual([
      [aprilEarly.id, course.name, 0],
      [april.id, course.name, 3],
    ]);
    // Chosen by id, a completed session is still announced (a notice may be reprinted); deleted ones are not.
    const chosen = await noticeSessions(app.ctx, [may.id, deleted.id, march.id]);
    expect(chosen.map((r) => r.session.id)).toEqual([march.id, may.id]);
  });
});
