import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../contract';
import { createDesktopApi, type Invoke } from './desktop-api';

function recordingApi() {
  const invoke = vi.fn((_channel: string, _req: unknown) => Promise.resolve({ ok: true }));
  return { api: createDesktopApi(invoke as unknown as Invoke), invoke };
}

describe('createDesktopApi', () => {
  it('exposes the three named methods and nothing else (no invoke, send or ipcRenderer)', () => {
    expect(Object.keys(recordingApi().api).sort()).toEqual(['getAppInfo', 'printPage', 'savePdf']);
  });

  it.each([
    ['savePdf', 'print:save-pdf', { pageSize: 'A4', landscape: true, suggestedName: '证书' }],
    ['printPage', 'print:print-page', { pageSize: 'A5', landscape: false }],
    ['getAppInfo', 'app:get-info', null],
  ] as const)('%s invokes %s with exactly the request', async (method, channel, req) => {
    const { api, invoke } = recordingApi();
    const calls = {
      savePdf: () => api.savePdf(req as Parameters<typeof api.savePdf>[0]),
      printPage: () => api.printPage(req as Parameters<typeof api.printPage>[0]),
      getAppInfo: () => api.getAppInfo(),
    };
    await expect(calls[method]()).resolves.toEqual({ ok: true });
    expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, req);
  });

  it('covers every channel of the contract', async () => {
    const { api, invoke } = recordingApi();
    await api.savePdf({ pageSize: 'A4', landscape: true, suggestedName: 'x' });
    await api.printPage({ pageSize: 'A4', landscape: true });
    await api.getAppInfo();
    expect(invoke.mock.calls.map(([channel]) => channel).sort()).toEqual([...IPC_CHANNELS].sort());
  });
});
