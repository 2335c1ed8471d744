import { expect, test } from '@playwright/test';
import { loadDemo, openStationWith, rosterFile } from './fixtures/checkin-setup';
import { ImportPage } from './pages/import-page';
import { StationPage } from './pages/station-page';
import { SessionPage } from './pages/session-page';
import { SheetEntryPage } from './pages/sheet-entry-page';
import { makeTrainees, withWrongCheckChar } from './fixtures/trainees';

// The demo data's session of the day runs 14:00-17:00 (4 class hours of 45 minutes), grace 10 minutes.
const MORNING = new Date('2026-11-20T13:20:00+08:00');
const EARLY = new Date('2026-11-20T13:40:00+08:00');
const LATE = new Date('2026-11-20T14:20:00+08:00');
const HALF_WAY = new Date('2026-11-20T15:30:00+08:00');

test('200 people through the station: readers, repeats, invalid numbers, people not enrolled, walk-ins, check-out, end of day', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await page.clock.install({ time: MORNING });
  await loadDemo(page);

  // Two people known to the register but not enrolled in today's session.
  const strangers = await rosterFile(2, 300);
  const importer = new ImportPage(page);
  await importer.open('/import');
  await importer.chooseFile(strangers.file);
  expect(await importer.importAccepted()).toContain('新增2人');

  const roster = await rosterFile(188, 5);
  const station = await openStationWith(page, roster, 188);
  const demoEnrolled = Number(await station.counter('enrolled').textContent()) - 188;
  expect(demoEnrolled).toBeGreaterThan(0);
  await expect(station.counter('present')).toHaveText('0');

  // 100 on time, read by the card reader.
  await page.clock.setSystemTime(EARLY);
  for (const id of roster.ids.slice(0, 100)) await station.scan(id, '签到成功');
  // Scanning again does no harm.
  for (const id of roster.ids.slice(0, 5)) await station.scan(id, '已签到，无需重复');
  // A mistyped number is refused.
  for (const id of roster.ids.slice(100, 103)) await station.scan(withWrongCheckChar(id), '身份证号无效');

  // The rest come late.
  await page.clock.setSystemTime(LATE);
  for (const id of roster.ids.slice(100)) await station.scan(id, '签到成功 · 迟到');

  // Registered but not enrolled: Enter on the prompt enrolls and checks them in.
  for (const id of strangers.ids) {
    await station.scan(id, '未报名本班');
    const before = await station.main.getAttribute('data-answers');
    await station.input.press('Enter');
    await expect(station.main).not.toHaveAttribute('data-answers', before!);
    await expect(station.result).toContainText('签到成功 · 迟到');
  }

  // Walk-ins: a valid number unknown to the register opens the quick registration; saving checks them in.
  const walkIns = makeTrainees(10, 4242);
  for (const w of walkIns) {
    await station.scan(w.idNumber);
    await expect(station.walkInForm).toBeVisible();
    await station.registerWalkIn(w.name, w.phone);
    await expect(station.result).toContainText('签到成功 · 迟到');
  }

  await expect(station.counter('enrolled')).toHaveText(String(demoEnrolled + 188 + 2 + 10));
  await expect(station.counter('present')).toHaveText('200');
  await expect(station.counter('late')).toHaveText(String(88 + 2 + 10));
  await expect(station.counter('walkins')).toHaveText('12');
  await expect(page.getByText(`未到 ${demoEnrolled} 人`)).toBeVisible();

  // Three leave half way: checked out, left early, half the day's 4 class hours.
  await page.clock.setSystemTime(HALF_WAY);
  await station.input.press('F2');
  await expect(page.getByLabel('签到或签退').getByText('签退')).toBeVisible();
  for (const id of roster.ids.slice(10, 13)) await station.scan(id, '签退成功 · 早退');
  await expect(station.result).toContainText('2 学时');
  await expect(station.counter('out')).toHaveText('3');

  // End of the day: those who never came are recorded absent.
  await page.getByRole('button', { name: '结束今天' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '结束今天' }).click();
  await expect(station.toast(`已将${demoEnrolled}人记为缺勤`)).toBeVisible();

  // The session page shows the same: statuses and hours per person.
  await page.getByRole('button', { name: '返回培训班' }).click();
  const session = new SessionPage(page);
  await expect(page.getByText(`学员名单（${demoEnrolled + 200}人）`)).toBeVisible();
  const leftEarly = roster.names[10]!;
  if (roster.names.filter((n) => n === leftEarly).length === 1) {
    await expect(session.traineeRow(leftEarly)).toContainText('早退');
  }
});

test('every confirmed check-in is there after the window closes mid-session', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: MORNING });
  await loadDemo(page);
  await page.clock.setSystemTime(EARLY);
  const roster = await rosterFile(20, 9);
  const station = await openStationWith(page, roster, 20);
  const url = page.url();
  for (const id of roster.ids) await station.scan(id, '签到成功');
  // Closed right after the last confirmation: no time to "save".
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(url);
  const again = new StationPage(reopened);
  await expect(again.counter('present')).toHaveText('20');
  for (const name of roster.names) await expect(again.notArrived).not.toContainText(name);
  await again.scan(roster.ids[0]!, '已签到，无需重复');
});

test('the paper sign-in sheet: every page has its header and page numbers; a signed sheet is entered back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: MORNING });
  await loadDemo(page);
  const roster = await rosterFile(20, 13);
  const station = await openStationWith(page, roster, 20);
  const expected = Number(await station.counter('enrolled').textContent());
  const pages = Math.ceil(expected / 18);
  expect(pages).toBeGreaterThan(1);

  await page.getByRole('button', { name: '返回培训班' }).click();
  await page.getByRole('button', { name: '打印签到表' }).click();
  await expect(page.locator('[data-print-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const sheets = page.locator('.signin-page');
  await expect(sheets).toHaveCount(pages);
  for (let p = 0; p < pages; p += 1) {
    const sheet = sheets.nth(p);
    await expect(sheet.getByRole('columnheader', { name: '身份证号' })).toBeVisible();
    await expect(sheet).toContainText(`第 ${p + 1} 页 共 ${pages} 页`);
    await expect(sheet).toContainText(`应到 ${expected} 人`);
    await expect(sheet).toContainText('培训地点');
  }
  // Masked ID numbers only.
  await expect(sheets.first()).not.toContainText(roster.ids[0]!);

  // Back at the station, its menu leads to entering the signed sheet; a line is found by its QR or number.
  await page.getByRole('button', { name: '返回' }).click();
  await new SessionPage(page).openStation();
  await page.getByRole('button', { name: '录入签到表' }).click();
  const sheet = new SheetEntryPage(page);
  await expect(sheet.jumpBox).toBeFocused();
  await sheet.jumpBox.pressSequentially(roster.ids[0]!, { delay: 5 });
  await sheet.jumpBox.press('Enter');
  const line = Number(await page.locator('tr.is-active').getAttribute('data-line'));
  expect(line).toBe(expected - 20 + 1);
  await expect(sheet.status(line)).toBeFocused();
  await sheet.keys('1', 'Enter');
  await sheet.save();
  await expect(sheet.toast('已保存：新录入 1 人，更正 0 人')).toBeVisible();
  await expect(sheet.line(line)).toContainText('签到表');
  await page.getByRole('button', { name: '返回培训班' }).click();
  await expect(new SessionPage(page).dayCounter('present')).toHaveText('1');
});
