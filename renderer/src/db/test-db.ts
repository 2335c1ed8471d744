/**
 * Test support for the db/ tests (not app code): a SafeTrainDb on its own in-memory fake-indexeddb, opened the
 * way the app opens it, with a clock the test moves by hand, plus small builders for courses, sessions and people.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SafeTrainDb } from './database';
import { openAppDatabase } from './open';
import { DERIVED_TABLES, SCHEMA_VERSIONS } from './schema';
import type { DbContext } from './context';
import { stampNew } from './context';
import type { Attendance, AuditEntry, Course, Person, Session } from './records';
import { saveCourse, type CourseInput } from './courses-repo';
import { saveSession, type SessionInput } from './sessions-repo';
import { enrollPerson } from './enrollments-repo';
import { saveAppSettings, updateDeviceCode, type AppSettings } from './settings-repo';
import { newId } from '../domain/ids';
import { buildResidentId } from '../domain/resident-id';
import type { Audience } from '../domain/hour-rules';
import type { SessionDay } from '../domain/session-days';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every table of the current schema version but the derived statistics tables (not backed up; rebuilt). */
export const TABLES = Object.keys(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.stores).filter(
  (t) => !DERIVED_TABLES.includes(t),
);

/** The issuing body most tests use; certificates cannot be issued without one. */
export const ISSUING_BODY = '示范区应急管理局';

/** Training days used across the tests: 08:00-12:00 is 240 minutes, 5 class hours of 45 minutes. */
export const DAY1: SessionDay = { date: '2026-03-10', start: '08:00', end: '12:00' };
export const DAY2: SessionDay = { date: '2026-03-11', start: '08:00', end: '12:00' };
export const DAY3: SessionDay = { date: '2026-03-12', start: '13:30', end: '17:30' };
export const HOURS_PER_DAY = 5;

/** Local time on a session day (the app judges lateness by the machine's clock, so tests use local time). */
export function at(day: SessionDay, hhmm: string): Date {
  const [y, mo, d] = day.date.split('-').map(Number) as [number, number, number];
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, mo - 1, d, h, m);
}

/** A valid resident ID (江苏常州天宁, born 1985-06-15); odd sequences are men, even ones women. */
export function residentId(sequence: number): string {
  return buildResidentId('320402', '1985-06-15', sequence);
}

/** A real-shaped ID whose check character is X (山东青岛, born 1985-02-25, male). */
export const ID_WITH_X = '37028119850225721X';

export interface TestClock {
  now: () => Date;
  set(date: Date): void;
  advanceMinutes(minutes: number): void;
}

export function testClock(start: Date): TestClock {
  let current = new Date(start.getTime());
  return {
    now: () => new Date(current.getTime()),
    set: (date) => {
      current = new Date(date.getTime());
    },
    advanceMinutes: (minutes) => {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}

export interface TestApp {
  ctx: DbContext;
  db: SafeTrainDb;
  clock: TestClock;
  /** The in-memory IndexedDB this database lives in; pass it again to reopen the same database. */
  factory: IDBFactory;
  name: string;
}

export function newTestDb(name: string, factory: IDBFactory): SafeTrainDb {
  return new SafeTrainDb(name, { indexedDB: factory, IDBKeyRange });
}

/**
 * Opens a database through openAppDatabase (device identity, settings) on its own fake IndexedDB, with a
 * hand-moved clock. By default the issuing body is set, so certificates can be issued.
 */
export async function openTestApp(
  options: {
    start?: Date;
    factory?: IDBFactory;
    name?: string;
    settings?: Partial<AppSettings>;
    deviceCode?: string;
  } = {},
): Promise<TestApp> {
  const factory = options.factory ?? new IDBFactory();
  const name = options.name ?? `safetrain-test-${newId()}`;
  const db = newTestDb(name, factory);
  const clock = testClock(options.start ?? at(DAY1, '07:00'));
  const opened = await openAppDatabase(db);
  const ctx: DbContext = { ...opened, now: clock.now };
  if (options.deviceCode) await updateDeviceCode(db, options.deviceCode);
  await saveAppSettings(ctx, { issuingBody: ISSUING_BODY, ...options.settings });
  return { ctx, db, clock, factory, name };
}

/** What the course form would save. */
export function courseInput(audience: Audience = 'worker', name = '农民工安全生产知识培训'): CourseInput {
  return {
    name,
    audience,
    kind: 'initial',
    hours: 4,
    outline: '安全生产法律法规常识\n个人防护用品的正确使用',
  };
}

/** What the session form would save. */
export function sessionInput(courseId: string, days: SessionDay[] = [DAY1], title?: string): SessionInput {
  return {
    courseId,
    ...(title ? { title } : {}),
    days,
    venue: '柳桥五金制品厂职工食堂',
    instructor: '周志明',
    capacity: 30,
  };
}

/** A course and one session of it on the given days. */
export async function createSession(
  app: TestApp,
  options: { days?: SessionDay[]; audience?: Audience; courseName?: string; title?: string } = {},
): Promise<{ course: Course; session: Session }> {
  const course = await saveCourse(app.ctx, courseInput(options.audience, options.courseName));
  const session = await saveSession(app.ctx, sessionInput(course.id, options.days, options.title));
  return { course, session };
}

/** A fresh app with one course and one session of it (on DAY1 unless told otherwise). */
export async function openWithSession(
  sessionOptions: Parameters<typeof createSession>[1] = {},
  appOptions: Parameters<typeof openTestApp>[0] = {},
): Promise<{ app: TestApp; course: Course; session: Session }> {
  const app = await openTestApp(appOptions);
  return { app, ...(await createSession(app, sessionOptions)) };
}

const NAMES = ['张伟', '王芳', '李娜', '刘强', '陈静', '杨磊', '黄勇', '赵敏'];

/**
 * Enrolls people with IDs residentId(first), residentId(first + 1), ...; the clock moves a minute between them so
 * that the roster's enrollment order is defined.
 */
export async function enrollPeople(
  app: TestApp,
  sessionId: string,
  count: number,
  first = 1,
): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const { person } = await enrollPerson(app.ctx, sessionId, {
      name: NAMES[(first + i) % NAMES.length]!,
      idNumber: residentId(first + i),
      enterpriseName: '柳桥五金制品厂',
    });
    people.push(person);
    app.clock.advanceMinutes(1);
  }
  return people;
}

/** Writes an attendance record directly (as a coordinator's manual entry would), for eligibility cases. */
export async function recordAttendance(
  app: TestApp,
  sessionId: string,
  personId: string,
  date: string,
  hoursCredited: number,
): Promise<void> {
  // In a transaction with statsDirty, as every attendance write must be (db/statistics-dirty).
  await app.db.transaction('rw', app.db.attendance, app.db.statsDirty, () =>
    app.db.attendance.add(
      stampNew<Attendance>(app.ctx, {
        sessionId,
        personId,
        date,
        status: hoursCredited > 0 ? 'present' : 'absent',
        hoursCredited,
        source: 'manual',
      }),
    ),
  );
}

/** Number of records in every table. */
export async function tableCounts(db: SafeTrainDb): Promise<Record<string, number>> {
  const counts = await Promise.all(
    TABLES.map(async (t): Promise<[string, number]> => [t, await db.table(t).count()]),
  );
  return Object.fromEntries(counts);
}

/** Audit entries written by `action`, as [table, recordId, action], sorted. */
export async function auditedBy(
  db: SafeTrainDb,
  action: () => Promise<unknown>,
): Promise<Array<[string, string, AuditEntry['action']]>> {
  const before = new Set((await db.auditLog.toArray()).map((e) => e.id));
  await action();
  return (await db.auditLog.toArray())
    .filter((e) => !before.has(e.id))
    .map((e): [string, string, AuditEntry['action']] => [e.table, e.recordId, e.action])
    .sort((a, b) => a.join('|').localeCompare(b.join('|')));
}
