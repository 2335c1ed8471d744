/**
 * The automatic backups in the data folder and the manual "save a backup as". The renderer makes the bytes (the
 * data lives in IndexedDB); main only writes them, safely: to a temporary file first and then renamed, so that a
 * crash or a full disk mid-write never leaves a half file under a backup's name, nor replaces a good file.
 */
import path from 'node:path';
import type { WebContents } from 'electron';
import type {
  AutoBackupReason,
  BackupFileInfo,
  SaveBackupRequest,
  SaveBackupResponse,
  WriteBackupResponse,
} from '../contract';
import { sanitizeFileName } from './files';
import type { SaveFileKind } from './save-dialog';
import {
  autoBackupFileName,
  backupsToDelete,
  parseAutoBackupName,
  type RotationPolicy,
} from './backup-rotation';

/** The few file operations the store uses (node:fs/promises in the app, an in-memory fake in tests). */
export interface BackupFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(filePath: string): Promise<{ size: number }>;
  unlink(filePath: string): Promise<void>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export interface BackupStoreDeps {
  /** `<data folder>/backups`. */
  folder: string;
  fs: BackupFs;
  now: () => Date;
  policy: RotationPolicy;
}

function errorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  // A full disk is the likely failure on an old laptop; the renderer shows it in words, with the code for support.
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** Writes `data` to `filePath` through a temporary file in the same folder and a rename (atomic on one volume). */
export async function writeFileAtomic(fs: BackupFs, filePath: string, data: Uint8Array): Promise<void> {
  const temp = `${filePath}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

export function createBackupStore(deps: BackupStoreDeps) {
  const { folder, fs } = deps;
  return {
    /** Writes one automatic backup and rotates the older ones; a failed write deletes nothing. */
    async writeAuto(reason: AutoBackupReason, data: Uint8Array): Promise<WriteBackupResponse> {
      try {
        await fs.mkdir(folder, { recursive: true });
        const fileName = autoBackupFileName(deps.now(), reason);
        await writeFileAtomic(fs, path.join(folder, fileName), data);
        const doomed = backupsToDelete(await fs.readdir(folder), deps.policy);
        for (const name of doomed) await fs.unlink(path.join(folder, name)).catch(() => undefined);
        return { written: true, fileName };
      } catch (error) {
        console.error('backup:write-auto failed', errorMessage(error));
        return { written: false, message: errorMessage(error) };
      }
    },

    /** The automatic backups, newest first. */
    async list(): Promise<BackupFileInfo[]> {
      let names: string[];
      try {
        names = await fs.readdir(folder);
      } catch {
        return [];
      }
      const backups = names.map(parseAutoBackupName).filter((b) => b !== null);
      const infos = await Promise.all(
        backups.map(async (b) => ({ ...b, size: (await fs.stat(path.join(folder, b.fileName))).size })),
      );
      return infos.sort((a, b) => (a.at < b.at ? 1 : -1));
    },

    /** One automatic backup's bytes; only names the store itself writes are accepted, so no path leaves the folder. */
    async read(fileName: string): Promise<Uint8Array> {
      if (!parseAutoBackupName(fileName)) throw new Error(`not a backup name: ${fileName}`);
      return fs.readFile(path.join(folder, fileName));
    },
  };
}

export type BackupStore = ReturnType<typeof createBackupStore>;

/** Asks where to save a file; resolves to null when the user cancels. */
export type ChooseBackupPath = (
  sender: WebContents,
  defaultPath: string,
  extension: string,
) => Promise<string | null>;

/** How a backup or sync package (by its extension) is offered in the save dialog. */
export function backupFileKind(extension: string): SaveFileKind {
  return { filterName: '安训备份 / SafeTrain', extensions: [extension] };
}

export interface SaveBackupDeps {
  choosePath: ChooseBackupPath;
  fs: BackupFs;
  documentsFolder: string;
}

/** "Save a backup as…" / "export for the office": asks where, then writes atomically. */
export async function saveBackupAs(
  sender: WebContents,
  req: SaveBackupRequest,
  deps: SaveBackupDeps,
): Promise<SaveBackupResponse> {
  const extension = req.extension;
  const base = sanitizeFileName(req.suggestedName.replace(new RegExp(`\\.${extension}$`, 'i'), ''));
  try {
    const chosen = await deps.choosePath(
      sender,
      path.join(deps.documentsFolder, `${base}.${extension}`),
      extension,
    );
    if (chosen === null) return { saved: false, reason: 'cancelled' };
    const filePath = chosen.toLowerCase().endsWith(`.${extension}`) ? chosen : `${chosen}.${extension}`;
    await deps.fs.mkdir(path.dirname(filePath), { recursive: true });
    await writeFileAtomic(deps.fs, filePath, req.bytes);
    return { saved: true, filePath };
  } catch (error) {
    console.error('backup:save-as failed', errorMessage(error));
    return { saved: false, reason: 'failed', message: errorMessage(error) };
  }
}

/**
 * Holds the window open on close until the renderer has written the quit backup (or a time limit passes, so a
 * hung renderer never keeps the app from closing).
 */
export function createQuitBackupGuard(deps: {
  requestBackup: () => void;
  close: () => void;
  setTimer: (run: () => void, ms: number) => unknown;
  timeoutMs: number;
}) {
  let state: 'open' | 'waiting' | 'closing' = 'open';
  const finish = () => {
    if (state !== 'waiting') return;
    state = 'closing';
    deps.close();
  };
  return {
    /** Call from the window's close event: returns true when the close must be held (preventDefault). */
    onClose(): boolean {
      if (state === 'closing') return false;
      if (state === 'open') {
        state = 'waiting';
        deps.requestBackup();
        deps.setTimer(finish, deps.timeoutMs);
      }
      return true;
    },
    /** The quit backup was written (or failed): close now. */
    backupDone: finish,
  };
}
