/**
 * The IPC contract between the renderer and the main process: channel names with their request and response
 * types. Main implements every channel (a missing handler is a compile error, see main/ipc.ts); the preload
 * exposes one named method per channel on `window.desktop`, nothing else. No runtime dependencies here: the
 * renderer, the preload and main all import this file.
 */

export type PageSize = 'A4' | 'A5';

export interface PrintLayout {
  /** Paper size of the print view that is on screen. */
  pageSize: PageSize;
  /** Landscape for certificates, portrait for sign-in sheets and archives. */
  landscape: boolean;
}

export interface SavePdfRequest extends PrintLayout {
  /** File name offered in the save dialog, without folder; main sanitises it and adds .pdf. */
  suggestedName: string;
}

export type SavePdfResponse =
  { saved: true; filePath: string } | { saved: false; reason: 'cancelled' | 'failed' };

export type PrintResponse =
  { printed: true } | { printed: false; reason: 'cancelled' | 'failed'; message?: string };

export interface AppInfo {
  version: string;
  /** Folder where the app keeps its data (IndexedDB profile, backups). */
  dataFolder: string;
  platform: string;
  electronVersion: string;
}

/** Why main writes an automatic backup (the renderer makes its bytes): part of the file name. */
export type AutoBackupReason = 'quit' | 'daily' | 'before-restore' | 'before-import';

export interface WriteBackupRequest {
  reason: AutoBackupReason;
  /** The backup file (db/backup-repo), at most BACKUP_MAX_BYTES. */
  bytes: Uint8Array;
}

export type WriteBackupResponse = { written: true; fileName: string } | { written: false; message: string };

/** An automatic backup in the data folder. */
export interface BackupFileInfo {
  fileName: string;
  /** ISO instant it was written. */
  at: string;
  reason: AutoBackupReason;
  size: number;
}

export interface SaveBackupRequest {
  /** File name offered in the save dialog, without folder; main sanitises it and adds the extension. */
  suggestedName: string;
  /** `stbak` for a backup, `stsync` for a package for another machine. */
  extension: 'stbak' | 'stsync';
  bytes: Uint8Array;
}

export type SaveBackupResponse =
  { saved: true; filePath: string } | { saved: false; reason: 'cancelled' | 'failed'; message?: string };

/** Larger than any real district's data (100,000 people compress to a few MB), small enough to refuse nonsense. */
export const BACKUP_MAX_BYTES = 1024 * 1024 * 1024;

/** The calling window's page as PDF bytes (the renderer splits a certificate batch into one PDF per page). */
export type RenderPdfResponse = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

export interface SaveZipRequest {
  /** File name offered in the save dialog, without folder; main sanitises it and adds .zip. */
  suggestedName: string;
  /** The ZIP the renderer made, at most ZIP_MAX_BYTES. */
  bytes: Uint8Array;
}

export type SaveZipResponse = SavePdfResponse;

/** A ZIP of 500 single-page certificate PDFs is tens of MB; the bound only refuses nonsense. */
export const ZIP_MAX_BYTES = 1024 * 1024 * 1024;

/** Main -> renderer: the window is closing; write the quit backup now (then main closes it). */
export const QUIT_BACKUP_EVENT = 'backup:quit-requested';

/** Every channel: `domain:verb-noun` -> request and response. */
export interface IpcContract {
  /** Renders the calling window's current page to PDF and asks where to save it. */
  'print:save-pdf': { req: SavePdfRequest; res: SavePdfResponse };
  /** Prints the calling window's current page through the system print dialog. */
  'print:print-page': { req: PrintLayout; res: PrintResponse };
  /** Version, data folder and platform, for the About panel and diagnostics. */
  'app:get-info': { req: null; res: AppInfo };
  /** Writes an automatic backup into the data folder and rotates the older ones. */
  'backup:write-auto': { req: WriteBackupRequest; res: WriteBackupResponse };
  /** The automatic backups in the data folder, newest first. */
  'backup:list': { req: null; res: BackupFileInfo[] };
  /** One automatic backup's bytes, by a file name from backup:list. */
  'backup:read': { req: { fileName: string }; res: Uint8Array };
  /** Asks where to save a backup or sync package and writes it. */
  'backup:save-as': { req: SaveBackupRequest; res: SaveBackupResponse };
  /** Renders the calling window's current page to PDF and answers with the bytes (nothing is saved). */
  'print:render-pdf': { req: PrintLayout; res: RenderPdfResponse };
  /** Asks where to save a ZIP and writes it. */
  'file:save-zip': { req: SaveZipRequest; res: SaveZipResponse };
}

export type IpcChannel = keyof IpcContract;

export const IPC_CHANNELS = [
  'print:save-pdf',
  'print:print-page',
  'app:get-info',
  'backup:write-auto',
  'backup:list',
  'backup:read',
  'backup:save-as',
  'print:render-pdf',
  'file:save-zip',
] as const satisfies readonly IpcChannel[];

/** What the preload puts on `window.desktop`: one method per channel. */
export interface DesktopApi {
  savePdf(req: SavePdfRequest): Promise<SavePdfResponse>;
  printPage(req: PrintLayout): Promise<PrintResponse>;
  getAppInfo(): Promise<AppInfo>;
  writeAutoBackup(req: WriteBackupRequest): Promise<WriteBackupResponse>;
  listBackups(): Promise<BackupFileInfo[]>;
  readBackup(req: { fileName: string }): Promise<Uint8Array>;
  saveBackupAs(req: SaveBackupRequest): Promise<SaveBackupResponse>;
  renderPdf(req: PrintLayout): Promise<RenderPdfResponse>;
  saveZip(req: SaveZipRequest): Promise<SaveZipResponse>;
  /** Subscribes to QUIT_BACKUP_EVENT; returns the unsubscribe function. */
  onQuitBackupRequested(listener: () => void): () => void;
}
