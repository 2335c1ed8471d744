import path from 'node:path';
import type { BaseWindow, Dialog, SaveDialogOptions, WebContents } from 'electron';
import type { SaveZipRequest, SaveZipResponse } from '../contract';
import { writeFileAtomic, type BackupFs } from './backups';
import { sanitizeFileName } from './files';
import { E2E_SAVE_DIR_ENV } from './pdf';

/** Asks where to save a ZIP; resolves to null when the user cancels. */
export type ChooseZipPath = (sender: WebContents, defaultPath: string) => Promise<string | null>;

const ZIP_DIALOG_TITLE = '保存 ZIP';

/**
 * The native save dialog with a ZIP filter, modal to the window that asked, or the e2e folder when
 * SAFETRAIN_E2E_SAVE_DIR is set (TEST-ONLY, as for PDFs and backups).
 */
export function createZipPathChooser(
  env: NodeJS.ProcessEnv,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  windowFor: (sender: WebContents) => BaseWindow | null,
): ChooseZipPath {
  const e2eSaveDir = env[E2E_SAVE_DIR_ENV];
  if (e2eSaveDir) {
    return (_sender, defaultPath) => Promise.resolve(path.join(e2eSaveDir, path.basename(defaultPath)));
  }
  return async (sender, defaultPath) => {
    const options: SaveDialogOptions = {
      title: ZIP_DIALOG_TITLE,
      defaultPath,
      filters: [{ name: 'ZIP', extensions: ['zip'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = windowFor(sender);
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

export interface SaveZipDeps {
  choosePath: ChooseZipPath;
  fs: BackupFs;
  /** Folder the save dialog opens in: the user's Documents. */
  documentsFolder: string;
}

/**
 * Asks where to save a ZIP the renderer made and writes it atomically (a half-written ZIP never replaces a good
 * one). Failures are answers, not exceptions: the renderer shows a message either way.
 */
export async function saveZip(
  sender: WebContents,
  req: SaveZipRequest,
  deps: SaveZipDeps,
): Promise<SaveZipResponse> {
  try {
    const base = sanitizeFileName(req.suggestedName.replace(/\.zip$/i, ''));
    const chosen = await deps.choosePath(sender, path.join(deps.documentsFolder, `${base}.zip`));
    if (chosen === null) return { saved: false, reason: 'cancelled' };
    const filePath = /\.zip$/i.test(chosen) ? chosen : `${chosen}.zip`;
    await deps.fs.mkdir(path.dirname(filePath), { recursive: true });
    await writeFileAtomic(deps.fs, filePath, req.bytes);
    return { saved: true, filePath };
  } catch (error) {
    console.error('file:save-zip failed', error);
    return { saved: false, reason: 'failed' };
  }
}
