import { defineConfig, type Project } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/launch-options';
import { findElectronRuntime } from './scripts/electron-runtime.mjs';
import { E2E_BASE_URL, E2E_PORT, E2E_ROOT } from './e2e/e2e-server';

const electronRuntime = findElectronRuntime();
const projects: Project[] = [
  {
    name: 'chromium',
    testDir: 'e2e',
    testIgnore: ['electron/**'],
    use: { launchOptions: chromiumLaunchOptions(), baseURL: E2E_BASE_URL },
  },
];
if (electronRuntime) {
  projects.push({ name: 'electron', testDir: 'e2e/electron' });
} else {
  // Said plainly, every run: the desktop shell itself was not exercised here.
  console.info(
    '[e2e] Electron runtime not found (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH): the Electron project did not run.',
  );
}

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${E2E_PORT}${E2E_ROOT ? ` --root ${E2E_ROOT}` : ''}`,
    url: E2E_BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  projects,
});
