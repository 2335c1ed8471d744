import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from './app-origin';
import {
  createMainWindow,
  defaultWindowOptions,
  WINDOW_TITLE,
  type BrowserWindowConstructor,
} from './windows';

const paths = {
  preload: '/app/dist/electron/preload.cjs',
  icon: '/app/dist/electron/icon.png',
  devTools: false,
};

describe('defaultWindowOptions', () => {
  const options = defaultWindowOptions(paths);

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets webPreferences.%s to %s', (key, value) => {
    expect(options.webPreferences?.[key]).toBe(value);
  });

  it('loads the preload from the build and nothing else', () => {
    expect(options.webPreferences?.preload).toBe(paths.preload);
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('passes devTools through', () => {
    expect(defaultWindowOptions({ ...paths, devTools: true }).webPreferences?.devTools).toBe(true);
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('fits a 1366x768 laptop, whose work area is about 1366x728 after the taskbar', () => {
    for (const [width, height] of [
      [options.width, options.height],
      [options.minWidth, options.minHeight],
    ]) {
      expect(width).toBeLessThanOrEqual(1366);
      expect(height).toBeLessThanOrEqual(728);
    }
  });

  it('is titled and iconed as the app, and hidden until ready', () => {
    expect(options).toMatchObject({ title: WINDOW_TITLE, icon: paths.icon, show: false });
    expect(WINDOW_TITLE).toBe('安训 SafeTrain');
  });
});

describe('createMainWindow', () => {
  it('creates the window with the defaults, loads the app entry and shows it when ready', () => {
    const created: { options: BrowserWindowConstructorOptions; window: FakeWindow }[] = [];
    class FakeWindow {
      readonly show = vi.fn();
      readonly loadURL = vi.fn(() => Promise.resolve());
      private readyListener: (() => void) | undefined;
      constructor(options: BrowserWindowConstructorOptions) {
        created.push({ options, window: this });
      }
      once(event: string, listener: () => void) {
        if (event === 'ready-to-show') this.readyListener = listener;
        return this;
      }
      becomeReady() {
        this.readyListener?.();
      }
    }

    createMainWindow(FakeWindow as unknown as BrowserWindowConstructor, paths);

    const [{ options, window } = expect.unreachable()] = created;
    expect(options).toEqual(defaultWindowOptions(paths));
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(window.show).not.toHaveBeenCalled();
    window.becomeReady();
    expect(window.show).toHaveBeenCalledOnce();
  });
});
