/**
 * Names and rotation of the automatic backups in the data folder. Pure: the folder listing comes in, the names to
 * delete go out, so the policy is tested without a disk.
 */
import type { AutoBackupReason } from '../contract';

export const BACKUP_EXTENSION = '.stbak';
const AUTO_NAME = /^safetrain-(\d{8})T(\d{9})Z-(quit|daily|before-restore|before-import)\.stbak$/;

export interface AutoBackupName {
  fileName: string;
  /** ISO instant the backup was written (from the name, so a copied file keeps its date). */
  at: string;
  reason: AutoBackupReason;
}

/** `safetrain-20261129T083000123Z-quit.stbak`: sorts by time as text, and says why it was written. */
export function autoBackupFileName(at: Date, reason: AutoBackupReason): string {
  const iso = at.toISOString(); // 2026-11-29T08:30:00.123Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}T${iso.slice(11, 23).replace(/[:.]/g, '')}Z`;
  return `safetrain-${stamp}-${reason}${BACKUP_EXTENSION}`;
}

/** The date and reason in an automatic backup's name; null for any other file (never touched by rotation). */
export function parseAutoBackupName(fileName: string): AutoBackupName | null {
  const match = AUTO_NAME.exec(fileName);
  if (!match) return null;
  const [, d, t, reason] = match as unknown as [string, string, string, AutoBackupReason];
  const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${t.slice(6, 9)}Z`;
  return Number.isNaN(Date.parse(at)) ? null : { fileName, at, reason };
}

export interface RotationPolicy {
  /** The newest backup of each of the last N days that have backups. */
  daily: number;
  /** The newest backup of each of the last N weeks (Monday to Sunday) that have backups. */
  weekly: number;
  /**
   * The newest N backups taken before a restore or an import, whatever their day: the state a user may want back
   * after restoring the wrong file must not be rotated away by the quit backup of the same day.
   */
  safety: number;
  /** Local time zone of the machine, so that "a day" is the user's day (UTC+8: 480). */
  utcOffsetMinutes: number;
}

export const DEFAULT_ROTATION: Omit<RotationPolicy, 'utcOffsetMinutes'> = { daily: 7, weekly: 8, safety: 5 };

function localDay(at: string, offsetMinutes: number): string {
  return new Date(Date.parse(at) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function localWeek(at: string, offsetMinutes: number): string {
  const local = new Date(Date.parse(at) + offsetMinutes * 60_000);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** The automatic backups to delete so that only what the policy keeps remains. Other files are never named. */
export function backupsToDelete(fileNames: readonly string[], policy: RotationPolicy): string[] {
  const backups = fileNames
    .map(parseAutoBackupName)
    .filter((b): b is AutoBackupName => b !== null)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<string>();
  const newestPer = (key: (b: AutoBackupName) => string, limit: number) => {
    const seen = new Set<string>();
    for (const backup of backups) {
      const k = key(backup);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(backup.fileName);
    }
  };
  newestPer((b) => localDay(b.at, policy.utcOffsetMinutes), policy.daily);
  newestPer((b) => localWeek(b.at, policy.utcOffsetMinutes), policy.weekly);
  backups
    .filter((b) => b.reason === 'before-restore' || b.reason === 'before-import')
    .slice(0, policy.safety)
    .forEach((b) => keep.add(b.fileName));
  return backups.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName);
}
