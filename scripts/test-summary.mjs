// @ts-check
/**
 * Prints one line, `N passed, N failed`, summed over the test runners' JSON reports (Vitest and Playwright), for CI.
 * A report that is missing counts as one failure: a runner that never ran must not look like a clean run.
 *   node scripts/test-summary.mjs reports/unit.json reports/e2e.json
 */
import { existsSync, readFileSync } from 'node:fs';

/**
 * @param {any} report
 * @returns {{ passed: number; failed: number; skipped: number }}
 */
export function countReport(report) {
  if (typeof report.numPassedTests === 'number') {
    // Vitest (Jest-compatible JSON).
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  }
  if (report.stats && typeof report.stats.expected === 'number') {
    // Playwright: unexpected = failed, flaky counts as failed too (no retries are configured).
    return {
      passed: report.stats.expected,
      failed: report.stats.unexpected + (report.stats.flaky ?? 0) + (report.errors?.length ?? 0),
      skipped: report.stats.skipped ?? 0,
    };
  }
  throw new Error('Unknown report format');
}

/** @param {string[]} files */
export function summarize(files) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`missing test report: ${file}`);
      total.failed += 1;
      continue;
    }
    const counts = countReport(JSON.parse(readFileSync(file, 'utf8')));
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = summarize(process.argv.slice(2));
  console.info(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
  );
}
