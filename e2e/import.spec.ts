import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ImportPage } from './pages/import-page';
import { generatePeopleRoster, type GeneratedRoster } from '../renderer/src/import/testing/roster-generator';

/** What the coordinator reads on a row for each problem (the start of the Chinese message). */
const SHOWN: Record<string, string> = {
  'id-checksum': '身份证号校验位不正确',
  'id-length': '身份证号位数不对',
  'id-characters': '身份证号含有非法字符',
  'id-birth-date': '身份证号中的出生日期不存在',
  'id-region': '身份证号地区码无效',
  'id-missing': '缺少身份证号',
  'id-precision-lost': '身份证号末几位已丢失',
  'name-missing': '缺少姓名',
  'gender-mismatch': '性别与身份证号不符',
  'gender-invalid': '性别无法识别',
  'duplicate-in-file': '名单内重复',
  'phone-invalid': '电话号码格式不对',
};

function save(roster: GeneratedRoster): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetrain-roster-')), roster.name);
  writeFileSync(file, roster.bytes);
  return file;
}

for (const format of ['xlsx', 'csv-gbk'] as const) {
  test(`a ${format} roster: every problem shown on its row, good rows imported once, a second import adds nothing`, async ({
    page,
  }) => {
    const roster = await generatePeopleRoster({ people: 40, format, seed: 11, decorations: true });
    const file = save(roster);
    const importer = new ImportPage(page);
    await importer.open('/import');
    await importer.chooseFile(file);

    const withErrors = roster.rows.filter((r) => r.problems.some((p) => p.severity === 'error'));
    const accepted = roster.rows.length - withErrors.length;
    await expect(importer.summary('数据行数')).toHaveText(String(roster.rows.length));
    await expect(importer.summary('可导入')).toHaveText(String(accepted));
    await expect(importer.summary('有错误')).toHaveText(String(withErrors.length));
    await expect(importer.summary('表头位置')).toHaveText(`第${roster.headerRow}行`);

    await importer.showOnly('有问题的');
    const flagged = roster.rows.filter((r) => r.problems.length > 0);
    await expect(page.getByText(`共 ${flagged.length} 条`)).toBeVisible();
    for (const expected of flagged) {
      const row = importer.row(expected.sourceRow);
      for (const problem of expected.problems) await expect(row).toContainText(SHOWN[problem.code]!);
      if (expected.problems.some((p) => p.severity === 'error')) await expect(row).toContainText('不导入');
    }
    // A clean row is not in the "with problems" list.
    const clean = roster.rows.find((r) => r.problems.length === 0)!;
    await expect(importer.row(clean.sourceRow)).toHaveCount(0);

    const first = await importer.importAccepted();
    expect(first).toContain(`新增${accepted}人`);
    expect(first).toContain(`${withErrors.length}行因错误未导入`);

    await page.getByRole('button', { name: '继续导入' }).click();
    await importer.chooseFile(file);
    await expect(page.locator('.ant-tag').filter({ hasText: '新增' })).toHaveCount(0);
    const second = await importer.importAccepted();
    expect(second).toContain('新增0人，更新0人');
    expect(second).toContain(`${accepted}人已在学员库中无需更新`);
  });
}

test.describe('files that cannot be imported are refused with a message naming the file', () => {
  for (const [name, content, says] of [
    [
      '名单.pdf',
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0, 1, 2, 0xff]),
      '请选择 .xlsx 或 .csv 文件',
    ],
    [
      '旧名单.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      '另存为” .xlsx',
    ],
    ['说明.txt', 'just a note, no header here', '找不到表头'],
    ['空表.csv', '', '没有数据'],
  ] as const) {
    test(name, async ({ page }) => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetrain-roster-')), name);
      writeFileSync(file, content);
      const importer = new ImportPage(page);
      await importer.open('/import');
      await page.locator('input[type=file]').setInputFiles(file);
      await expect(page.getByRole('alert')).toContainText(name);
      await expect(page.getByRole('alert')).toContainText(says);
    });
  }
});

test('a 10,000-row roster is checked off the main thread and saved with progress shown', async ({ page }) => {
  test.setTimeout(180_000);
  const roster = await generatePeopleRoster({
    people: 10_000,
    format: 'xlsx',
    seed: 2,
    decorations: true,
    defectEvery: 50,
  });
  const accepted = roster.rows.filter((r) => !r.problems.some((p) => p.severity === 'error')).length;
  const importer = new ImportPage(page);
  await importer.open('/import');
  await page.locator('input[type=file]').setInputFiles(save(roster));
  await expect(page.getByText(/正在检查/)).toBeVisible();
  // The screen answers while the worker reads the file: the language switch still works.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('navigation').getByText('Sessions')).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByText('逐行检查结果')).toBeVisible({ timeout: 120_000 });
  await expect(importer.summary('可导入')).toHaveText(String(accepted));
  await page.getByRole('button', { name: /^导入\d+行$/ }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.locator('.ant-result')).toContainText(`新增${accepted}人`, { timeout: 120_000 });
});

test('a roster imported from a session page enrolls everyone in that session', async ({ page }) => {
  const roster = await generatePeopleRoster({ people: 15, format: 'csv-gbk', seed: 4, decorations: false });
  const accepted = roster.rows.filter((r) => !r.problems.some((p) => p.severity === 'error')).length;
  const importer = new ImportPage(page);
  await importer.open();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(importer.toast('演示数据已加载')).toBeVisible();
  await page.getByRole('button', { name: '打开' }).first().click();
  const before = Number((await page.getByText(/学员名单（\d+人）/).textContent())!.match(/\d+/)![0]);
  await page.getByRole('button', { name: '导入名单' }).click();
  await expect(page.getByText('导入的人员会同时报名参加这个培训班。')).toBeVisible();
  await importer.chooseFile(save(roster));
  const result = await importer.importAccepted();
  expect(result).toContain(`报名本班${accepted}人`);
  await page.getByRole('button', { name: '返回培训班' }).click();
  await expect(page.getByText(`学员名单（${before + accepted}人）`)).toBeVisible();
});
