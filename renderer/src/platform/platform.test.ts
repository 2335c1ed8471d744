import { describe, expect, it, vi } from 'vitest';
import { browserPlatform, electronPlatform, persistStorage } from './platform';
import type { DesktopApi } from '../../../electron/contract';

function fakeDesktop(overrides: Partial<DesktopApi> = {}): DesktopApi {
  return {
    savePdf: () => Promise.resolve({ saved: true, filePath: '/tmp/a.pdf' }),
    printPage: () => Promise.resolve({ printed: true }),
    getAppInfo: () =>
      Promise.resolve({ version: '1', dataFolder: '/d', platform: 'linux', electronVersion: '45' }),
    writeAutoBackup: () => Promise.resolve({ written: true, fileName: 'safetrain-x.stbak' }),
    listBackups: () => Promise.resolve([]),
    readBackup: () => Promise.resolve(new Uint8Array([1])),
    saveBackupAs: () => Promise.resolve({ saved: false, reason: 'cancelled' }),
    onQuitBackupRequested: () => () => undefined,
    renderPdf: () => Promise.resolve({ ok: true, pdf: new Uint8Array([37, 80, 68, 70]) }),
    saveZip: () => Promise.resolve({ saved: true, filePath: '/x/证书.zip' }),
    ...overrides,
  };
}

describe('electronPlatform', () => {
  it.each([
    [
      { saved: true as const, filePath: '/x/证书.pdf' },
      { outcome: 'saved', filePath: '/x/证书.pdf' },
    ],
    [{ saved: false as const, reason: 'cancelled' as const }, { outcome: 'cancelled' }],
    [{ saved: false as const, reason: 'failed' as const }, { outcome: 'failed' }],
  ])('maps save result %j', async (res, expected) => {
    const platform = electronPlatform(fakeDesktop({ savePdf: () => Promise.resolve(res) }));
    expect(await platform.savePdf({ suggestedName: 'a', pageSize: 'A4', landscape: true })).toEqual(expected);
  });

  it('passes the print failure message through', async () => {
    const platform = electronPlatform(
      fakeDesktop({
        printPage: () => Promise.resolve({ printed: false, reason: 'failed', message: 'no printer' }),
      }),
    );
    expect(await platform.printPage({ pageSize: 'A4', landscape: false })).toEqual({
      outcome: 'failed',
      message: 'no printer',
    });
  });
});

describe('certificate ZIP through the platform', () => {
  it('the desktop app renders the page to PDF bytes with the layout it was given', async () => {
    const renderPdf = vi.fn((_layout: unknown) =>
      Promise.resolve({ ok: true as const, pdf: new Uint8Array([37, 80, 68, 70]) }),
    );
    const platform = electronPlatform(fakeDesktop({ renderPdf }));
    await expect(platform.certificateZip?.renderPdf({ pageSize: 'A5', landscape: true })).resolves.toEqual(
      new Uint8Array([37, 80, 68, 70]),
    );
    expect(renderPdf).toHaveBeenCalledExactlyOnceWith({ pageSize: 'A5', landscape: true });
  });

  it("a failed render rejects with main's message", async () => {
    const platform = electronPlatform(
      fakeDesktop({ renderPdf: () => Promise.resolve({ ok: false, message: 'renderer gone' }) }),
    );
    await expect(platform.certificateZip?.renderPdf({ pageSize: 'A4', landscape: true })).rejects.toThrow(
      'renderer gone',
    );
  });

  it.each([
    [
      { saved: true as const, filePath: '/x/证书.zip' },
      { outcome: 'saved', filePath: '/x/证书.zip' },
    ],
    [{ saved: false as const, reason: 'cancelled' as const }, { outcome: 'cancelled' }],
    [{ saved: false as const, reason: 'failed' as const }, { outcome: 'failed' }],
  ])('passes name and bytes to save-zip and maps %j', async (res, expected) => {
    const saveZip = vi.fn((_req: unknown) => Promise.resolve(res));
    const platform = electronPlatform(fakeDesktop({ saveZip }));
    const bytes = new Uint8Array([0x50, 0x4b]);
    expect(await platform.certificateZip?.saveZip('证书-电工-3份', bytes)).toEqual(expected);
    expect(saveZip).toHaveBeenCalledExactlyOnceWith({ suggestedName: '证书-电工-3份', bytes });
  });

  it('browser mode has no certificate ZIP (a page cannot render itself to PDF)', () => {
    expect(browserPlatform({ print: vi.fn(), document: {} as Document }).certificateZip).toBeUndefined();
  });
});

describe('browserPlatform', () => {
  it('opens the print dialog for both saving and printing', async () => {
    const print = vi.fn();
    const platform = browserPlatform({ print, document: {} as Document });
    expect(await platform.savePdf({ suggestedName: 'a', pageSize: 'A4', landscape: true })).toEqual({
      outcome: 'print-dialog',
    });
    await platform.printPage({ pageSize: 'A4', landscape: true });
    expect(print).toHaveBeenCalledTimes(2);
    expect(await platform.getAppInfo()).toBeNull();
  });
});

describe('backups through the platform', () => {
  it('the desktop app writes automatic backups and maps a failed write to a message', async () => {
    const platform = electronPlatform(
      fakeDesktop({ writeAutoBackup: () => Promise.resolve({ written: false, message: 'ENOSPC' }) }),
    );
    expect(await platform.autoBackups?.write('daily', new Uint8Array([1]))).toEqual({
      ok: false,
      message: 'ENOSPC',
    });
  });

  it('browser mode has no automatic backups and downloads a manual one', async () => {
    const click = vi.fn();
    const doc = {
      createElement: () => ({ click, remove: vi.fn(), style: {} }),
      body: { appendChild: vi.fn() },
    } as unknown as Document;
    const platform = browserPlatform({ print: vi.fn(), document: doc });
    expect(platform.autoBackups).toBeNull();
    expect(await platform.saveBackupFile('安训备份', 'stbak', new Uint8Array([1]))).toEqual({
      outcome: 'downloaded',
    });
    expect(click).toHaveBeenCalledOnce();
  });

  it.each([
    ['no storage API', undefined, null],
    ['already persistent', { persisted: () => Promise.resolve(true), persist: vi.fn() }, true],
    [
      'granted on asking',
      { persisted: () => Promise.resolve(false), persist: () => Promise.resolve(true) },
      true,
    ],
    ['refused', { persisted: () => Promise.resolve(false), persist: () => Promise.resolve(false) }, false],
  ])('persistent storage: %s', async (_name, storage, expected) => {
    const nav = storage ? ({ storage } as unknown as Navigator) : undefined;
    expect(await persistStorage(nav)).toBe(expected);
  });
});
