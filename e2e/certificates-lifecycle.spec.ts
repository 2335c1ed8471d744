import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { AppPage } from './pages/app-page';
import { SettingsPage } from './pages/settings-page';
import { SessionPage } from './pages/session-page';
import { CertificatesPage, VerifyPage } from './pages/certificates-page';
import { makeTrainees, type TraineeFixture } from './fixtures/trainees';
import {
  checkInAtStation,
  ISSUING_BODY,
  MORNING,
  SESSION_DATE,
  setUpSessionDay,
  WORKER_COURSE,
} from './fixtures/session-day';

const COUNT = 100;
/** Where to leave PNGs of the certificates for a person to look at (SAFETRAIN_SHOTS_DIR), else a temp folder. */
const SHOTS = process.env.SAFETRAIN_SHOTS_DIR;

/** The test-only hook the app installs when the flag is set (see features/certificates/e2e-hook.ts). */
interface HookWindow {
  safetrainE2e: {
    checkInEveryone(sessionId: string, date: string): Promise<number>;
    zipCertificates(pdfBase64: string, entries: Array<{ number: string; name: string }>): Promise<string>;
  };
}

const workDir = mkdtempSync(path.join(tmpdir(), 'safetrain-certs-'));

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Saves the print view as a PDF (as Electron's printToPDF does: CSS page sizes) and returns its file and text. */
async function printToPdf(page: Page, name: string): Promise<{ file: string; text: string; info: string }> {
  await expect(page.locator('[data-print-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return { file, text: run('pdftotext', [file, '-']), info: run('pdfinfo', [file]) };
}

function pageToPng(pdf: string, pageNumber: number, name: string) {
  const out = path.join(SHOTS ?? workDir, name);
  run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    '-singlefile',
    pdf,
    out,
  ]);
}

/** Number and verification code of every certificate in a PDF's text, in page order. */
function numbersAndCodes(text: string): Array<{ number: string; code: string }> {
  return [...text.matchAll(/证书编号：([0-9A-Z-]+)[\s\S]*?验证码：([0-9A-Z]{8})/g)].map((m) => ({
    number: m[1]!,
    code: m[2]!,
  }));
}

/** A red round seal, drawn by the browser and saved as a PNG with a transparent background. */
async function makeSealPng(page: Page): Promise<string> {
  const seal = await page.context().newPage();
  await seal.setContent(
    `<div id="s" style="width:240px;height:240px;border:10px solid #d11;border-radius:50%;color:#d11;
      display:flex;align-items:center;justify-content:center;font:bold 64px serif;box-sizing:border-box">★</div>`,
  );
  const file = path.join(workDir, 'seal.png');
  await seal.locator('#s').screenshot({ path: file, omitBackground: true });
  await seal.close();
  return file;
}

function rosterCsv(trainees: TraineeFixture[]): string {
  const file = path.join(workDir, 'roster.csv');
  const lines = ['姓名,身份证号,手机号', ...trainees.map((t) => `${t.name},${t.idNumber},${t.phone}`)];
  writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

test('100 certificates stay as issued through template and name edits; re-issue voids; verify answers', async ({
  page,
}) => {
  test.setTimeout(600_000);
  // The app's test-only seeding hook (features/certificates/e2e-hook.ts) exists only with this flag.
  await page.addInitScript("localStorage.setItem('safetrain.e2e', '1')");
  await page.clock.install({ time: MORNING });
  const app = new AppPage(page);
  const session = new SessionPage(page);
  const list = new CertificatesPage(page);
  const verify = new VerifyPage(page);
  const trainees = makeTrainees(COUNT, 11);

  // A course, the issuing body, a session with 100 trainees imported from a roster, all checked in.
  const { id: sessionId, url: sessionUrl } = await setUpSessionDay(page, WORKER_COURSE, { capacity: 120 });

  await page.getByRole('button', { name: '导入名单' }).click();
  await page.locator('input[type=file]').setInputFiles(rosterCsv(trainees));
  await expect(page.getByText('逐行检查结果')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^导入\d+行$/ }).click();
  await expect(page.locator('.ant-result').getByText(/已导入/)).toBeVisible({ timeout: 60_000 });

  await page.goto(sessionUrl);
  await expect(page.getByText(`学员名单（${COUNT}人）`)).toBeVisible();
  // One at the station as a person would; the other 99 through the test hook (the same repository call).
  await checkInAtStation(page, [trainees[0]!.idNumber]);
  expect(
    await page.evaluate(
      ([id, date]) => (globalThis as unknown as HookWindow).safetrainE2e.checkInEveryone(id, date),
      [sessionId, SESSION_DATE] as const,
    ),
  ).toBe(COUNT);
  await session.closeSession();

  const summary = await session.issueCertificates();
  expect(summary).toContain(`可颁发 ${COUNT} 人`);

  // The batch PDF: a certificate a page, A4 landscape.
  await page.goto(`/#/print/certificates?session=${sessionId}`);
  await expect(page.getByText(`共${COUNT}页`)).toBeVisible();
  const original = await printToPdf(page, 'original');
  expect(original.info).toMatch(new RegExp(`Pages:\\s+${COUNT}\\b`));
  expect(original.info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  const issued = numbersAndCodes(original.text);
  expect(issued).toHaveLength(COUNT);
  expect(new Set(issued.map((c) => c.number)).size).toBe(COUNT);
  pageToPng(original.file, 1, 'attendance-a4');

  // The ZIP of single PDFs, split from the batch PDF by the app's own module in the browser.
  const holders = [...original.text.matchAll(/兹证明\s*(\S+?)\s*（身份证号/g)].map((m) => m[1]!);
  expect(holders).toHaveLength(COUNT);
  const entries = issued.map((c, i) => ({ number: c.number, name: holders[i]! }));
  const zipBase64 = await page.evaluate(
    ([pdf, list]) => (globalThis as unknown as HookWindow).safetrainE2e.zipCertificates(pdf, list),
    [readFileSync(original.file).toString('base64'), entries] as const,
  );
  // Read back with fflate in Node: unzip(1) prints UTF-8 names garbled under a C locale.
  const files = unzipSync(Buffer.from(zipBase64, 'base64'));
  const listing = Object.keys(files);
  expect(listing).toEqual(entries.map((e) => `${e.number}-${e.name}.pdf`));
  const single = path.join(workDir, 'single.pdf');
  writeFileSync(single, files[listing[41]!]!);
  expect(run('pdfinfo', [single])).toMatch(/Pages:\s+1\b/);
  expect(run('pdftotext', [single, '-'])).toContain(entries[41]!.number);

  // Change the template (issuing body, seal, A5, titles) and a trainee's name.
  await page.goto('/#/settings');
  await new SettingsPage(page).saveIssuingBody(`${ISSUING_BODY}（新）`);
  await page.locator('input[type=file]').setInputFiles(await makeSealPng(page));
  await expect(page.getByRole('img', { name: '当前印章' })).toBeVisible();
  await page.getByLabel('A5 横向').check();
  await page.getByLabel('培训证明标题（从业人员）').fill('安全培训证明');
  await page.getByLabel('签字栏').fill('负责人签字：__________');
  await page.getByRole('button', { name: '应用到新证书' }).click();
  await expect(app.toast('证书模板已保存')).toBeVisible();

  // Someone whose name no other trainee shares, so that their page of the PDF can be found by name.
  const renamed = trainees.find((t) => trainees.filter((u) => u.name === t.name).length === 1)!;
  await page.goto('/#/people');
  await page.getByRole('searchbox').first().fill(renamed.idNumber);
  await page.getByRole('main').getByRole('link', { name: renamed.name }).first().click();
  await page.getByRole('button', { name: '编辑' }).click();
  await app.drawer().getByLabel('姓名', { exact: true }).fill('欧阳新名');
  await app.drawer().getByRole('button', { name: '保存' }).click();
  await expect(app.toast('学员“欧阳新名”已保存')).toBeVisible();

  // The reprint is the same document, word for word.
  await page.goto(`/#/print/certificates?session=${sessionId}`);
  const reprint = await printToPdf(page, 'reprint');
  expect(reprint.info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  expect(reprint.text).toBe(original.text);
  expect(reprint.text).not.toContain('欧阳新名');
  expect(reprint.text).not.toContain('（新）');

  // A correction: re-issue the renamed trainee's certificate. The old number is voided, both stay listed.
  const oldPage = original.text.split('\f').findIndex((p) => p.includes(renamed.name));
  const oldCertificate = numbersAndCodes(original.text.split('\f')[oldPage]!)[0]!;
  await page.goto('/#/certificates');
  const newNumber = await list.reissue(oldCertificate.number, '姓名变更');
  await list.search(oldCertificate.number);
  await expect(list.row(oldCertificate.number)).toContainText('已作废');
  await expect(list.row(oldCertificate.number)).toContainText('原因：姓名变更');
  await expect(list.row(oldCertificate.number)).toContainText(`已由 ${newNumber} 替代`);
  await list.search(newNumber);
  await expect(list.row(newNumber)).toContainText('欧阳新名');
  await expect(list.row(newNumber)).toContainText(`更正自 ${oldCertificate.number}`);
  await list.search('');
  await expect(page.getByText(`共 ${COUNT + 1} 条`)).toBeVisible();

  // The replacement prints with the new template: A5, the new title, body and signature line.
  await list.search(newNumber);
  await list.row(newNumber).getByRole('checkbox').check();
  await page.getByRole('button', { name: '打印所选（1）' }).click();
  const corrected = await printToPdf(page, 'corrected');
  expect(corrected.info).toMatch(/Page size:\s+59[45](\.\d+)? x 4(19|20)(\.\d+)? pts \(A5\)/);
  for (const text of ['安全培训证明', '欧阳新名', '示范区应急管理局（新）', '负责人签字', newNumber]) {
    expect(corrected.text.replace(/\s+/g, '')).toContain(text);
  }
  pageToPng(corrected.file, 1, 'attendance-a5-seal');
  const replacement = numbersAndCodes(corrected.text)[0]!;

  // The verify screen: valid, voided (with reason and replacement), forged, unknown, and a scanned QR.
  const other = issued.find((c) => c.number !== oldCertificate.number)!;
  await page.goto('/#/verify');
  await verify.verify(other.number, other.code);
  await expect(verify.answer).toHaveText('证书有效');
  await expect(page.getByText('存档记录', { exact: true })).toBeVisible();
  await expect(page.getByRole('main').last()).toContainText('********');

  await verify.verify(oldCertificate.number, oldCertificate.code);
  await expect(verify.answer).toHaveText('证书已作废');
  await expect(page.getByRole('main').last()).toContainText('作废原因：姓名变更');
  await expect(page.getByRole('main').last()).toContainText(`更正后的证书：${newNumber}`);

  const altered = other.code.slice(0, -1) + (other.code.endsWith('A') ? 'B' : 'A');
  await verify.verify(other.number, altered);
  await expect(verify.answer).toHaveText('证书疑似伪造');

  await verify.scan(`ST1|${replacement.number}|${replacement.code}`);
  await expect(verify.answer).toHaveText('证书有效');
  await expect(page.getByRole('main').last()).toContainText('欧阳新名');
});

test('a training certificate for principals: class hours table, validity, A4 and A5', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: MORNING });
  const app = new AppPage(page);
  const session = new SessionPage(page);
  const [principal] = makeTrainees(1, 23) as [TraineeFixture];

  const { url: sessionUrl } = await setUpSessionDay(
    page,
    {
      name: '主要负责人安全生产管理能力培训',
      audience: '主要负责人',
      hours: 3,
      outline: '安全生产法律法规\n安全生产管理制度\n事故隐患排查治理',
      validityMonths: 36,
    },
    { venue: '区应急管理局三楼会议室' },
  );
  await session.addTrainee(principal);
  await checkInAtStation(page, [principal.idNumber]);
  await session.closeSession();
  await session.issueCertificates();

  await page.getByRole('button', { name: '打印证书' }).click();
  const a4 = await printToPdf(page, 'principal-a4');
  for (const text of [
    '安全培训合格证明',
    '培训日期',
    '学时',
    '考核结果',
    '有效期：自2026年11月20日至2029年11月19日',
  ]) {
    expect(a4.text.replace(/\s+/g, '')).toContain(text);
  }
  pageToPng(a4.file, 1, 'qualification-a4');

  // Issued again after switching the template to A5 (a re-issue uses the current template).
  await page.goto('/#/settings');
  await new SettingsPage(page).loaded();
  await page.getByLabel('A5 横向').check();
  await page.getByRole('button', { name: '应用到新证书' }).click();
  await expect(app.toast('证书模板已保存')).toBeVisible();
  const { number } = numbersAndCodes(a4.text)[0]!;
  await page.goto('/#/certificates');
  await new CertificatesPage(page).reissue(number, '换用A5纸');
  await page.goto(sessionUrl);
  await page.getByRole('button', { name: '打印证书' }).click();
  const a5 = await printToPdf(page, 'principal-a5');
  expect(a5.info).toMatch(/Page size:\s+59[45](\.\d+)? x 4(19|20)(\.\d+)? pts \(A5\)/);
  expect(a5.text.replace(/\s+/g, '')).toContain('安全培训合格证明');
  pageToPng(a5.file, 1, 'qualification-a5');
});
