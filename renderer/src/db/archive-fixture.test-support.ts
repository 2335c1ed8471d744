/**
 * Test support for the archive and reminder tests (not app code): a hazardous-chemicals enterprise with its
 * principal, safety officer and workers, a construction company with its principal, and helpers to train people
 * in sessions of a given kind on given days.
 */
import { saveCourse } from './courses-repo';
import { saveSession } from './sessions-repo';
import { enrollExistingPerson } from './enrollments-repo';
import { saveEnterprise } from './enterprises-repo';
import { savePerson } from './people-repo';
import type { Enterprise, Person, Session } from './records';
import { recordAttendance, residentId, type TestApp } from './test-db';
import type { Audience, TrainingKind } from '../domain/hour-rules';

export const CHEMICALS = '青山精细化工有限公司';
export const BUILDER = '湖塘建筑工程有限公司';

let sequence = 100;

export async function addPerson(
  app: TestApp,
  name: string,
  role: Person['role'],
  enterpriseId?: string,
): Promise<Person> {
  sequence += 1;
  return savePerson(app.ctx, {
    name,
    idNumber: residentId(sequence),
    idType: 'resident-id',
    role,
    ...(enterpriseId ? { enterpriseId } : {}),
  });
}

/**
 * A session of a course for `audience` and `kind` on `dates` (08:00-12:00 each), everyone in `people` enrolled and
 * credited `hoursPerDay` on each day.
 */
export async function train(
  app: TestApp,
  options: { audience: Audience; kind: TrainingKind; dates: string[]; hoursPerDay: number; name?: string },
  people: readonly Person[],
): Promise<Session> {
  const course = await saveCourse(app.ctx, {
    name: options.name ?? `${options.audience}-${options.kind}-${options.dates[0]}`,
    audience: options.audience,
    kind: options.kind,
    hours: options.hoursPerDay * options.dates.length,
    outline: '安全生产法律法规\n危险化学品安全管理',
  });
  const session = await saveSession(app.ctx, {
    courseId: course.id,
    days: options.dates.map((date) => ({ date, start: '08:00', end: '12:00' })),
    venue: '区应急管理局培训室',
    instructor: '周志明',
    capacity: 50,
  });
  for (const person of people) {
    await enrollExistingPerson(app.ctx, session.id, person.id);
    for (const date of options.dates)
      await recordAttendance(app, session.id, person.id, date, options.hoursPerDay);
  }
  return session;
}

/** Six days in April of `year`. */
export const sixDays = (year: number) => [10, 11, 12, 13, 14, 15].map((d) => `${year}-04-${d}`);

export interface District {
  chemicals: Enterprise;
  builder: Enterprise;
  principal: Person;
  officer: Person;
  workers: Person[];
  builderPrincipal: Person;
}

/** Two enterprises in two towns with their managers and workers, nobody trained yet. */
export async function district(app: TestApp): Promise<District> {
  let chemicals = await saveEnterprise(app.ctx, {
    name: CHEMICALS,
    town: '柳桥镇',
    industry: 'hazardous-chemicals',
  });
  let builder = await saveEnterprise(app.ctx, { name: BUILDER, town: '湖塘镇', industry: 'construction' });
  const principal = await addPerson(app, '王建国', 'principal', chemicals.id);
  const officer = await addPerson(app, '李安全', 'safety-officer', chemicals.id);
  const workers = [
    await addPerson(app, '张伟', 'worker', chemicals.id),
    await addPerson(app, '刘强', 'worker', chemicals.id),
  ];
  const builderPrincipal = await addPerson(app, '陈建华', 'principal', builder.id);
  chemicals = await saveEnterprise(
    app.ctx,
    { ...stripMeta(chemicals), principalId: principal.id, safetyOfficerIds: [officer.id] },
    chemicals.id,
  );
  builder = await saveEnterprise(
    app.ctx,
    { ...stripMeta(builder), principalId: builderPrincipal.id },
    builder.id,
  );
  return { chemicals, builder, principal, officer, workers, builderPrincipal };
}

function stripMeta(e: Enterprise) {
  const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, deletedAt: _x, ...rest } = e;
  return rest;
}
