/**
 * The benchmark's page: a second Vite entry, served from the app's origin so that it sees the app's database, that
 * exposes the app's own functions (the same ones the screens call) and their raw IndexedDB baselines to the runner
 * (scripts/bench.mjs) as `window.bench`. Not part of the app bundle. Times are taken here with the page clock.
 */
import writeXlsxFile from 'write-excel-file/universal';
import { SafeTrainDb, DATABASE_NAME } from '../../renderer/src/db/database';
import { openAppDatabase } from '../../renderer/src/db/open';
import type { DbContext } from '../../renderer/src/db/context';
import { checkIn } from '../../renderer/src/db/checkin-repo';
import { findPersonByIdNumber } from '../../renderer/src/db/people-repo';
import { searchPeople, warmPeopleSearch } from '../../renderer/src/db/people-search';
import { findRegisteredIdNumbers, saveRosterImport } from '../../renderer/src/db/import-repo';
import { refreshStatistics, statisticsForPeriod } from '../../renderer/src/db/statistics-repo';
import { STATS_REBUILD_ALL } from '../../renderer/src/db/schema';
// issue 8: coverage
import { coverageReport } from '../../renderer/src/db/coverage-repo';
import { reminders } from '../../renderer/src/db/reminders-repo';
import { runAnalysis } from '../../renderer/src/features/import/run-analysis';
import type {
  Attendance,
  Certificate,
  Course,
  Enrollment,
  Enterprise,
  Person,
  Session,
  SettingRecord,
} from '../../renderer/src/db/records';
import {
  attendanceOf,
  certificateCounters,
  certificatesOf,
  coursesOf,
  enrollmentsOf,
  enterpriseAt,
  personAt,
  personIdNumber,
  sessionAt,
  settingsRecords,
  stationEnrollments,
  stationPerson,
  stationSession,
  STATION_SESSION_ID,
} from '../seed-plan';
import { seededUuid } from '../prng';
import { SIZES, type BenchSize } from '../sizes';

type Row = { id: string };

// The seed's records are the app's records: checked here, where the app's types are in scope (bench/seed-plan.ts
// is compiled without them).
const seedIsTyped = [
  personAt satisfies (size: BenchSize, index: number) => Person,
  enterpriseAt satisfies (size: BenchSize, index: number) => Enterprise,
  coursesOf satisfies () => Course[],
  sessionAt satisfies (size: BenchSize, index: number) => Session,
  stationSession satisfies () => Session,
  enrollmentsOf satisfies (size: BenchSize, index: number) => Enrollment[],
  stationEnrollments satisfies (size: BenchSize) => Enrollment[],
  attendanceOf satisfies (size: BenchSize, index: number) => Attendance[],
  certificatesOf satisfies (size: BenchSize, index: number) => Promise<Certificate[]>,
  settingsRecords satisfies () => SettingRecord[],
];
void seedIsTyped;

function status(text: string): void {
  document.getElementById('status')!.textContent = text;
  console.info(`[bench] ${text}`);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
}

async function openRaw(): Promise<IDBDatabase> {
  return request(indexedDB.open(DATABASE_NAME));
}

async function putAll(
  raw: IDBDatabase,
  store: string,
  records: readonly object[],
  durability: IDBTransactionDurability,
): Promise<void> {
  const tx = raw.transaction(store, 'readwrite', { durability });
  const os = tx.objectStore(store);
  for (const record of records) os.put(record);
  await done(tx);
}

/**
 * Seeds the database in large relaxed-durability transactions of raw IndexedDB (the app's strict single writes
 * would take hours at this size). The schema is created by the app's own Dexie class first, so the app opens the
 * result without an upgrade.
 */
async function seed(sizeName: BenchSize['name']): Promise<Record<string, number>> {
  const size = SIZES[sizeName];
  const started = performance.now();
  const app = new SafeTrainDb();
  await app.open();
  app.close();
  const raw = await openRaw();
  const counts: Record<string, number> = {};
  const CHUNK = 20_000;
  const write = async (store: string, total: number, make: (i: number) => object[] | Promise<object[]>) => {
    let batch: object[] = [];
    let written = 0;
    for (let i = 0; i < total; i++) {
      batch.push(...(await make(i)));
      if (batch.length >= CHUNK || i === total - 1) {
        await putAll(raw, store, batch, 'relaxed');
        written += batch.length;
        batch = [];
        status(`seeding ${store}: ${written} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    counts[store] = (counts[store] ?? 0) + written;
  };
  await putAll(raw, 'settings', settingsRecords(), 'strict');
  await putAll(raw, 'counters', certificateCounters(size), 'strict');
  await putAll(raw, 'courses', coursesOf(), 'strict');
  await write('enterprises', size.enterprises, (i) => [enterpriseAt(size, i)]);
  await write('people', size.people, (i) => [personAt(size, i)]);
  await write('sessions', size.sessions, (i) => [sessionAt(size, i)]);
  await putAll(raw, 'sessions', [stationSession()], 'strict');
  await write('enrollments', size.sessions, (i) => enrollmentsOf(size, i));
  await putAll(raw, 'enrollments', stationEnrollments(size), 'strict');
  await write('attendance', size.sessions, (i) => attendanceOf(size, i));
  // Certificates are signed and hashed with Web Crypto (asynchronous): a session's ten at a time.
  await write('certificates', size.sessions, (i) => certificatesOf(size, i));
  raw.close();
  // The raw writes above bypass the app's statistics marking: build the aggregate as a restore would.
  counts.statistics = await rebuildStatistics();
  counts.seconds = Math.round((performance.now() - started) / 1000);
  status(`seeded in ${counts.seconds} s`);
  return counts;
}

/** Rebuilds every session's statistics aggregate with the app's own function; returns the sessions recomputed. */
async function rebuildStatistics(): Promise<number> {
  const db = new SafeTrainDb();
  await db.open();
  try {
    await db.statsDirty.put({ id: STATS_REBUILD_ALL, token: 'bench-seed' });
    return await refreshStatistics(db, (done, total) => status(`statistics: ${done} of ${total} sessions`));
  } finally {
    db.close();
  }
}

/**
 * Brings a cache of the previous seed version to this one (scripts/bench.mjs, DERIVED_FROM_SEED_VERSION): opening
 * the database runs the app's schema upgrades, which mark what must be derived anew (the whole aggregate, or only
 * the people's credits); the refresh then builds it as the app does on first use.
 */
async function upgrade(): Promise<Record<string, number>> {
  const started = performance.now();
  const db = new SafeTrainDb();
  await db.open();
  try {
    const sessions = await refreshStatistics(db, (done, total) =>
      status(`statistics: ${done} of ${total} sessions`),
    );
    return {
      statistics: sessions,
      creditedSessions: (await db.creditSessions.get('all'))?.sessionIds.length ?? 0,
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    db.close();
  }
}

let appCtx: Promise<DbContext> | undefined;
let rawDb: Promise<IDBDatabase> | undefined;
const app = () => (appCtx ??= openAppDatabase(new SafeTrainDb()));
const raw = () => (rawDb ??= openRaw());

/** The station pool's ID numbers for a range of its enrolled people. */
function stationIds(sizeName: BenchSize['name'], from: number, count: number): string[] {
  const size = SIZES[sizeName];
  return Array.from({ length: count }, (_, k) => personIdNumber(stationPerson(size, from + k)));
}

/** Name and ID number of a range of the station's enrolled people, for the on-screen scans. */
function stationPeople(sizeName: BenchSize['name'], from: number, count: number) {
  const size = SIZES[sizeName];
  return Array.from({ length: count }, (_, k) => {
    const p = personAt(size, stationPerson(size, from + k));
    return { name: p.name, idNumber: p.idNumber };
  });
}

/** The app's check-in storage path, one call per person (each commits with strict durability): ms each. */
async function checkinApp(sizeName: BenchSize['name'], date: string, from: number, count: number) {
  const ctx = await app();
  const times: number[] = [];
  for (const rawId of stationIds(sizeName, from, count)) {
    const t0 = performance.now();
    const result = await checkIn(ctx, { sessionId: STATION_SESSION_ID, date, rawId });
    times.push(performance.now() - t0);
    if (result.kind !== 'checked-in') throw new Error(`check-in answered ${result.kind}`);
  }
  return times;
}

/** Raw IndexedDB doing the same: person by ID index, enrollment by its index, one strict put: ms each. */
async function checkinRaw(sizeName: BenchSize['name'], date: string, from: number, count: number) {
  const db = await raw();
  const times: number[] = [];
  let n = 0;
  for (const idNumber of stationIds(sizeName, from, count)) {
    const t0 = performance.now();
    const tx = db.transaction(['people', 'enrollments', 'attendance'], 'readwrite', { durability: 'strict' });
    const person = (await request(tx.objectStore('people').index('idNumber').get(idNumber))) as Person;
    const enrollment: unknown = await request(
      tx.objectStore('enrollments').index('[sessionId+personId]').get([STATION_SESSION_ID, person.id]),
    );
    if (!enrollment) throw new Error('raw baseline: not enrolled');
    const at = new Date().toISOString();
    const record: Attendance = {
      id: seededUuid(0xbe4c, n++ + from * 1000 + Number(date.slice(-2)) * 1e7),
      createdAt: at,
      updatedAt: at,
      deviceId: 'bench',
      sessionId: STATION_SESSION_ID,
      personId: person.id,
      date,
      status: 'present',
      checkInAt: at,
      hoursCredited: 0,
      source: 'scan',
    };
    tx.objectStore('attendance').put(record);
    await done(tx);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Person by ID number, `batch` lookups per sample: the app's function against a raw index get (ms per batch). */
async function lookup(sizeName: BenchSize['name'], batches: number, batch: number) {
  const size = SIZES[sizeName];
  const ctx = await app();
  const db = await raw();
  const appTotals: number[] = [];
  const rawTotals: number[] = [];
  for (let b = 0; b < batches; b++) {
    const ids = Array.from({ length: batch }, (_, i) =>
      personIdNumber((((b * batch + i) * 7919) >>> 0) % size.people),
    );
    let t0 = performance.now();
    for (const id of ids) {
      if (!(await findPersonByIdNumber(ctx, id))) throw new Error('lookup: not found');
    }
    appTotals.push(performance.now() - t0);
    t0 = performance.now();
    for (const id of ids) {
      const tx = db.transaction('people', 'readonly');
      if (!(await request(tx.objectStore('people').index('idNumber').get(id))))
        throw new Error('raw: not found');
    }
    rawTotals.push(performance.now() - t0);
  }
  return { appTotals, rawTotals };
}

/** Type-ahead through the app's people search: each keystroke's query, ms each, once the index is warm. */
async function search(queries: string[]) {
  const ctx = await app();
  const t0 = performance.now();
  await warmPeopleSearch(ctx);
  const warm = performance.now() - t0;
  const times: number[] = [];
  for (const text of queries) {
    const t = performance.now();
    await searchPeople(ctx, { text, limit: 50 });
    times.push(performance.now() - t);
  }
  return { times, warm };
}

/** Some typed queries from the register: names, pinyin initials and phone tails, keystroke by keystroke. */
function searchQueries(sizeName: BenchSize['name'], people: number): { kind: string; text: string }[] {
  const size = SIZES[sizeName];
  const out: { kind: string; text: string }[] = [];
  for (let i = 0; i < people; i++) {
    const p = personAt(size, (i * 104_729) % size.people);
    const initials = (p.nameInitials?.[0] ?? '').toLowerCase();
    const tail = (p.phone ?? '').slice(-4);
    for (let n = 1; n <= p.name.length; n++) out.push({ kind: 'name', text: p.name.slice(0, n) });
    for (let n = 1; n <= initials.length; n++) out.push({ kind: 'initials', text: initials.slice(0, n) });
    for (let n = 1; n <= tail.length; n++) out.push({ kind: 'phone', text: tail.slice(0, n) });
  }
  return out;
}

/** A 10,000-row site roster (.xlsx) of people not yet in the register, starting at person index `first`. */
async function rosterXlsx(size: BenchSize, first: number, rows: number): Promise<Uint8Array> {
  type Cell = { value: string; fontWeight?: 'bold' };
  const header: Cell[] = ['序号', '姓名', '身份证号码', '手机号码', '工作单位', '工种'].map((value) => ({
    value,
    fontWeight: 'bold',
  }));
  const data: Cell[][] = [header];
  for (let i = 0; i < rows; i++) {
    const p = personAt(size, first + i);
    const enterprise = enterpriseAt(size, (first + i) % size.enterprises);
    const cells = [String(i + 1), p.name, p.idNumber, p.phone, enterprise.name, p.trade ?? '普工'];
    data.push(cells.map((value) => ({ value })));
  }
  const blob = await writeXlsxFile(data, { sheet: '花名册' }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The import as the import screen does it (analysis in the worker, registered check, one save), seconds; and the
 * raw baseline: one strict bulk put of the same people, seconds (removed again so that later runs start equal).
 */
async function importRoster(sizeName: BenchSize['name'], run: number, rows: number) {
  const size = SIZES[sizeName];
  const ctx = await app();
  const db = await raw();
  // Fresh people for every run, far beyond the register and each other.
  const first = size.people + 1_000_000 + run * 2 * rows;
  const bytes = await rosterXlsx(size, first, rows);
  const t0 = performance.now();
  const response = await runAnalysis({ name: 'roster.xlsx', bytes: bytes.slice(), options: {} });
  if (!response.ok) throw new Error(`analysis failed: ${response.code}`);
  const accepted = response.analysis.rows.filter((r) => !r.problems.some((p) => p.severity === 'error'));
  await findRegisteredIdNumbers(
    ctx,
    accepted.map((r) => r.values.idNumber ?? ''),
  );
  const analysed = performance.now();
  const report = await saveRosterImport(ctx, { kind: response.analysis.kind, rows: accepted });
  const appSeconds = (performance.now() - t0) / 1000;
  if (report.added !== rows) throw new Error(`import added ${report.added} of ${rows}`);

  const records = Array.from({ length: rows }, (_, i) => personAt(size, first + rows + i));
  const t1 = performance.now();
  await putAll(db, 'people', records, 'strict');
  const baselineSeconds = (performance.now() - t1) / 1000;
  const tx = db.transaction('people', 'readwrite', { durability: 'relaxed' });
  for (const r of records) tx.objectStore('people').delete(r.id);
  await done(tx);
  return { appSeconds, analyseSeconds: (analysed - t0) / 1000, baselineSeconds };
}

/**
 * A year's statistics through statistics-repo (what the statistics page reads): the summary and every breakdown,
 * after recomputing the sessions written since the last report (the check-in figures write some), ms.
 */
async function report(year: number) {
  const ctx = await app();
  const t0 = performance.now();
  const result = await statisticsForPeriod(ctx, { from: `${year}-01-01`, to: `${year}-12-31` });
  return {
    ms: performance.now() - t0,
    sessions: result.summary.sessions,
    personTimes: result.summary.personTimes,
    enterprises: result.breakdowns.enterprise.length,
  };
}

// issue 8: coverage
/** Coverage of every enterprise against the targets through coverage-repo (the coverage page's read), ms. */
async function coverage(today: string) {
  const ctx = await app();
  const t0 = performance.now();
  const result = await coverageReport(ctx, { today });
  const ms = performance.now() - t0;
  return {
    ms,
    enterprises: result.rows.length,
    covered: result.rows.filter((r) => r.covered).length,
  };
}

/** Who needs reminding (reminders-repo, the 培训提醒 page's read and the home tiles' counts), 60 days ahead, ms. */
async function remindersReport(today: string) {
  const ctx = await app();
  const t0 = performance.now();
  const result = await reminders(ctx, { today, withinDays: 60 });
  return {
    ms: performance.now() - t0,
    people: result.people.length,
    certificates: result.certificates.length,
  };
}

/** Ids of `count` seeded certificates (of consecutive sessions), for the print view. */
async function certificateIds(count: number): Promise<string[]> {
  const db = await raw();
  const tx = db.transaction('certificates', 'readonly');
  return ((await request(tx.objectStore('certificates').getAll(null, count))) as Row[]).map((r) => r.id);
}

const api = {
  seed,
  upgrade,
  checkinApp,
  checkinRaw,
  lookup,
  search,
  searchQueries,
  importRoster,
  report,
  // issue 8: coverage
  coverage,
  reminders: remindersReport,
  certificateIds,
  stationIds,
  stationPeople,
  stationSessionId: STATION_SESSION_ID,
  size: (name: BenchSize['name']) => SIZES[name],
  close: async () => {
    (await appCtx)?.db.close();
    (await rawDb)?.close();
    appCtx = undefined;
    rawDb = undefined;
  },
};

declare global {
  interface Window {
    bench: typeof api;
  }
}

window.bench = api;
status('ready');
