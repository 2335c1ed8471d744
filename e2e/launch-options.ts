import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Where an installed Chromium-family browser lives: Debian/Ubuntu Chromium, else Chrome or Edge. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium, Chrome or Edge found for the e2e tests. Install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** Flags that keep a browser quiet on a machine without network (no update checks, no sync, no QUIC probes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: findChromium(), args: CHROMIUM_ARGS };
}
