import { expect, test, type Page } from '@playwright/test';
import { loadDemo, openStationWith, rosterFile } from './fixtures/checkin-setup';
import { SessionPage } from './pages/session-page';
import { SheetEntryPage } from './pages/sheet-entry-page';

// The demo data's session of the day runs 14:00-17:00: 180 minutes, 4 class hours of 45 minutes, grace 10 minutes,
// the whole day credited from 80% attended.
const MORNING = new Date('2026-11-20T13:20:00+08:00');
const ARRIVAL = new Date('2026-11-20T13:40:00+08:00');
const ON_TIME = new Date('2026-11-20T14:05:00+08:00');
const EVENING = new Date('2026-11-20T18:30:00+08:00');
const DAY = '2026年11月20日';

/** Names on the session page's trainee list, to pick people whose name is theirs alone. */
async function traineeNames(page: Page): Promise<string[]> {
  return page.locator('.ant-table-tbody tr td:nth-child(2)').allTextContents();
}

test('a coordinator corrects a scanned record with a reason; the correction shows and is audited', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: MORNING });
  await loadDemo(page);
  const roster = await rosterFile(3, 21);
  const station = await openStationWith(page, roster, 3);
  await station.back();
  const session = new SessionPage(page);
  for (const n of roster.names) await expect(session.traineeRow(n).first()).toBeVisible();
  const names = await traineeNames(page);
  const i = roster.names.findIndex((n) => names.filter((m) => m === n).length === 1);
  expect(i).toBeGreaterThanOrEqual(0);
  const name = roster.names[i]!;

  await page.clock.setSystemTime(ON_TIME);
  const door = await session.openStation();
  await door.scan(roster.ids[i]!, '签到成功');
  await door.back();
  await expect(session.traineeRow(name)).toContainText('已签到 14:05');

  // Left at 15:30, as the instructor reports: the hours follow the rules (85 of 180 minutes: 1.5 of 4).
  await page.clock.setSystemTime(EVENING);
  let drawer = await session.openCorrection(name, DAY);
  await drawer.getByText('早退', { exact: true }).click();
  await drawer.getByLabel('签退时间').fill('1530');
  await expect(drawer.getByLabel('认定学时')).toHaveValue('1.5');
  await expect(drawer).toContainText('按规则：早退 · 1.5 学时（本日共 4 学时）');
  // No reason, no correction.
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('请说明更正原因')).toBeVisible();
  await drawer.getByLabel('更正原因').fill('身体不适，15:30 提前离开');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(session.toast(`已更正 ${name} 的考勤`)).toBeVisible();

  const row = session.traineeRow(name);
  await expect(row).toContainText('早退 14:05');
  await expect(row).toContainText('已更正');
  await expect(row).toContainText('1.5');
  await row.getByText('已更正').hover();
  await expect(page.getByRole('tooltip')).toContainText('身体不适，15:30 提前离开');

  // The history comes from the audit log: the scan, then the correction field by field.
  drawer = await session.openCorrection(name, DAY);
  const history = drawer.locator('.ant-timeline');
  await expect(history).toContainText('新建');
  await expect(history).toContainText('来源：签到台');
  await expect(history).toContainText('修改');
  await expect(history).toContainText('状态：已签到 → 早退');
  await expect(history).toContainText('签退：无 → 15:30');
  await expect(history).toContainText('学时：4 学时 → 1.5 学时');
  await expect(history).toContainText('来源：签到台 → 手工');
  await expect(history).toContainText('原因：无 → 身体不适，15:30 提前离开');
  // Each correction says its own why: the reason starts empty again.
  await expect(drawer.getByLabel('更正原因')).toHaveValue('');
  await drawer.getByRole('button', { name: '取消' }).click();

  // After a reload it is all still there.
  await page.reload();
  await expect(session.traineeRow(name)).toContainText('早退 14:05');
  await expect(session.traineeRow(name)).toContainText('已更正');
});

test('a signed sheet of 10 lines is entered by keyboard with times and exceptions, in one save', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: MORNING });
  await loadDemo(page);
  const roster = await rosterFile(10, 33);
  const station = await openStationWith(page, roster, 10);
  // Two of them were checked in at the door before the sheet came back.
  await page.clock.setSystemTime(ARRIVAL);
  await station.scan(roster.ids[0]!, '签到成功');
  await station.scan(roster.ids[8]!, '签到成功');
  await page.clock.setSystemTime(EVENING);

  await page.getByRole('button', { name: '录入签到表' }).click();
  const sheet = new SheetEntryPage(page);
  await expect(sheet.jumpBox).toBeFocused();

  // Each person's line is reached by their ID (as the card reader or the line's QR would give it); what is typed
  // there is the status key, the times as HHmm, Tab to the next field, Enter to the next line.
  const plan: Array<{ keys: string[]; status: string; hours: string }> = [
    { keys: [], status: '已签到', hours: '4 学时' }, // scanned at 13:40, the sheet agrees: kept as scanned
    { keys: ['1', 'Enter'], status: '已签到', hours: '4 学时' },
    { keys: ['2', '1425', 'Enter'], status: '迟到', hours: '4 学时' },
    { keys: ['3', 'Tab', '1530', 'Enter'], status: '早退', hours: '2 学时' },
    { keys: ['4', 'Enter'], status: '缺勤', hours: '0 学时' },
    { keys: ['5', 'Enter'], status: '请假', hours: '0 学时' },
    { keys: ['1', '1405', 'Tab', '1700', 'Enter'], status: '已签到', hours: '4 学时' },
    { keys: ['1', '1450', 'Tab', '1700', 'Enter'], status: '迟到', hours: '2.5 学时' }, // late by its time
    { keys: ['3', 'Tab', '1600', 'Enter'], status: '早退', hours: '2.5 学时' }, // scanned, now corrected
    { keys: ['1', 'Enter'], status: '已签到', hours: '4 学时' },
  ];
  const lines: number[] = [];
  for (const [k, step] of plan.entries()) {
    await sheet.goToLine(roster.ids[k]!);
    const active = page.locator('tr.is-active');
    const line = Number(await active.getAttribute('data-line'));
    lines.push(line);
    await expect(sheet.status(line)).toBeFocused();
    await sheet.keys(...step.keys);
    if (step.keys.length > 0) await expect(sheet.line(line)).toContainText(step.hours);
  }
  // Enter moved on to the next line (from the sheet's last line, back to the jump box).
  const last = lines[9]!;
  const total = await page.locator('tr[data-line]').count();
  await expect(last < total ? sheet.status(last + 1) : sheet.jumpBox).toBeFocused();
  // A line is also reached by typing its printed number.
  await sheet.goToLine(lines[4]!);
  await expect(sheet.status(lines[4]!)).toBeFocused();

  await expect(sheet.summary).toContainText('新录入 8 人 · 更正 1 人');
  await sheet.save();
  await expect(sheet.toast('已保存：新录入 8 人，更正 1 人')).toBeVisible();

  // Read back from the database: statuses, hours, and where each record came from.
  for (const [k, step] of plan.entries()) {
    const line = sheet.line(lines[k]!);
    await expect(line.locator('.col-result')).toContainText(step.status);
    await expect(line.locator('.col-result')).toContainText(step.hours);
    await expect(line.locator('.col-record')).toContainText(k === 0 ? '签到台' : '签到表');
  }
  await expect(sheet.line(lines[0]!).locator('.col-time').first().locator('input')).toHaveValue('13:40');
  await expect(sheet.summary).toContainText('新录入 0 人 · 更正 0 人');

  await page.getByRole('button', { name: '返回培训班' }).click();
  const session = new SessionPage(page);
  // Checked in: all but the absent and the excused; late: the two who came after the grace.
  await expect(session.dayCounter('present')).toHaveText('8');
  await expect(session.dayCounter('late')).toHaveText('2');
});
