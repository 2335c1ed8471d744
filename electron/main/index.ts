/**
 * Main-process lifecycle. Everything with logic lives in the modules beside this file, written against injected
 * dependencies and unit-tested; this file only wires them to Electron.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { dataFolder } from '../../scripts/browser-mode.mjs';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { createIpcHandlers, registerIpcHandlers } from './ipc';
import { applicationMenuTemplate, contextMenuTemplate } from './menu';
import { createSavePathChooser } from './pdf';
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

function start(): void {
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = () => {
    const window = createMainWindow(BrowserWindow, {
      preload: path.join(BUILD_DIR, 'preload.cjs'),
      icon: path.join(BUILD_DIR, 'icon.png'),
      // Off when packaged: bureau staff have no use for it, and it is a way to run script in the app's origin.
      devTools: !app.isPackaged,
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
      registerIpcHandlers(
        ipcMain,
        createIpcHandlers({
          print: {
            chooseSavePath: createSavePathChooser(
              process.env,
              dialog,
              (sender) =>
                BrowserWindow.getAllWindows().find((window) => window.webContents === sender) ?? null,
            ),
            writeFile: async (filePath, data) => {
              await mkdir(path.dirname(filePath), { recursive: true });
              await writeFile(filePath, data);
            },
            documentsFolder: documentsFolder(),
          },
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
