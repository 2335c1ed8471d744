import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeBackup } from '../../domain/backup-format';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema';
import { openWithSession, enrollPeople, residentId } from '../../db/test-db';
import type { AutoBackupReason, AutoBackups, Platform } from '../../platform/platform';
import type { ImportSaveRequest } from '../../db/import-repo';
import { saveImportWithSafetyBackup } from './save-import';

/** The platform as the import sees it: the desktop app's backups folder (or none, as in a browser), recorded. */
function fakePlatform(folder: 'desktop' | 'browser', writeFails?: string) {
  const written: Array<{ reason: AutoBackupReason; bytes: Uint8Array }> = [];
  const downloads: string[] = [];
  const autoBackups: AutoBackups = {
    write(reason, bytes) {
      written.push({ reason, bytes });
      return Promise.resolve(
        writeFails ? { ok: false, message: writeFails } : { ok: true, fileName: `auto-${reason}.stbak` },
      );
    },
    list: () => Promise.resolve([]),
    read: () => Promise.reject(new Error('not used')),
    onQuitRequested: () => () => undefined,
  };
  const platform = {
    kind: folder === 'desktop' ? 'electron' : 'browser',
    autoBackups: folder === 'desktop' ? autoBackups : null,
    saveBackupFile(name: string) {
      downloads.push(name);
      return Promise.resolve({ outcome: 'downloaded' as const });
    },
  } as unknown as Platform;
  return { platform, written, downloads };
}

const rows = (from: number, count: number): ImportSaveRequest['rows'] =>
  Array.from({ length: count }, (_, i) => ({
    sourceRow: i + 2,
    values: { name: `导入学员${from + i}`, idNumber: residentId(from + i) },
  }));

beforeEach(() => {
  // backup-actions remembers the last backup in localStorage, which Node lacks.
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('the backup before a roster import', () => {
  it('desktop app: writes a before-import backup of the database as it was, then imports', async () => {
    const { app, session } = await openWithSession();
    await enrollPeople(app, session.id, 2);
    const { platform, written } = fakePlatform('desktop');

    const outcome = await saveImportWithSafetyBackup(app.ctx, platform, {
      kind: 'people',
      rows: rows(500, 3),
      sessionId: session.id,
    });

    expect(outcome).toMatchObject({ ok: true, backup: 'folder', report: { added: 3, enrolled: 3 } });
    expect(written.map((w) => w.reason)).toEqual(['before-import']);
    const decoded = await decodeBackup(written[0]!.bytes, { currentSchemaVersion: CURRENT_SCHEMA_VERSION });
    if (!decoded.ok) throw new Error(decoded.problem.code);
    expect(decoded.backup.manifest.reason).toBe('before-import');
    // The backup holds the two people from before, not the three the import added after it.
    expect(decoded.backup.manifest.counts.people).toBe(2);
    expect(decoded.backup.manifest.counts.enrollments).toBe(2);
    expect(await app.db.people.count()).toBe(5);
  });

  it('desktop app: when the backup cannot be written (disk full), nothing is imported', async () => {
    const { app, session } = await openWithSession();
    await enrollPeople(app, session.id, 2);
    const { platform, written } = fakePlatform('desktop', 'ENOSPC: no space left on device, write');

    const outcome = await saveImportWithSafetyBackup(app.ctx, platform, {
      kind: 'people',
      rows: rows(500, 3),
    });

    expect(outcome).toEqual({
      ok: false,
      failed: 'backup',
      message: 'ENOSPC: no space left on device, write',
    });
    expect(written).toHaveLength(1);
    expect(await app.db.people.count()).toBe(2);
  });

  it('browser mode: no backup folder and no download pushed at every import; the import goes ahead', async () => {
    const { app } = await openWithSession();
    const { platform, written, downloads } = fakePlatform('browser');

    const outcome = await saveImportWithSafetyBackup(app.ctx, platform, {
      kind: 'people',
      rows: rows(500, 3),
    });

    expect(outcome).toMatchObject({ ok: true, backup: 'none', report: { added: 3 } });
    expect(written).toEqual([]);
    expect(downloads).toEqual([]);
  });

  it('an import that fails is reported as a failed save, not thrown, and says whether storage was full', async () => {
    const { app } = await openWithSession();
    const { platform } = fakePlatform('browser');
    const outcome = await saveImportWithSafetyBackup(app.ctx, platform, {
      kind: 'people',
      rows: rows(500, 1),
      sessionId: 'no-such-session',
    });
    expect(outcome).toMatchObject({ ok: false, failed: 'save', storageFull: false });
    expect(await app.db.people.count()).toBe(0);
  });
});
