import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { readRosterSheets } from '../renderer/src/import/analyze-roster';

test('the certificates list exports to a real .xlsx with what the list shows, ID numbers masked', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(app.toast('演示数据已加载')).toBeVisible();
  await app.goTo('证书');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  const listed = await page.locator('.ant-table-tbody tr.ant-table-row').count();
  expect(listed).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^证书-\d{8}\.xlsx$/);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const [sheet] = await readRosterSheets({ name: download.suggestedFilename(), bytes });
  const rows = sheet!.rows.filter((r) => r.cells.some((c) => c !== ''));
  expect(rows[0]!.cells.slice(0, 3)).toEqual(['证书编号', '姓名', '身份证号']);
  expect(rows).toHaveLength(listed + 1);
  for (const row of rows.slice(1)) expect(row.cells[2]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
});

test('the trainee register exports every page of the filtered list', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(app.toast('演示数据已加载')).toBeVisible();
  await app.goTo('学员');
  const totalText = await page
    .getByText(/共 \d+ 条/)
    .first()
    .textContent();
  const total = Number(totalText!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  const [sheet] = await readRosterSheets({
    name: download.suggestedFilename(),
    bytes: new Uint8Array(readFileSync(await download.path())),
  });
  const rows = sheet!.rows.filter((r) => r.cells.some((c) => c !== ''));
  expect(rows[0]!.cells.slice(0, 2)).toEqual(['姓名', '身份证号']);
  expect(rows).toHaveLength(total + 1);
});
