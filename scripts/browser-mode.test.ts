import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  browserArgs,
  browserCandidates,
  dataFolder,
  findBrowser,
  isLinuxRoot,
  prepareProfile,
  type Host,
} from './browser-mode.mjs';

describe('dataFolder', () => {
  it.each([
    [
      'win32',
      { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' },
      'C:\\Users\\li',
      'C:\\Users\\li\\AppData\\Roaming\\SafeTrain',
    ],
    ['win32', {}, 'C:\\Users\\li', 'C:\\Users\\li\\AppData\\Roaming\\SafeTrain'],
    ['darwin', {}, '/Users/li', '/Users/li/Library/Application Support/SafeTrain'],
    ['linux', {}, '/home/li', '/home/li/.local/share/SafeTrain'],
    ['linux', { XDG_DATA_HOME: '/data/li' }, '/home/li', '/data/li/SafeTrain'],
    ['linux', { SAFETRAIN_DATA_DIR: '/mnt/usb/safetrain' }, '/home/li', '/mnt/usb/safetrain'],
    ['win32', { SAFETRAIN_DATA_DIR: 'D:\\SafeTrain' }, 'C:\\Users\\li', 'D:\\SafeTrain'],
  ] as const)('on %s with %o under %s is %s', (platform, env, home, expected) => {
    expect(dataFolder({ platform, env, home })).toBe(expected);
  });
});

function host(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, installed: string[]): Host {
  return { platform, env, home: '/home/li', exists: (filePath) => installed.includes(filePath) };
}

describe('findBrowser', () => {
  it.each([
    ['linux', {}, ['/usr/bin/chromium'], '/usr/bin/chromium'],
    ['linux', { PATH: '/usr/local/bin:/usr/bin' }, ['/usr/bin/google-chrome'], '/usr/bin/google-chrome'],
    ['linux', { PATH: '/opt/bin' }, ['/opt/bin/chromium-browser'], '/opt/bin/chromium-browser'],
    [
      'linux',
      { CHROMIUM_PATH: '/opt/chrome/chrome' },
      ['/opt/chrome/chrome', '/usr/bin/chromium'],
      '/opt/chrome/chrome',
    ],
    ['linux', { CHROMIUM_PATH: '/missing' }, ['/usr/bin/chromium'], '/usr/bin/chromium'],
    [
      'win32',
      { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
      ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ],
    [
      'win32',
      { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' },
      [
        'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
        'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      ],
      'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ],
    [
      'darwin',
      {},
      ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ],
    ['linux', { PATH: '/usr/bin' }, [], null],
  ] as const)('on %s with %o and %o installed picks %s', (platform, env, installed, expected) => {
    expect(findBrowser(host(platform, env, [...installed]))).toBe(expected);
  });

  it('ignores relative PATH entries, which would run a program from the current folder', () => {
    const candidates = browserCandidates({ platform: 'linux', env: { PATH: '/usr/bin::relative:./bin' } });
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((candidate) => path.posix.isAbsolute(candidate))).toBe(true);
  });
});

describe('browserArgs', () => {
  const options = {
    url: 'http://127.0.0.1:47615/',
    profileDir: '/home/li/.local/share/SafeTrain/browser-profile',
  };

  it('opens an app window with its own profile and no background traffic', () => {
    expect(browserArgs({ ...options, runningAsRoot: false })).toEqual([
      '--app=http://127.0.0.1:47615/',
      '--user-data-dir=/home/li/.local/share/SafeTrain/browser-profile',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1280,720',
    ]);
  });

  it('adds --no-sandbox only when running as root', () => {
    expect(browserArgs({ ...options, runningAsRoot: true })).toContain('--no-sandbox');
    expect(browserArgs({ ...options, runningAsRoot: false })).not.toContain('--no-sandbox');
  });

  it.each([
    ['linux', 0, true],
    ['linux', 1000, false],
    ['darwin', 0, false],
    ['win32', undefined, false],
  ] as const)('on %s with uid %s, root is %s', (platform, uid, expected) => {
    expect(isLinuxRoot(platform, uid === undefined ? undefined : () => uid)).toBe(expected);
  });
});

describe('prepareProfile', () => {
  it('turns translation offers off in a new profile and leaves an existing one alone', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'safetrain-profile-'));
    try {
      const profileDir = path.join(base, 'browser-profile');
      const preferences = path.join(profileDir, 'Default', 'Preferences');
      prepareProfile(profileDir);
      expect(JSON.parse(await readFile(preferences, 'utf8'))).toEqual({ translate: { enabled: false } });

      await writeFile(preferences, '{"browser":{"owned":true}}');
      prepareProfile(profileDir);
      expect(await readFile(preferences, 'utf8')).toBe('{"browser":{"owned":true}}');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
