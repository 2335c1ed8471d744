/**
 * Main-process lifecycle. Everything with logic lives in the modules beside this file, written against injected
 * dependencies and unit-tested; this file only wires them to Electron.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { dataFolder } from '../../scripts/browser-mode.mjs';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { DEFAULT_ROTATION } from './backup-rotation';
import { backupFileKind, createBackupStore, createQuitBackupGuard, type BackupFs } from './backups';
import { QUIT_BACKUP_EVENT } from '../contract';
import { createIpcHandlers, registerIpcHandlers } from './ipc';
import { applicationMenuTemplate, contextMenuTemplate } from './menu';
import { PDF_FILE, type PrintTarget } from './pdf';
import { createSaveDialog } from './save-dialog';
import { ZIP_FILE } from './zip-export';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './windows';

/** Matches electron-builder's appId, so Windows groups the taskbar entry with the installed shortcut. */
const APP_USER_MODEL_ID = 'cn.gov.safetrain';
/** dist/electron/ at run time: main.cjs, preload.cjs and icon.png sit together, the renderer beside them. */
const BUILD_DIR = __dirname;

// Before anything reads the profile, including the single-instance lock that lives in it. The same folder as
// browser mode (SAFETRAIN_DATA_DIR, else %APPDATA%, ~/Library/Application Support, XDG data home + SafeTrain), so
// that "where is my data" has one answer.
app.setPath('userData', dataFolder({ platform: process.platform, env: process.env, home: os.homedir() }));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // A second start would open a second window on the same IndexedDB; the first window is focused instead.
  app.quit();
}

function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** How long a closing window waits for the renderer's quit backup before it closes anyway. */
const QUIT_BACKUP_TIMEOUT_MS = 15_000;

const backupFs: BackupFs = {
  mkdir: (dir, options) => mkdir(dir, options),
  writeFile: (filePath, data) => writeFile(filePath, data),
  rename: (from, to) => rename(from, to),
  readdir: (dir) => readdir(dir),
  stat: (filePath) => stat(filePath),
  unlink: (filePath) => unlink(filePath),
  readFile: async (filePath) => new Uint8Array(await readFile(filePath)),
};

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let quitGuard: ReturnType<typeof createQuitBackupGuard> | null = null;

  const openMainWindow = () => {
    const window = createMainWindow(BrowserWindow, {
      preload: path.join(BUILD_DIR, 'preload.cjs'),
      icon: path.join(BUILD_DIR, 'icon.png'),
      // Off when packaged: bureau staff have no use for it, and it is a way to run script in the app's origin.
      devTools: !app.isPackaged,
    });
    // On close the renderer writes the quit backup first (the data lives in its IndexedDB), then the window closes.
    const guard = createQuitBackupGuard({
      requestBackup: () => window.webContents.send(QUIT_BACKUP_EVENT),
      close: () => window.close(),
      setTimer: (run, ms) => setTimeout(run, ms),
      timeoutMs: QUIT_BACKUP_TIMEOUT_MS,
    });
    quitGuard = guard;
    window.on('close', (event) => {
      if (guard.onClose()) event.preventDefault();
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    contents.on('context-menu', (_menuEvent, params) => {
      const template = contextMenuTemplate(params);
      const window = BrowserWindow.fromWebContents(contents);
      if (template.length > 0 && window) Menu.buildFromTemplate(template).popup({ window });
    });
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock until quit explicitly.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({
          root: path.join(BUILD_DIR, '..', 'renderer'),
          readFile: (file) => readFile(file),
        }),
      );
      // One save dialog for PDFs, ZIPs and backups, modal to the window that asked.
      const chooseFile = createSaveDialog(
        process.env,
        dialog,
        (sender: PrintTarget) =>
          BrowserWindow.getAllWindows().find((window) => window.webContents === sender) ?? null,
      );
      registerIpcHandlers(
        ipcMain,
        createIpcHandlers({
          print: {
            chooseSavePath: (sender, defaultPath) => chooseFile(sender, defaultPath, PDF_FILE),
            writeFile: async (filePath, data) => {
              await mkdir(path.dirname(filePath), { recursive: true });
              await writeFile(filePath, data);
            },
            documentsFolder: documentsFolder(),
          },
          backups: createBackupStore({
            folder: path.join(app.getPath('userData'), 'backups'),
            fs: backupFs,
            now: () => new Date(),
            policy: { ...DEFAULT_ROTATION, utcOffsetMinutes: -new Date().getTimezoneOffset() },
          }),
          saveBackup: {
            choosePath: (sender, defaultPath, extension) =>
              chooseFile(sender, defaultPath, backupFileKind(extension)),
            fs: backupFs,
            documentsFolder: documentsFolder(),
          },
          saveZip: {
            choosePath: (sender, defaultPath) => chooseFile(sender, defaultPath, ZIP_FILE),
            fs: backupFs,
            documentsFolder: documentsFolder(),
          },
          onQuitBackupWritten: () => quitGuard?.backupDone(),
          appInfo: () => ({
            version: app.getVersion(),
            dataFolder: app.getPath('userData'),
            platform: process.platform,
            electronVersion: process.versions.electron ?? '',
          }),
        }),
      );
      const menu = applicationMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged });
      Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error(error);
      dialog.showErrorBox('安训无法启动 / SafeTrain could not start', `${APP_ENTRY_URL}\n${String(error)}`);
      app.exit(1);
    });
}
