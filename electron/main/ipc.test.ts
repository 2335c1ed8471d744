import type { IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type AppInfo } from '../contract';
import { createIpcHandlers, dispatch, IpcRequestError, registerIpcHandlers, type IpcHandlers } from './ipc';
import { fakeFs, fakePrintTarget, invokeEvent } from './test-fakes';
import { createBackupStore } from './backups';
import { DEFAULT_ROTATION } from './backup-rotation';

const APP_URL = 'app://safetrain/index.html';
const appInfo: AppInfo = {
  version: '0.1.0',
  dataFolder: '/data/SafeTrain',
  platform: 'linux',
  electronVersion: '45.5.0',
};

function setup(chosenPath: string | null = '/home/li/Documents/证书.pdf') {
  const writes: string[] = [];
  const target = fakePrintTarget();
  const files = fakeFs();
  const store = createBackupStore({
    folder: '/data/backups',
    fs: files.fs,
    now: () => new Date('2026-11-29T08:00:00.000Z'),
    policy: { ...DEFAULT_ROTATION, utcOffsetMinutes: 480 },
  });
  const onQuitBackupWritten = vi.fn();
  const handlers = createIpcHandlers({
    print: {
      chooseSavePath: () => Promise.resolve(chosenPath),
      writeFile: (filePath) => {
        writes.push(filePath);
        return Promise.resolve();
      },
      documentsFolder: '/home/li/Documents',
    },
    appInfo: () => appInfo,
    backups: store,
    saveBackup: {
      choosePath: () => Promise.resolve(chosenPath),
      fs: files.fs,
      documentsFolder: '/home/li/Documents',
    },
    saveZip: {
      choosePath: () => Promise.resolve(chosenPath === null ? null : chosenPath.replace(/\.pdf$/, '.zip')),
      fs: files.fs,
      documentsFolder: '/home/li/Documents',
    },
    onQuitBackupWritten,
  });
  const call = (channel: keyof IpcHandlers, args: unknown[], url: string | null = APP_URL) =>
    dispatch(handlers, channel, invokeEvent(target.contents, url), args);
  return { handlers, call, writes, target, files, onQuitBackupWritten };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('valid requests', () => {
  it('print:save-pdf renders, saves and answers with the path', async () => {
    const { call, writes, target } = setup();
    const response = await call('print:save-pdf', [
      { pageSize: 'A4', landscape: true, suggestedName: '证书' },
    ]);
    expect(response).toEqual({ saved: true, filePath: '/home/li/Documents/证书.pdf' });
    expect(writes).toEqual(['/home/li/Documents/证书.pdf']);
    expect(target.printToPDF).toHaveBeenCalledOnce();
  });

  it('print:print-page prints the sender', async () => {
    const { call, target } = setup();
    await expect(call('print:print-page', [{ pageSize: 'A5', landscape: false }])).resolves.toEqual({
      printed: true,
    });
    expect(target.print).toHaveBeenCalledOnce();
  });

  it('app:get-info answers version, data folder, platform and Electron version', async () => {
    await expect(setup().call('app:get-info', [null])).resolves.toEqual(appInfo);
  });
});

describe('backup channels', () => {
  const bytes = new Uint8Array([0x1f, 0x8b, 1, 2, 3]);

  it('backup:write-auto writes into the data folder, lists and reads it back', async () => {
    const { call, files, onQuitBackupWritten } = setup();
    const res = await call('backup:write-auto', [{ reason: 'daily', bytes }]);
    expect(res).toEqual({ written: true, fileName: 'safetrain-20261129T080000000Z-daily.stbak' });
    expect(onQuitBackupWritten).not.toHaveBeenCalled();
    expect([...files.files.keys()]).toEqual(['/data/backups/safetrain-20261129T080000000Z-daily.stbak']);
    await expect(call('backup:list', [null])).resolves.toEqual([
      {
        fileName: 'safetrain-20261129T080000000Z-daily.stbak',
        at: '2026-11-29T08:00:00.000Z',
        reason: 'daily',
        size: 5,
      },
    ]);
    await expect(
      call('backup:read', [{ fileName: 'safetrain-20261129T080000000Z-daily.stbak' }]),
    ).resolves.toEqual(bytes);
  });

  it('the quit backup tells the window it may close', async () => {
    const { call, onQuitBackupWritten } = setup();
    await call('backup:write-auto', [{ reason: 'quit', bytes }]);
    expect(onQuitBackupWritten).toHaveBeenCalledOnce();
  });

  it('backup:save-as writes where the user chose, with the extension', async () => {
    const { call, files } = setup('/home/li/Documents/给办公室');
    const res = await call('backup:save-as', [{ suggestedName: '给办公室', extension: 'stsync', bytes }]);
    expect(res).toEqual({ saved: true, filePath: '/home/li/Documents/给办公室.stsync' });
    expect(files.files.get('/home/li/Documents/给办公室.stsync')).toEqual(bytes);
  });

  it('backup:read refuses any name that is not an automatic backup (no path leaves the folder)', async () => {
    const { call } = setup();
    await expect(call('backup:read', [{ fileName: '../../etc/passwd' }])).rejects.toThrow(
      /not a backup name/,
    );
  });
});

describe('certificate ZIP channels', () => {
  const zip = new Uint8Array([0x50, 0x4b, 3, 4]);

  it('print:render-pdf renders the sender and answers with the bytes, writing nothing', async () => {
    const { call, target, writes, files } = setup();
    await expect(call('print:render-pdf', [{ pageSize: 'A4', landscape: true }])).resolves.toEqual({
      ok: true,
      pdf: new Uint8Array([37, 80, 68, 70]),
    });
    expect(target.printToPDF).toHaveBeenCalledOnce();
    expect(writes).toEqual([]);
    expect(files.files.size).toBe(0);
  });

  it('file:save-zip writes the bytes where the user chose', async () => {
    const { call, files } = setup();
    const res = await call('file:save-zip', [{ suggestedName: '证书-电工-3份', bytes: zip }]);
    expect(res).toEqual({ saved: true, filePath: '/home/li/Documents/证书.zip' });
    expect([...files.files.entries()]).toEqual([['/home/li/Documents/证书.zip', zip]]);
  });

  it('file:save-zip answers cancelled and writes nothing when the dialog is cancelled', async () => {
    const { call, files } = setup(null);
    await expect(call('file:save-zip', [{ suggestedName: 'x', bytes: zip }])).resolves.toEqual({
      saved: false,
      reason: 'cancelled',
    });
    expect(files.files.size).toBe(0);
  });
});

describe('invalid requests are rejected with an error, and nothing is printed or written', () => {
  it.each([
    ['print:save-pdf', [{ pageSize: 'Letter', landscape: true, suggestedName: 'x' }]],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: 'yes', suggestedName: 'x' }]],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: true, suggestedName: '' }]],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: true, suggestedName: '   ' }]],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: true, suggestedName: 'x'.repeat(501) }]],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: true }]],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: true, suggestedName: 'x', filePath: '/etc/cron.d/x' }]],
    ['print:save-pdf', [null]],
    ['print:save-pdf', ['A4']],
    ['print:save-pdf', []],
    ['print:save-pdf', [{ pageSize: 'A4', landscape: true, suggestedName: 'x' }, 'extra']],
    ['print:print-page', [{ pageSize: 'A3', landscape: false }]],
    ['print:print-page', [{ pageSize: 'A4', landscape: false, silent: true }]],
    ['print:print-page', [{ pageSize: 'A4', landscape: false, deviceName: 'Office' }]],
    ['print:print-page', [undefined]],
    ['app:get-info', [{}]],
    ['app:get-info', []],
    ['backup:write-auto', [{ reason: 'weekly', bytes: new Uint8Array([1]) }]],
    ['backup:write-auto', [{ reason: 'quit', bytes: new Uint8Array() }]],
    ['backup:write-auto', [{ reason: 'quit', bytes: [1, 2, 3] }]],
    ['backup:write-auto', [{ reason: 'quit', bytes: new Uint8Array([1]), fileName: '/etc/x' }]],
    ['backup:list', [{}]],
    ['backup:read', [{ fileName: '' }]],
    ['backup:read', ['/etc/passwd']],
    ['backup:save-as', [{ suggestedName: 'x', extension: 'exe', bytes: new Uint8Array([1]) }]],
    ['backup:save-as', [{ suggestedName: 'x', extension: 'stbak', bytes: 'text' }]],
    ['print:render-pdf', [{ pageSize: 'Letter', landscape: true }]],
    ['print:render-pdf', [{ pageSize: 'A4', landscape: 'yes' }]],
    ['print:render-pdf', [{ pageSize: 'A4', landscape: true, suggestedName: 'x' }]],
    ['print:render-pdf', [{ pageSize: 'A4' }]],
    ['print:render-pdf', [null]],
    ['print:render-pdf', []],
    ['file:save-zip', [{ suggestedName: 'x', bytes: new Uint8Array() }]],
    ['file:save-zip', [{ suggestedName: 'x', bytes: [80, 75] }]],
    ['file:save-zip', [{ suggestedName: 'x', bytes: 'PK' }]],
    ['file:save-zip', [{ suggestedName: '', bytes: new Uint8Array([1]) }]],
    ['file:save-zip', [{ suggestedName: '   ', bytes: new Uint8Array([1]) }]],
    ['file:save-zip', [{ suggestedName: 'x'.repeat(501), bytes: new Uint8Array([1]) }]],
    ['file:save-zip', [{ bytes: new Uint8Array([1]) }]],
    ['file:save-zip', [{ suggestedName: 'x', bytes: new Uint8Array([1]), filePath: '/etc/cron.d/x' }]],
    ['file:save-zip', [{ suggestedName: 'x', bytes: new Uint8Array([1]) }, 'extra']],
  ] as const)('%s with %j', async (channel, args) => {
    const { call, writes, target, files } = setup();
    await expect(call(channel, [...args])).rejects.toThrow(IpcRequestError);
    expect(writes).toEqual([]);
    expect(files.files.size).toBe(0);
    expect(target.printToPDF).not.toHaveBeenCalled();
    expect(target.print).not.toHaveBeenCalled();
  });
});

describe('only the app origin may call', () => {
  it.each([
    ['https://evil.example/', 'print:save-pdf'],
    ['http://127.0.0.1:47615/', 'print:save-pdf'],
    ['file:///home/li/evil.html', 'print:print-page'],
    ['app://evil/index.html', 'print:save-pdf'],
    ['about:blank', 'app:get-info'],
    [null, 'print:save-pdf'],
    ['https://evil.example/', 'print:render-pdf'],
    [null, 'print:render-pdf'],
    ['https://evil.example/', 'file:save-zip'],
    ['app://evil/index.html', 'file:save-zip'],
  ] as const)('a frame at %s is refused %s', async (url, channel) => {
    const { call, writes, target, files } = setup();
    const argsFor: Record<typeof channel, unknown[]> = {
      'app:get-info': [null],
      'print:save-pdf': [{ pageSize: 'A4', landscape: true, suggestedName: 'x' }],
      'print:print-page': [{ pageSize: 'A4', landscape: true }],
      'print:render-pdf': [{ pageSize: 'A4', landscape: true }],
      'file:save-zip': [{ suggestedName: 'x', bytes: new Uint8Array([1]) }],
    };
    await expect(call(channel, argsFor[channel], url)).rejects.toThrow(/caller is not the app/);
    expect(writes).toEqual([]);
    expect(files.files.size).toBe(0);
    expect(target.printToPDF).not.toHaveBeenCalled();
    expect(target.print).not.toHaveBeenCalled();
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels with ipcMain.handle', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        registered.set(channel, listener),
    } as unknown as Pick<IpcMain, 'handle'>;
    const { handlers } = setup();

    registerIpcHandlers(ipcMain, handlers);

    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const sender = fakePrintTarget().contents;
    const listener = registered.get('app:get-info');
    await expect(listener?.(invokeEvent(sender, APP_URL), null)).resolves.toEqual(appInfo);
    await expect(listener?.(invokeEvent(sender, 'https://evil.example/'), null)).rejects.toThrow(
      IpcRequestError,
    );
  });
});
