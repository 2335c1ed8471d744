import dayjs from 'dayjs';
import type { DbContext } from '../../db/context';
import { createBackupFile } from '../../db/backup-repo';
import type { BackupKind, BackupProblem } from '../../domain/backup-format';
import type { Translate } from '../../i18n/i18n';
import type { AutoBackupReason, Platform, SaveBackupOutcome } from '../../platform/platform';

const LAST_BACKUP_KEY = 'safetrain.lastBackupAt';

/** When this machine last wrote a backup of any kind (shown in settings); kept beside the locale choice. */
export function lastBackupAt(): string | null {
  return localStorage.getItem(LAST_BACKUP_KEY);
}

export function rememberBackup(at = new Date()): void {
  localStorage.setItem(LAST_BACKUP_KEY, at.toISOString());
}

export function formatInstant(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** A file name stamp in local time: 20261129-1430. */
export function fileStamp(now = new Date()): string {
  return dayjs(now).format('YYYYMMDD-HHmm');
}

/** Disk-full and other file-system codes in words; anything else as it came. */
export function failureText(t: Translate, message: string | undefined): string {
  if (!message) return '';
  return /ENOSPC|QuotaExceeded|quota/i.test(message) ? `${t('data.diskFull')} (${message})` : message;
}

/**
 * Why a chosen file cannot be restored or imported, naming the file: the user may have picked the wrong one of
 * several similar names (a package beside a backup, yesterday's download beside today's).
 */
export function problemMessage(t: Translate, problem: BackupProblem, file: string): string {
  switch (problem.code) {
    case 'newer-schema':
      return t('data.problem.newer-schema', {
        file,
        version: problem.schemaVersion,
        supported: problem.supported,
      });
    case 'wrong-kind':
      return t(problem.kind === 'sync' ? 'data.problem.wrong-kind.sync' : 'data.problem.wrong-kind.backup', {
        file,
      });
    default:
      return t(`data.problem.${problem.code}`, { file });
  }
}

/** The refusal of a chosen file, as shown: why, and that nothing changed. */
export function refusalMessage(t: Translate, problem: BackupProblem, file: string): string {
  return t('data.refusedUnchanged', { problem: problemMessage(t, problem, file) });
}

/** The file the user picked, as bytes. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A whole-database backup to a file the user chooses (desktop) or a download (browser). */
export async function saveManualBackup(ctx: DbContext, platform: Platform): Promise<SaveBackupOutcome> {
  const bytes = await createBackupFile(ctx, 'manual');
  const outcome = await platform.saveBackupFile(`安训备份-${fileStamp(ctx.now())}`, 'stbak', bytes);
  if (outcome.outcome === 'saved' || outcome.outcome === 'downloaded') rememberBackup(ctx.now());
  return outcome;
}

export type SafetyOutcome =
  | { ok: true; where: 'folder'; fileName: string }
  | { ok: true; where: 'download' }
  | { ok: false; message: string };

/**
 * The backup taken before a restore or an import: into the data folder in the desktop app, as a download in a
 * browser (which has no folder of its own to write to). If it cannot be written, the caller must not go on.
 */
export async function takeSafetyBackup(
  ctx: DbContext,
  platform: Platform,
  reason: AutoBackupReason,
): Promise<SafetyOutcome> {
  try {
    const bytes = await createBackupFile(
      ctx,
      reason === 'before-import' ? 'before-import' : 'before-restore',
    );
    if (platform.autoBackups) {
      const res = await platform.autoBackups.write(reason, bytes);
      if (!res.ok) return { ok: false, message: res.message };
      rememberBackup(ctx.now());
      return { ok: true, where: 'folder', fileName: res.fileName };
    }
    await platform.saveBackupFile(`安训备份-恢复前-${fileStamp(ctx.now())}`, 'stbak', bytes);
    rememberBackup(ctx.now());
    return { ok: true, where: 'download' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export const TABLE_LABELS = {
  enterprises: 'data.table.enterprises',
  people: 'data.table.people',
  courses: 'data.table.courses',
  sessions: 'data.table.sessions',
  enrollments: 'data.table.enrollments',
  attendance: 'data.table.attendance',
  certificates: 'data.table.certificates',
  settings: 'data.table.settings',
  auditLog: 'data.table.auditLog',
  counters: 'data.table.counters',
  merges: 'data.table.merges',
  backup: 'data.table.backup',
} as const;

export function tableLabel(t: Translate, table: string): string {
  const key = (TABLE_LABELS as Record<string, (typeof TABLE_LABELS)[keyof typeof TABLE_LABELS]>)[table];
  return key ? t(key) : table;
}

export type { BackupKind };
