import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { SessionPage } from './pages/session-page';
import { makeTrainees, withWrongCheckChar } from './fixtures/trainees';
import { ARRIVAL, ISSUING_BODY, MORNING, setUpSessionDay, WORKER_COURSE } from './fixtures/session-day';
import { maskIdNumber } from '../renderer/src/domain/resident-id';

test('a coordinator runs the whole loop: course, session, trainees, check-in, certificates, PDF', async ({
  page,
}) => {
  // The whole loop, check-in now through the station's own screen: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  await page.clock.install({ time: MORNING });
  const app = new AppPage(page);
  const session = new SessionPage(page);
  const [zhang, li, wang] = makeTrainees(3, 7) as [
    ReturnType<typeof makeTrainees>[number],
    ReturnType<typeof makeTrainees>[number],
    ReturnType<typeof makeTrainees>[number],
  ];

  // First run: the first course, the issuing body (certificates need it), the session of the day.
  await setUpSessionDay(page, WORKER_COURSE);
  await expect(page.getByText('2026年11月20日').first()).toBeVisible();

  // Three trainees; a wrong check character is refused with a message that says what to fix.
  await session.addTrainee({ ...zhang, enterprise: '宏达建筑工程有限公司' });
  await session.addTrainee(li);
  await session.openAddTrainee();
  await session.fillTrainee({ ...wang, idNumber: withWrongCheckChar(wang.idNumber) });
  await session.saveTrainee();
  await expect(session.drawer().getByText('身份证号校验位不正确，请核对最后一位')).toBeVisible();
  await expect(page.getByText('学员名单（2人）')).toBeVisible();
  await session.drawer().getByLabel('身份证号').fill(wang.idNumber);
  await session.saveTrainee();
  await expect(app.toast(`${wang.name} 已报名`)).toBeVisible();
  await expect(page.getByText('学员名单（3人）')).toBeVisible();
  // ID numbers are masked in the list.
  await expect(session.traineeRow(zhang.name)).toContainText(maskIdNumber(zhang.idNumber));
  await expect(session.traineeRow(zhang.name)).not.toContainText(zhang.idNumber);

  // Check-in at the station by scanning; a second scan does no harm.
  await page.clock.setSystemTime(ARRIVAL);
  const station = await session.openStation();
  await station.scan(zhang.idNumber, '签到成功');
  await expect(station.result).toContainText(zhang.name);
  await expect(station.input).toBeFocused();
  await station.scan(` ${li.idNumber.toLowerCase()} `, '签到成功');
  await expect(station.result).toContainText(li.name);
  await station.scan(zhang.idNumber, '已签到，无需重复');
  await expect(station.result).toContainText(zhang.name);
  await station.scan(withWrongCheckChar(wang.idNumber), '身份证号无效');
  await station.back();
  await expect(session.traineeRow(zhang.name)).toContainText('已签到 08:21');
  await expect(session.traineeRow(wang.name)).toContainText('未到');

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByText('学员名单（3人）')).toBeVisible();
  await expect(session.traineeRow(zhang.name)).toContainText('已签到 08:21');
  await expect(session.traineeRow(li.name)).toContainText('已签到 08:21');

  // Close the session (the one who did not come is recorded absent) and issue certificates.
  await session.closeSession();
  await expect(session.traineeRow(wang.name)).toContainText('缺勤');
  const summary = await session.issueCertificates();
  expect(summary).toContain('可颁发 2 人');
  expect(summary).toContain('暂不符合条件 1 人');
  const numberPattern = /AX-2026-[0-9A-HJ-NP-RTUWXY]{2}-\d{6}-[0-9A-HJ-NP-RTUWXY]/;
  await expect(session.traineeRow(zhang.name)).toContainText(numberPattern);
  const zhangNumber = (await session.traineeRow(zhang.name).textContent())!.match(numberPattern)![0];
  const liNumber = (await session.traineeRow(li.name).textContent())!.match(numberPattern)![0];
  expect(zhangNumber).not.toBe(liNumber);

  // The print view, then the PDF: names, numbers and the bundled font embedded.
  await page.getByRole('button', { name: '打印证书' }).click();
  await expect(page.locator('[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.getByText('共2页')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存为PDF' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'safetrain-e2e-'));
  const file = path.join(dir, 'certificates.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+2\b/);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  for (const expected of [zhang.name, li.name, zhangNumber, liNumber, '安全生产培训证明', ISSUING_BODY]) {
    expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
  }
  expect(text).not.toContain(wang.name);
  expect(text).toContain(maskIdNumber(zhang.idNumber));
  expect(fonts).toMatch(/NotoSerifSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
});
