import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, QUIT_BACKUP_EVENT } from '../contract';
import { createDesktopApi, type Invoke } from './desktop-api';

function recordingApi() {
  const invoke = vi.fn((_channel: string, _req: unknown) => Promise.resolve({ ok: true }));
  const unsubscribe = vi.fn();
  const subscribe = vi.fn((_event: string, _listener: () => void) => unsubscribe);
  return {
    api: createDesktopApi(invoke as unknown as Invoke, subscribe),
    invoke,
    subscribe,
    unsubscribe,
  };
}

describe('createDesktopApi', () => {
  it('exposes the named methods and nothing else (no invoke, send or ipcRenderer)', () => {
    expect(Object.keys(recordingApi().api).sort()).toEqual([
      'getAppInfo',
      'listBackups',
      'onQuitBackupRequested',
      'printPage',
      'readBackup',
      'renderPdf',
      'saveBackupAs',
      'savePdf',
      'saveZip',
      'writeAutoBackup',
    ]);
  });

  it('subscribes to the quit backup event only, and hands back the unsubscribe', () => {
    const { api, subscribe, unsubscribe } = recordingApi();
    const listener = vi.fn();
    const off = api.onQuitBackupRequested(listener);
    expect(subscribe).toHaveBeenCalledExactlyOnceWith(QUIT_BACKUP_EVENT, listener);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it.each([
    ['savePdf', 'print:save-pdf', { pageSize: 'A4', landscape: true, suggestedName: '证书' }],
    ['printPage', 'print:print-page', { pageSize: 'A5', landscape: false }],
    ['getAppInfo', 'app:get-info', null],
    ['renderPdf', 'print:render-pdf', { pageSize: 'A4', landscape: true }],
    ['saveZip', 'file:save-zip', { suggestedName: '证书', bytes: new Uint8Array([0x50, 0x4b]) }],
  ] as const)('%s invokes %s with exactly the request', async (method, channel, req) => {
    const { api, invoke } = recordingApi();
    const calls = {
      savePdf: () => api.savePdf(req as Parameters<typeof api.savePdf>[0]),
      printPage: () => api.printPage(req as Parameters<typeof api.printPage>[0]),
      getAppInfo: () => api.getAppInfo(),
      renderPdf: () => api.renderPdf(req as Parameters<typeof api.renderPdf>[0]),
      saveZip: () => api.saveZip(req as Parameters<typeof api.saveZip>[0]),
    };
    await expect(calls[method]()).resolves.toEqual({ ok: true });
    expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, req);
  });

  it('covers every channel of the contract', async () => {
    const { api, invoke } = recordingApi();
    await api.savePdf({ pageSize: 'A4', landscape: true, suggestedName: 'x' });
    await api.printPage({ pageSize: 'A4', landscape: true });
    await api.getAppInfo();
    const bytes = new Uint8Array([1]);
    await api.writeAutoBackup({ reason: 'quit', bytes });
    await api.listBackups();
    await api.readBackup({ fileName: 'x' });
    await api.saveBackupAs({ suggestedName: 'x', extension: 'stbak', bytes });
    await api.renderPdf({ pageSize: 'A4', landscape: true });
    await api.saveZip({ suggestedName: 'x', bytes });
    expect(invoke.mock.calls.map(([channel]) => channel).sort()).toEqual([...IPC_CHANNELS].sort());
  });
});
