import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './e2e-server';
import { loadDemo } from './fixtures/checkin-setup';
import { DataPage } from './pages/data-page';
import { PeoplePage } from './pages/people-page';
import { encodeBackup } from '../renderer/src/domain/backup-format';

// Two or three fresh browsers per test, and a database built and upgraded in each.
test.slow();

/** The test-only module that builds the database as an older app left it (Dexie + db/schema.ts applySchema). */
const LEGACY_MODULE = path.resolve('renderer/src/db/legacy-database.test-support.ts');
const MODULE_URL = `${E2E_BASE_URL}__e2e/legacy-database.js`;
const BLANK_URL = `${E2E_BASE_URL}__e2e/blank.html`;

let moduleCode: string | undefined;

/** The module bundled for the browser once per run (rolldown: the bundler Vite itself uses). */
async function legacyModule(): Promise<string> {
  if (!moduleCode) {
    const out = await build({
      input: LEGACY_MODULE,
      output: { format: 'esm' },
      write: false,
      logLevel: 'silent',
    });
    moduleCode = out.output[0].code;
  }
  return moduleCode;
}

/**
 * A page of the app's origin (so that it sees the app's IndexedDB) that is not the app (which would open and
 * upgrade the database at once), with the legacy module served beside it.
 */
async function blankPageOfTheOrigin(context: BrowserContext): Promise<Page> {
  const code = await legacyModule();
  await context.route(MODULE_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: code }));
  await context.route(BLANK_URL, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>e2e</title>' }),
  );
  const page = await context.newPage();
  await page.goto(BLANK_URL);
  return page;
}

type Tables = Record<string, Array<Record<string, unknown>>>;
/** What the module exports (renderer/src/db/legacy-database.test-support.ts; another TypeScript project). */
interface Legacy {
  CURRENT_SCHEMA_VERSION: number;
  nameInitials(name: string): string[];
  tablesOf(version: number): string[];
  buildDatabaseAtVersion(version: number, tables: Tables): Promise<number>;
  readUpgradedDatabase(
    initials: string[],
    years: string[],
    statuses: string[],
    roles: string[],
  ): Promise<{
    storedVersion: number;
    verno: number;
    tables: Tables;
    index: {
      peopleByInitials: Record<string, string[]>;
      attendanceByYear: Record<string, number>;
      certificatesByStatus: Record<string, number>;
      peopleByRole: Record<string, number>;
    };
  }>;
}

/** The demo district, through a backup of it made with the app: every kind of record, as the app writes them. */
async function demoTables(context: BrowserContext): Promise<Tables> {
  const data = new DataPage(await context.newPage());
  await loadDemo(data.page);
  await data.openTab('backup');
  const backup = await data.backUp();
  const [, line] = gunzipSync(readFileSync(backup.path)).toString('utf8').split('\n');
  await data.page.close();
  return JSON.parse(line!) as Tables;
}

/** The same records as version 1 stored them: only its tables, and people without the search initials of version 2. */
async function asVersion1(page: Page, tables: Tables): Promise<Tables> {
  const names = await page.evaluate(async (url) => ((await import(url)) as Legacy).tablesOf(1), MODULE_URL);
  return Object.fromEntries(
    names.map((name) => [
      name,
      (tables[name] ?? []).map((row) => {
        if (name !== 'people') return row;
        const { nameInitials: _, ...v1 } = row;
        return v1;
      }),
    ]),
  );
}

function byId(rows: unknown[]): Array<Record<string, unknown>> {
  return [...(rows as Array<Record<string, unknown>>)].sort((a, b) =>
    String(a.id).localeCompare(String(b.id)),
  );
}

test('a version-1 database full of data is upgraded to the current version when the app opens it', async ({
  browser,
}) => {
  const office = await browser.newContext({ acceptDownloads: true });
  const demo = await demoTables(office);
  await office.close();

  const site = await browser.newContext();
  const page = await blankPageOfTheOrigin(site);
  const v1 = await asVersion1(page, demo);
  expect(v1.people!.length).toBeGreaterThan(10);
  expect(v1.attendance!.length).toBeGreaterThan(10);
  expect(v1.certificates!.length).toBeGreaterThan(0);
  const built = await page.evaluate(
    async ({ url, tables }) => ((await import(url)) as Legacy).buildDatabaseAtVersion(1, tables),
    { url: MODULE_URL, tables: v1 },
  );
  expect(built).toBe(1);

  // The app opens it: the upgrades of db/schema.ts run, whatever the current version is by now.
  await page.goto(`${E2E_BASE_URL}#/people`);
  const people = new PeoplePage(page);
  await expect(people.searchBox).toBeVisible({ timeout: 60_000 });
  const someone = v1.people!.find((p) => !p.deletedAt && /^[\u4e00-\u9fa5]{2,3}$/.test(String(p.name)))!;

  await page.goto(BLANK_URL);
  const live = (rows: Tables[string]) => rows.filter((r) => !r.deletedAt);
  const years = [...new Set(v1.attendance!.map((a) => String(a.date).slice(0, 4)))];
  const statuses = [...new Set(v1.certificates!.map((c) => String(c.status)))];
  const roles = [...new Set(v1.people!.map((p) => String(p.role)))];
  const upgraded = await page.evaluate(
    async ({ url, names, years, statuses, roles }) => {
      const legacy = (await import(url)) as Legacy;
      const initials = names.map((n) => legacy.nameInitials(n)[0]!);
      return {
        current: legacy.CURRENT_SCHEMA_VERSION,
        expectedInitials: names.map((n) => legacy.nameInitials(n)),
        initials,
        db: await legacy.readUpgradedDatabase(initials, years, statuses, roles),
      };
    },
    { url: MODULE_URL, names: v1.people!.map((p) => String(p.name)), years, statuses, roles },
  );
  expect(upgraded.current).toBeGreaterThanOrEqual(3);
  // Upgraded by the app itself (the version stored before this test's own read opened it), to the current one.
  expect(upgraded.db.storedVersion).toBe(upgraded.current);
  expect(upgraded.db.verno).toBe(upgraded.current);

  // Every record of every version-1 table is still there, unchanged, stamps included; people gained their initials.
  for (const [table, rows] of Object.entries(v1)) {
    const expected =
      table === 'people' ? rows.map((p, i) => ({ ...p, nameInitials: upgraded.expectedInitials[i] })) : rows;
    expect(byId(upgraded.db.tables[table] ?? []), table).toEqual(byId(expected));
  }
  // The indexes later versions added answer over the old records: initials, attendance by date, certificates by
  // status, people by role.
  for (const [i, person] of v1.people!.entries()) {
    expect(upgraded.db.index.peopleByInitials[upgraded.initials[i]!]).toContain(person.id);
  }
  for (const year of years) {
    expect(upgraded.db.index.attendanceByYear[year]).toBe(
      v1.attendance!.filter((a) => String(a.date).startsWith(year)).length,
    );
  }
  for (const status of statuses) {
    expect(upgraded.db.index.certificatesByStatus[status]).toBe(
      v1.certificates!.filter((c) => c.status === status).length,
    );
  }
  for (const role of roles) {
    expect(upgraded.db.index.peopleByRole[role]).toBe(v1.people!.filter((p) => p.role === role).length);
  }

  // And the screens read it: the register finds a person by pinyin initials, the certificates are listed.
  await page.goto(`${E2E_BASE_URL}#/people`);
  await people.search(upgraded.expectedInitials[v1.people!.indexOf(someone)]![0]!.toLowerCase());
  await expect(page.getByRole('main').getByText(String(someone.name)).first()).toBeVisible();
  await page.goto(`${E2E_BASE_URL}#/certificates`);
  const number = String(live(v1.certificates!)[0]!.number);
  await expect(page.getByRole('main').getByText(number).first()).toBeVisible({ timeout: 30_000 });
  await site.close();
});

test('a backup made by version 1 of the app restores, brought up to date on the way', async ({ browser }) => {
  const office = await browser.newContext({ acceptDownloads: true });
  const demo = await demoTables(office);
  const scratch = await blankPageOfTheOrigin(office);
  const v1 = await asVersion1(scratch, demo);
  await office.close();
  const oldBackup = await encodeBackup(
    {
      kind: 'backup',
      reason: 'quit',
      schemaVersion: 1,
      createdAt: '2026-03-01T08:00:00.000Z',
      deviceId: 'old-device',
      deviceCode: 'Z9',
    },
    v1,
  );
  mkdirSync(test.info().outputDir, { recursive: true });
  const file = path.join(test.info().outputDir, '旧版本备份.stbak');
  writeFileSync(file, oldBackup);

  const laptop = await browser.newContext({ acceptDownloads: true });
  const data = new DataPage(await laptop.newPage());
  await data.openTab('backup');
  await data.chooseBackup(file);
  await expect(data.preview).toContainText('1');
  await expect(data.previewRow('学员').getByRole('cell').nth(2)).toHaveText(String(v1.people!.length));
  await data.restore();

  const page = await blankPageOfTheOrigin(laptop);
  const restored = await page.evaluate(
    async ({ url }) => {
      const legacy = (await import(url)) as Legacy;
      return {
        current: legacy.CURRENT_SCHEMA_VERSION,
        db: await legacy.readUpgradedDatabase([], [], [], []),
      };
    },
    { url: MODULE_URL },
  );
  expect(restored.db.storedVersion).toBe(restored.current);
  for (const table of ['enterprises', 'courses', 'sessions', 'enrollments', 'attendance', 'certificates']) {
    expect(byId(restored.db.tables[table] ?? []), table).toEqual(byId(v1[table]!));
  }
  const people = byId(restored.db.tables.people ?? []);
  expect(people.map(({ nameInitials: _, ...p }) => p)).toEqual(byId(v1.people!));
  expect(people.every((p) => Array.isArray(p.nameInitials) && p.nameInitials.length > 0)).toBe(true);
  await laptop.close();
});
