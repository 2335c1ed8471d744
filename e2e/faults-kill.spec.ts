import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './e2e-server';
import { startKillableChromium } from './fixtures/killable-chromium';
import { counts, databaseDigest, writerHolds, type DatabaseDigest } from './fixtures/database-digest';
import { loadDemo } from './fixtures/checkin-setup';
import { DataPage } from './pages/data-page';
import { generatePeopleRoster } from '../renderer/src/import/testing/roster-generator';
import { encodeBackup, type BackupManifest } from '../renderer/src/domain/backup-format';
import { buildResidentId } from '../renderer/src/domain/resident-id';

// Each test seeds, kills a browser and starts it again on the same profile: slow on a busy machine.
test.slow();

const PROFILES = process.env.SAFETRAIN_E2E_PROFILES ?? tmpdir();

function newProfile(): string {
  return mkdtempSync(path.join(PROFILES, 'safetrain-kill-'));
}

/** A browser started by the test has no Playwright baseURL: addresses are absolute. */
async function go(page: Page, route: string) {
  await page.goto(`${E2E_BASE_URL}#${route}`);
  await ready(page);
}

async function loadDemoHere(page: Page) {
  await go(page, '/');
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.locator('.ant-message').getByText('演示数据已加载')).toBeVisible({ timeout: 60_000 });
}

async function ready(page: Page) {
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 60_000 });
}

/**
 * Polls until the condition holds, then returns at once (the kill must follow within milliseconds). Fails when it
 * never holds: then the write was over before the test could catch it, and this run would test nothing.
 */
async function whenWriting(page: Page, store: string, alsoTrue: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if ((await alsoTrue()) && (await writerHolds(page, store))) return;
  }
  throw new Error(`never caught a transaction writing ${store}`);
}

function sameAs(a: DatabaseDigest, b: DatabaseDigest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

test('killing the browser in the middle of saving a 10,000-row import leaves the database as before', async () => {
  test.setTimeout(600_000);
  const profile = newProfile();
  const roster = await generatePeopleRoster({ people: 10_000, format: 'xlsx', seed: 7, decorations: false });
  const rosterPath = path.join(profile, '..', `${path.basename(profile)}-${roster.name}`);
  writeFileSync(rosterPath, roster.bytes);
  const accepted = roster.rows.filter((r) => !r.problems.some((p) => p.severity === 'error')).length;
  try {
    let chromium = await startKillableChromium(profile);
    let page = chromium.page;
    await loadDemoHere(page);
    // Into the demo's first session: people, enterprises, enrollments and audit entries are all written.
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.locator('input[type=file]').setInputFiles(rosterPath);
    await expect(page.getByText('逐行检查结果')).toBeVisible({ timeout: 180_000 });
    const before = await databaseDigest(page);

    await page.getByRole('button', { name: /^导入\d+行$/ }).click();
    const progress = page.getByRole('progressbar');
    // The moment: the save's progress shows part of the rows done, and a transaction holds the people store.
    await whenWriting(page, 'people', async () => {
      const now = Number(
        (await progress.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null)) ?? 0,
      );
      return now > 0 && now < 100;
    });
    const shownAtKill = await progress.getAttribute('aria-valuenow');
    await chromium.kill();
    test.info().annotations.push({ type: 'killed at', description: `import progress ${shownAtKill}%` });
    console.info(`[faults] import killed at ${shownAtKill}% of the rows saved`);

    chromium = await startKillableChromium(profile);
    page = chromium.page;
    await go(page, '/');
    const after = await databaseDigest(page);
    // Exactly as before: same records in every store, byte for byte. Counts in the message say which side.
    expect(
      sameAs(after, before),
      `after the kill ${JSON.stringify(counts(after))}, before ${JSON.stringify(counts(before))}`,
    ).toBe(true);

    // The database still works: the same import, run to its end, adds every row once.
    await go(page, '/');
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.locator('input[type=file]').setInputFiles(rosterPath);
    await expect(page.getByText('逐行检查结果')).toBeVisible({ timeout: 180_000 });
    await page.getByRole('button', { name: /^导入\d+行$/ }).click();
    await expect(page.locator('.ant-result')).toContainText(`新增${accepted}人`, { timeout: 180_000 });
    const done = counts(await databaseDigest(page));
    expect(done.people).toBe(before.people!.count + accepted);
    expect(done.enrollments).toBe(before.enrollments!.count + accepted);
    await chromium.kill();
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(rosterPath, { force: true });
  }
});

/** A backup of the demo district made big: the same file with thousands more people, so that a restore takes seconds. */
async function enlargedBackup(file: string, extraPeople: number): Promise<{ path: string; people: number }> {
  const [manifestLine, dataLine] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const manifest = JSON.parse(manifestLine!) as BackupManifest;
  const tables = JSON.parse(dataLine!) as Record<string, Array<Record<string, unknown>>>;
  const model = tables.people![0]!;
  for (let i = 0; i < extraPeople; i++) {
    const born = new Date(Date.UTC(1970, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10);
    const idNumber = buildResidentId('320402', born, i % 1000);
    tables.people!.push({
      ...model,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      idNumber,
      name: `测试${i}`,
    });
  }
  const { format: _f, formatVersion: _v, counts: _c, sha256: _s, ...input } = manifest;
  const bytes = await encodeBackup(input, tables);
  const out = `${file}-large.stbak`;
  writeFileSync(out, bytes);
  return { path: out, people: tables.people!.length };
}

test('killing the browser in the middle of a restore leaves the database as before', async ({ browser }) => {
  test.setTimeout(600_000);
  const profile = newProfile();
  try {
    // A backup to restore, made with the app and enlarged: taken in an ordinary browser, where downloads work.
    const office = await browser.newContext({ acceptDownloads: true });
    const setup = new DataPage(await office.newPage());
    await loadDemo(setup.page);
    await setup.openTab('backup');
    const large = await enlargedBackup((await setup.backUp()).path, 20_000);
    await office.close();

    let chromium = await startKillableChromium(profile);
    let page = chromium.page;
    await loadDemoHere(page);
    await go(page, '/data?tab=backup');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '选择备份文件（.stbak）' }).click(),
    ]);
    await chooser.setFiles(large.path);
    await expect(page.getByRole('region', { name: '备份内容' })).toBeVisible({ timeout: 60_000 });
    const before = await databaseDigest(page);

    await page.getByRole('button', { name: '恢复此备份' }).click();
    await whenWriting(page, 'people', () => Promise.resolve(true));
    await chromium.kill();

    chromium = await startKillableChromium(profile);
    page = chromium.page;
    await go(page, '/');
    const after = await databaseDigest(page);
    const side = sameAs(after, before) ? 'before' : after.people!.count === large.people ? 'after' : 'half';
    test.info().annotations.push({ type: 'landed', description: side });
    console.info(`[faults] restore killed mid-transaction; the database was found ${side} the restore`);
    expect(
      side,
      `after the kill ${JSON.stringify(counts(after))}, before ${JSON.stringify(counts(before))}`,
    ).toBe('before');
    await chromium.kill();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
