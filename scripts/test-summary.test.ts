import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countReport, summarize } from './test-summary.mjs';

describe('countReport', () => {
  it.each([
    [
      'vitest',
      {
        numPassedTests: 10,
        numFailedTests: 2,
        numPendingTests: 1,
        numTodoTests: 0,
        numRuntimeErrorTestSuites: 1,
      },
      { passed: 10, failed: 3, skipped: 1 },
    ],
    [
      'playwright',
      { stats: { expected: 4, unexpected: 1, flaky: 0, skipped: 0 }, errors: [] },
      { passed: 4, failed: 1, skipped: 0 },
    ],
    [
      'playwright with a global error',
      {
        stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
        errors: [{ message: 'webServer failed' }],
      },
      { passed: 0, failed: 1, skipped: 0 },
    ],
  ])('%s', (_, report, expected) => {
    expect(countReport(report)).toEqual(expected);
  });
});

describe('summarize', () => {
  it('adds the reports and counts a missing one as a failure', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'summary-'));
    const unit = path.join(dir, 'unit.json');
    writeFileSync(unit, JSON.stringify({ numPassedTests: 5, numFailedTests: 0 }));
    expect(summarize([unit, path.join(dir, 'absent.json')])).toEqual({ passed: 5, failed: 1, skipped: 0 });
  });
});
