import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ImportPage } from './pages/import-page';
import { StationPage } from './pages/station-page';
import { SessionPage } from './pages/session-page';
import { makeTrainees, withWrongCheckChar } from './fixtures/trainees';
import { generatePeopleRoster } from '../renderer/src/import/testing/roster-generator';

// The demo data's session of the day runs 14:00-17:00 (4 class hours of 45 minutes), grace 10 minutes.
const MORNING = new Date('2026-11-20T13:20:00+08:00');
const EARLY = new Date('2026-11-20T13:40:00+08:00');
const LATE = new Date('2026-11-20T14:20:00+08:00');
const HALF_WAY = new Date('2026-11-20T15:30:00+08:00');

async function rosterFile(
  people: number,
  seed: number,
): Promise<{ file: string; ids: string[]; names: string[] }> {
  const roster = await generatePeopleRoster({
    people,
    format: 'csv-utf8',
    seed,
    defects: [],
    decorations: false,
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetrain-station-')), roster.name);
  writeFileSync(file, roster.bytes);
  return {
    file,
    ids: roster.rows.map((r) => r.values.idNumber!),
    names: roster.rows.map((r) => r.values.name!),
  };
}

/** Loads the demo data, enrolls a generated roster in today's session and opens its check-in station. */
async function openStationWith(page: Page, roster: { file: string }, count: number): Promise<StationPage> {
  const importer = new ImportPage(page);
  await importer.open('/');
  await page.getByRole('button', { name: '打开' }).first().click();
  await page.getByRole('button', { name: '导入名单' }).click();
  await importer.chooseFile(roster.file);
  expect(await importer.importAccepted()).toContain(`报名本班${count}人`);
  await page.getByRole('button', { name: '返回培训班' }).click();
  await page.getByRole('button', { name: '签到模式' }).click();
  const station = new StationPage(page);
  await expect(station.input).toBeFocused();
  return station;
}

async function loadDemo(page: Page) {
  const importer = new ImportPage(page);
  await importer.open('/');
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(importer.toast('演示数据已加载')).toBeVisible();
}

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
  await page.getByRole('button', { name: '签到表' }).click();
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

  // Back at the station, the signed sheet is entered by name.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '签到模式' }).click();
  await page.getByLabel('签到或签退').getByText('补录').click();
  const unique = roster.names.filter((n, _, all) => all.filter((m) => m === n).length === 1).slice(0, 2);
  for (const name of unique) {
    await station.type(name);
    await expect(page.getByRole('option').first()).toContainText(name);
    const before = await station.main.getAttribute('data-answers');
    await station.input.press('Enter');
    await expect(station.main).not.toHaveAttribute('data-answers', before!);
    await expect(station.result).toContainText('已补录 · 出勤');
    await expect(station.result).toContainText(name);
  }
  await expect(station.counter('present')).toHaveText(String(unique.length));
});
