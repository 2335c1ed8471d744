import { describe, expect, it, vi } from 'vitest';
import { createBackupStore, createQuitBackupGuard, saveBackupAs, writeFileAtomic } from './backups';
import { DEFAULT_ROTATION } from './backup-rotation';
import { fakeFs, fakePrintTarget } from './test-fakes';

const bytes = new Uint8Array([0x1f, 0x8b, 9]);

function store(files = fakeFs(), start = Date.UTC(2026, 10, 1, 2)) {
  let now = start;
  return {
    files,
    advanceDays: (days: number) => (now += days * 86_400_000),
    store: createBackupStore({
      folder: '/data/backups',
      fs: files.fs,
      now: () => new Date(now),
      policy: { ...DEFAULT_ROTATION, daily: 3, weekly: 0, safety: 1, utcOffsetMinutes: 480 },
    }),
  };
}

describe('backup store', () => {
  it('writes through a temporary file and leaves none behind', async () => {
    const { files, store: s } = store();
    const writeFile = vi.spyOn(files.fs, 'writeFile');
    await s.writeAuto('daily', bytes);
    expect(writeFile.mock.calls[0]![0]).toMatch(/\.tmp$/);
    expect([...files.files.keys()].every((f) => f.endsWith('.stbak'))).toBe(true);
  });

  it('rotates: after ten days of daily backups the last three remain', async () => {
    const { store: s, advanceDays } = store();
    for (let day = 0; day < 10; day += 1) {
      await s.writeAuto('daily', bytes);
      advanceDays(1);
    }
    const listed = await s.list();
    expect(listed.map((b) => b.at.slice(0, 10))).toEqual(['2026-11-10', '2026-11-09', '2026-11-08']);
  });

  it('a full disk is an answer with the error code, and deletes no older backup', async () => {
    const ok = store();
    await ok.store.writeAuto('daily', bytes);
    const before = [...ok.files.files.keys()];
    const full = fakeFs({ failWrites: 'ENOSPC' });
    for (const [k, v] of ok.files.files) full.files.set(k, v);
    const { store: s } = store(full, Date.UTC(2026, 10, 20));
    await expect(s.writeAuto('daily', bytes)).resolves.toEqual({ written: false, message: 'ENOSPC' });
    expect([...full.files.keys()]).toEqual(before);
  });

  it('writeFileAtomic removes the temporary file when the rename fails', async () => {
    const files = fakeFs();
    files.fs.rename = () => Promise.reject(new Error('EXDEV'));
    await expect(writeFileAtomic(files.fs, '/x/a.stbak', bytes)).rejects.toThrow('EXDEV');
    expect(files.files.size).toBe(0);
  });
});

describe('saveBackupAs', () => {
  const sender = fakePrintTarget().contents;
  it('answers cancelled when the dialog is closed, writing nothing', async () => {
    const files = fakeFs();
    const res = await saveBackupAs(
      sender,
      { suggestedName: '安训备份', extension: 'stbak', bytes },
      { choosePath: () => Promise.resolve(null), fs: files.fs, documentsFolder: '/docs' },
    );
    expect(res).toEqual({ saved: false, reason: 'cancelled' });
    expect(files.files.size).toBe(0);
  });

  it('offers a sanitised name in Documents', async () => {
    const choosePath = vi.fn((_s: unknown, defaultPath: string) => Promise.resolve(defaultPath));
    const files = fakeFs();
    await saveBackupAs(
      sender,
      { suggestedName: 'a/b:c', extension: 'stsync', bytes },
      { choosePath, fs: files.fs, documentsFolder: '/docs' },
    );
    expect(choosePath.mock.calls[0]![1]).toBe('/docs/a_b_c.stsync');
    expect(files.files.has('/docs/a_b_c.stsync')).toBe(true);
  });
});

describe('quit backup guard', () => {
  it('holds the first close, asks for the backup, and closes once it is written', () => {
    const requestBackup = vi.fn();
    const close = vi.fn();
    const guard = createQuitBackupGuard({ requestBackup, close, setTimer: vi.fn(), timeoutMs: 1000 });
    expect(guard.onClose()).toBe(true);
    expect(guard.onClose()).toBe(true);
    expect(requestBackup).toHaveBeenCalledOnce();
    guard.backupDone();
    expect(close).toHaveBeenCalledOnce();
    expect(guard.onClose()).toBe(false);
  });

  it('closes anyway when the renderer does not answer in time', () => {
    let timer: (() => void) | undefined;
    const close = vi.fn();
    const guard = createQuitBackupGuard({
      requestBackup: vi.fn(),
      close,
      setTimer: (run) => (timer = run),
      timeoutMs: 1000,
    });
    guard.onClose();
    timer?.();
    expect(close).toHaveBeenCalledOnce();
    guard.backupDone();
    expect(close).toHaveBeenCalledOnce();
  });
});
