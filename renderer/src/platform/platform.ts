import type { AppInfo, DesktopApi, PrintLayout, SavePdfRequest } from '../../../electron/contract';

export type { PrintLayout, SavePdfRequest, AppInfo };

export type SavePdfOutcome =
  | { outcome: 'saved'; filePath: string }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message?: string }
  /** Browser mode: the system print dialog was opened; the user picks "Save as PDF" there. */
  | { outcome: 'print-dialog' };

export type PrintOutcome =
  { outcome: 'printed' } | { outcome: 'cancelled' } | { outcome: 'failed'; message?: string };

/** What features may ask of the machine. The only code that knows whether it runs in Electron or a browser. */
export interface Platform {
  kind: 'electron' | 'browser';
  savePdf(request: SavePdfRequest): Promise<SavePdfOutcome>;
  printPage(layout: PrintLayout): Promise<PrintOutcome>;
  /** Null in browser mode, where there is no app folder to show. */
  getAppInfo(): Promise<AppInfo | null>;
  /** Hands a file (an export) to the user: a download in the browser, the save dialog in the desktop app. */
  saveFile(fileName: string, data: Blob): void;
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
