import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fillStorage, freeStorage, launchOnSmallDisk } from './fixtures/small-disk';
import { loadDemo, openStationWith, rosterFile } from './fixtures/checkin-setup';
import { counts, databaseDigest } from './fixtures/database-digest';
import { ImportPage } from './pages/import-page';
import { generatePeopleRoster } from '../renderer/src/import/testing/roster-generator';

// The demo data's session of the day runs 14:00-17:00.
const MORNING = new Date('2026-11-20T13:20:00+08:00');
const EARLY = new Date('2026-11-20T13:40:00+08:00');

const SHOTS = process.env.SAFETRAIN_E2E_SHOTS;

const PROFILES = process.env.SAFETRAIN_E2E_PROFILES ?? tmpdir();

/** Each test on a fresh small disk; the profile folder is only the mount point. */
async function smallDiskPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(PROFILES, 'safetrain-disk-'));
  const context = await launchOnSmallDisk(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

test('an import that finds the disk full says so in words, writes nothing and loses nothing', async () => {
  test.setTimeout(300_000);
  const { page, close } = await smallDiskPage();
  await loadDemo(page);
  const roster = await generatePeopleRoster({
    people: 3000,
    format: 'csv-utf8',
    seed: 21,
    defects: [],
    decorations: false,
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetrain-quota-')), roster.name);
  writeFileSync(file, roster.bytes);
  const importer = new ImportPage(page);
  await importer.open('/import');
  await importer.chooseFile(file);
  const before = await databaseDigest(page);

  expect(await fillStorage(page)).toBe('QuotaExceededError');
  await page.getByRole('button', { name: /^导入\d+行$/ }).click();
  // The page's own alert (the toast says the headline only).
  const alert = page.locator('.ant-alert').filter({ hasText: '存储空间已满' });
  await expect(alert).toBeVisible({ timeout: 120_000 });
  await expect(alert).toContainText(`名单“${roster.name}”没有导入`);
  await expect(alert).toContainText('之前已保存的数据也没有丢失');
  await expect(alert).toContainText('请清理磁盘空间后重新导入');
  await expect(page.locator('.ant-message').getByText('存储空间已满，刚才的操作没有保存')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'quota-import-zh.png') });
  // Nothing already saved was lost, and not one row of the roster was written.
  expect(counts(await databaseDigest(page))).toEqual(counts(before));
  expect(await databaseDigest(page)).toEqual(before);

  // With room again, the same file imports whole.
  await freeStorage(page);
  await importer.chooseFile(file);
  expect(await importer.importAccepted()).toContain('新增3000人');
  await close();
});

test('a check-in that finds the disk full says so at the station and keeps every earlier check-in', async () => {
  test.setTimeout(300_000);
  const { page, close } = await smallDiskPage();
  await page.clock.install({ time: MORNING });
  await loadDemo(page);
  const roster = await rosterFile(3, 41);
  const station = await openStationWith(page, roster, 3);
  await page.clock.setSystemTime(EARLY);
  await station.scan(roster.ids[0]!, '签到成功');
  await expect(station.counter('present')).toHaveText('1');
  const before = await databaseDigest(page);

  expect(await fillStorage(page)).toBe('QuotaExceededError');
  const answers = await station.main.getAttribute('data-answers');
  await station.input.pressSequentially(roster.ids[1]!, { delay: 5 });
  await station.input.press('Enter');
  const notice = page
    .locator('.ant-notification-notice')
    .filter({ hasText: '存储空间已满，刚才的操作没有保存' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('之前已保存的数据都还在，一条也没有丢失');
  await expect(notice).toContainText('请清理磁盘空间');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'quota-station-zh.png') });
  // No success was shown for the check-in that was not written, and the one before it is still there.
  // The big panel says this scan was not saved instead of keeping the previous person's green answer.
  await expect(station.main).not.toHaveAttribute('data-answers', answers!);
  await expect(station.main).toContainText('存储空间已满，没有保存');
  await expect(station.main).not.toContainText('签到成功');
  await expect(station.counter('present')).toHaveText('1');
  expect(await databaseDigest(page)).toEqual(before);

  // Space freed: the same person checks in, and the station carries on.
  await freeStorage(page);
  await station.scan(roster.ids[1]!, '签到成功');
  await expect(station.counter('present')).toHaveText('2');
  await close();
});
