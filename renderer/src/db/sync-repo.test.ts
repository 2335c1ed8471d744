import { describe, expect, it } from 'vitest';
import type { TestApp } from './test-db';
import { at, DAY1, enrollPeople, openWithSession, openTestApp, residentId } from './test-db';
import { savePerson } from './people-repo';
import { checkIn } from './checkin-repo';
import { snapshotTables } from './backup-repo';
import {
  buildSyncPackage,
  listConflicts,
  markExported,
  mergeSyncPackage,
  OwnPackageError,
  readSyncPackage,
  settleConflict,
} from './sync-repo';
import type { Person } from './records';

/** Exports from `from` and imports into `to`; returns the import summary. */
async function carry(from: TestApp, to: TestApp, everything = false) {
  const { bytes, manifest } = await buildSyncPackage(from.ctx, { everything });
  await markExported(from.ctx, manifest.createdAt);
  const decoded = await readSyncPackage(bytes);
  if (!decoded.ok) throw new Error(decoded.problem.code);
  return { summary: await mergeSyncPackage(to.ctx, decoded.backup), pkg: decoded.backup };
}

/** The bureau's records as both machines should end up holding them (machine state and audit aside). */
async function shared(app: TestApp) {
  const tables = await snapshotTables(app.db);
  const { settings: _s, auditLog: _a, counters: _c, ...rest } = tables;
  return rest;
}

async function personEdit(app: TestApp, person: Person, patch: Partial<Person>) {
  return savePerson(
    app.ctx,
    {
      name: person.name,
      idType: person.idType,
      idNumber: person.idNumber,
      role: person.role,
      ...(person.phone ? { phone: person.phone } : {}),
      ...patch,
    },
    person.id,
  );
}

describe('sync by file', () => {
  it('office -> laptop -> office -> laptop with edits on both sides ends with the same data, conflicts listed', async () => {
    const { app: office, session } = await openWithSession({}, { deviceCode: 'A1' });
    const [p1, p2] = (await enrollPeople(office, session.id, 3)) as [Person, Person, Person];
    const laptop = await openTestApp({ deviceCode: 'B2', start: at(DAY1, '07:05') });

    // The office sends its registers and the session to the laptop.
    office.clock.set(at(DAY1, '07:10'));
    const first = await carry(office, laptop, true);
    expect(first.summary.tables.find((t) => t.table === 'people')).toMatchObject({ inserted: 3 });
    // Only the shared settings differ between two machines that never met.
    expect((await listConflicts(laptop.ctx, { open: true })).map((c) => c.recordId)).toEqual(['app']);
    await settleConflict(laptop.ctx, 'settings', 'app', 'theirs');

    // At the site: check-ins and a phone number on the laptop; at the office meanwhile, the same person's phone.
    laptop.clock.set(at(DAY1, '08:01'));
    await checkIn(laptop.ctx, { sessionId: session.id, date: DAY1.date, personId: p1.id });
    await personEdit(laptop, p2, { phone: '13900000002' });
    office.clock.set(at(DAY1, '09:00'));
    await personEdit(office, p2, { phone: '13800000002' });

    laptop.clock.set(at(DAY1, '12:30'));
    office.clock.set(at(DAY1, '12:31'));
    const back = await carry(laptop, office);
    expect(back.summary.tables.find((t) => t.table === 'attendance')).toMatchObject({ inserted: 1 });
    expect(back.summary.conflicts).toBe(1);
    const [conflict] = await listConflicts(office.ctx, { open: true });
    expect(conflict).toMatchObject({ table: 'people', recordId: p2.id, fromDeviceCode: 'B2' });
    // Until settled, the office keeps its own version.
    expect((await office.db.people.get(p2.id))?.phone).toBe('13800000002');

    // Importing the same package again changes nothing.
    const again = await snapshotTables(office.db);
    expect((await mergeSyncPackage(office.ctx, back.pkg)).nothingNew).toBe(true);
    expect(await snapshotTables(office.db)).toEqual(again);

    office.clock.set(at(DAY1, '13:00'));
    await settleConflict(office.ctx, 'people', p2.id, 'theirs');
    expect((await office.db.people.get(p2.id))?.phone).toBe('13900000002');
    // The settled version is not raised again by the same package.
    await mergeSyncPackage(office.ctx, back.pkg);
    expect(await listConflicts(office.ctx, { open: true })).toEqual([]);

    // The office sends back: both now hold the same data.
    office.clock.set(at(DAY1, '13:10'));
    laptop.clock.set(at(DAY1, '13:11'));
    const home = await carry(office, laptop);
    expect(home.summary.conflicts).toBe(0);
    expect(await shared(laptop)).toEqual(await shared(office));
  });

  it('packages from two laptops merge, and a package from this machine is refused', async () => {
    const { app: office, session } = await openWithSession({}, { deviceCode: 'A1' });
    const [p1, p2] = (await enrollPeople(office, session.id, 2)) as [Person, Person];
    const l1 = await openTestApp({ deviceCode: 'B1' });
    const l2 = await openTestApp({ deviceCode: 'B2' });
    await carry(office, l1, true);
    await carry(office, l2, true);
    l1.clock.set(at(DAY1, '08:00'));
    l2.clock.set(at(DAY1, '08:02'));
    await checkIn(l1.ctx, { sessionId: session.id, date: DAY1.date, personId: p1.id });
    await checkIn(l2.ctx, { sessionId: session.id, date: DAY1.date, personId: p2.id });
    await carry(l1, office);
    await carry(l2, office);
    const attendance = await office.db.attendance.toArray();
    expect(attendance.map((a) => a.personId).sort()).toEqual([p1.id, p2.id].sort());

    const own = await buildSyncPackage(office.ctx, { everything: true });
    const decoded = await readSyncPackage(own.bytes);
    if (!decoded.ok) throw new Error('unreadable');
    await expect(mergeSyncPackage(office.ctx, decoded.backup)).rejects.toThrow(OwnPackageError);
  });

  it('exports only what changed since the last export, and never this machine’s own settings', async () => {
    const { app, session } = await openWithSession();
    await enrollPeople(app, session.id, 2);
    const all = await buildSyncPackage(app.ctx, { everything: true });
    await markExported(app.ctx, all.manifest.createdAt);
    app.clock.advanceMinutes(5);
    await savePerson(app.ctx, {
      name: '新人',
      idType: 'resident-id',
      idNumber: residentId(50),
      role: 'worker',
    });
    const delta = await readSyncPackage((await buildSyncPackage(app.ctx, { everything: false })).bytes);
    if (!delta.ok) throw new Error('unreadable');
    expect(delta.backup.manifest.counts.people).toBe(1);
    expect(delta.backup.manifest.counts.sessions).toBe(0);
    const full = await readSyncPackage(all.bytes);
    if (!full.ok) throw new Error('unreadable');
    expect((full.backup.tables.settings as Array<{ id: string }>).map((s) => s.id)).toEqual(['app']);
    expect(full.backup.tables.counters).toBeUndefined();
  });

  it('a merge that fails half-way writes nothing', async () => {
    const { app: office, session } = await openWithSession({}, { deviceCode: 'A1' });
    await enrollPeople(office, session.id, 2);
    const laptop = await openTestApp({ deviceCode: 'B2' });
    const { bytes } = await buildSyncPackage(office.ctx, { everything: true });
    const decoded = await readSyncPackage(bytes);
    if (!decoded.ok) throw new Error('unreadable');
    const before = await snapshotTables(laptop.db);
    const broken = {
      ...decoded.backup,
      tables: { ...decoded.backup.tables, sessions: [{ updatedAt: 'x' }] },
    };
    await expect(mergeSyncPackage(laptop.ctx, broken)).rejects.toThrow();
    expect(await snapshotTables(laptop.db)).toEqual(before);
  });
});
