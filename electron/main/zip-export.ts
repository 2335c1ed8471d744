import path from 'node:path';
import type { WebContents } from 'electron';
import type { SaveZipRequest, SaveZipResponse } from '../contract';
import { writeFileAtomic, type BackupFs } from './backups';
import { sanitizeFileName } from './files';
import type { SaveFileKind } from './save-dialog';

/** Asks where to save a ZIP; resolves to null when the user cancels. */
export type ChooseZipPath = (sender: WebContents, defaultPath: string) => Promise<string | null>;

/** How a ZIP is offered in the save dialog. */
export const ZIP_FILE: SaveFileKind = { title: '保存 ZIP', filterName: 'ZIP', extensions: ['zip'] };

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
