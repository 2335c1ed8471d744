import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { CoursesPage } from './pages/courses-page';
import { DataPage } from './pages/data-page';

// Each test starts fresh browsers and opens the app several times over: slow on a loaded CI machine.
test.slow();

/** Opening the database can take a while on a busy machine; the app is ready when its menu shows. */
async function ready(page: Page) {
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 60_000 });
}

async function createCourse(page: Page, name: string) {
  const courses = new CoursesPage(page);
  await courses.open('/courses?new=1');
  await ready(page);
  await courses.createCourse({ name, hours: 4 });
}

async function courseNames(page: Page): Promise<string[]> {
  const courses = new CoursesPage(page);
  await courses.open('/courses');
  await ready(page);
  await courses.expectHeading('课程');
  const cells = page.getByRole('main').locator('.ant-table-tbody tr.ant-table-row td:first-child');
  return (await cells.allTextContents()).sort();
}

test('a backup restores the data of its moment, after the current state is downloaded as a backup', async ({
  page,
}) => {
  await createCourse(page, '有限空间作业安全培训');
  const data = new DataPage(page);
  await data.openTab('backup');
  await expect(page.getByText('浏览器模式下没有自动备份')).toBeVisible();
  const backup = await data.backUp();
  expect(backup.name).toMatch(/^安训备份-\d{8}-\d{4}\.stbak$/);

  await createCourse(page, '备份之后新建的课程');
  expect(await courseNames(page)).toEqual(['备份之后新建的课程', '有限空间作业安全培训'].sort());

  await data.openTab('backup');
  await data.chooseBackup(backup.path);
  await expect(data.preview).toBeVisible();
  // What the restore would do, before it is done: one course would come back as it was, one would be lost.
  await expect(data.previewRow('课程').getByRole('cell')).toHaveText(['课程', '2', '1', '0', '1']);
  const safety = await data.restore();
  expect(safety.name).toMatch(/^安训备份-恢复前-/);

  expect(await courseNames(page)).toEqual(['有限空间作业安全培训']);

  // The state before the restore was kept: restoring it brings the later course back.
  await data.openTab('backup');
  await data.chooseBackup(safety.path);
  await data.restore();
  expect(await courseNames(page)).toEqual(['备份之后新建的课程', '有限空间作业安全培训'].sort());
});

test('a damaged, cut or foreign file is refused, naming the file, and nothing changes', async ({ page }) => {
  await createCourse(page, '有限空间作业安全培训');
  const data = new DataPage(page);
  await data.openTab('backup');
  const backup = await data.backUp();
  await createCourse(page, '之后的课程');

  const text = gunzipSync(readFileSync(backup.path)).toString('utf8');
  const damaged = `${backup.path}-damaged.stbak`;
  writeFileSync(damaged, gzipSync(Buffer.from(text.replace('有限空间', '有限时间'), 'utf8')));
  const cut = `${backup.path}-cut.stbak`;
  writeFileSync(cut, readFileSync(backup.path).subarray(0, 200));
  const notes = path.join(path.dirname(backup.path), '培训记录.stbak');
  writeFileSync(notes, '2026年11月 培训记录');

  await data.openTab('backup');
  await data.chooseBackup(damaged);
  await expect(
    data.refusal(`“${path.basename(damaged)}”已损坏（校验值不符），无法使用。当前数据未作任何改动。`),
  ).toBeVisible();
  await expect(data.preview).toHaveCount(0);
  await data.chooseBackup(cut);
  await expect(
    data.refusal(`“${path.basename(cut)}”不完整（可能复制或下载时中断），无法使用。当前数据未作任何改动。`),
  ).toBeVisible();
  await expect(data.refusal('已损坏')).toHaveCount(0);
  await data.chooseBackup(notes);
  await expect(
    data.refusal('“培训记录.stbak”不是安训的备份或数据包文件。当前数据未作任何改动。'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '恢复此备份' })).toHaveCount(0);

  expect(await courseNames(page)).toEqual(['之后的课程', '有限空间作业安全培训'].sort());
});

/** The bureau's records on this computer, by table (machine settings, audit and counters aside), read from a backup. */
async function sharedRecords(page: Page): Promise<Record<string, unknown[]>> {
  const data = new DataPage(page);
  await data.openTab('backup');
  const backup = await data.backUp();
  const [, line] = gunzipSync(readFileSync(backup.path)).toString('utf8').split('\n');
  const tables = JSON.parse(line!) as Record<string, unknown[]>;
  const shared = [
    'enterprises',
    'people',
    'courses',
    'sessions',
    'enrollments',
    'attendance',
    'certificates',
    'merges',
  ];
  return Object.fromEntries(shared.map((t) => [t, tables[t] ?? []]));
}

async function editCourseHours(page: Page, name: string, hours: number) {
  const courses = new CoursesPage(page);
  await courses.open('/courses');
  await ready(page);
  await courses.row(name).getByRole('button', { name: '编辑' }).click();
  await courses.drawer().getByLabel('学时').fill(String(hours));
  await courses.drawer().getByRole('button', { name: '保存' }).click();
  await expect(courses.toast(`课程“${name}”已保存`)).toBeVisible();
}

test('laptop and office exchange packages with edits on both sides and end with the same data', async ({
  browser,
}) => {
  // Two browser contexts are two computers: each has its own IndexedDB, device id and certificate code.
  const officeContext = await browser.newContext();
  const laptopContext = await browser.newContext();
  const office = new DataPage(await officeContext.newPage());
  const laptop = new DataPage(await laptopContext.newPage());

  await office.open('/');
  await ready(office.page);
  await office.page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(office.toast('演示数据已加载')).toBeVisible({ timeout: 60_000 });
  await laptop.open('/');
  await ready(laptop.page);

  // The office sends its registers and sessions to the laptop.
  await office.openTab('sync');
  const toLaptop = await office.exportPackage();
  expect(toLaptop.name).toMatch(/\.stsync$/);
  await laptop.openTab('sync');
  await laptop.choosePackage(toLaptop.path);
  await expect(laptop.page.getByText(/来自设备 \w+，/)).toBeVisible();
  await laptop.merge();
  // Two computers that never met differ in their shared settings: the laptop takes the office's.
  await laptop.settle(/^设置/, '采用对方');

  // Both edit the same course; the laptop also adds one at the site.
  await editCourseHours(laptop.page, '建筑施工现场安全培训', 9);
  await createCourse(laptop.page, '现场临时增加的课程');
  await editCourseHours(office.page, '建筑施工现场安全培训', 7);

  await laptop.openTab('sync');
  const toOffice = await laptop.exportPackage();
  await office.openTab('sync');
  await office.choosePackage(toOffice.path);
  await office.merge();
  await expect(office.conflictsCard(1)).toBeVisible();
  await expect(office.conflict('课程 建筑施工现场安全培训')).toContainText('学时');
  // Until settled the office keeps its own version.
  expect((await sharedRecords(office.page)).courses).toContainEqual(
    expect.objectContaining({ name: '建筑施工现场安全培训', hours: 7 }),
  );
  // The same package again changes nothing.
  await office.openTab('sync');
  await office.choosePackage(toOffice.path);
  await expect(office.page.getByText('此数据包没有新内容（可能已经导入过）。')).toBeVisible();
  await office.settle('课程 建筑施工现场安全培训', '采用对方');
  await expect(office.page.getByText('没有待处理的冲突')).toBeVisible();

  // The office sends back; the laptop merges without conflicts and both hold the same records.
  await office.openTab('sync');
  const back = await office.exportPackage();
  await laptop.openTab('sync');
  await laptop.choosePackage(back.path);
  await laptop.merge();
  await expect(laptop.page.getByText('没有待处理的冲突')).toBeVisible();

  const officeRecords = await sharedRecords(office.page);
  expect(await sharedRecords(laptop.page)).toEqual(officeRecords);
  expect(officeRecords.courses).toContainEqual(
    expect.objectContaining({ name: '建筑施工现场安全培训', hours: 9 }),
  );
  expect(officeRecords.courses).toContainEqual(expect.objectContaining({ name: '现场临时增加的课程' }));

  // The audit log shows the writes of both computers, and exports.
  await office.openTab('audit');
  await expect(office.page.getByRole('row').filter({ hasText: '课程' }).first()).toBeVisible();
  await officeContext.close();
  await laptopContext.close();
});
