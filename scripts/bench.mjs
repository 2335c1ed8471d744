// @ts-check
/**
 * `npm run bench`: builds the app and the benchmark harness (bench/harness/), seeds a large database in real
 * Chromium (or reuses the cached profile), measures the app's own code paths against raw IndexedDB baselines in
 * the same run, prints a table and writes bench/results.json. See README "Benchmarks".
 *
 *   node scripts/bench.mjs [--out bench/.cache/build] [--no-build] [--sizes full,tenth] [--runs 3] [--seed-only]
 *     [--shots folder]
 *
 * Every time is taken in the page (performance.now), never by Node timers, except the PDF figures, whose work
 * happens in the browser process behind page.pdf.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { REPO_ROOT, serve } from './serve.mjs';
import { summarize, withGrowth, formatTable, round } from './bench-lib.mjs';

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench/.cache/build' },
    'no-build': { type: 'boolean', default: false },
    sizes: { type: 'string', default: 'full,tenth' },
    runs: { type: 'string', default: '3' },
    // Runs of the heavy figures (PDF, import, cold start); by default runs - 1 (at least 2), 1 at the growth size.
    'heavy-runs': { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
    shots: { type: 'string' },
    // Growth figures from the last run of that size (bench/.cache/<seed version>/metrics-<size>.json) instead of
    // measuring it again: for a quick full-size run on a busy machine. The table says so.
    'growth-from-cache': { type: 'string' },
    // Only these figures (comma-separated names, e.g. `checkin,coldStart`), for working on one of them; the
    // results file is then not written.
    only: { type: 'string' },
  },
});
const ONLY = flags.only ? new Set(flags.only.split(',')) : null;

const OUT = path.resolve(REPO_ROOT, flags.out ?? 'bench/.cache/build');
const RUNS = Number(flags.runs);
/** Runs of the heavy figures (PDF, import): fewer at the growth size, whose role is the trend. */
let heavyRuns = Math.max(2, RUNS - 1);
const SIZES = (flags.sizes ?? 'full,tenth').split(',');
/** Fixed ports: IndexedDB belongs to the origin, so a cached profile only holds its data for the same port. */
const PORTS = { full: 47690, tenth: 47691, tiny: 47692 };
const SEED_VERSION = /SEED_VERSION = '([^']+)'/.exec(
  readFileSync(path.join(REPO_ROOT, 'bench/sizes.ts'), 'utf8'),
)?.[1];
if (!SEED_VERSION) throw new Error('SEED_VERSION not found in bench/sizes.ts');
const CACHE = path.join(REPO_ROOT, 'bench', '.cache', SEED_VERSION);
const DERIVED_FROM = /DERIVED_FROM_SEED_VERSION = '([^']+)'/.exec(
  readFileSync(path.join(REPO_ROOT, 'bench/sizes.ts'), 'utf8'),
)?.[1];
const STATION_DAYS = Array.from({ length: 10 }, (_, d) => `2026-12-${String(d + 1).padStart(2, '0')}`);
const REPORT_YEAR = 2025;
// issue 8: coverage
const COVERAGE_DAY = '2026-06-30';
/** Figures that could not be taken, printed at the end and written to results.json. */
/** @type {string[]} */ const failures = [];

/** @param {string} message */
function say(message) {
  console.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** @param {string[]} args */
function npx(args) {
  const run = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
}

function build() {
  say(`building the app and the harness into ${path.relative(REPO_ROOT, OUT) || OUT}`);
  npx(['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn']);
  npx([
    'vite',
    'build',
    '--config',
    'bench/vite.config.ts',
    '--outDir',
    path.join(OUT, 'bench-harness'),
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
}

async function chromiumOptions() {
  // The e2e suite's browser finder and flags (e2e/launch-options.ts), restated: .mjs cannot import TypeScript.
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p) => !!p);
  const executablePath = candidates.find((p) => existsSync(/** @type {string} */ (p)));
  if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROMIUM_PATH');
  return {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

/** @param {string} dir */
async function launch(dir) {
  return chromium.launchPersistentContext(dir, await chromiumOptions());
}

/** @param {import('@playwright/test').Page} page */
function relayProgress(page) {
  let last = 0;
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error') say(`page error: ${text}`);
    if (!text.startsWith('[bench]')) return;
    if (Date.now() - last > 10_000 || text.includes('seeded')) {
      last = Date.now();
      say(text.slice(8));
    }
  });
}

/**
 * The cached, seeded profile of a size: seeded on first use (minutes) into a temporary folder, then moved into
 * place, so that an interrupted seeding never leaves a half-seeded cache.
 * @param {string} size @param {string} origin
 */
async function seededProfile(size, origin) {
  const dir = path.join(CACHE, size);
  if (existsSync(path.join(dir, 'seeded.json'))) {
    say(`using cached profile ${path.relative(REPO_ROOT, dir)} (delete bench/.cache to seed afresh)`);
    return dir;
  }
  const previous = DERIVED_FROM ? path.join(REPO_ROOT, 'bench', '.cache', DERIVED_FROM, size) : '';
  if (previous && existsSync(path.join(previous, 'seeded.json')))
    return derivedProfile(size, origin, previous);
  say(`seeding the ${size} database: this takes several minutes at full size, once; the profile is cached`);
  mkdirSync(CACHE, { recursive: true });
  const tmp = mkdtempSync(path.join(CACHE, `.seeding-${size}-`));
  const context = await launch(tmp);
  const page = context.pages()[0] ?? (await context.newPage());
  relayProgress(page);
  await page.goto(`${origin}/bench-harness/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const counts = await page.evaluate((s) => window.bench.seed(/** @type {any} */ (s)), size);
  await context.close();
  writeFileSync(
    path.join(tmp, 'seeded.json'),
    JSON.stringify({ size, seedVersion: SEED_VERSION, counts }, null, 2),
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  say(`seeded ${size} in ${counts.seconds} s: ${JSON.stringify(counts)}`);
  return dir;
}

/**
 * The cache of this seed version made from the previous version's (same records): a copy opened by the current
 * build, whose schema upgrade runs, with the statistics aggregate rebuilt; moved into place only when complete.
 * Minutes at full size instead of the 50 of seeding afresh. The previous cache stays.
 * @param {string} size @param {string} origin @param {string} previous
 */
async function derivedProfile(size, origin, previous) {
  say(
    `deriving the ${size} profile from ${path.relative(REPO_ROOT, previous)} (schema upgrade, statistics rebuild)`,
  );
  mkdirSync(CACHE, { recursive: true });
  const tmp = mkdtempSync(path.join(CACHE, `.deriving-${size}-`));
  cpSync(previous, tmp, { recursive: true });
  const context = await launch(tmp);
  const page = context.pages()[0] ?? (await context.newPage());
  relayProgress(page);
  await page.goto(`${origin}/bench-harness/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const derived = await page.evaluate(() => window.bench.upgrade());
  await context.close();
  const seeded = JSON.parse(readFileSync(path.join(previous, 'seeded.json'), 'utf8'));
  writeFileSync(
    path.join(tmp, 'seeded.json'),
    JSON.stringify({ ...seeded, seedVersion: SEED_VERSION, derivedFrom: DERIVED_FROM, derived }, null, 2),
  );
  const dir = path.join(CACHE, size);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  say(`derived ${size} in ${derived.seconds} s: ${JSON.stringify(derived)}`);
  return dir;
}

/** A throwaway copy of the cached profile: the measurements write (check-ins, imports), the cache stays as seeded. */
function workingCopy(/** @type {string} */ dir, /** @type {string} */ size) {
  const work = path.join(os.tmpdir(), `safetrain-bench-${size}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(dir, work, { recursive: true });
  return work;
}

/** @param {number[]} samples */
function figure(samples) {
  const s = summarize(samples);
  return { p50: s.p50, p95: s.p95, median: s.median, min: s.min, max: s.max };
}

/**
 * @param {import('@playwright/test').BrowserContext} context @param {string} origin
 */
async function harness(context, origin) {
  const page = await context.newPage();
  relayProgress(page);
  await page.goto(`${origin}/bench-harness/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

/** Check-in: the storage path against raw IndexedDB (page clock), then scans on the station screen. */
async function measureCheckin(
  /** @type {import('@playwright/test').BrowserContext} */ context,
  /** @type {import('@playwright/test').Page} */ h,
  /** @type {string} */ origin,
  /** @type {string} */ size,
  /** @type {string} */ stationId,
) {
  const { stationEnrolled } = await h.evaluate((s) => window.bench.size(/** @type {any} */ (s)), size);
  const perRun = Math.min(150, Math.floor(stationEnrolled / RUNS));
  /** @type {number[]} */ const app = [];
  /** @type {number[]} */ const raw = [];
  for (let r = 0; r < RUNS; r++) {
    // Alternating order, separate days (a raw record would make the app answer "already checked in").
    const a = () =>
      h.evaluate(
        ([s, d, f, n]) => window.bench.checkinApp(/** @type {any} */ (s), d, f, n),
        /** @type {[string, string, number, number]} */ ([size, STATION_DAYS[0], r * perRun, perRun]),
      );
    const b = () =>
      h.evaluate(
        ([s, d, f, n]) => window.bench.checkinRaw(/** @type {any} */ (s), d, f, n),
        /** @type {[string, string, number, number]} */ ([size, STATION_DAYS[1], r * perRun, perRun]),
      );
    if (r % 2 === 0) {
      app.push(...(await a()));
      raw.push(...(await b()));
    } else {
      raw.push(...(await b()));
      app.push(...(await a()));
    }
  }
  // On screen: a reader's burst and Enter, to the confirmation naming the person.
  const scansPerRun = Math.min(40, stationEnrolled);
  /** @type {number[]} */ const screen = [];
  for (let r = 0; r < RUNS; r++) {
    const day = STATION_DAYS[2 + r];
    const people = await h.evaluate(
      ([s, f, n]) => window.bench.stationPeople(/** @type {any} */ (s), f, n),
      /** @type {[string, number, number]} */ ([size, 0, scansPerRun]),
    );
    const page = await context.newPage();
    await page.goto(`${origin}/#/checkin/${stationId}?date=${day}`);
    const input = page.locator('.station-input');
    await input.waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.benchScan = { t0: 0, done: 0, expect: null };
      document.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'Enter') w.benchScan.t0 = performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        const s = w.benchScan;
        if (!s.expect || s.done || s.pending) return;
        const name = document.querySelector('.station-result .station-name')?.textContent;
        const id = document.querySelector('.station-result .station-id')?.textContent;
        if (name === s.expect.name && id === s.expect.masked) {
          s.pending = true;
          // The frame that paints the confirmation.
          requestAnimationFrame(() => {
            s.done = performance.now();
          });
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    for (const p of people) {
      const masked = `${p.idNumber.slice(0, 6)}${'*'.repeat(8)}${p.idNumber.slice(-4)}`;
      await page.evaluate(
        (expect) => {
          /** @type {any} */ (window).benchScan = {
            .../** @type {any} */ (window).benchScan,
            t0: 0,
            done: 0,
            pending: false,
            expect,
          };
        },
        { name: p.name, masked },
      );
      await input.focus();
      await page.keyboard.type(p.idNumber);
      await page.keyboard.press('Enter');
      const handle = await page.waitForFunction(
        () => {
          const s = /** @type {any} */ (window).benchScan;
          return s.done ? s.done - s.t0 : 0;
        },
        undefined,
        { timeout: 30_000 },
      );
      screen.push(/** @type {number} */ (await handle.jsonValue()));
    }
    if (r === 0 && flags.shots)
      await page.screenshot({ path: path.join(flags.shots, `checkin-${size}.png`) });
    await page.close();
  }
  const appFigure = figure(app);
  const rawFigure = figure(raw);
  say(
    `checkin storage p50 ${round(appFigure.p50)} ms vs raw ${round(rawFigure.p50)} ms; on screen p95 ${round(figure(screen).p95)} ms`,
  );
  return {
    checkin: {
      unit: /** @type {const} */ ('ms'),
      ...figure(screen),
      baseline: rawFigure.p50,
      ratio: appFigure.p50 / rawFigure.p50,
    },
    checkinStorage: {
      unit: /** @type {const} */ ('ms'),
      ...appFigure,
      baseline: rawFigure.p50,
      ratio: appFigure.p50 / rawFigure.p50,
    },
  };
}

async function measureLookup(/** @type {import('@playwright/test').Page} */ h, /** @type {string} */ size) {
  const batch = 1000;
  const { appTotals, rawTotals } = await h.evaluate(
    ([s, b, n]) => window.bench.lookup(/** @type {any} */ (s), b, n),
    /** @type {[string, number, number]} */ ([size, RUNS + 2, batch]),
  );
  const app = appTotals.map((t) => t / batch);
  const raw = rawTotals.map((t) => t / batch);
  const a = figure(app);
  const b = figure(raw);
  return {
    unit: /** @type {const} */ ('ms'),
    median: a.median,
    min: a.min,
    max: a.max,
    baseline: b.median,
    ratio: a.median / b.median,
  };
}

async function measureSearch(/** @type {import('@playwright/test').Page} */ h, /** @type {string} */ size) {
  const queries = await h.evaluate(
    ([s, n]) => window.bench.searchQueries(/** @type {any} */ (s), n),
    /** @type {[string, number]} */ ([size, 30]),
  );
  /** @type {number[]} */ const times = [];
  let warm = 0;
  for (let r = 0; r < RUNS; r++) {
    const result = await h.evaluate(
      (q) => window.bench.search(q),
      queries.map((q) => q.text),
    );
    times.push(...result.times);
    if (r === 0) warm = result.warm;
  }
  const f = figure(times);
  say(`search: index built in ${round(warm)} ms; ${times.length} keystrokes p95 ${round(f.p95)} ms`);
  return { unit: /** @type {const} */ ('ms'), p50: f.p50, p95: f.p95, min: f.min, max: f.max };
}

async function measureImport(/** @type {import('@playwright/test').Page} */ h, /** @type {string} */ size) {
  /** @type {number[]} */ const app = [];
  /** @type {number[]} */ const base = [];
  for (let r = 0; r < heavyRuns; r++) {
    const result = await h.evaluate(
      ([s, run, rows]) => window.bench.importRoster(/** @type {any} */ (s), run, rows),
      /** @type {[string, number, number]} */ ([size, r, 10_000]),
    );
    app.push(result.appSeconds);
    base.push(result.baselineSeconds);
    say(
      `import10k run ${r + 1}: ${round(result.appSeconds)} s (analysis ${round(result.analyseSeconds)} s), raw bulk put ${round(result.baselineSeconds)} s`,
    );
  }
  const a = figure(app);
  const b = figure(base);
  return {
    unit: /** @type {const} */ ('s'),
    median: a.median,
    min: a.min,
    max: a.max,
    baseline: b.median,
    ratio: a.median / b.median,
  };
}

async function measureReport(/** @type {import('@playwright/test').Page} */ h) {
  /** @type {number[]} */ const times = [];
  for (let r = 0; r < RUNS; r++) {
    const result = await h.evaluate((year) => window.bench.report(year), REPORT_YEAR);
    times.push(result.ms);
  }
  const f = figure(times);
  return { unit: /** @type {const} */ ('ms'), median: f.median, min: f.min, max: f.max };
}

// issue 8: coverage
/** Coverage against targets of every enterprise (coverage-repo), ms; the day is fixed so that runs compare. */
async function measureCoverage(/** @type {import('@playwright/test').Page} */ h) {
  /** @type {number[]} */ const times = [];
  for (let r = 0; r < RUNS; r++) {
    const result = await h.evaluate((today) => window.bench.coverage(today), COVERAGE_DAY);
    say(`coverage: ${round(result.ms)} ms, ${result.covered} of ${result.enterprises} enterprises covered`);
    times.push(result.ms);
  }
  const f = figure(times);
  return { unit: /** @type {const} */ ('ms'), median: f.median, min: f.min, max: f.max };
}

/** Who needs reminding, 60 days ahead (reminders-repo: the 培训提醒 page and the home tiles), ms; fixed day. */
async function measureReminders(/** @type {import('@playwright/test').Page} */ h) {
  /** @type {number[]} */ const times = [];
  for (let r = 0; r < RUNS; r++) {
    const result = await h.evaluate((today) => window.bench.reminders(today), COVERAGE_DAY);
    say(`reminders: ${round(result.ms)} ms, ${result.people} people, ${result.certificates} certificates`);
    times.push(result.ms);
  }
  const f = figure(times);
  return { unit: /** @type {const} */ ('ms'), median: f.median, min: f.min, max: f.max };
}

/** 500 certificates through the print view to one PDF, against page.pdf of the same 500 pages as static HTML. */
async function measureCertificates(
  /** @type {import('@playwright/test').BrowserContext} */ context,
  /** @type {import('@playwright/test').Page} */ h,
  /** @type {string} */ origin,
  /** @type {string} */ size,
) {
  const ids = await h.evaluate((n) => window.bench.certificateIds(n), 500);
  const pdfOptions = { preferCSSPageSize: true, printBackground: true };
  /** @type {number[]} */ const app = [];
  /** @type {number[]} */ const base = [];
  for (let r = 0; r < heavyRuns; r++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${origin}/#/print/certificates?ids=${ids.join(',')}`);
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 300_000 });
    const ready = (Date.now() - t0) / 1000;
    const pdf = await page.pdf(pdfOptions);
    app.push((Date.now() - t0) / 1000);
    say(
      `certificates500 run ${r + 1}: print view ready after ${round(ready)} s (${pdf.length >> 20} MB PDF)`,
    );
    if (r === 0 && flags.shots) writeFileSync(path.join(flags.shots, `certificates-${size}.pdf`), pdf);
    // The same pages as static HTML (scripts removed): what page.pdf alone costs for this document.
    const html = await page.evaluate(() => {
      const doc = /** @type {HTMLElement} */ (document.documentElement.cloneNode(true));
      doc.querySelectorAll('script, .no-print').forEach((el) => el.remove());
      // The stylesheets and fonts are linked relative to the app's page: keep them resolving there.
      const base = document.createElement('base');
      base.href = `${location.origin}/`;
      doc.querySelector('head')?.prepend(base);
      return `<!doctype html>${doc.outerHTML}`;
    });
    await page.close();
    const still = await context.newPage();
    await still.goto(`${origin}/bench-harness/bare.html`);
    await still.setContent(html, { waitUntil: 'load' });
    await still.evaluate(() => document.fonts.ready.then(() => undefined));
    const t1 = Date.now();
    const stillPdf = await still.pdf(pdfOptions);
    base.push((Date.now() - t1) / 1000);
    if (r === 0 && flags.shots)
      writeFileSync(path.join(flags.shots, `certificates-static-${size}.pdf`), stillPdf);
    await still.close();
    say(`certificates500 run ${r + 1}: ${round(app[r] ?? 0)} s; static page.pdf ${round(base[r] ?? 0)} s`);
  }
  const a = figure(app);
  const b = figure(base);
  return {
    unit: /** @type {const} */ ('s'),
    median: a.median,
    min: a.min,
    max: a.max,
    baseline: b.median,
    ratio: a.median / b.median,
  };
}

/**
 * From navigation to the first usable screen (the home screen's figures, or its first-run offer), in a freshly
 * launched browser each time; baseline: a bare page opening the same database raw and reading one record.
 * @param {string} profile @param {string} origin @param {string} size @param {boolean} empty
 */
async function measureColdStart(profile, origin, size, empty) {
  /** @type {number[]} */ const app = [];
  /** @type {number[]} */ const base = [];
  for (let r = 0; r < heavyRuns; r++) {
    const dir = empty ? mkdtempSync(path.join(os.tmpdir(), 'safetrain-bench-empty-')) : profile;
    for (const which of empty || r % 2 === 0 ? ['app', 'bare'] : ['bare', 'app']) {
      const context = await launch(dir);
      const page = context.pages()[0] ?? (await context.newPage());
      if (which === 'app') {
        await page.addInitScript(() => {
          const w = /** @type {any} */ (window);
          const check = () => {
            if (!w.benchUsable && document.querySelector('.ant-statistic, .ant-empty'))
              w.benchUsable = performance.now();
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true });
        });
        await page.goto(`${origin}/`);
        const handle = await page.waitForFunction(() => /** @type {any} */ (window).benchUsable, undefined, {
          timeout: 300_000,
          polling: 100,
        });
        app.push(/** @type {number} */ (await handle.jsonValue()));
        if (r === 0 && flags.shots)
          await page.screenshot({ path: path.join(flags.shots, `home-${size}${empty ? '-empty' : ''}.png`) });
      } else {
        await page.goto(`${origin}/bench-harness/bare.html`);
        const handle = await page.waitForFunction(() => window.benchBareOpen, undefined, { timeout: 60_000 });
        base.push(/** @type {number} */ (await handle.jsonValue()));
      }
      await context.close();
    }
    if (empty) rmSync(dir, { recursive: true, force: true });
  }
  const a = figure(app);
  const b = figure(base);
  say(
    `coldStart${empty ? ' (empty)' : ''}: ${round(a.median)} ms to the home screen; bare open ${round(b.median)} ms`,
  );
  return {
    unit: /** @type {const} */ ('ms'),
    median: a.median,
    min: a.min,
    max: a.max,
    baseline: b.median,
    ratio: a.median / b.median,
  };
}

/** Every figure for one size. @param {string} size */
async function measureSize(size) {
  const port = PORTS[/** @type {keyof typeof PORTS} */ (size)];
  const server = await serve({ root: OUT, port });
  const origin = `http://127.0.0.1:${port}`;
  try {
    const cached = await seededProfile(size, origin);
    if (flags['seed-only']) return {};
    const work = workingCopy(cached, size);
    try {
      /** @type {Record<string, any>} */ const metrics = {};
      /** A figure that fails (a timeout on a slow screen) is reported and the run goes on to the next. */
      const attempt = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ measure) => {
        if (ONLY && !ONLY.has(name)) return;
        try {
          await measure();
        } catch (error) {
          failures.push(
            `${size} ${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          );
          say(`FAILED ${name}: ${failures[failures.length - 1]}`);
        }
      };
      const context = await launch(work);
      const h = await harness(context, origin);
      const stationId = await h.evaluate(() => window.bench.stationSessionId);
      await attempt('checkin', async () => {
        Object.assign(metrics, await measureCheckin(context, h, origin, size, stationId));
      });
      await attempt('lookupById', async () => {
        metrics.lookupById = await measureLookup(h, size);
        say(
          `lookupById: ${round(metrics.lookupById.median)} ms vs raw ${round(metrics.lookupById.baseline)} ms`,
        );
      });
      await attempt('search', async () => {
        metrics.search = await measureSearch(h, size);
      });
      await attempt('report', async () => {
        metrics.report = await measureReport(h);
        say(`report: ${round(metrics.report.median)} ms`);
      });
      // issue 8: coverage
      await attempt('coverage', async () => {
        metrics.coverage = await measureCoverage(h);
      });
      await attempt('reminders', async () => {
        metrics.reminders = await measureReminders(h);
      });
      await attempt('certificates500', async () => {
        metrics.certificates500 = await measureCertificates(context, h, origin, size);
      });
      await context.close();
      // Before the import, which adds people to the working copy.
      await attempt('coldStart', async () => {
        metrics.coldStart = await measureColdStart(work, origin, size, false);
      });
      await attempt('coldStartEmpty', async () => {
        metrics.coldStartEmpty = await measureColdStart(work, origin, size, true);
      });
      await attempt('import10k', async () => {
        const again = await launch(work);
        try {
          metrics.import10k = await measureImport(await harness(again, origin), size);
        } finally {
          await again.close();
        }
      });
      return metrics;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
}

async function main() {
  const started = Date.now();
  say(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other work on the machine makes figures noisy)`,
  );
  if (!flags['no-build']) build();
  if (flags.shots) mkdirSync(flags.shots, { recursive: true });
  /** @type {Record<string, Record<string, any>>} */ const bySize = {};
  for (const [i, size] of SIZES.entries()) {
    say(`--- ${size} ---`);
    heavyRuns = i === 0 ? Number(flags['heavy-runs'] ?? Math.max(2, RUNS - 1)) : 1;
    bySize[size] = await measureSize(size);
    if (!flags['seed-only'] && !ONLY) {
      writeFileSync(path.join(CACHE, `metrics-${size}.json`), `${JSON.stringify(bySize[size], null, 2)}\n`);
    }
  }
  const growthCached = flags['growth-from-cache'];
  if (growthCached) {
    const file = path.join(CACHE, `metrics-${growthCached}.json`);
    bySize[growthCached] = JSON.parse(readFileSync(file, 'utf8'));
    say(`growth figures (${growthCached}) from the last run of that size: ${path.relative(REPO_ROOT, file)}`);
  }
  if (flags['seed-only']) return;
  if (ONLY) {
    console.info(JSON.stringify(bySize, null, 2));
    return;
  }
  const primary = SIZES[0] ?? 'full';
  const metricsFull = bySize[primary] ?? {};
  const growthSize = SIZES[1] ?? growthCached;
  const metricsSmall = growthSize ? bySize[growthSize] : undefined;
  const seeded = JSON.parse(readFileSync(path.join(CACHE, primary, 'seeded.json'), 'utf8'));
  const browser = await chromium.launch(await chromiumOptions());
  const results = {
    metrics: withGrowth(metricsFull, metricsSmall),
    size: {
      name: primary,
      seedVersion: SEED_VERSION,
      ...seeded.counts,
      growthSize: growthSize ?? '',
      ...(growthCached ? { growthFrom: 'cache' } : {}),
    },
    ...(failures.length ? { failures } : {}),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      chromium: browser.version(),
      loadAverageAtEnd: os.loadavg()[0]?.toFixed(2) ?? '',
      date: new Date().toISOString(),
    },
  };
  await browser.close();
  writeFileSync(path.join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.info(`\n${formatTable(results)}\n`);
  for (const failure of failures) say(`not measured: ${failure}`);
  say(`wrote bench/results.json in ${Math.round((Date.now() - started) / 1000)} s`);
}

await main();
