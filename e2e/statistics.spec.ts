import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { StatisticsPage } from './pages/statistics-page';
import { makeTrainees } from './fixtures/trainees';
import { readRosterSheets } from '../renderer/src/import/analyze-roster';

/** Where to leave PNGs for a person to look at (SAFETRAIN_SHOTS_DIR), else nowhere. */
const SHOTS = process.env.SAFETRAIN_SHOTS_DIR;
const workDir = mkdtempSync(path.join(tmpdir(), 'safetrain-statistics-'));

type Status = 'present' | 'late' | 'left-early' | 'absent' | 'excused';
interface SessionSpec {
  courseName: string;
  audience: 'worker' | 'principal';
  days: Array<{ date: string; start: string; end: string }>;
  venue: string;
  attendance: Array<{ idNumber: string; statuses: Status[] }>;
}

// 08:00-11:00 is 180 minutes: 4 class hours of 45 minutes, credited in full to everyone present.
const HOURS_PER_DAY = 4;
const day = (date: string) => ({ date, start: '08:00', end: '11:00' });
const trainees = makeTrainees(8, 7);
const [LQ, QS] = ['柳桥建筑工程有限公司', '青山机械有限公司'];
const ENTERPRISES = [
  { name: LQ, town: '柳桥镇', industry: 'construction' },
  { name: QS, town: '青山镇', industry: 'manufacturing' },
];
const employerOf = (i: number) => (i < 4 ? LQ : i < 7 ? QS : undefined);
const PEOPLE = trainees.map((t, i) => ({ name: t.name, idNumber: t.idNumber, enterprise: employerOf(i) }));
const who = (i: number) => trainees[i]!.idNumber;
const SESSIONS: SessionSpec[] = [
  {
    courseName: '农民工安全生产知识培训',
    audience: 'worker',
    days: [day('2026-03-10'), day('2026-03-11')],
    venue: '柳桥建筑工地',
    attendance: [
      { idNumber: who(0), statuses: ['present', 'present'] },
      { idNumber: who(1), statuses: ['present', 'absent'] },
      { idNumber: who(2), statuses: ['absent', 'absent'] },
      { idNumber: who(3), statuses: ['excused', 'present'] },
      { idNumber: who(4), statuses: ['present', 'present'] },
    ],
  },
  {
    courseName: '主要负责人安全培训',
    audience: 'principal',
    days: [day('2026-03-20')],
    venue: '区应急管理局三楼培训室',
    attendance: [
      { idNumber: who(5), statuses: ['present'] },
      { idNumber: who(6), statuses: ['absent'] },
      { idNumber: who(7), statuses: ['present'] },
    ],
  },
  {
    // Across the period's end: only 31 March counts.
    courseName: '农民工安全生产知识培训',
    audience: 'worker',
    days: [day('2026-03-31'), day('2026-04-01')],
    venue: '青山镇文化站',
    attendance: [
      { idNumber: who(0), statuses: ['present', 'present'] },
      { idNumber: who(6), statuses: ['present', 'absent'] },
    ],
  },
  {
    // Before the period: not counted at all.
    courseName: '农民工安全生产知识培训',
    audience: 'worker',
    days: [day('2026-02-15')],
    venue: '柳桥建筑工地',
    attendance: [{ idNumber: who(1), statuses: ['present'] }],
  },
];
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };
const BUREAU = '示范区应急管理局';

/** The test's own count, written from the definitions on the page, over the sessions that pass `keep`. */
function expected(keep: (s: SessionSpec, idNumber: string) => boolean) {
  const sessions = new Set<number>();
  const people = new Set<string>();
  let personTimes = 0;
  let attended = 0;
  let absent = 0;
  SESSIONS.forEach((s, index) => {
    const inPeriod = s.days.map((d) => d.date >= PERIOD.from && d.date <= PERIOD.to);
    if (!inPeriod.includes(true)) return;
    for (const a of s.attendance) {
      if (!keep(s, a.idNumber)) continue;
      const days = a.statuses.filter((_, d) => inPeriod[d]);
      const came = days.filter((x) => x === 'present' || x === 'late' || x === 'left-early').length;
      attended += came;
      absent += days.filter((x) => x === 'absent').length;
      if (came > 0) {
        sessions.add(index);
        people.add(a.idNumber);
        personTimes += 1;
      }
    }
  });
  return {
    sessions: sessions.size,
    people: people.size,
    personTimes,
    hours: attended * HOURS_PER_DAY,
    rate: `${((attended / (attended + absent)) * 100).toFixed(1)}%`,
  };
}

interface BrowserWindow {
  localStorage: { setItem(key: string, value: string): void };
  safetrainE2e?: { seedStatistics(spec: unknown): Promise<void> };
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function printToPdf(page: Page, name: string): Promise<string> {
  await expect(page.locator('[data-print-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const file = path.join(workDir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, name)]);
  }
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('statistics of a period match the totals the test computes; export and printed report', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(() =>
    (globalThis as unknown as BrowserWindow).localStorage.setItem('safetrain.e2e', '1'),
  );
  await page.clock.install({ time: new Date('2026-04-10T09:00:00+08:00') });
  const app = new StatisticsPage(page);
  await app.open();
  await expect(page.getByRole('heading', { name: '欢迎使用安训' })).toBeVisible();
  await page.evaluate((spec) => (globalThis as unknown as BrowserWindow).safetrainE2e!.seedStatistics(spec), {
    issuingBody: BUREAU,
    enterprises: ENTERPRISES,
    people: PEOPLE,
    sessions: SESSIONS,
  });

  // Through the menu, then the period.
  await app.goTo('统计报表');
  await app.expectHeading('统计报表');
  await app.openPeriod(PERIOD.from, PERIOD.to);
  const all = expected(() => true);
  // Sessions held count every session with a day in the period, attended or not.
  const held = SESSIONS.filter((s) =>
    s.days.some((d) => d.date >= PERIOD.from && d.date <= PERIOD.to),
  ).length;
  await expect.poll(() => app.figure('培训场次')).toBe(String(held));
  expect(await app.figure('培训人数')).toBe(String(all.people));
  expect(await app.figure('培训人次')).toBe(String(all.personTimes));
  expect(await app.figure('培训学时（人·学时）')).toBe(String(all.hours));
  expect(await app.figure('出勤率')).toBe(all.rate);
  await expect(page.getByRole('img', { name: '图表：按培训对象' })).toBeVisible();
  await shot(page, 'statistics-zh');

  // By enterprise: the employer at training time.
  await app.showBreakdown('按企业');
  for (const name of [LQ, QS]) {
    const e = expected((_, id) => PEOPLE.find((p) => p.idNumber === id)?.enterprise === name);
    expect(await app.rowCells('按企业', name)).toEqual([
      name,
      String(e.sessions),
      String(e.people),
      String(e.personTimes),
      String(e.hours),
      e.rate,
    ]);
  }
  // Migrant workers by home province: 四川 is the region 511321 of trainees 1 and 6.
  await app.showBreakdown('农民工按户籍省份');
  const sichuan = expected((s, id) => s.audience === 'worker' && id.startsWith('51'));
  expect((await app.rowCells('农民工按户籍省份', '四川省')).slice(2, 5)).toEqual([
    String(sichuan.people),
    String(sichuan.personTimes),
    String(sichuan.hours),
  ]);
  await expect(page.getByRole('img', { name: '图表：农民工按户籍省份' })).toBeVisible();
  await shot(page, 'statistics-province-zh');

  // The workbook holds the total and every breakdown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^培训统计-\d{8}\.xlsx$/);
  const [sheet] = await readRosterSheets({
    name: download.suggestedFilename(),
    bytes: new Uint8Array(readFileSync(await download.path())),
  });
  // Numbers are stored as numbers (the reader gives their digits), text as text.
  const rows = sheet!.rows.map((r) => r.cells.map((c) => (typeof c === 'string' ? c : c.numeric)));
  expect(rows[0]).toEqual([
    '分类',
    '项目',
    '培训场次',
    '培训人数',
    '培训人次',
    '培训学时（人·学时）',
    '出勤率',
  ]);
  expect(rows[1]).toEqual([
    '合计',
    `${PERIOD.from} ~ ${PERIOD.to}`,
    String(held),
    String(all.people),
    String(all.personTimes),
    String(all.hours),
    all.rate,
  ]);
  expect(rows.some((r) => r[0] === '按企业' && r[1] === LQ)).toBe(true);

  // The printed report: title block, period, figures.
  await page.getByRole('button', { name: '打印报表' }).click();
  const text = await printToPdf(page, 'statistics-report-zh');
  expect(text).toContain('安全生产培训统计报表');
  expect(text).toContain(BUREAU);
  expect(text).toContain('2026年3月1日');
  expect(text).toContain('按企业');
  expect(text).toMatch(/第 ?1 ?页/);
  expect(text.replace(/\s+/g, ' ')).toContain(
    `${held} ${all.people} ${all.personTimes} ${all.hours} ${all.rate}`,
  );

  // In English.
  await page.goto('/#/statistics?preset=custom&from=2026-03-01&to=2026-03-31');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Statistics', level: 2 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'People trained', exact: true })).toContainText(
    String(all.people),
  );
  await shot(page, 'statistics-en');
  await page.getByRole('button', { name: 'Print report' }).click();
  const english = await printToPdf(page, 'statistics-report-en');
  expect(english).toContain('Work safety training statistics');
});
