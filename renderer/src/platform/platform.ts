import type {
  AppInfo,
  AutoBackupReason,
  BackupFileInfo,
  DesktopApi,
  PrintLayout,
  SavePdfRequest,
} from '../../../electron/contract';

export type { PrintLayout, SavePdfRequest, AppInfo, AutoBackupReason, BackupFileInfo };

export type SaveBackupOutcome =
  | { outcome: 'saved'; filePath: string }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message?: string }
  /** Browser mode: handed to the browser's downloads. */
  | { outcome: 'downloaded' };

/** The automatic backups in the app's data folder: the desktop app only (a web page cannot write files). */
export interface AutoBackups {
  write(
    reason: AutoBackupReason,
    bytes: Uint8Array,
  ): Promise<{ ok: true; fileName: string } | { ok: false; message: string }>;
  list(): Promise<BackupFileInfo[]>;
  read(fileName: string): Promise<Uint8Array>;
  /** Called when the window is closing; the listener writes the quit backup. Returns the unsubscribe. */
  onQuitRequested(listener: () => void): () => void;
}

/** Whether the browser may evict this origin's IndexedDB under storage pressure; null where it cannot be asked. */
export type StoragePersistence = boolean | null;

export type SavePdfOutcome =
  | { outcome: 'saved'; filePath: string }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message?: string }
  /** Browser mode: the system print dialog was opened; the user picks "Save as PDF" there. */
  | { outcome: 'print-dialog' };

export type PrintOutcome =
  { outcome: 'printed' } | { outcome: 'cancelled' } | { outcome: 'failed'; message?: string };

/**
 * The pieces of a certificate ZIP only the desktop app has: the batch PDF's bytes (a web page cannot render itself
 * to PDF) and a save dialog for the ZIP. The splitting in between is the renderer's (features/certificates).
 */
export interface CertificateZipSupport {
  /** The current page as PDF; rejects with the reason when rendering fails. */
  renderPdf(layout: PrintLayout): Promise<Uint8Array>;
  /** Asks where to save the ZIP and writes it. */
  saveZip(suggestedName: string, bytes: Uint8Array): Promise<SavePdfOutcome>;
}

/** What features may ask of the machine. The only code that knows whether it runs in Electron or a browser. */
export interface Platform {
  kind: 'electron' | 'browser';
  savePdf(request: SavePdfRequest): Promise<SavePdfOutcome>;
  printPage(layout: PrintLayout): Promise<PrintOutcome>;
  /** Null in browser mode, where there is no app folder to show. */
  getAppInfo(): Promise<AppInfo | null>;
  /** Hands a file (an export) to the user: a download in the browser, the save dialog in the desktop app. */
  saveFile(fileName: string, data: Blob): void;
  /** A backup or sync package to a file the user chooses (the save dialog), or a download in browser mode. */
  saveBackupFile(
    suggestedName: string,
    extension: 'stbak' | 'stsync',
    bytes: Uint8Array,
  ): Promise<SaveBackupOutcome>;
  /** Null in browser mode: automatic backups need the desktop app. */
  autoBackups: AutoBackups | null;
  /** Undefined in browser mode: a ZIP of single certificate PDFs needs the desktop app. */
  certificateZip?: CertificateZipSupport;
  /** Asks that this origin's storage is never evicted (navigator.storage.persist) and says whether it is. */
  requestPersistentStorage(): Promise<StoragePersistence>;
}

/** navigator.storage.persist(), where the browser has it; asking twice is harmless (it answers the same). */
export async function persistStorage(
  nav: Pick<Navigator, 'storage'> | undefined,
): Promise<StoragePersistence> {
  const storage = nav?.storage;
  if (!storage || typeof storage.persist !== 'function') return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}

function backupBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
}

/**
 * A download through a temporary link. Electron's default download handling asks where to save it; a browser
 * saves it to its downloads folder.
 */
export function downloadFile(doc: Document, fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function electronPlatform(desktop: DesktopApi): Platform {
  return {
    kind: 'electron',
    async savePdf(request) {
      const res = await desktop.savePdf(request);
      return res.saved ? { outcome: 'saved', filePath: res.filePath } : { outcome: res.reason };
    },
    async printPage(layout) {
      const res = await desktop.printPage(layout);
      if (res.printed) return { outcome: 'printed' };
      return res.reason === 'failed'
        ? { outcome: 'failed', message: res.message ?? '' }
        : { outcome: 'cancelled' };
    },
    getAppInfo: () => desktop.getAppInfo(),
    saveFile: (fileName, data) => downloadFile(document, fileName, data),
    async saveBackupFile(suggestedName, extension, bytes) {
      const res = await desktop.saveBackupAs({ suggestedName, extension, bytes });
      if (res.saved) return { outcome: 'saved', filePath: res.filePath };
      return res.reason === 'failed'
        ? { outcome: 'failed', ...(res.message ? { message: res.message } : {}) }
        : { outcome: 'cancelled' };
    },
    autoBackups: {
      async write(reason, bytes) {
        const res = await desktop.writeAutoBackup({ reason, bytes });
        return res.written ? { ok: true, fileName: res.fileName } : { ok: false, message: res.message };
      },
      list: () => desktop.listBackups(),
      read: (fileName) => desktop.readBackup({ fileName }),
      onQuitRequested: (listener) => desktop.onQuitBackupRequested(listener),
    },
    certificateZip: {
      async renderPdf(layout) {
        const res = await desktop.renderPdf(layout);
        if (!res.ok) throw new Error(res.message);
        return res.pdf;
      },
      async saveZip(suggestedName, bytes) {
        const res = await desktop.saveZip({ suggestedName, bytes });
        return res.saved ? { outcome: 'saved', filePath: res.filePath } : { outcome: res.reason };
      },
    },
    // Electron's app:// origin keeps its data in the profile like any installed app; asking does no harm.
    requestPersistentStorage: () => persistStorage(globalThis.navigator),
  };
}

export function browserPlatform(win: Pick<Window, 'print' | 'document'>): Platform {
  return {
    kind: 'browser',
    savePdf() {
      // A page cannot write files: Chromium's print dialog offers "Save as PDF", with the CSS page size.
      win.print();
      return Promise.resolve({ outcome: 'print-dialog' });
    },
    printPage() {
      win.print();
      return Promise.resolve({ outcome: 'printed' });
    },
    getAppInfo: () => Promise.resolve(null),
    saveFile: (fileName, data) => downloadFile(win.document, fileName, data),
    saveBackupFile(suggestedName, extension, bytes) {
      downloadFile(win.document, `${suggestedName}.${extension}`, backupBlob(bytes));
      return Promise.resolve({ outcome: 'downloaded' });
    },
    autoBackups: null,
    requestPersistentStorage: () => persistStorage(globalThis.navigator),
  };
}

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

export function detectPlatform(win: Window = window): Platform {
  return win.desktop ? electronPlatform(win.desktop) : browserPlatform(win);
}
