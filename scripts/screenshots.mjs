// @ts-check
/**
 * Takes screenshots of every screen with the demo data, for the README and for looking at what we build:
 *   npm run build:renderer && node scripts/screenshots.mjs [outDir]
 * Uses the same Chromium as the e2e tests, a fresh profile, a 1366x768 window (the site laptop).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const server = await serve({ port: 4174 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const shot = (/** @type {string} */ name, full = false) =>
    page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: full });
  await page.goto(server.url);
  await page.getByRole('heading', { name: '欢迎使用安训' }).waitFor();
  await shot('first-run');
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await page.getByText('演示数据已加载').waitFor();
  await page.waitForTimeout(600);
  await shot('home');
  for (const [nav, name] of [
    ['课程', 'courses'],
    ['培训班', 'sessions'],
    ['学员', 'people'],
    ['企业', 'enterprises'],
    ['证书', 'certificates'],
    ['设置', 'settings'],
  ]) {
    await page.getByRole('navigation').getByRole('menuitem', { name: nav }).click();
    await page.waitForTimeout(400);
    await shot(name);
  }
  await page.getByRole('navigation').getByRole('menuitem', { name: '培训班' }).click();
  await page.getByRole('button', { name: '新建培训班' }).click();
  await page.waitForTimeout(500);
  await shot('session-new');
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').getByRole('menuitem', { name: '首页' }).click();
  await page.getByRole('button', { name: '打开' }).first().click();
  const input = page.getByLabel('身份证号（刷卡、扫码或输入后按回车）');
  // Reveal the first trainee's ID number, as a coordinator would, and scan it.
  await page.getByRole('button', { name: /显示/ }).first().click();
  const firstRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: /隐藏/ }) });
  const firstId = ((await firstRow.textContent()) ?? '').match(/\d{17}[\dX]/)?.[0] ?? '';
  await input.fill(String(firstId));
  await input.press('Enter');
  await page.getByRole('status').waitFor();
  await shot('session-checkin');
  await page.getByRole('navigation').getByRole('menuitem', { name: '证书' }).click();
  await page.getByRole('checkbox').nth(1).check();
  await page.getByRole('button', { name: /打印所选/ }).click();
  await page.locator('[data-print-ready="true"]').waitFor({ timeout: 30000 });
  await shot('certificate-preview');
  await page.pdf({
    path: path.join(outDir, 'certificate.pdf'),
    preferCSSPageSize: true,
    printBackground: true,
  });
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.waitForTimeout(400);
  await shot('certificates-en');
  console.info(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
