import { QUIT_BACKUP_EVENT, type DesktopApi, type IpcChannel, type IpcContract } from '../contract';

/** A typed `ipcRenderer.invoke`: the channel decides the request and response types. */
export type Invoke = <K extends IpcChannel>(
  channel: K,
  req: IpcContract[K]['req'],
) => Promise<IpcContract[K]['res']>;

/**
 * `window.desktop`: one named method per contract channel and nothing else, so the page can neither pick a
 * channel nor reach ipcRenderer. Each method passes exactly one argument; main validates it.
 */
/** Subscribes to one main -> renderer event; returns the unsubscribe function. */
export type Subscribe = (event: typeof QUIT_BACKUP_EVENT, listener: () => void) => () => void;

export function createDesktopApi(invoke: Invoke, subscribe: Subscribe): DesktopApi {
  return {
    savePdf: (req) => invoke('print:save-pdf', req),
    printPage: (req) => invoke('print:print-page', req),
    getAppInfo: () => invoke('app:get-info', null),
    writeAutoBackup: (req) => invoke('backup:write-auto', req),
    listBackups: () => invoke('backup:list', null),
    readBackup: (req) => invoke('backup:read', req),
    saveBackupAs: (req) => invoke('backup:save-as', req),
    renderPdf: (req) => invoke('print:render-pdf', req),
    saveZip: (req) => invoke('file:save-zip', req),
    onQuitBackupRequested: (listener) => subscribe(QUIT_BACKUP_EVENT, listener),
  };
}
