import { expect } from 'vitest';
import type { RosterAnalysis } from '../analyze-roster';
import type { GeneratedRoster } from './roster-generator';

/**
 * Test support: asserts that an analysis reproduces a generated roster's truth table: the same header, the
 * same rows (no more, no fewer), exactly the expected problems on each, the expected values, and the same
 * rows passed over for the same reasons. Mismatches are collected so a failure lists every wrong row.
 */
export function expectAnalysisToMatch(analysis: RosterAnalysis, roster: GeneratedRoster): void {
  expect(analysis.kind).toBe(roster.kind);
  expect(analysis.headerRow).toBe(roster.headerRow);
  expect(analysis.skippedRows).toEqual(roster.skipped);
  expect(analysis.rows.map((row) => row.sourceRow)).toEqual(roster.rows.map((row) => row.sourceRow));

  const wrong: string[] = [];
  roster.rows.forEach((expected, i) => {
    const actual = analysis.rows[i]!;
    const label = `row ${expected.sourceRow}${expected.defect ? ` (${expected.defect})` : ''}`;
    const problems = JSON.stringify(sortedProblems(actual.problems));
    const expectedProblems = JSON.stringify(sortedProblems(expected.problems));
    if (problems !== expectedProblems)
      wrong.push(`${label}: problems ${problems}, expected ${expectedProblems}`);
    for (const [key, value] of Object.entries(expected.values)) {
      if (actual.values[key] !== value)
        wrong.push(`${label}: ${key} ${actual.values[key]}, expected ${value}`);
    }
  });
  expect(wrong).toEqual([]);
}

function sortedProblems(
  problems: ReadonlyArray<{ code: string; severity: string; duplicateOf?: number }>,
): Array<{ code: string; severity: string; duplicateOf?: number }> {
  return problems
    .map(({ code, severity, duplicateOf }) => ({ code, severity, ...(duplicateOf ? { duplicateOf } : {}) }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
