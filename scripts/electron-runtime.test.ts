import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from './electron-runtime.mjs';

describe('findElectronRuntime', () => {
  let base: string;
  let electronDir: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'safetrain-electron-'));
    electronDir = path.join(base, 'node_modules', 'electron');
    await mkdir(electronDir, { recursive: true });
  });

  afterEach(() => rm(base, { recursive: true, force: true }));

  async function install(executable: string, { writeBinary = true } = {}) {
    await writeFile(path.join(electronDir, 'path.txt'), executable);
    if (writeBinary) {
      await mkdir(path.dirname(path.join(electronDir, 'dist', executable)), { recursive: true });
      await writeFile(path.join(electronDir, 'dist', executable), '');
    }
  }

  it('finds the binary that path.txt names in dist/', async () => {
    await install('electron');
    expect(findElectronRuntime({ electronDir, env: {} })).toBe(path.join(electronDir, 'dist', 'electron'));
  });

  it('returns null instead of downloading when path.txt names a missing binary', async () => {
    await install('electron', { writeBinary: false });
    expect(findElectronRuntime({ electronDir, env: {} })).toBeNull();
  });

  it('returns null when the install step never ran (no path.txt)', () => {
    expect(findElectronRuntime({ electronDir, env: {} })).toBeNull();
  });

  it('returns null when electron is not installed at all', () => {
    expect(findElectronRuntime({ electronDir: null, env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH before dist/', async () => {
    await install('electron');
    const override = path.join(base, 'custom');
    await mkdir(override);
    await writeFile(path.join(override, 'electron'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronRuntime({ electronDir, env })).toBe(path.join(override, 'electron'));
  });

  it('returns null when ELECTRON_OVERRIDE_DIST_PATH has no binary, without falling back', async () => {
    await install('electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(base, 'empty') };
    expect(findElectronRuntime({ electronDir, env })).toBeNull();
  });

  it.each([
    ['win32', 'electron.exe'],
    ['darwin', path.join('Electron.app', 'Contents', 'MacOS', 'Electron')],
    ['linux', 'electron'],
  ] as const)(
    'uses the %s executable name in an override folder without path.txt',
    async (platform, name) => {
      const override = path.join(base, 'custom');
      await mkdir(path.dirname(path.join(override, name)), { recursive: true });
      await writeFile(path.join(override, name), '');
      const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
      expect(findElectronRuntime({ electronDir, env, platform })).toBe(path.join(override, name));
    },
  );
});
