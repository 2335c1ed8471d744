import type { DbContext } from '../../db/context';
import { saveRosterImport, type ImportSaveReport, type ImportSaveRequest } from '../../db/import-repo';
import { isStorageFull } from '../../db/storage-errors';
import type { Platform } from '../../platform/platform';
import { takeSafetyBackup } from '../data/backup-actions';

export type SaveImportOutcome =
  | { ok: true; report: ImportSaveReport; backup: 'folder' | 'none' }
  /** The safety backup could not be written: nothing was imported. */
  | { ok: false; failed: 'backup'; message: string }
  /** The import's transaction failed (rolled back whole); `storageFull` when the disk or quota was the cause. */
  | { ok: false; failed: 'save'; storageFull: boolean; error: unknown };

/**
 * A roster import as the import page runs it. The desktop app first writes a backup of the database as it is into
 * its backups folder (reason before-import), and imports only once that backup is on disk; browser mode has no
 * folder of its own and would push a download at every import, so it relies on the manual backup and imports
 * straight away.
 */
export async function saveImportWithSafetyBackup(
  ctx: DbContext,
  platform: Platform,
  request: ImportSaveRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<SaveImportOutcome> {
  let backup: 'folder' | 'none' = 'none';
  if (platform.autoBackups) {
    const safety = await takeSafetyBackup(ctx, platform, 'before-import');
    if (!safety.ok) return { ok: false, failed: 'backup', message: safety.message };
    backup = 'folder';
  }
  try {
    return { ok: true, report: await saveRosterImport(ctx, request, onProgress), backup };
  } catch (error) {
    return { ok: false, failed: 'save', storageFull: isStorageFull(error), error };
  }
}
