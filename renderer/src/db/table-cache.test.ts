import { beforeEach, describe, expect, it } from 'vitest';
import { readUntilWritten } from './table-cache';
import { checkIn, checkOut } from './checkin-repo';
import { saveSession } from './sessions-repo';
import { getAppSettings, saveAppSettings } from './settings-repo';
import type { Person, Session } from './records';
import {
  at,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  newTestDb,
  openTestApp,
  sessionInput,
  type TestApp,
} from './test-db';

describe('readUntilWritten', () => {
  let app: TestApp;
  let reads: number;
  /** The settings record's issuing body, counting the reads that reach the database. */
  const issuingBody = () =>
    readUntilWritten(app.db, 'settings', 'app', async () => {
      reads += 1;
      return (await getAppSettings(app.db)).issuingBody;
    });

  beforeEach(async () => {
    app = await openTestApp();
    reads = 0;
  });

  it('reads once while the table is not written', async () => {
    expect(await issuingBody()).toBe(await issuingBody());
    await issuingBody();
    expect(reads).toBe(1);
  });

  it.each<[string, number, (app: TestApp) => Promise<unknown>]>([
    ['a write of the table', 2, (a) => saveAppSettings(a.ctx, { issuingBody: '新的颁发机构' })],
    [
      'a write of the table through another connection to the same database',
      2,
      async (a) => {
        const other = newTestDb(a.name, a.factory);
        await other.open();
        await saveAppSettings({ ...a.ctx, db: other }, { issuingBody: '新的颁发机构' });
        other.close();
      },
    ],
    ['a write of another table', 1, (a) => createSession(a)],
    [
      'a write of the same table in another database',
      1,
      async () => saveAppSettings((await openTestApp()).ctx, { issuingBody: '别处' }),
    ],
  ])('after %s, reads %i time(s) in all', async (_, expected, write) => {
    const before = await issuingBody();
    await write(app);
    const after = await issuingBody();
    expect(reads).toBe(expected);
    expect(after).toBe(expected === 2 ? '新的颁发机构' : before);
  });

  it('does not keep a value whose table was written while it was being read', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = readUntilWritten(app.db, 'settings', 'gated', async () => {
      reads += 1;
      await gate;
      return (await getAppSettings(app.db)).issuingBody;
    });
    await saveAppSettings(app.ctx, { issuingBody: '读取时写入' });
    release();
    await first;
    const again = await readUntilWritten(app.db, 'settings', 'gated', async () => {
      reads += 1;
      return (await getAppSettings(app.db)).issuingBody;
    });
    expect(reads).toBe(2);
    expect(again).toBe('读取时写入');
  });

  it('does not keep a failed read', async () => {
    const failing = readUntilWritten(app.db, 'settings', 'failing', () => Promise.reject(new Error('disk')));
    await expect(failing).rejects.toThrow('disk');
    const retried = await readUntilWritten(app.db, 'settings', 'failing', () => Promise.resolve('ok'));
    expect(retried).toBe('ok');
  });
});

describe('check-in with the settings and session day from memory', () => {
  let app: TestApp;
  let session: Session;
  let people: Person[];

  beforeEach(async () => {
    app = await openTestApp();
    session = (await createSession(app, { days: [DAY1] })).session;
    people = await enrollPeople(app, session.id, 3, 1);
  });

  const scan = (person: Person, time: string) => {
    app.clock.set(at(DAY1, time));
    return checkIn(app.ctx, { sessionId: session.id, date: DAY1.date, rawId: person.idNumber });
  };

  it('applies settings changed between two scans to the second', async () => {
    expect(await scan(people[0]!, '08:05')).toMatchObject({ attendance: { status: 'present' } });
    const current = await getAppSettings(app.db);
    await saveAppSettings(app.ctx, { attendanceRules: { ...current.attendanceRules, graceMinutes: 0 } });
    expect(await scan(people[1]!, '08:05')).toMatchObject({ attendance: { status: 'late' } });
  });

  it('applies a session day edited between two scans to the second', async () => {
    expect(await scan(people[0]!, '08:30')).toMatchObject({ attendance: { status: 'late' } });
    const course = session.courseId;
    await saveSession(app.ctx, sessionInput(course, [{ ...DAY1, start: '09:00' }]), session.id);
    expect(await scan(people[1]!, '08:30')).toMatchObject({ attendance: { status: 'present' } });
  });

  it('answers no-such-day once the day is taken out of the session, for check-in and check-out', async () => {
    expect(await scan(people[0]!, '08:00')).toMatchObject({ kind: 'checked-in' });
    await saveSession(app.ctx, sessionInput(session.courseId, [DAY2]), session.id);
    expect(await scan(people[1]!, '08:00')).toEqual({ kind: 'no-such-day' });
    expect(
      await checkOut(app.ctx, { sessionId: session.id, date: DAY1.date, rawId: people[0]!.idNumber }),
    ).toEqual({ kind: 'no-such-day' });
  });
});
