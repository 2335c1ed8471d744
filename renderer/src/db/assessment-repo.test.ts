import { describe, expect, it } from 'vitest';
import { AssessmentEntryError, saveSessionAssessments } from './assessment-repo';
import { saveCourse } from './courses-repo';
import { saveSession } from './sessions-repo';
import type { Person, Session } from './records';
import {
  auditedBy,
  courseInput,
  createSession,
  DAY1,
  enrollPeople,
  openTestApp,
  sessionInput,
  tableCounts,
  type TestApp,
} from './test-db';

async function assessedSession(
  app: TestApp,
  passScore: number | undefined,
  count = 3,
): Promise<{ session: Session; people: Person[] }> {
  const course = await saveCourse(app.ctx, {
    ...courseInput('safety-officer', '安全生产管理人员初训'),
    assessmentRequired: true,
    ...(passScore !== undefined ? { passScore } : {}),
  });
  const session = await saveSession(app.ctx, sessionInput(course.id, [DAY1]));
  return { session, people: await enrollPeople(app, session.id, count) };
}

async function resultsOf(app: TestApp, session: Session) {
  const enrollments = await app.db.enrollments.where('sessionId').equals(session.id).sortBy('createdAt');
  return enrollments.map((e) =>
    e.assessment ? { score: e.assessment.score, passed: e.assessment.passed } : null,
  );
}

describe('saveSessionAssessments', () => {
  it('derives pass from the pass score where a score is entered, and takes a direct pass otherwise', async () => {
    const app = await openTestApp();
    const { session, people } = await assessedSession(app, 60);

    const { changed } = await saveSessionAssessments(app.ctx, session.id, [
      { personId: people[0]!.id, score: 60, passed: false },
      { personId: people[1]!.id, score: 59, passed: true },
      { personId: people[2]!.id, passed: true },
    ]);

    expect(changed).toBe(3);
    expect(await resultsOf(app, session)).toEqual([
      { score: 60, passed: true },
      { score: 59, passed: false },
      { score: undefined, passed: true },
    ]);
  });

  it('without a pass score, stores the score with the coordinator’s decision', async () => {
    const app = await openTestApp();
    const { session, people } = await assessedSession(app, undefined, 2);

    await saveSessionAssessments(app.ctx, session.id, [
      { personId: people[0]!.id, score: 40, passed: true },
      { personId: people[1]!.id, score: 95 },
    ]);

    // A score with no pass score and no decision records nothing: it is not a result the certificate can use.
    expect(await resultsOf(app, session)).toEqual([{ score: 40, passed: true }, null]);
  });

  it('writes every row and its audit entry, and a second identical save writes nothing', async () => {
    const app = await openTestApp();
    const { session, people } = await assessedSession(app, 60, 2);
    const entries = people.map((p, i) => ({ personId: p.id, score: 70 + i }));

    const audited = await auditedBy(app.db, () => saveSessionAssessments(app.ctx, session.id, entries));
    expect(audited.map(([table, , action]) => [table, action])).toEqual([
      ['enrollments', 'update'],
      ['enrollments', 'update'],
    ]);
    const recordedAt = app.clock.now().toISOString();
    expect((await app.db.enrollments.toArray()).map((e) => e.assessment?.recordedAt)).toEqual([
      recordedAt,
      recordedAt,
    ]);

    const before = await tableCounts(app.db);
    app.clock.advanceMinutes(5);
    expect(await saveSessionAssessments(app.ctx, session.id, entries)).toEqual({ changed: 0 });
    expect(await tableCounts(app.db)).toEqual(before);
  });

  it('clears a result when both score and pass are removed', async () => {
    const app = await openTestApp();
    const { session, people } = await assessedSession(app, 60, 1);
    await saveSessionAssessments(app.ctx, session.id, [{ personId: people[0]!.id, score: 88 }]);

    await saveSessionAssessments(app.ctx, session.id, [{ personId: people[0]!.id }]);

    expect(await resultsOf(app, session)).toEqual([null]);
  });

  it.each([
    ['a person not enrolled', 'not-enrolled', (other: Person) => ({ personId: other.id, score: 80 })],
    ['an impossible score', 'invalid-score', (_: Person, p: Person) => ({ personId: p.id, score: -5 })],
  ])('writes nothing at all when one row is %s (one transaction)', async (_, problem, badEntry) => {
    const app = await openTestApp();
    const { session, people } = await assessedSession(app, 60, 2);
    const { session: other } = await createSession(app);
    const [outsider] = await enrollPeople(app, other.id, 1, 50);
    const before = await tableCounts(app.db);
    const enrollmentsBefore = await app.db.enrollments.toArray();

    const attempt = saveSessionAssessments(app.ctx, session.id, [
      { personId: people[0]!.id, score: 90 },
      badEntry(outsider!, people[1]!),
    ]);

    await expect(attempt).rejects.toThrow(AssessmentEntryError);
    await expect(attempt).rejects.toMatchObject({ problem });
    expect(await tableCounts(app.db)).toEqual(before);
    expect(await app.db.enrollments.toArray()).toEqual(enrollmentsBefore);
  });

  it('leaves the results as they were when the audit write fails after the results were written', async () => {
    const app = await openTestApp();
    const { session, people } = await assessedSession(app, 60, 2);
    const enrollmentsBefore = await app.db.enrollments.toArray();
    app.db.auditLog.hook('creating', () => {
      throw new Error('disk full');
    });

    await expect(
      saveSessionAssessments(
        app.ctx,
        session.id,
        people.map((p) => ({ personId: p.id, score: 90 })),
      ),
    ).rejects.toThrow();

    expect(await app.db.enrollments.toArray()).toEqual(enrollmentsBefore);
  });
});
