import path from 'node:path';
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron';

/**
 * TEST-ONLY. When this environment variable names a folder, every "save as" (PDF, ZIP, backup) writes there under
 * the suggested name without showing the native save dialog, which end-to-end tests cannot click (the same idea as
 * joplin's setFilePickerResponse). Nothing in the app sets it; a user never has a reason to.
 */
export const E2E_SAVE_DIR_ENV = 'SAFETRAIN_E2E_SAVE_DIR';

/** What one kind of file is saved as: the dialog's title (if any) and its file-type filter. */
export interface SaveFileKind {
  title?: string;
  filterName: string;
  extensions: string[];
}

/** Asks where to save a file of a kind; resolves to null when the user cancels. */
export type ChooseFile<Sender> = (
  sender: Sender,
  defaultPath: string,
  kind: SaveFileKind,
) => Promise<string | null>;

/**
 * The one save-path chooser of the app: the native dialog, modal to the window that asked, or the e2e folder when
 * SAFETRAIN_E2E_SAVE_DIR is set. PDF, ZIP and backup saving differ only in the kind they pass.
 */
export function createSaveDialog<Sender>(
  env: NodeJS.ProcessEnv,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  windowFor: (sender: Sender) => BaseWindow | null,
): ChooseFile<Sender> {
  const e2eSaveDir = env[E2E_SAVE_DIR_ENV];
  if (e2eSaveDir) {
    return (_sender, defaultPath) => Promise.resolve(path.join(e2eSaveDir, path.basename(defaultPath)));
  }
  return async (sender, defaultPath, kind) => {
    const options: SaveDialogOptions = {
      ...(kind.title ? { title: kind.title } : {}),
      defaultPath,
      filters: [{ name: kind.filterName, extensions: kind.extensions }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = windowFor(sender);
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
