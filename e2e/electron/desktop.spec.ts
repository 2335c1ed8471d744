import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';

/**
 * The desktop shell itself: runs only where an Electron runtime is installed (playwright.config.ts adds this
 * project then, and says plainly when it does not). Same app, same screens; what differs is the custom app://
 * origin, the sandboxed preload, and saving a PDF through the main process.
 */
let app: ElectronApplication;
let dataDir: string;
let saveDir: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'safetrain-electron-data-'));
  saveDir = mkdtempSync(path.join(tmpdir(), 'safetrain-electron-pdf-'));
  app = await electron.launch({
    executablePath: findElectronRuntime() ?? 'electron',
    args: [path.resolve('.')],
    env: { ...process.env, SAFETRAIN_DATA_DIR: dataDir, SAFETRAIN_E2E_SAVE_DIR: saveDir },
  });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
});

test('runs from app://, exposes only the desktop API, and saves certificates as a PDF with the bundled font', async () => {
  const page = await app.firstWindow();
  expect(page.url()).toMatch(/^app:\/\/safetrain\//);
  const exposed = await page.evaluate(() => ({
    desktop: Object.keys((globalThis as unknown as { desktop?: object }).desktop ?? {}).sort(),
    require: typeof (globalThis as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({
    desktop: ['getAppInfo', 'printPage', 'savePdf'],
    require: 'undefined',
    process: 'undefined',
  });

  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.locator('.ant-message').getByText('演示数据已加载')).toBeVisible();
  await page.getByRole('navigation').getByRole('menuitem', { name: '证书' }).click();
  await page.getByRole('checkbox').nth(1).check();
  await page.getByRole('button', { name: /打印所选/ }).click();
  await expect(page.locator('[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.ant-message').getByText(/已保存到/)).toBeVisible();

  const files = readdirSync(saveDir).filter((f) => f.endsWith('.pdf'));
  expect(files).toHaveLength(1);
  const fonts = execFileSync('pdffonts', [path.join(saveDir, files[0]!)], { encoding: 'utf8' });
  expect(fonts).toMatch(/NotoSerifSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
});

test('a navigation away from the app is blocked', async () => {
  const page = await app.firstWindow();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.invalid/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/safetrain\//);
});

test('data survives a restart of the desktop app', async () => {
  let page = await app.firstWindow();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.locator('.ant-message').getByText('演示数据已加载')).toBeVisible();
  await app.close();
  app = await electron.launch({
    executablePath: findElectronRuntime() ?? 'electron',
    args: [path.resolve('.')],
    env: { ...process.env, SAFETRAIN_DATA_DIR: dataDir, SAFETRAIN_E2E_SAVE_DIR: saveDir },
  });
  page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await expect(page.getByText('柳桥五金制品厂职工食堂').first()).toBeVisible();
});
