import type { DbContext } from './context';
import { isLive } from './context';
import type { Certificate, Course, Session } from './records';

/** One person's part in one session: the line of a training archive (培训档案). */
export interface TrainingRecord {
  personId: string;
  session: Session;
  course?: Course;
  /** Enrolled (and not cancelled). A person can also have attendance without an enrollment (entered later). */
  enrolled: boolean;
  /** Days with attendance recorded, and of those the days attended (present, late or left early). */
  daysRecorded: number;
  daysAttended: number;
  hoursCredited: number;
  /** The valid certificate, else the latest voided one. */
  certificate?: Certificate;
}

/** A training the person actually took part in (attended a day, or holds its certificate), not just enrolled in. */
export function tookPart(record: TrainingRecord): boolean {
  return record.daysAttended > 0 || record.certificate !== undefined;
}

/**
 * The training history of some people, newest session first: every session they were enrolled in, attended or
 * hold a certificate of, with the hours credited and the certificate number.
 */
export async function trainingHistory(
  ctx: DbContext,
  personIds: readonly string[],
): Promise<TrainingRecord[]> {
  if (personIds.length === 0) return [];
  const { db } = ctx;
  const ids = [...personIds];
  const [enrollments, attendance, certificates] = await Promise.all([
    db.enrollments.where('personId').anyOf(ids).toArray(),
    db.attendance.where('personId').anyOf(ids).toArray(),
    db.certificates.where('personId').anyOf(ids).toArray(),
  ]);
  const records = new Map<string, Omit<TrainingRecord, 'session' | 'course'> & { sessionId: string }>();
  const recordOf = (personId: string, sessionId: string) => {
    const key = `${personId}|${sessionId}`;
    let record = records.get(key);
    if (!record) {
      record = { personId, sessionId, enrolled: false, daysRecorded: 0, daysAttended: 0, hoursCredited: 0 };
      records.set(key, record);
    }
    return record;
  };
  for (const e of enrollments) {
    if (isLive(e) && e.status === 'enrolled') recordOf(e.personId, e.sessionId).enrolled = true;
  }
  for (const a of attendance) {
    if (!isLive(a)) continue;
    const record = recordOf(a.personId, a.sessionId);
    record.daysRecorded += 1;
    if (a.status !== 'absent' && a.status !== 'excused') record.daysAttended += 1;
    record.hoursCredited += a.hoursCredited;
  }
  for (const c of certificates) {
    if (!isLive(c)) continue;
    const record = recordOf(c.personId, c.sessionId);
    const current = record.certificate;
    if (!current || (current.status !== 'valid' && (c.status === 'valid' || c.issuedAt > current.issuedAt))) {
      record.certificate = c;
    }
  }
  const sessions = new Map(
    (await db.sessions.bulkGet([...new Set([...records.values()].map((r) => r.sessionId))]))
      .filter((s) => isLive(s))
      .map((s) => [s.id, s]),
  );
  const courses = new Map(
    (await db.courses.bulkGet([...new Set([...sessions.values()].map((s) => s.courseId))]))
      .filter((c) => c !== undefined)
      .map((c) => [c.id, c]),
  );
  return [...records.values()]
    .flatMap(({ sessionId, ...rest }) => {
      const session = sessions.get(sessionId);
      if (!session) return [];
      const course = courses.get(session.courseId);
      return [{ ...rest, session, ...(course ? { course } : {}) }];
    })
    .sort((a, b) => b.session.startDate.localeCompare(a.session.startDate));
}
