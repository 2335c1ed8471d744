// @ts-check
/**
 * Finds an installed Electron executable without ever downloading one. `require('electron')` is not an option:
 * node_modules/electron/index.js downloads the binary when it is missing, which hangs or fails offline. This
 * follows the same lookup (ELECTRON_OVERRIDE_DIST_PATH, then path.txt + dist/) and stops where it would download.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The executable inside an Electron dist folder, when path.txt (written by the installer) is missing. */
const DEFAULT_EXECUTABLE = Object.freeze({
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
});

/**
 * The installed `electron` package folder, or null. Resolves package.json, which runs no code.
 *
 * @returns {string | null}
 */
function installedElectronDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * @param {{ electronDir?: string | null; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; exists?: (p: string) => boolean }} [options]
 * @returns {string | null} absolute path of a usable Electron executable, or null
 */
export function findElectronRuntime({
  electronDir = installedElectronDir(),
  env = process.env,
  platform = process.platform,
  exists = existsSync,
} = {}) {
  /** @type {string | undefined} */
  let executable;
  const pathFile = electronDir ? path.join(electronDir, 'path.txt') : null;
  if (pathFile && exists(pathFile)) executable = readFileSync(pathFile, 'utf8').trim() || undefined;

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const name = executable ?? DEFAULT_EXECUTABLE[/** @type {'win32' | 'darwin'} */ (platform)] ?? 'electron';
    const candidate = path.resolve(override, name);
    return exists(candidate) ? candidate : null;
  }
  if (!electronDir || !executable) return null;
  const candidate = path.resolve(electronDir, 'dist', executable);
  return exists(candidate) ? candidate : null;
}
