import type { DbContext } from './context';
import { auditEntry, isLive, stampUpdate } from './context';
import type { AssessmentResult, AuditEntry, Enrollment } from './records';
import { assessmentPassed, isValidScore, type AssessmentEntryInput } from '../domain/assessment';

/** One row of the assessment table as the coordinator left it; neither score nor pass clears the result. */
export interface AssessmentEntry extends AssessmentEntryInput {
  personId: string;
}

export class AssessmentEntryError extends Error {
  constructor(
    readonly personId: string,
    readonly problem: 'not-enrolled' | 'invalid-score',
  ) {
    super(`assessment entry for ${personId}: ${problem}`);
  }
}

function sameResult(a: AssessmentResult | undefined, b: AssessmentResult | undefined): boolean {
  return a?.score === b?.score && a?.passed === b?.passed;
}

/**
 * Saves a session's assessment results in ONE transaction: either every row is written (each audited) or, when
 * one row is wrong (a person not enrolled, an impossible score), none is. Pass/fail is derived from the course's
 * pass score where a score is given (domain/assessment). Rows whose result did not change are not rewritten, so a
 * second save of the same table writes nothing. Returns how many enrollments changed.
 */
export async function saveSessionAssessments(
  ctx: DbContext,
  sessionId: string,
  entries: readonly AssessmentEntry[],
): Promise<{ changed: number }> {
  const { db } = ctx;
  return db.transaction('rw', [db.sessions, db.courses, db.enrollments, db.auditLog], async () => {
    const session = await db.sessions.get(sessionId);
    if (!isLive(session)) throw new Error(`session ${sessionId} not found`);
    const course = await db.courses.get(session.courseId);
    const enrollments = (await db.enrollments.where('sessionId').equals(sessionId).toArray()).filter(
      (e) => isLive(e) && e.status === 'enrolled',
    );
    const byPerson = new Map(enrollments.map((e) => [e.personId, e]));
    const recordedAt = ctx.now().toISOString();
    const updated: Enrollment[] = [];
    const entriesForAudit: AuditEntry[] = [];
    for (const entry of entries) {
      const before = byPerson.get(entry.personId);
      if (!before) throw new AssessmentEntryError(entry.personId, 'not-enrolled');
      if (entry.score !== undefined && !isValidScore(entry.score)) {
        throw new AssessmentEntryError(entry.personId, 'invalid-score');
      }
      const passed = assessmentPassed(entry, course?.passScore);
      const result: AssessmentResult | undefined =
        passed === undefined
          ? undefined
          : { ...(entry.score !== undefined ? { score: entry.score } : {}), passed, recordedAt };
      if (sameResult(before.assessment, result)) continue;
      const { assessment: _old, ...rest } = before;
      const after = stampUpdate(ctx, (result ? { ...rest, assessment: result } : rest) as Enrollment, {});
      updated.push(after);
      entriesForAudit.push(auditEntry(ctx, 'enrollments', 'update', before, after));
    }
    await db.enrollments.bulkPut(updated);
    await db.auditLog.bulkAdd(entriesForAudit);
    return { changed: updated.length };
  });
}
