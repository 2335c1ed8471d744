import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export const WINDOW_TITLE = '安训 SafeTrain';

export interface WindowOptions {
  /** Absolute path of dist/electron/preload.cjs. */
  preload: string;
  /** Absolute path of the window icon (Linux; Windows takes the executable's icon). */
  icon: string;
  /** Off in packaged builds, see index.ts. */
  devTools: boolean;
}

/**
 * The one place window options are decided, like vscode's defaultBrowserWindowOptions. The renderer gets no Node,
 * runs sandboxed in its own JavaScript world and sees only what the preload exposes. The default size fits the
 * work area of a 1366x768 laptop (768 minus the taskbar); the minimum keeps the tables usable.
 */
export function defaultWindowOptions({
  preload,
  icon,
  devTools,
}: WindowOptions): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    icon,
    width: 1280,
    height: 720,
    minWidth: 1024,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // The spellchecker would underline every Chinese name and try to download dictionaries.
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  };
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates a window with the default options and loads the app into it. */
export function createMainWindow(Window: BrowserWindowConstructor, options: WindowOptions): BrowserWindow {
  const window = new Window(defaultWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => console.error(`Could not load ${APP_ENTRY_URL}`, error));
  return window;
}
