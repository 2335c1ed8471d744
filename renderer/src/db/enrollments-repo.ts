import type { DbContext } from './context';
import { audit, isLive, stampNew } from './context';
import type { Attendance, Certificate, Enrollment, Person } from './records';
import { upsertPerson, type PersonInput } from './people-repo';

export interface EnrollResult {
  person: Person;
  enrollment: Enrollment;
  personCreated: boolean;
  alreadyEnrolled: boolean;
}

/** Registers a person (new or known by ID number) for a session, in one transaction. */
export async function enrollPerson(
  ctx: DbContext,
  sessionId: string,
  input: PersonInput,
  options: { walkIn?: boolean } = {},
): Promise<EnrollResult> {
  const { db } = ctx;
  return db.transaction('rw', [db.people, db.enterprises, db.enrollments, db.auditLog], async () => {
    const { person, created } = await upsertPerson(ctx, input);
    const { enrollment, existed } = await addEnrollment(ctx, sessionId, person.id, options.walkIn ?? false);
    return { person, enrollment, personCreated: created, alreadyEnrolled: existed };
  });
}

/** Call inside a transaction over enrollments and auditLog. */
async function addEnrollment(
  ctx: DbContext,
  sessionId: string,
  personId: string,
  walkIn: boolean,
): Promise<{ enrollment: Enrollment; existed: boolean }> {
  const existing = await findEnrollment(ctx, sessionId, personId);
  if (existing) return { enrollment: existing, existed: true };
  const enrollment = stampNew<Enrollment>(ctx, { sessionId, personId, walkIn, status: 'enrolled' });
  await ctx.db.enrollments.add(enrollment);
  await audit(ctx, 'enrollments', 'create', undefined, enrollment);
  return { enrollment, existed: false };
}

/** Enrolls a person already in the register; enrolling twice returns the existing enrollment. */
export async function enrollExistingPerson(
  ctx: DbContext,
  sessionId: string,
  personId: string,
  options: { walkIn?: boolean } = {},
): Promise<Enrollment> {
  const { db } = ctx;
  return db.transaction('rw', [db.enrollments, db.auditLog], async () => {
    return (await addEnrollment(ctx, sessionId, personId, options.walkIn ?? false)).enrollment;
  });
}

/** A promise chain rather than async/await: it is on the check-in path (see findPersonByIdNumber). */
export function findEnrollment(
  ctx: DbContext,
  sessionId: string,
  personId: string,
): Promise<Enrollment | undefined> {
  return ctx.db.enrollments
    .where('[sessionId+personId]')
    .equals([sessionId, personId])
    .toArray()
    .then((rows) => rows.find((e) => isLive(e) && e.status === 'enrolled'));
}

export interface RosterRow {
  enrollment: Enrollment;
  person: Person;
  enterpriseName?: string;
  /** Attendance by session day (YYYY-MM-DD). */
  attendance: Record<string, Attendance>;
  hoursCredited: number;
  certificate?: Certificate;
}

/** Who is enrolled in a session, with their person record and employer: what changes only when people enroll. */
export interface Enrollee {
  enrollment: Enrollment;
  person: Person;
  enterpriseName?: string;
}

/** Everyone enrolled in a session, in enrollment order, without attendance (see {@link composeRoster}). */
export async function sessionEnrollees(ctx: DbContext, sessionId: string): Promise<Enrollee[]> {
  const { db } = ctx;
  const enrollments = (await db.enrollments.where('sessionId').equals(sessionId).toArray())
    .filter((e) => isLive(e) && e.status === 'enrolled')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const people = await db.people.bulkGet(enrollments.map((e) => e.personId));
  const enterpriseIds = [...new Set(people.map((p) => p?.enterpriseId).filter((id): id is string => !!id))];
  const enterprises = new Map(
    (await db.enterprises.bulkGet(enterpriseIds)).filter((e) => e !== undefined).map((e) => [e.id, e.name]),
  );
  return enrollments.flatMap((enrollment, i) => {
    const person = people[i];
    if (!isLive(person)) return [];
    const enterpriseName = person.enterpriseId ? enterprises.get(person.enterpriseId) : undefined;
    return [{ enrollment, person, ...(enterpriseName !== undefined ? { enterpriseName } : {}) }];
  });
}

/** A session's live attendance records, every day. */
export async function sessionAttendance(ctx: DbContext, sessionId: string): Promise<Attendance[]> {
  return (
    await ctx.db.attendance
      .where('[sessionId+date]')
      .between([sessionId, ''], [sessionId, '\uffff'])
      .toArray()
  ).filter((a) => isLive(a));
}

/**
 * A session's live attendance records of one day: what the check-in station's counters and list need. Narrower than
 * {@link sessionAttendance}, so that the re-read after each scan stays the size of one day's door.
 */
export async function sessionDayAttendance(
  ctx: DbContext,
  sessionId: string,
  date: string,
): Promise<Attendance[]> {
  return (await ctx.db.attendance.where('[sessionId+date]').equals([sessionId, date]).toArray()).filter((a) =>
    isLive(a),
  );
}

/**
 * Joins the enrollees with their attendance and certificates. Kept apart from the reads so that the check-in
 * station can re-read only the attendance after each scan: re-reading 2,000 people one `get` at a time after every
 * check-in made the confirmation wait hundreds of milliseconds (found by the benchmark).
 */
export function composeRoster(
  enrollees: readonly Enrollee[],
  attendance: readonly Attendance[],
  certificates: readonly Certificate[] = [],
): RosterRow[] {
  // Grouped once: a per-person filter over the session's attendance is quadratic.
  const attendanceOf = new Map<string, Attendance[]>();
  for (const a of attendance) {
    const list = attendanceOf.get(a.personId);
    if (list) list.push(a);
    else attendanceOf.set(a.personId, [a]);
  }
  const certificateOf = new Map<string, Certificate>();
  for (const c of certificates) if (!certificateOf.has(c.personId)) certificateOf.set(c.personId, c);
  return enrollees.map((enrollee) => {
    const mine = attendanceOf.get(enrollee.person.id) ?? [];
    const certificate = certificateOf.get(enrollee.person.id);
    return {
      ...enrollee,
      attendance: Object.fromEntries(mine.map((a) => [a.date, a])),
      hoursCredited: mine.reduce((sum, a) => sum + a.hoursCredited, 0),
      ...(certificate ? { certificate } : {}),
    };
  });
}

/** Everyone enrolled in a session with their attendance per day and certificate, in enrollment order. */
export async function sessionRoster(ctx: DbContext, sessionId: string): Promise<RosterRow[]> {
  const [enrollees, attendance, certificates] = await Promise.all([
    sessionEnrollees(ctx, sessionId),
    sessionAttendance(ctx, sessionId),
    ctx.db.certificates.where('sessionId').equals(sessionId).toArray(),
  ]);
  return composeRoster(
    enrollees,
    attendance,
    certificates.filter((c) => isLive(c) && c.status === 'valid'),
  );
}
