import { describe, expect, it } from 'vitest';
import type { AuditEntry, Course, Person, Session } from './records';
import { deleteCourse, saveCourse } from './courses-repo';
import { completeSession, saveSession } from './sessions-repo';
import { enrollPerson } from './enrollments-repo';
import { checkIn } from './checkin-repo';
import { issueCertificates } from './certificates-repo';
import { loadDemoData } from './demo-data';
import {
  at,
  auditedBy,
  courseInput,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  ID_WITH_X,
  openTestApp,
  sessionInput,
  type TestApp,
} from './test-db';
import { maskIdNumber } from '../domain/resident-id';

type Expected = Array<[string, string, AuditEntry['action']]>;

interface Fixture {
  session: Session;
  /** Enrolled in the session, not yet checked in. */
  person: Person;
  /** Used by no session. */
  spareCourse: Course;
}

async function fixture(app: TestApp): Promise<Fixture> {
  const { session } = await createSession(app, { days: [DAY1] });
  const [person] = (await enrollPeople(app, session.id, 1)) as [Person];
  const spareCourse = await saveCourse(app.ctx, courseInput('worker', '建筑施工现场安全培训'));
  app.clock.set(at(DAY1, '07:55'));
  return { session, person, spareCourse };
}

const sorted = (entries: Expected): Expected =>
  [...entries].sort((a, b) => a.join('|').localeCompare(b.join('|')));

describe('audit log', () => {
  it.each<[string, (app: TestApp, f: Fixture) => Promise<Expected>]>([
    [
      'creating a course',
      async (app) => {
        const course = await saveCourse(app.ctx, courseInput('principal', '新课程'));
        return [['courses', course.id, 'create']];
      },
    ],
    [
      'editing a course',
      async (app, f) => {
        await saveCourse(app.ctx, { ...courseInput(), hours: 6 }, f.spareCourse.id);
        return [['courses', f.spareCourse.id, 'update']];
      },
    ],
    [
      'deleting a course',
      async (app, f) => {
        await deleteCourse(app.ctx, f.spareCourse.id);
        return [['courses', f.spareCourse.id, 'delete']];
      },
    ],
    [
      'scheduling a session',
      async (app, f) => {
        const s = await saveSession(app.ctx, sessionInput(f.session.courseId, [DAY2]));
        return [['sessions', s.id, 'create']];
      },
    ],
    [
      'enrolling a new person of a new enterprise',
      async (app, f) => {
        const r = await enrollPerson(app.ctx, f.session.id, {
          name: '王建国',
          idNumber: ID_WITH_X,
          enterpriseName: '新港物流有限公司',
        });
        return [
          ['enterprises', r.person.enterpriseId!, 'create'],
          ['people', r.person.id, 'create'],
          ['enrollments', r.enrollment.id, 'create'],
        ];
      },
    ],
    [
      'correcting the name of an enrolled person',
      async (app, f) => {
        await enrollPerson(app.ctx, f.session.id, { name: '张卫', idNumber: f.person.idNumber });
        return [['people', f.person.id, 'update']];
      },
    ],
    [
      'checking in',
      async (app, f) => {
        const r = await checkIn(app.ctx, {
          sessionId: f.session.id,
          date: DAY1.date,
          rawId: f.person.idNumber,
        });
        return [['attendance', r.kind === 'checked-in' ? r.attendance.id : r.kind, 'create']];
      },
    ],
    [
      'closing a session',
      async (app, f) => {
        await completeSession(app.ctx, f.session.id);
        const absent = await app.db.attendance.toArray();
        return [
          ...absent.map((a): Expected[number] => ['attendance', a.id, 'create']),
          ['sessions', f.session.id, 'update'],
        ];
      },
    ],
    [
      'issuing certificates',
      async (app, f) => {
        await checkIn(app.ctx, { sessionId: f.session.id, date: DAY1.date, rawId: f.person.idNumber });
        const { issued } = await issueCertificates(app.ctx, f.session.id);
        const [attendance] = await app.db.attendance.toArray();
        return [
          ['attendance', attendance!.id, 'create'],
          ...issued.map((c): Expected[number] => ['certificates', c.id, 'create']),
        ];
      },
    ],
  ])('%s adds an entry per written record with table, record id and action', async (_, operation) => {
    const app = await openTestApp();
    const f = await fixture(app);
    let expected: Expected = [];
    const actual = await auditedBy(app.db, async () => {
      expected = await operation(app, f);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(sorted(expected));
  });

  it.each([
    ['with an operator', '林海波'],
    ['without an operator', undefined],
  ])('stamps entries with the time, the device and the operator (%s)', async (_, operator) => {
    const app = await openTestApp();
    const ctx = { ...app.ctx, ...(operator ? { operator } : {}) };
    const course = await saveCourse(ctx, courseInput('safety-officer', '安全生产管理人员再培训'));
    const entries = await app.db.auditLog.where('[table+recordId]').equals(['courses', course.id]).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ at: app.clock.now().toISOString(), deviceId: app.ctx.deviceId });
    expect(entries[0]!.operator).toBe(operator);
    expect(entries[0]!.changes).toMatchObject({
      name: { before: undefined, after: course.name },
      audience: { after: 'safety-officer' },
    });
  });

  it('records what an edit changed, and only that', async () => {
    const app = await openTestApp();
    const f = await fixture(app);
    app.clock.advanceMinutes(5);
    await saveCourse(app.ctx, { ...courseInput('worker', f.spareCourse.name), hours: 6 }, f.spareCourse.id);
    const [entry] = await app.db.auditLog
      .where('[table+recordId]')
      .equals(['courses', f.spareCourse.id])
      .reverse()
      .sortBy('at');
    expect(entry!.changes).toEqual({ hours: { before: 4, after: 6 } });
  });

  it.each<[string, (app: TestApp) => Promise<void>]>([
    [
      'enrolment, correction, check-in, closing and certificates',
      async (app) => {
        const f = await fixture(app);
        await enrollPerson(app.ctx, f.session.id, { name: '王建国', idNumber: ID_WITH_X.toLowerCase() });
        await enrollPerson(app.ctx, f.session.id, {
          name: '王建华',
          idNumber: ID_WITH_X,
          phone: '13912345678',
        });
        for (const idNumber of [f.person.idNumber, ID_WITH_X]) {
          await checkIn(app.ctx, { sessionId: f.session.id, date: DAY1.date, rawId: idNumber });
        }
        await completeSession(app.ctx, f.session.id);
        await issueCertificates(app.ctx, f.session.id);
      },
    ],
    ['the demo data', (app) => loadDemoData(app.ctx)],
  ])('holds ID numbers only masked, and not rebuildable from other fields (%s)', async (_, write) => {
    const app = await openTestApp();
    await write(app);
    const people = await app.db.people.toArray();
    const log = JSON.stringify(await app.db.auditLog.toArray());
    expect(people.length).toBeGreaterThan(1);
    const masked = people.map((p) => maskIdNumber(p.idNumber));
    expect(masked.filter((m) => !log.includes(m))).toEqual([]);
    expect(people.filter((p) => log.includes(p.idNumber)).map((p) => p.name)).toEqual([]);
    // The masked form shows the first 6 and last 4 characters; the birth date would fill in the 8 between.
    const rebuildable = people.filter(
      (p) => log.includes(p.birthDate!) || log.includes(p.idNumber.slice(6, 14)),
    );
    expect(rebuildable.map((p) => p.name)).toEqual([]);
    expect(log).toContain('"birthDate":{"after":"****-**-**"}');
  });
});
