import { describe, expect, it } from 'vitest';
import {
  autoBackupFileName,
  backupsToDelete,
  DEFAULT_ROTATION,
  parseAutoBackupName,
  type RotationPolicy,
} from './backup-rotation';
import type { AutoBackupReason } from '../contract';

const CHINA: RotationPolicy = { ...DEFAULT_ROTATION, utcOffsetMinutes: 480 };

function name(iso: string, reason: AutoBackupReason = 'daily') {
  return autoBackupFileName(new Date(iso), reason);
}

describe('automatic backup names', () => {
  it('encode the instant and the reason, and read back', () => {
    const fileName = name('2026-11-29T08:30:05.123Z', 'before-restore');
    expect(fileName).toBe('safetrain-20261129T083005123Z-before-restore.stbak');
    expect(parseAutoBackupName(fileName)).toEqual({
      fileName,
      at: '2026-11-29T08:30:05.123Z',
      reason: 'before-restore',
    });
  });

  it.each([
    '备份.stbak',
    'safetrain-20261129T083005123Z-daily.stbak.tmp',
    '../safetrain-x.stbak',
    'notes.txt',
  ])('%s is not an automatic backup', (fileName) => expect(parseAutoBackupName(fileName)).toBeNull());
});

describe('backupsToDelete', () => {
  it('keeps the newest of each of the last N days', () => {
    const files = [
      name('2026-11-29T01:00:00.000Z'),
      name('2026-11-29T09:00:00.000Z', 'quit'),
      name('2026-11-28T09:00:00.000Z'),
      name('2026-11-27T09:00:00.000Z'),
    ];
    const doomed = backupsToDelete(files, { daily: 2, weekly: 0, safety: 0, utcOffsetMinutes: 480 });
    expect(doomed.sort()).toEqual(
      [name('2026-11-27T09:00:00.000Z'), name('2026-11-29T01:00:00.000Z')].sort(),
    );
  });

  it('counts days in local time: 23:30 and 00:30 in Beijing are two days', () => {
    const files = [name('2026-11-28T15:30:00.000Z'), name('2026-11-28T16:30:00.000Z')];
    expect(backupsToDelete(files, { daily: 2, weekly: 0, safety: 0, utcOffsetMinutes: 480 })).toEqual([]);
    expect(backupsToDelete(files, { daily: 2, weekly: 0, safety: 0, utcOffsetMinutes: 0 })).toEqual([
      name('2026-11-28T15:30:00.000Z'),
    ]);
  });

  it('keeps one per week for older weeks beyond the daily ones', () => {
    // Sixty days of daily backups: 7 daily + the newest of each of 8 weeks (some overlap) remain.
    const files = Array.from({ length: 60 }, (_, i) =>
      name(new Date(Date.UTC(2026, 10, 29, 2) - i * 86_400_000).toISOString()),
    );
    const kept = files.filter((f) => !backupsToDelete(files, CHINA).includes(f));
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(kept.length).toBeLessThanOrEqual(15);
    expect(kept).toContain(files[0]);
    expect(kept).toContain(files[6]);
    expect(kept).not.toContain(files[59]);
  });

  it('keeps the safety copy taken before a restore even when a quit backup of the same day follows', () => {
    const safety = name('2026-11-29T02:00:00.000Z', 'before-restore');
    const files = [safety, name('2026-11-29T09:00:00.000Z', 'quit')];
    expect(backupsToDelete(files, CHINA)).toEqual([]);
    expect(backupsToDelete(files, { ...CHINA, safety: 0 })).toEqual([safety]);
  });

  it('never names a file it did not write', () => {
    expect(backupsToDelete(['办公室备份.stbak', 'x.txt'], { ...CHINA, daily: 0, weekly: 0 })).toEqual([]);
  });
});
