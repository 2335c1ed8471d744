import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ArchivePage, type SessionDaySpec } from './pages/archive-page';
import { EnterprisesPage } from './pages/enterprises-page';
import { makeTrainees } from './fixtures/trainees';
import { buildCreditCode } from '../renderer/src/domain/credit-code';

/** Where to leave PNGs for a person to look at (SAFETRAIN_SHOTS_DIR), else a temp folder. */
const SHOTS = process.env.SAFETRAIN_SHOTS_DIR;
const workDir = mkdtempSync(path.join(tmpdir(), 'safetrain-archive-'));
const [principalId, workerId] = makeTrainees(2, 61).map((t) => t.idNumber) as [string, string];
const PRINCIPAL = { name: '王建国', idNumber: principalId };
const WORKER = { name: '张伟', idNumber: workerId };
const CHEMICALS = '青山精细化工有限公司';
const BUILDER = '湖塘建筑工程有限公司';
const INITIAL = '危化品企业主要负责人初训';
const REFRESHER = '主要负责人再培训';
const WORKERS_COURSE = '农民工安全生产知识培训';

/**
 * What the page's window offers the test (e2e code is type-checked without the DOM library): the app's test hook,
 * which exists when the test sets its flag before the app loads (features/certificates/e2e-hook.ts).
 */
interface BrowserWindow {
  localStorage: { setItem(key: string, value: string): void };
  safetrainE2e?: { checkInEveryone(sessionId: string, date: string): Promise<number> };
}

/** 08:00-20:00 is 720 minutes: 16 class hours of 45 minutes. */
const LONG_DAY = (date: string): SessionDaySpec => ({ date, start: '08:00', end: '20:00' });

/** Everyone enrolled is checked in on each day, on the clock of that morning, through the app's own call. */
async function attendEveryDay(page: Page, sessionId: string, days: SessionDaySpec[]) {
  for (const day of days) {
    await page.clock.setSystemTime(new Date(`${day.date}T07:50:00+08:00`));
    await page.evaluate(
      ([id, date]) => (globalThis as unknown as BrowserWindow).safetrainE2e!.checkInEveryone(id!, date!),
      [sessionId, day.date],
    );
  }
}

async function printToPdf(page: Page, name: string): Promise<{ file: string; text: string }> {
  await expect(page.locator('[data-print-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, name)]);
  }
  return { file, text };
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('a hazardous-chemicals principal and a worker over three years: archive hours, statuses, reminders, assessment', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await page.addInitScript(() =>
    (globalThis as unknown as BrowserWindow).localStorage.setItem('safetrain.e2e', '1'),
  );
  await page.clock.install({ time: new Date('2024-03-01T09:00:00+08:00') });
  const app = new ArchivePage(page);
  const enterprises = new EnterprisesPage(page);

  await app.open();
  await app.goTo('设置');
  await expect(page.getByLabel('证书编号前缀')).toHaveValue('AX');
  await page.getByLabel('颁发机构').fill('示范区应急管理局');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(app.toast('设置已保存')).toBeVisible();
  // The statutory hour table is in settings with its legal basis.
  await expect(page.getByText('法定学时要求')).toBeVisible();
  await expect(page.getByLabel('主要负责人初次培训最低学时（高危行业）')).toHaveValue('48');
  await expect(page.getByLabel('主要负责人再培训（复训）最低学时（高危行业）')).toHaveValue('16');

  await app.goTo('企业');
  for (const [name, code, town, industry] of [
    [CHEMICALS, '91320412MA1XYW321', '柳桥镇', '危险化学品'],
    [BUILDER, '91320412MA1XYW654', '湖塘镇', '建筑施工'],
  ] as const) {
    await enterprises.openNew();
    await enterprises.fill({ name, creditCode: buildCreditCode(code), town, industry });
    await enterprises.save();
    await expect(app.toast(`企业“${name}”已保存`)).toBeVisible();
  }
  await app.createPerson({ ...PRINCIPAL, role: '主要负责人', enterprise: CHEMICALS });
  await app.createPerson({ ...WORKER, role: '从业人员', enterprise: BUILDER });

  await app.createCourse({
    name: INITIAL,
    audience: '主要负责人',
    hours: 48,
    outline: '安全生产法律法规\n危险化学品安全管理\n事故应急救援',
    assessmentRequired: true,
    passScore: 60,
  });
  await app.createCourse({
    name: REFRESHER,
    audience: '主要负责人',
    kind: '再培训（复训）',
    hours: 16,
    outline: '新法规解读\n典型事故案例',
  });
  await app.createCourse({
    name: WORKERS_COURSE,
    audience: '从业人员（农民工）',
    hours: 4,
    outline: '个人防护',
  });

  // 2024: the principal's initial training, 3 long days = 48 class hours, with an assessment.
  const initialDays = ['2024-04-10', '2024-04-11', '2024-04-12'].map(LONG_DAY);
  const initial = await app.createSession(INITIAL, initialDays);
  await app.enroll(PRINCIPAL.name, PRINCIPAL.idNumber);
  await attendEveryDay(page, initial, initialDays);
  // All hours, but no assessment yet: not eligible; a passing score makes the principal eligible.
  await expect(app.assessmentRow(PRINCIPAL.name)).toContainText('48 / 48');
  await expect(app.assessmentRow(PRINCIPAL.name)).toContainText('尚未录入考核结果');
  await app.assessmentRow(PRINCIPAL.name).getByLabel(`${PRINCIPAL.name}的分数`).fill('55');
  await page.getByRole('button', { name: '保存考核结果' }).click();
  await expect(app.assessmentRow(PRINCIPAL.name)).toContainText('考核不合格');
  await app.assessmentRow(PRINCIPAL.name).getByLabel(`${PRINCIPAL.name}的分数`).fill('85');
  await page.getByRole('button', { name: '保存考核结果' }).click();
  await expect(app.assessmentRow(PRINCIPAL.name)).toContainText('可颁发');

  // 2025: a refresher of only 8 hours (16 required); the worker's first 4 hours.
  const refresherDays = [{ date: '2025-05-06', start: '08:00', end: '14:00' }];
  await page.clock.setSystemTime(new Date('2025-04-01T09:00:00+08:00'));
  const refresher = await app.createSession(REFRESHER, refresherDays);
  await app.enroll(PRINCIPAL.name, PRINCIPAL.idNumber);
  await attendEveryDay(page, refresher, refresherDays);
  for (const date of ['2025-03-10', '2026-03-12']) {
    const days = [{ date, start: '08:00', end: '11:00' }];
    const session = await app.createSession(WORKERS_COURSE, days);
    await app.enroll(WORKER.name, WORKER.idNumber);
    await attendEveryDay(page, session, days);
  }

  // Today: 29 November 2026.
  await page.clock.setSystemTime(new Date('2026-11-29T10:00:00+08:00'));
  await app.goTo('培训提醒');
  await app.expectHeading('培训提醒');
  const principalRow = app.reminderRow(PRINCIPAL.name);
  await expect(principalRow).toContainText('已逾期');
  await expect(principalRow).toContainText('2025年12月31日');
  await expect(principalRow).toContainText(CHEMICALS);
  await expect(app.reminderRow(WORKER.name)).toHaveCount(0);
  await shot(page, 'reminders-zh');
  // Filtered by industry: a construction filter leaves the chemicals principal out.
  await page.getByLabel('行业类别').click();
  await page.locator('.ant-select-dropdown:visible').getByText('建筑施工', { exact: true }).click();
  await expect(principalRow).toHaveCount(0);
  await page.getByLabel('行业类别').click();
  await page.locator('.ant-select-dropdown:visible').getByText('危险化学品', { exact: true }).click();
  await expect(principalRow).toContainText('已逾期');

  // The principal's archive: 48 of 48 initial in 2024, 8 of 16 in 2025, nothing of 16 in 2026: overdue.
  await principalRow.getByRole('link', { name: PRINCIPAL.name }).click();
  await app.expectHeading(new RegExp(PRINCIPAL.name));
  await expect(app.personArchive).toContainText('已逾期');
  await expect(app.ledgerRow(2024)).toContainText(/初次培训\s*48 学时\s*48 学时\s*达标/);
  await expect(app.ledgerRow(2025)).toContainText(/再培训（复训）\s*8 学时\s*16 学时\s*差8学时/);
  await expect(app.ledgerRow(2026)).toContainText(/再培训（复训）\s*0 学时\s*16 学时\s*差16学时/);
  await expect(app.personArchive).toContainText('合格（85分）');
  await expect(app.personArchive).toContainText('危险化学品安全管理');

  await app.personArchive.getByRole('button', { name: '打印培训档案' }).click();
  const pdf = await printToPdf(page, 'archive-principal-zh');
  expect(pdf.text).toContain('安全生产培训档案');
  expect(pdf.text).toContain('示范区应急管理局');
  // Cells wrap in the PDF's text: the course name starts one line and ends on the next.
  expect(pdf.text).toContain(INITIAL.slice(0, 8));
  expect(pdf.text).toMatch(/2024\s+初次培训\s+48\s+48\s+达标/);
  expect(pdf.text).toMatch(/2025\s+再培训（复训）\s+8\s+16\s+差8学时/);
  expect(pdf.text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
  expect(pdf.text).not.toContain(PRINCIPAL.idNumber);
  const fonts = execFileSync('pdffonts', [pdf.file], { encoding: 'utf8' });
  expect(fonts).toMatch(/NotoSerifSC/);
  await page.getByRole('button', { name: '返回' }).click();

  // The worker of a construction company: 4 of 24 in the first year, then no statutory yearly minimum.
  await app.goTo('学员');
  await page.getByRole('searchbox').fill(WORKER.name);
  await page.getByRole('main').getByRole('link', { name: WORKER.name }).click();
  await app.expectHeading(new RegExp(WORKER.name));
  await expect(app.personArchive).toContainText('正常');
  await expect(app.ledgerRow(2025)).toContainText(/初次培训\s*4 学时\s*24 学时\s*差20学时/);
  await expect(app.ledgerRow(2026)).toContainText(/再培训（复训）\s*4 学时\s*无法定要求/);

  // The enterprise's archive names the principal with the status.
  await app.goTo('企业');
  await page.getByRole('link', { name: CHEMICALS }).click();
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: '企业培训档案' })
      .getByRole('row')
      .filter({ hasText: PRINCIPAL.name }),
  ).toContainText('已逾期');

  if (SHOTS) {
    // The same screens in English, for a person to look at.
    await page.getByText('English', { exact: true }).click();
    await app.nav('Reminders').click();
    await expect(page.getByRole('heading', { name: 'Reminders', level: 2 })).toBeVisible();
    await shot(page, 'reminders-en');
    await page.getByRole('link', { name: PRINCIPAL.name }).first().click();
    await shot(page, 'person-archive-en');
    await page.getByRole('button', { name: 'Print archive' }).click();
    await printToPdf(page, 'archive-principal-en');
  }
});
