import { z } from 'zod';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  BACKUP_MAX_BYTES,
  ZIP_MAX_BYTES,
  type AppInfo,
  type IpcChannel,
  type IpcContract,
} from '../contract';
import { saveBackupAs, type BackupStore, type SaveBackupDeps } from './backups';
import { isAppUrl } from './app-origin';
import { printPage, renderPdf, savePdf, type SavePdfDeps } from './pdf';
import { saveZip, type SaveZipDeps } from './zip-export';

type Req<K extends IpcChannel> = IpcContract[K]['req'];
type Res<K extends IpcChannel> = IpcContract[K]['res'];

/** One handler per channel: a channel added to the contract without a handler here is a compile error. */
export type IpcHandlers = { [K in IpcChannel]: (req: Req<K>, sender: WebContents) => Promise<Res<K>> };

const printLayoutShape = { pageSize: z.enum(['A4', 'A5']), landscape: z.boolean() };
const backupBytes = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= BACKUP_MAX_BYTES, 'empty or too large');
const zipBytes = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= ZIP_MAX_BYTES, 'empty or too large');

/**
 * What main accepts on each channel. Strict objects: an unexpected key means a renderer that does not match this
 * build, so it is refused rather than ignored.
 */
export const requestSchemas: { [K in IpcChannel]: z.ZodType<Req<K>> } = {
  'print:save-pdf': z.strictObject({ ...printLayoutShape, suggestedName: z.string().trim().min(1).max(500) }),
  'print:print-page': z.strictObject(printLayoutShape),
  'app:get-info': z.null(),
  'backup:write-auto': z.strictObject({
    reason: z.enum(['quit', 'daily', 'before-restore', 'before-import']),
    bytes: backupBytes,
  }),
  'backup:list': z.null(),
  'backup:read': z.strictObject({ fileName: z.string().min(1).max(200) }),
  'backup:save-as': z.strictObject({
    suggestedName: z.string().trim().min(1).max(500),
    extension: z.enum(['stbak', 'stsync']),
    bytes: backupBytes,
  }),
  'print:render-pdf': z.strictObject(printLayoutShape),
  'file:save-zip': z.strictObject({ suggestedName: z.string().trim().min(1).max(500), bytes: zipBytes }),
};

export interface IpcDeps {
  print: SavePdfDeps;
  appInfo: () => AppInfo;
  backups: BackupStore;
  saveBackup: SaveBackupDeps;
  saveZip: SaveZipDeps;
  /** The quit backup was written (or failed to be): the window may close now. */
  onQuitBackupWritten?: () => void;
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  return {
    'print:save-pdf': (req, sender) => savePdf(sender, req, deps.print),
    'print:print-page': (req, sender) => printPage(sender, req),
    'app:get-info': () => Promise.resolve(deps.appInfo()),
    'backup:write-auto': async (req) => {
      const res = await deps.backups.writeAuto(req.reason, req.bytes);
      if (req.reason === 'quit') deps.onQuitBackupWritten?.();
      return res;
    },
    'backup:list': () => deps.backups.list(),
    'backup:read': (req) => deps.backups.read(req.fileName),
    'backup:save-as': (req, sender) => saveBackupAs(sender, req, deps.saveBackup),
    'print:render-pdf': (req, sender) => renderPdf(sender, req),
    'file:save-zip': (req, sender) => saveZip(sender, req, deps.saveZip),
  };
}

/** Thrown back to the renderer (ipcMain.handle turns it into a rejected promise); main keeps running. */
export class IpcRequestError extends Error {
  override name = 'IpcRequestError';
}

/**
 * Validates and dispatches one invocation. Only a frame showing the app origin may call: a page that got into a
 * window some other way (a bug in navigation blocking, a future webview) must not print or write files.
 */
export async function dispatch<K extends IpcChannel>(
  handlers: IpcHandlers,
  channel: K,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  args: unknown[],
): Promise<Res<K>> {
  const frameUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(frameUrl)) {
    console.warn(`Refused ${channel} from ${frameUrl || 'an unknown frame'}`);
    throw new IpcRequestError(`${channel}: caller is not the app`);
  }
  if (args.length !== 1) throw new IpcRequestError(`${channel}: expected one argument, got ${args.length}`);
  const parsed = requestSchemas[channel].safeParse(args[0]);
  if (!parsed.success)
    throw new IpcRequestError(`${channel}: invalid request\n${z.prettifyError(parsed.error)}`);
  const handler: (req: Req<K>, sender: WebContents) => Promise<Res<K>> = handlers[channel];
  return handler(parsed.data, event.sender);
}

/** Registers every channel of `handlers` with `ipcMain.handle`. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlers): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(handlers, channel, event, args));
  }
}
