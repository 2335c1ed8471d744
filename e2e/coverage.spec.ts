import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CoveragePage } from './pages/coverage-page';
import { makeTrainees } from './fixtures/trainees';

/** Where to leave PNGs for a person to look at (SAFETRAIN_SHOTS_DIR), else nowhere. */
const SHOTS = process.env.SAFETRAIN_SHOTS_DIR;
const workDir = mkdtempSync(path.join(tmpdir(), 'safetrain-coverage-'));

/**
 * How each manager was trained: A attended the 2025 course (48 class hours: current in 2026), B only the 2024
 * one (no refresher in 2025: overdue), C never.
 */
type Group = 'A' | 'B' | 'C';
interface Manager {
  name: string;
  idNumber: string;
  group: Group;
}
interface EnterpriseSpec {
  name: string;
  town: string;
  industry: string;
  aboveDesignatedSize: boolean;
  principal?: Manager;
  officers: Manager[];
}

const people = makeTrainees(16, 83);
let next = 0;
const m = (group: Group): Manager => {
  const t = people[next++]!;
  return { name: t.name, idNumber: t.idNumber, group };
};
const QS = '青山镇';
const LQ = '柳桥镇';
const HC = 'hazardous-chemicals';
const DISTRICT: EnterpriseSpec[] = [
  {
    name: '青山精细化工有限公司',
    town: QS,
    industry: HC,
    aboveDesignatedSize: true,
    principal: m('A'),
    officers: [m('A')],
  },
  {
    name: '青山新材料化工有限公司',
    town: QS,
    industry: HC,
    aboveDesignatedSize: true,
    principal: m('A'),
    officers: [m('B')],
  },
  {
    name: '柳桥涂料化工厂',
    town: LQ,
    industry: HC,
    aboveDesignatedSize: false,
    principal: m('A'),
    officers: [],
  },
  {
    name: '柳桥助剂化工有限公司',
    town: LQ,
    industry: HC,
    aboveDesignatedSize: false,
    principal: m('A'),
    officers: [m('A')],
  },
  {
    name: '青山建筑工程有限公司',
    town: QS,
    industry: 'construction',
    aboveDesignatedSize: true,
    principal: m('C'),
    officers: [m('A')],
  },
  {
    name: '柳桥建设集团有限公司',
    town: LQ,
    industry: 'construction',
    aboveDesignatedSize: true,
    principal: m('A'),
    officers: [m('A'), m('A')],
  },
  {
    name: '青山五金制品厂',
    town: QS,
    industry: 'manufacturing',
    aboveDesignatedSize: false,
    officers: [m('A')],
  },
  {
    name: '柳桥机械有限公司',
    town: LQ,
    industry: 'manufacturing',
    aboveDesignatedSize: true,
    principal: m('B'),
    officers: [m('A')],
  },
];
const managers = DISTRICT.flatMap((e) => [...(e.principal ? [e.principal] : []), ...e.officers]);

/** The test's own rule, written from the definition on the page: a principal, an officer, everyone in group A. */
const covered = (e: EnterpriseSpec) =>
  e.principal?.group === 'A' && e.officers.length > 0 && e.officers.every((o) => o.group === 'A');

function expected(filter: (e: EnterpriseSpec) => boolean, target: number | null) {
  const list = DISTRICT.filter(filter);
  const n = list.filter(covered).length;
  const share = `${((n / list.length) * 100).toFixed(1)}%`;
  const verdict = target === null ? '—' : (n / list.length) * 100 >= target ? '达标' : '未达标';
  return [String(list.length), String(n), share, target === null ? '未设目标' : `${target}%`, verdict];
}

/** 08:00-20:00 is 720 minutes: 16 class hours of 45 minutes; three such days are 48 class hours. */
const threeDays = (year: number) =>
  [14, 15, 16].map((d) => ({ date: `${year}-04-${d}`, start: '08:00', end: '20:00' }));

interface BrowserWindow {
  localStorage: { setItem(key: string, value: string): void };
  safetrainE2e?: {
    checkInEveryone(sessionId: string, date: string): Promise<number>;
    seedDistrict(spec: unknown): Promise<string[]>;
  };
}

async function printToPdf(page: Page, name: string): Promise<string> {
  await expect(page.locator('[data-print-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, name)]);
  }
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('coverage against targets from a district the test builds, and a training notice for the coming sessions', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() =>
    (globalThis as unknown as BrowserWindow).localStorage.setItem('safetrain.e2e', '1'),
  );
  await page.clock.install({ time: new Date('2024-04-01T09:00:00+08:00') });
  const app = new CoveragePage(page);
  await app.open();
  await expect(page.getByRole('heading', { name: '欢迎使用安训' })).toBeVisible();

  const byGroup = (g: Group) => managers.filter((x) => x.group === g).map((x) => x.idNumber);
  const sessionIds = await page.evaluate(
    ([district, a, b]) =>
      (globalThis as unknown as BrowserWindow).safetrainE2e!.seedDistrict({
        enterprises: district,
        sessions: [
          {
            courseName: '主要负责人和安全生产管理人员初次培训（2024）',
            audience: 'principal',
            kind: 'initial',
            hours: 48,
            days: [14, 15, 16].map((d) => ({ date: `2024-04-${d}`, start: '08:00', end: '20:00' })),
            venue: '区应急管理局三楼培训室',
            enroll: b,
          },
          {
            courseName: '主要负责人和安全生产管理人员初次培训（2025）',
            audience: 'principal',
            kind: 'initial',
            hours: 48,
            days: [14, 15, 16].map((d) => ({ date: `2025-04-${d}`, start: '08:00', end: '20:00' })),
            venue: '区应急管理局三楼培训室',
            enroll: a,
          },
          {
            courseName: '危险化学品企业主要负责人再培训',
            audience: 'principal',
            kind: 'refresher',
            hours: 16,
            days: [{ date: '2026-07-06', start: '08:30', end: '17:30' }],
            venue: '青山镇政府二楼会议室',
            enroll: [],
          },
          {
            courseName: '安全生产管理人员再培训',
            audience: 'safety-officer',
            kind: 'refresher',
            hours: 16,
            days: [{ date: '2026-07-30', start: '08:30', end: '17:30' }],
            venue: '柳桥镇安全生产培训中心',
            enroll: [],
          },
        ],
      }),
    [DISTRICT, byGroup('A'), byGroup('B')] as const,
  );
  const [session2024, session2025] = sessionIds as [string, string];
  for (const [id, year] of [
    [session2024, 2024],
    [session2025, 2025],
  ] as const) {
    for (const day of threeDays(year)) {
      await page.clock.setSystemTime(new Date(`${day.date}T07:50:00+08:00`));
      await page.evaluate(
        ([sessionId, date]) =>
          (globalThis as unknown as BrowserWindow).safetrainE2e!.checkInEveryone(sessionId!, date!),
        [id, day.date],
      );
    }
  }

  // Mid-June 2026: the 2025 trainees are current (this year's refresher has time left), the 2024 ones overdue.
  await page.clock.setSystemTime(new Date('2026-06-15T09:00:00+08:00'));
  await app.open('/coverage');
  await app.expectHeading('覆盖率');
  await expect(page.getByText('覆盖的含义')).toBeVisible();
  await expect(app.categoryRow('全部企业')).toBeVisible({ timeout: 20_000 });
  const rows: Array<[string, (e: EnterpriseSpec) => boolean, number | null]> = [
    ['全部企业', () => true, 50],
    ['规模以上企业', (e) => e.aboveDesignatedSize, 60],
    ['危险化学品企业', (e) => e.industry === HC, 80],
    [QS, (e) => e.town === QS, 50],
    [LQ, (e) => e.town === LQ, 50],
  ];
  for (const [label, filter, target] of rows) {
    expect((await app.categoryCells(label)).slice(1), label).toEqual(expected(filter, target));
  }

  // The enterprises not covered, each with its reason.
  const notCovered = DISTRICT.filter((e) => !covered(e));
  await expect(page.getByText(`尚未覆盖的企业（${notCovered.length} 家）`)).toBeVisible();
  await expect(app.uncoveredRow('青山新材料化工有限公司')).toContainText('安全生产管理人员再培训逾期');
  await expect(app.uncoveredRow('柳桥涂料化工厂')).toContainText('未登记安全生产管理人员');
  await expect(app.uncoveredRow('青山建筑工程有限公司')).toContainText('主要负责人从未培训');
  await expect(app.uncoveredRow('青山五金制品厂')).toContainText('未登记主要负责人');
  await expect(app.uncoveredRow('柳桥机械有限公司')).toContainText('主要负责人再培训逾期');
  await expect(app.uncoveredTable().getByRole('row')).toHaveCount(notCovered.length + 1);
  await shot(page, 'coverage-zh');

  // Filtered by town, then printed as it is filtered.
  await app.filterTown(QS);
  const inQs = notCovered.filter((e) => e.town === QS);
  await expect(page.getByText(`尚未覆盖的企业（${inQs.length} 家）`)).toBeVisible();
  await page.getByRole('button', { name: '打印覆盖率报告' }).click();
  const report = (await printToPdf(page, 'coverage-print-zh')).replace(/\s+/g, '');
  expect(report).toContain('安全生产培训覆盖率报告');
  for (const e of inQs) expect(report).toContain(e.name);
  expect(report).not.toContain('柳桥机械有限公司');

  // A target set in 设置 changes the verdict: 2 of 4 hazardous-chemicals enterprises meet 50%.
  await app.open('/settings');
  // The form is filled from the stored settings once they are read: type after that.
  await expect(page.getByLabel('证书编号前缀')).toHaveValue('AX');
  await expect(page.getByRole('spinbutton', { name: '危险化学品企业' })).toHaveValue('80');
  await page.getByLabel('颁发机构').fill('示范区应急管理局');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(app.toast('设置已保存')).toBeVisible();
  const hazardousTarget = page.getByRole('spinbutton', { name: '危险化学品企业' });
  await hazardousTarget.fill('50');
  await page
    .locator('.ant-card')
    .filter({ hasText: '覆盖率目标' })
    .getByRole('button', { name: '保存' })
    .click();
  await expect(app.toast('设置已保存')).toBeVisible();
  await app.open('/coverage');
  await expect
    .poll(async () => (await app.categoryCells('危险化学品企业')).slice(1))
    .toEqual(expected((e) => e.industry === HC, 50));

  // Training notice: the coming month's planned sessions (the 6 July one; 30 July is beyond 30 days).
  await app.open('/sessions');
  await page.getByRole('button', { name: '培训通知' }).click();
  await app.expectHeading('培训通知');
  const chosen = page.getByRole('table', { name: '通知的培训班' });
  await expect(chosen.getByRole('row').filter({ hasText: '危险化学品企业主要负责人再培训' })).toBeVisible();
  await expect(chosen.getByRole('row').filter({ hasText: '安全生产管理人员再培训' })).toHaveCount(0);
  await page.getByLabel('联系人', { exact: true }).fill('林海波');
  await page.getByLabel('联系电话', { exact: true }).fill('0519-88001234');
  await shot(page, 'notices-zh');
  await page.getByRole('button', { name: '打印通知' }).click();
  // Table cells wrap: compare the text without line breaks and spaces.
  const notice = (await printToPdf(page, 'notice-zh')).replace(/\s+/g, '');
  expect(notice).toContain('关于参加安全生产培训的通知');
  expect(notice).toContain('示范区应急管理局');
  expect(notice).toContain('危险化学品企业主要负责人再培训');
  expect(notice).toContain('青山镇政府二楼会议室');
  expect(notice).toContain('2026年7月6日');
  expect(notice).toContain('08:30-17:30');
  expect(notice).toContain('本人居民身份证原件');
  expect(notice).toContain('林海波');
  expect(notice).toContain('0519-88001234');
  expect(notice).not.toContain('柳桥镇安全生产培训中心');

  // The home screen: the managers overdue are counted (the 2024-only ones), and each tile links to its page.
  await app.open('/');
  const overdueTile = page.getByRole('link', { name: '再培训逾期人数，打开培训提醒' });
  await expect(overdueTile).toContainText(String(byGroup('B').length));
  await shot(page, 'home-zh');
  await overdueTile.click();
  await app.expectHeading('培训提醒');

  // The same screens in English.
  await page.getByText('English', { exact: true }).click();
  await app.open('/');
  await expect(page.getByRole('link', { name: 'Refreshers overdue, open reminders' })).toContainText(
    String(byGroup('B').length),
  );
  await shot(page, 'home-en');
  await app.open('/coverage');
  await app.expectHeading('Coverage');
  await expect(page.getByRole('table', { name: 'Coverage by category' }).getByRole('row')).toHaveCount(6);
  await shot(page, 'coverage-en');
  await page.getByRole('button', { name: 'Print coverage report' }).click();
  expect(await printToPdf(page, 'coverage-print-en')).toContain('Safety training coverage report');
  await app.open('/notices');
  await app.expectHeading('Training notices');
  await page.getByRole('button', { name: 'Print notice' }).click();
  const english = await printToPdf(page, 'notice-en');
  expect(english).toContain('Notice of safety training sessions');
  expect(english).toContain('Original resident ID card');
});
