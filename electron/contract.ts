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

/** Every channel: `domain:verb-noun` -> request and response. */
export interface IpcContract {
  /** Renders the calling window's current page to PDF and asks where to save it. */
  'print:save-pdf': { req: SavePdfRequest; res: SavePdfResponse };
  /** Prints the calling window's current page through the system print dialog. */
  'print:print-page': { req: PrintLayout; res: PrintResponse };
  /** Version, data folder and platform, for the About panel and diagnostics. */
  'app:get-info': { req: null; res: AppInfo };
}

export type IpcChannel = keyof IpcContract;

export const IPC_CHANNELS = [
  'print:save-pdf',
  'print:print-page',
  'app:get-info',
] as const satisfies readonly IpcChannel[];

/** What the preload puts on `window.desktop`: one method per channel. */
export interface DesktopApi {
  savePdf(req: SavePdfRequest): Promise<SavePdfResponse>;
  printPage(req: PrintLayout): Promise<PrintResponse>;
  getAppInfo(): Promise<AppInfo>;
}
