import { describe, expect, it } from 'vitest';
import { encodeBackup } from '../domain/backup-format';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { saveCourse } from './courses-repo';
import { searchPeople } from './people-search';
import { getAppSettings, getDeviceSettings } from './settings-repo';
import {
  compareWithNow,
  createBackupFile,
  readBackupFile,
  restoreBackup,
  snapshotTables,
  SNAPSHOT_CHUNK,
} from './backup-repo';
import {
  courseInput,
  enrollPeople,
  ISSUING_BODY,
  openWithSession,
  openTestApp,
  tableCounts,
} from './test-db';
import { buildResidentId } from '../domain/resident-id';

async function decoded(bytes: Uint8Array) {
  const result = await readBackupFile(bytes);
  if (!result.ok) throw new Error(`not readable: ${result.problem.code}`);
  return result.backup;
}

describe('backup and restore', () => {
  it('a backup holds every table with counts, and restoring it brings the data of that moment back', async () => {
    const { app, session } = await openWithSession();
    await enrollPeople(app, session.id, 3);
    const file = await createBackupFile(app.ctx, 'manual');
    const backup = await decoded(file);
    const countsThen = await tableCounts(app.db);
    expect(backup.manifest.counts).toEqual(countsThen);
    expect(backup.manifest.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(backup.manifest.deviceCode).toBe((await getDeviceSettings(app.db))?.deviceCode);

    app.clock.advanceMinutes(60);
    await saveCourse(app.ctx, courseInput('worker', '备份之后的新课程'));
    await enrollPeople(app, session.id, 2, 10);
    const diff = await compareWithNow(app.ctx, backup);
    expect(diff.find((d) => d.table === 'courses')).toMatchObject({ now: 2, inBackup: 1, onlyNow: 1 });
    expect(diff.find((d) => d.table === 'people')).toMatchObject({ now: 5, inBackup: 3, onlyNow: 2 });

    await restoreBackup(app.ctx, backup);
    const after = await snapshotTables(app.db);
    expect(after.courses).toEqual(backup.tables.courses);
    expect(after.people).toEqual(backup.tables.people);
    // The restore itself is in the audit log, on top of the backup's entries.
    expect(after.auditLog).toHaveLength(backup.tables.auditLog!.length + 1);
    // The register search sees the restored people, not the ones added since.
    expect((await searchPeople(app.ctx, { text: '' })).total).toBe(3);
  });

  it('a snapshot reads tables larger than one chunk whole and in order', async () => {
    const app = await openTestApp();
    const rows = Array.from({ length: SNAPSHOT_CHUNK * 2 + 1 }, (_, i) => ({
      id: `k${String(i).padStart(6, '0')}`,
      value: i,
    }));
    await app.db.counters.bulkAdd(rows);
    const { counters } = await snapshotTables(app.db);
    expect(counters).toEqual(await app.db.counters.toArray());
    expect(counters!.filter((c) => (c as { id: string }).id.startsWith('k'))).toEqual(rows);
  });

  it('keeps this machine its own device identity and never moves certificate counters back', async () => {
    const office = await openTestApp({ deviceCode: 'A1' });
    await office.db.counters.put({ id: 'certificate-seq', value: 5 });
    const file = await createBackupFile(office.ctx, 'manual');

    const laptop = await openTestApp({ deviceCode: 'B2' });
    await laptop.db.counters.put({ id: 'certificate-seq', value: 9 });
    await restoreBackup(laptop.ctx, await decoded(file));
    expect((await getDeviceSettings(laptop.db))?.deviceCode).toBe('B2');
    expect(await laptop.db.counters.get('certificate-seq')).toEqual({ id: 'certificate-seq', value: 9 });
  });

  it('a restore that fails half-way leaves the database exactly as it was', async () => {
    const { app, session } = await openWithSession();
    await enrollPeople(app, session.id, 2);
    const backup = await decoded(await createBackupFile(app.ctx, 'manual'));
    await saveCourse(app.ctx, courseInput('worker', '之后的课程'));
    const before = await snapshotTables(app.db);
    // A record without an id fails its bulkAdd after earlier tables were already cleared and written.
    const broken = { ...backup, tables: { ...backup.tables, sessions: [{ name: 'no id' }] } };
    await expect(restoreBackup(app.ctx, broken)).rejects.toThrow();
    expect(await snapshotTables(app.db)).toEqual(before);
  });

  it('restores a backup made by schema version 1 through the upgrades of db/schema.ts', async () => {
    const app = await openTestApp();
    const AT = '2026-03-01T08:00:00.000Z';
    const meta = (id: string) => ({ id, createdAt: AT, updatedAt: AT, deviceId: 'old-device' });
    const v1 = await encodeBackup(
      {
        kind: 'backup',
        reason: 'quit',
        schemaVersion: 1,
        createdAt: AT,
        deviceId: 'old-device',
        deviceCode: 'Z9',
      },
      {
        people: [
          {
            ...meta('p1'),
            name: '张三丰',
            idNumber: buildResidentId('320402', '1980-05-06', 11),
            idType: 'resident-id',
            role: 'worker',
          },
        ],
        enterprises: [{ ...meta('e1'), name: '青山精细化工有限公司' }],
        courses: [],
        sessions: [],
        enrollments: [],
        attendance: [],
        certificates: [],
        settings: [],
        auditLog: [],
        counters: [],
      },
    );
    const backup = await decoded(v1);
    await restoreBackup(app.ctx, backup);
    const people = await app.db.people.toArray();
    // Version 2's upgrade filled the search initials; the record is otherwise as it was.
    expect(people).toEqual([{ ...(backup.tables.people![0] as object), nameInitials: ['ZSF'] }]);
    expect(await app.db.enterprises.count()).toBe(1);
    expect(await app.db.merges.count()).toBe(0);
    expect((await searchPeople(app.ctx, { text: 'zsf' })).people.map((p) => p.id)).toEqual(['p1']);
    // The machine keeps working: its settings were not replaced by the empty ones of the backup.
    expect(await getDeviceSettings(app.db)).toBeDefined();
    expect((await getAppSettings(app.db)).issuingBody).toBe(ISSUING_BODY);
  });
});
