import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { StatisticsPage } from './pages/statistics-page';
import { DataPage } from './pages/data-page';
import { makeTrainees } from './fixtures/trainees';

/** Where to leave PNGs for a person to look at (SAFETRAIN_SHOTS_DIR), else nowhere. */
const SHOTS = process.env.SAFETRAIN_SHOTS_DIR;

interface BrowserWindow {
  localStorage: { setItem(key: string, value: string): void };
  safetrainE2e?: { seedStatistics(spec: unknown): Promise<void>; holdBackgroundWork(ms: number): void };
}

const HOLD_MS = 30 * 60_000;
const [first, second] = makeTrainees(2, 11);
const day = (date: string) => ({ date, start: '08:00', end: '11:00' });
const SESSIONS = ['2026-04-01', '2026-04-02', '2026-04-03'].map((date) => ({
  courseName: '农民工安全生产知识培训',
  audience: 'worker',
  days: [day(date)],
  venue: '柳桥建筑工地',
  attendance: [
    { idNumber: first!.idNumber, statuses: ['present'] },
    { idNumber: second!.idNumber, statuses: ['absent'] },
  ],
}));

const SPEC = {
  enterprises: [],
  people: [first, second].map((t) => ({ name: t!.name, idNumber: t!.idNumber })),
  sessions: SESSIONS,
};

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('after a restore the screens say how far the statistics rebuild has come, then fill in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() =>
    (globalThis as unknown as BrowserWindow).localStorage.setItem('safetrain.e2e', '1'),
  );
  await page.clock.install({ time: new Date('2026-04-10T09:00:00+08:00') });
  const app = new StatisticsPage(page);
  const data = new DataPage(page);
  await app.open();
  await expect(page.getByRole('heading', { name: '欢迎使用安训' })).toBeVisible();
  await page.evaluate(
    (spec) => (globalThis as unknown as BrowserWindow).safetrainE2e!.seedStatistics(spec),
    SPEC,
  );
  await app.goTo('统计报表');
  await expect.poll(() => app.figure('培训场次')).toBe('3');

  await data.openTab('backup');
  const backup = await data.backUp();
  await data.chooseBackup(backup.path);
  // The rebuild the restore asks for is held (as the check-in station holds it) for as long as the test looks.
  await page.evaluate(
    (hold) => (globalThis as unknown as BrowserWindow).safetrainE2e!.holdBackgroundWork(hold),
    HOLD_MS,
  );
  await data.restore();

  await app.goTo('统计报表');
  const status = page.getByRole('status').filter({ hasText: '正在整理统计数据' });
  await expect(status).toContainText('已完成 0 / 3 个培训班');
  await expect(page.getByRole('progressbar', { name: '统计数据整理进度' })).toBeVisible();
  await shot(page, 'statistics-pending-zh');

  await app.goTo('覆盖率');
  await expect(status).toContainText('已完成 0 / 3 个培训班');

  await app.goTo('首页');
  await expect(status).toContainText('正在整理统计数据：0 / 3 个培训班');
  await shot(page, 'home-pending-zh');

  await page.getByText('English', { exact: true }).click();
  await app.goTo('Statistics');
  const english = page.getByRole('status').filter({ hasText: 'Organising the statistics' });
  await expect(english).toContainText('0 of 3 sessions done');
  await shot(page, 'statistics-pending-en');

  // Released: the page fills in and the message goes.
  await page.clock.fastForward(HOLD_MS);
  await expect.poll(() => app.figure('Sessions held')).toBe('3');
  expect(await app.figure('People trained')).toBe('1');
  await expect(english).toHaveCount(0);
});
