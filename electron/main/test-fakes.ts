/**
 * Stand-ins for the few Electron objects the main-process modules touch, for unit tests that must not load
 * Electron. Each records what the code under test did, and is cast once here to the Electron type it imitates.
 */
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export interface CancellableEvent {
  url: string;
  preventDefault: ReturnType<typeof vi.fn>;
}

export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const fake = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return fake;
    },
    setWindowOpenHandler(handler: typeof windowOpenHandler) {
      windowOpenHandler = handler;
    },
  };
  return {
    contents: fake as unknown as WebContents,
    /** Emits `event` as Electron would and returns the event, to see whether it was prevented. */
    emit(event: string, url = ''): CancellableEvent {
      const emitted = { url, preventDefault: vi.fn() };
      for (const listener of listeners.get(event) ?? []) listener(emitted);
      return emitted;
    },
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
  };
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export function fakeSession() {
  let requestHandler: PermissionRequestHandler | undefined;
  let checkHandler: PermissionCheckHandler | undefined;
  let headersListener: HeadersListener | undefined;
  const fake = {
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => (requestHandler = handler),
    setPermissionCheckHandler: (handler: PermissionCheckHandler) => (checkHandler = handler),
    webRequest: { onHeadersReceived: (listener: HeadersListener) => (headersListener = listener) },
  };
  return {
    session: fake as unknown as Session,
    requestPermission(permission: string): Promise<boolean> {
      return new Promise((resolve) => {
        if (!requestHandler) throw new Error('no permission request handler');
        requestHandler({}, permission, resolve);
      });
    },
    checkPermission(permission: string, origin: string): boolean | undefined {
      return checkHandler?.({}, permission, origin);
    },
    receiveHeaders(responseHeaders: Record<string, string[]>) {
      let result: Record<string, string[]> | undefined;
      headersListener?.({ responseHeaders }, (response) => (result = response.responseHeaders));
      return result;
    },
  };
}

/** What printing needs of a WebContents, with the PDF bytes and the print outcome chosen by the test. */
export function fakePrintTarget(
  options: { pdf?: Uint8Array | Error; printOutcome?: [success: boolean, failureReason: string] } = {},
) {
  const printToPDF = vi.fn(() =>
    options.pdf instanceof Error
      ? Promise.reject(options.pdf)
      : Promise.resolve(options.pdf ?? new Uint8Array([37, 80, 68, 70])),
  );
  const print = vi.fn((_options: unknown, callback?: (success: boolean, failureReason: string) => void) => {
    const [success, reason] = options.printOutcome ?? [true, ''];
    callback?.(success, reason);
  });
  return { printToPDF, print, contents: { printToPDF, print } as unknown as WebContents };
}

/** An invoke event from a frame showing `url`, or from no frame at all. */
export function invokeEvent(sender: WebContents, url: string | null): IpcMainInvokeEvent {
  return { sender, senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

/** An in-memory folder tree for the backup store: files by full path; `failWrites` simulates a full disk. */
export function fakeFs(options: { failWrites?: string } = {}) {
  const files = new Map<string, Uint8Array>();
  const fail = () => {
    const error = new Error(options.failWrites) as Error & { code?: string };
    error.code = options.failWrites;
    return Promise.reject(error);
  };
  const fs = {
    mkdir: () => Promise.resolve(undefined),
    writeFile: (filePath: string, data: Uint8Array) => {
      if (options.failWrites) return fail();
      files.set(filePath, data);
      return Promise.resolve();
    },
    rename: (from: string, to: string) => {
      const data = files.get(from);
      if (!data) return Promise.reject(new Error(`ENOENT ${from}`));
      files.delete(from);
      files.set(to, data);
      return Promise.resolve();
    },
    readdir: (dir: string) =>
      Promise.resolve(
        [...files.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)),
      ),
    stat: (filePath: string) => Promise.resolve({ size: files.get(filePath)?.byteLength ?? 0 }),
    unlink: (filePath: string) => {
      files.delete(filePath);
      return Promise.resolve();
    },
    readFile: (filePath: string) => {
      const data = files.get(filePath);
      return data ? Promise.resolve(data) : Promise.reject(new Error(`ENOENT ${filePath}`));
    },
  };
  return { fs, files };
}
