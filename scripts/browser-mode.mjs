// @ts-check
/**
 * Browser mode: when no Electron runtime is installed, SafeTrain runs in an installed Chromium-family browser as an
 * app window with a profile folder of its own, so the IndexedDB data stays put between starts and never mixes with
 * the user's everyday browsing. Pure functions with the platform, environment and file checks injected, so that
 * the Windows and macOS lookups are tested on any machine.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'SafeTrain';

/**
 * @typedef {object} Host
 * @property {NodeJS.Platform} platform
 * @property {NodeJS.ProcessEnv} env
 * @property {string} home
 * @property {(filePath: string) => boolean} exists
 */

/** @returns {Host} */
export function currentHost() {
  return { platform: process.platform, env: process.env, home: os.homedir(), exists: existsSync };
}

/** @param {NodeJS.Platform} platform */
function pathFor(platform) {
  return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * Where browser mode keeps its data: SAFETRAIN_DATA_DIR, else the platform's per-user application data folder.
 *
 * @param {Pick<Host, 'platform' | 'env' | 'home'>} host
 * @returns {string}
 */
export function dataFolder({ platform, env, home }) {
  if (env.SAFETRAIN_DATA_DIR) return env.SAFETRAIN_DATA_DIR;
  const p = pathFor(platform);
  if (platform === 'win32') return p.join(env.APPDATA || p.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', APP_FOLDER);
  return p.join(env.XDG_DATA_HOME || p.join(home, '.local', 'share'), APP_FOLDER);
}

/**
 * Candidate executables, most specific first. Chrome before Edge on Windows because a user who installed Chrome
 * chose it; Edge ships with Windows 10 and 11, so it is the dependable last resort there.
 *
 * @param {Pick<Host, 'platform' | 'env'>} host
 * @returns {string[]}
 */
export function browserCandidates({ platform, env }) {
  const p = pathFor(platform);
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root) => !!root);
    const programs = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return programs.flatMap((program) =>
      roots.map((root) => p.join(/** @type {string} */ (root), ...program)),
    );
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
  // A relative PATH entry would run whatever sits in the current folder under a browser's name.
  const dirs = (env.PATH ?? '').split(p.delimiter).filter((dir) => p.isAbsolute(dir));
  const fromPath = names.flatMap((name) => dirs.map((dir) => p.join(dir, name)));
  return ['/usr/bin/chromium', ...fromPath, '/snap/bin/chromium'];
}

/**
 * The browser to open: CHROMIUM_PATH when it exists, else the first candidate that exists, else null.
 *
 * @param {Host} host
 * @returns {string | null}
 */
export function findBrowser(host) {
  const preferred = host.env.CHROMIUM_PATH;
  if (preferred && host.exists(preferred)) return preferred;
  return browserCandidates(host).find((candidate) => host.exists(candidate)) ?? null;
}

/**
 * Creates the profile folder, and on first use its preferences: the pages are Chinese, so a browser with another
 * UI language would offer to translate every one of them (no command-line switch turns that off any more). Later
 * starts leave the file alone, since the browser owns it.
 *
 * @param {string} profileDir
 */
export function prepareProfile(profileDir) {
  const preferences = path.join(profileDir, 'Default', 'Preferences');
  if (existsSync(preferences)) return;
  mkdirSync(path.dirname(preferences), { recursive: true });
  writeFileSync(preferences, JSON.stringify({ translate: { enabled: false } }));
}

/**
 * Arguments for an app window on `url` with its own profile, the size of the Electron window. The network
 * switches keep an offline laptop from trying to reach update, sync and component servers. Chromium refuses to
 * start as root without --no-sandbox, so it is added then and only then.
 *
 * @param {{ url: string; profileDir: string; runningAsRoot: boolean }} options
 * @returns {string[]}
 */
export function browserArgs({ url, profileDir, runningAsRoot }) {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--window-size=1280,720',
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * @param {NodeJS.Platform} platform
 * @param {(() => number) | undefined} getuid
 * @returns {boolean}
 */
export function isLinuxRoot(platform, getuid) {
  return platform === 'linux' && getuid?.() === 0;
}
