import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SafeTrainDb } from './database';
import { openAppDatabase } from './open';
import { searchPeople } from './people-search';
import {
  applySchema,
  CURRENT_SCHEMA_VERSION,
  CREDITS_REBUILD,
  SCHEMA_VERSIONS,
  STATS_REBUILD_ALL,
} from './schema';
import { refreshStatistics, sessionStatsFromScratch, trainingSummary } from './statistics-repo';
import { creditedAttendance, type CreditedDay } from './credited-attendance';
import { buildSessionStats, type StatsAttendanceInput, type StatsSessionInput } from '../domain/statistics';
import { openTestApp } from './test-db';
import type { Enterprise, Person } from './records';
import { buildResidentId } from '../domain/resident-id';

const AT = '2026-03-01T08:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: AT, updatedAt: AT, deviceId: 'old-device' });

/** People as version 1 stored them: no search keys. */
const V1_PEOPLE: Array<Omit<Person, 'nameInitials'>> = [
  {
    ...meta('p1'),
    name: '张三丰',
    idNumber: buildResidentId('320402', '1980-05-06', 11),
    idType: 'resident-id',
    role: 'worker',
  },
  {
    ...meta('p2'),
    name: '曾国藩',
    idNumber: buildResidentId('430000', '1971-11-26', 13),
    idType: 'resident-id',
    role: 'principal',
    enterpriseId: 'e1',
  },
  {
    ...meta('p3'),
    name: '王 芳',
    idNumber: buildResidentId('320402', '1990-02-03', 22),
    idType: 'resident-id',
    role: 'worker',
    deletedAt: AT,
  },
];
const V1_ENTERPRISE: Enterprise = {
  ...meta('e1'),
  name: '青山精细化工有限公司',
  industry: 'hazardous-chemicals',
};

/** A database as the app of version 1 left it: a plain Dexie with only the version 1 stores, no app middleware. */
async function createVersion1(factory: IDBFactory, name: string): Promise<void> {
  const v1 = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  applySchema(v1, 1);
  await v1.open();
  expect(v1.verno).toBe(1);
  await v1.table('people').bulkAdd(structuredClone(V1_PEOPLE));
  await v1.table('enterprises').add(structuredClone(V1_ENTERPRISE));
  v1.close();
}

describe('schema versions', () => {
  it('restates every table of the previous version in each version (add-only)', () => {
    for (const [i, version] of SCHEMA_VERSIONS.entries()) {
      if (i === 0) continue;
      const previous = SCHEMA_VERSIONS[i - 1]!;
      expect(version.version).toBeGreaterThan(previous.version);
      expect(Object.keys(version.stores)).toEqual(expect.arrayContaining(Object.keys(previous.stores)));
    }
  });
});

describe('upgrade from version 1 to 2', () => {
  it('fills the pinyin initials of every person, keeps everything else, and adds the merges table', async () => {
    const factory = new IDBFactory();
    await createVersion1(factory, 'office');

    const db = new SafeTrainDb('office', { indexedDB: factory, IDBKeyRange });
    const ctx = await openAppDatabase(db);

    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const people = await db.people.orderBy('id').toArray();
    expect(people.map((p) => [p.id, p.nameInitials])).toEqual([
      ['p1', ['ZSF']],
      ['p2', ['ZGF', 'CGF']],
      ['p3', ['WF']],
    ]);
    // Nothing else changed, not even the stamps: the search keys are derived, not an edit.
    expect(people.map(({ nameInitials: _, ...rest }) => rest)).toEqual(V1_PEOPLE);
    expect(await db.enterprises.toArray()).toEqual([V1_ENTERPRISE]);
    expect(await db.merges.count()).toBe(0);

    // The new indexes answer.
    expect(await db.people.where('nameInitials').startsWith('CG').primaryKeys()).toEqual(['p2']);
    expect(await db.enterprises.where('principalId').equals('p2').count()).toBe(0);
    // And the register finds the upgraded people by their initials; the tombstoned one stays out.
    expect((await searchPeople(ctx, { text: 'zsf' })).people.map((p) => p.id)).toEqual(['p1']);
    expect((await searchPeople(ctx, { text: 'wf' })).total).toBe(0);
  });

  it('fills the initials by the upgrade itself, not only through the write middleware of the app', async () => {
    const factory = new IDBFactory();
    await createVersion1(factory, 'plain');
    const plain = new Dexie('plain', { indexedDB: factory, IDBKeyRange });
    applySchema(plain);
    await plain.open();
    const people = (await plain.table('people').orderBy('id').toArray()) as Person[];
    expect(people.map((p) => p.nameInitials)).toEqual([['ZSF'], ['ZGF', 'CGF'], ['WF']]);
  });

  it('opens an upgraded database again without running the upgrade twice', async () => {
    const factory = new IDBFactory();
    await createVersion1(factory, 'laptop');
    const first = new SafeTrainDb('laptop', { indexedDB: factory, IDBKeyRange });
    await first.open();
    const after = await first.people.toArray();
    first.close();
    const second = new SafeTrainDb('laptop', { indexedDB: factory, IDBKeyRange });
    await second.open();
    expect(await second.people.toArray()).toEqual(after);
  });
});

describe('upgrade from version 2 to 3', () => {
  it('keeps every record and serves the new indexes over records written by version 2', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie('office', { indexedDB: factory, IDBKeyRange });
    applySchema(v2, 2);
    await v2.open();
    await v2.table('people').bulkAdd(structuredClone(V1_PEOPLE));
    await v2.table('attendance').add({
      ...meta('a1'),
      sessionId: 's1',
      personId: 'p1',
      date: '2026-03-02',
      status: 'present',
      hoursCredited: 4,
      source: 'scan',
    });
    await v2.table('certificates').add({ ...meta('c1'), number: 'N1', personId: 'p1', status: 'voided' });
    v2.close();

    const db = new SafeTrainDb('office', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.people.where('role').equals('principal').toArray()).map((p) => p.id)).toEqual(['p2']);
    expect(await db.attendance.where('date').between('2026-01-01', '2026-12-31', true, true).count()).toBe(1);
    expect((await db.certificates.where('status').equals('voided').toArray()).map((c) => c.id)).toEqual([
      'c1',
    ]);
    expect(await db.people.count()).toBe(3);
    db.close();
  });
});

/** A course, a session and two attendance records (one credited) in a database of version 3 or later. */
async function fillTrainingDay(db: Dexie): Promise<void> {
  await db.table('people').bulkAdd(structuredClone(V1_PEOPLE));
  await db.table('courses').add({
    ...meta('c1'),
    name: '农民工安全培训',
    audience: 'worker',
    kind: 'initial',
    hours: 4,
    outline: '',
  });
  await db.table('sessions').add({
    ...meta('s1'),
    courseId: 'c1',
    days: [{ date: '2026-03-02', start: '08:00', end: '12:00' }],
    startDate: '2026-03-02',
    venue: '职工食堂',
    instructor: '周志明',
    capacity: 30,
    status: 'completed',
  });
  await db.table('attendance').bulkAdd([
    {
      ...meta('a1'),
      sessionId: 's1',
      personId: 'p1',
      date: '2026-03-02',
      status: 'present',
      hoursCredited: 4,
      source: 'scan',
    },
    {
      ...meta('a2'),
      sessionId: 's1',
      personId: 'p2',
      date: '2026-03-02',
      status: 'absent',
      hoursCredited: 0,
      source: 'manual',
    },
  ]);
}

describe('upgrade from version 3', () => {
  it('keeps every record and builds the statistics aggregate of the existing attendance on first use', async () => {
    const factory = new IDBFactory();
    const v3 = new Dexie('office', { indexedDB: factory, IDBKeyRange });
    applySchema(v3, 3);
    await v3.open();
    await fillTrainingDay(v3);
    v3.close();

    const app = await openTestApp({ factory, name: 'office' });
    expect(app.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await app.db.people.count()).toBe(3);
    expect(await app.db.attendance.count()).toBe(2);
    expect(await app.db.statsDirty.get(STATS_REBUILD_ALL)).toBeDefined();
    expect(await trainingSummary(app.ctx, { from: '2026-03-01', to: '2026-03-31' })).toEqual({
      sessions: 1,
      people: 1,
      personTimes: 1,
      personHours: 4,
      attendanceRate: 0.5,
    });
    expect(await app.db.statsDirty.count()).toBe(0);
    expect(await app.db.sessionStats.toArray()).toEqual(await sessionStatsFromScratch(app.ctx));
  });
});

describe('upgrade from version 4 to 5', () => {
  it("keeps the aggregates and packs every person's credits from them on first use", async () => {
    const factory = new IDBFactory();
    const v4 = new Dexie('office', { indexedDB: factory, IDBKeyRange });
    applySchema(v4, 4);
    await v4.open();
    await fillTrainingDay(v4);
    // A version-4 database keeps its aggregates up to date.
    const session = (await v4.table('sessions').get('s1')) as StatsSessionInput;
    const attendance = (await v4.table('attendance').toArray()) as StatsAttendanceInput[];
    const aggregate = buildSessionStats(session, attendance, () => undefined);
    await v4.table('sessionStats').add(aggregate);
    v4.close();

    const app = await openTestApp({ factory, name: 'office' });
    expect(app.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await app.db.statsDirty.toArray()).map((m) => m.id)).toEqual([CREDITS_REBUILD]);
    // Until the credits are built, the hours come from the attendance index.
    const hours = (days: Map<string, CreditedDay[]>) =>
      [...days].map(([id, list]) => [id, list.map((d) => [d.date, d.hours, d.kind])]);
    const expected = [['p1', [['2026-03-02', 4, 'initial']]]];
    expect(hours(await creditedAttendance(app.ctx, ['p1', 'p2', 'p3']))).toEqual(expected);

    await refreshStatistics(app.db);
    expect(await app.db.statsDirty.count()).toBe(0);
    expect(await app.db.sessionStats.toArray()).toEqual([aggregate]);
    expect(await app.db.creditSessions.get('all')).toEqual({
      id: 'all',
      sessionIds: ['s1'],
      courseIds: ['c1'],
    });
    expect((await app.db.creditPacks.toArray()).map((p) => p.people).filter((p) => p !== '')).toEqual(['p1']);
    expect(hours(await creditedAttendance(app.ctx, ['p1', 'p2', 'p3']))).toEqual(expected);
  });
});
