import { describe, expect, it } from 'vitest';
import { analyzeRoster } from './analyze-roster';
import { expectAnalysisToMatch } from './testing/expect-roster';
import { generatePeopleRoster } from './testing/roster-generator';

const PEOPLE = 10_000;

// Correctness at the size of a district's whole year of walk-ins; speed is measured outside the test suite.
describe(`a roster of ${PEOPLE} people`, () => {
  it.each(['xlsx', 'csv-gbk'] as const)('%s: every row and every defect as generated', async (format) => {
    const roster = await generatePeopleRoster({ people: PEOPLE, format, seed: 42 });
    const analysis = await analyzeRoster(roster, { today: '2026-11-20' });
    expect(analysis.rows).toHaveLength(PEOPLE);
    expectAnalysisToMatch(analysis, roster);
  });
});
