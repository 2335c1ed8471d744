import { describe, expect, it, vi } from 'vitest';
import { browserPlatform, electronPlatform } from './platform';
import type { DesktopApi } from '../../../electron/contract';

function fakeDesktop(overrides: Partial<DesktopApi> = {}): DesktopApi {
  return {
    savePdf: () => Promise.resolve({ saved: true, filePath: '/tmp/a.pdf' }),
    printPage: () => Promise.resolve({ printed: true }),
    getAppInfo: () =>
      Promise.resolve({ version: '1', dataFolder: '/d', platform: 'linux', electronVersion: '45' }),
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
