import type { DesktopApi, IpcChannel, IpcContract } from '../contract';

/** A typed `ipcRenderer.invoke`: the channel decides the request and response types. */
export type Invoke = <K extends IpcChannel>(
  channel: K,
  req: IpcContract[K]['req'],
) => Promise<IpcContract[K]['res']>;

/**
 * `window.desktop`: one named method per contract channel and nothing else, so the page can neither pick a
 * channel nor reach ipcRenderer. Each method passes exactly one argument; main validates it.
 */
export function createDesktopApi(invoke: Invoke): DesktopApi {
  return {
    savePdf: (req) => invoke('print:save-pdf', req),
    printPage: (req) => invoke('print:print-page', req),
    getAppInfo: () => invoke('app:get-info', null),
  };
}
