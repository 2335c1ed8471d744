import path from 'node:path';
import type { Dialog, SaveDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { backupFileKind } from './backups';
import { PDF_FILE } from './pdf';
import { createSaveDialog, E2E_SAVE_DIR_ENV, type SaveFileKind } from './save-dialog';
import { ZIP_FILE } from './zip-export';

function fakeDialog(result: { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn((..._args: unknown[]) => Promise.resolve({ filePath: '', ...result }));
  return { dialog: { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>, showSaveDialog };
}

const sender = { id: 'sender' };

describe('createSaveDialog', () => {
  const kinds: [string, SaveFileKind, SaveDialogOptions['filters'], string | undefined][] = [
    ['a PDF', PDF_FILE, [{ name: 'PDF', extensions: ['pdf'] }], '保存为 PDF'],
    ['a ZIP', ZIP_FILE, [{ name: 'ZIP', extensions: ['zip'] }], '保存 ZIP'],
    [
      'a backup',
      backupFileKind('stbak'),
      [{ name: '安训备份 / SafeTrain', extensions: ['stbak'] }],
      undefined,
    ],
  ];

  it.each(kinds)(
    'asks for %s with its filter and title, modal to the window of the sender',
    async (_, kind, filters, title) => {
      const { dialog, showSaveDialog } = fakeDialog({ canceled: false, filePath: '/tmp/chosen' });
      const window = { id: 1 };
      const windowFor = vi.fn(() => window as never);
      const choose = createSaveDialog({}, dialog, windowFor);
      await expect(choose(sender, '/home/li/Documents/a', kind)).resolves.toBe('/tmp/chosen');
      expect(windowFor).toHaveBeenCalledWith(sender);
      const [parent, options] = showSaveDialog.mock.calls[0] as [unknown, SaveDialogOptions];
      expect(parent).toBe(window);
      expect(options.defaultPath).toBe('/home/li/Documents/a');
      expect(options.filters).toEqual(filters);
      expect(options.title).toBe(title);
      expect(options.properties).toContain('showOverwriteConfirmation');
    },
  );

  it('asks without a parent when the sender has no window', async () => {
    const { dialog, showSaveDialog } = fakeDialog({ canceled: false, filePath: '/tmp/a.pdf' });
    const choose = createSaveDialog({}, dialog, () => null);
    await choose(sender, '/x/a.pdf', PDF_FILE);
    expect(showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it.each([{ canceled: true }, { canceled: false, filePath: '' }])(
    'resolves to null when nothing is chosen (%o)',
    async (result) => {
      const { dialog } = fakeDialog(result);
      const choose = createSaveDialog({}, dialog, () => null);
      await expect(choose(sender, '/x/a.zip', ZIP_FILE)).resolves.toBeNull();
    },
  );

  it(`skips the dialog and saves into ${E2E_SAVE_DIR_ENV} when it is set (tests only)`, async () => {
    const { dialog, showSaveDialog } = fakeDialog({ canceled: true });
    const e2eDir = path.resolve('/tmp/e2e-out');
    const choose = createSaveDialog({ [E2E_SAVE_DIR_ENV]: e2eDir }, dialog, () => null);
    await expect(choose(sender, path.join('/home/li/Documents', '证书.pdf'), PDF_FILE)).resolves.toBe(
      path.join(e2eDir, '证书.pdf'),
    );
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});
