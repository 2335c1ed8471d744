import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { buildResidentId } from '../domain/resident-id';
import { analyzeRoster } from './analyze-roster';
import { expectAnalysisToMatch } from './testing/expect-roster';
import {
  generateManagersRoster,
  generatePeopleRoster,
  PEOPLE_DEFECTS,
  type PeopleDefect,
  type RosterFormat,
} from './testing/roster-generator';

const TODAY = '2026-11-20';
const FORMATS: RosterFormat[] = ['xlsx', 'csv-gbk', 'csv-utf8', 'csv-utf8-bom'];
const DEFECTS = Object.keys(PEOPLE_DEFECTS) as PeopleDefect[];

describe('analyzeRoster on generated people rosters', () => {
  describe.each(['xlsx', 'csv-gbk'] as const)('%s: each defect alone', (format) => {
    it.each(DEFECTS)('%s', async (defect) => {
      const roster = await generatePeopleRoster({ people: 12, format, defects: [defect], seed: 3 });
      const analysis = await analyzeRoster(roster, { today: TODAY });
      expectAnalysisToMatch(analysis, roster);
      const code = PEOPLE_DEFECTS[defect];
      const flagged = analysis.rows.filter((row) => row.problems.length > 0).length;
      expect(flagged).toBe(code ? 4 : 0);
    });
  });

  it.each(FORMATS.flatMap((format) => [0, 1, 2, 3].map((headerStyle) => ({ format, headerStyle }))))(
    'all defects, $format, header style $headerStyle',
    async ({ format, headerStyle }) => {
      const roster = await generatePeopleRoster({ people: 120, format, headerStyle, seed: 11 + headerStyle });
      expectAnalysisToMatch(await analyzeRoster(roster, { today: TODAY }), roster);
    },
  );

  it('reads a plain roster without title, total or signature lines', async () => {
    const roster = await generatePeopleRoster({
      people: 30,
      format: 'xlsx',
      decorations: false,
      defectEvery: 5,
    });
    const analysis = await analyzeRoster(roster, { today: TODAY });
    expect(analysis.headerRow).toBe(1);
    expectAnalysisToMatch(analysis, roster);
  });
});

describe('analyzeRoster on generated enterprise-managers rosters', () => {
  it.each(FORMATS)('%s', async (format) => {
    const roster = await generateManagersRoster({ enterprises: 12, format });
    expectAnalysisToMatch(await analyzeRoster(roster, { today: TODAY }), roster);
  });

  it('lets one person be principal of two enterprises, but not twice of one', async () => {
    const roster = await generateManagersRoster({ enterprises: 8, format: 'xlsx' });
    const analysis = await analyzeRoster(roster, { today: TODAY });
    const principals = analysis.rows.filter((row) => row.values.role === 'principal');
    const shared = principals.filter((row) =>
      principals.some((o) => o !== row && o.values.idNumber === row.values.idNumber),
    );
    expect(new Set(shared.map((row) => row.values.enterpriseName)).size).toBe(2);
    expect(shared.every((row) => row.problems.length === 0)).toBe(true);
    expect(
      analysis.rows.filter((row) => row.problems.some((p) => p.code === 'duplicate-in-file')),
    ).toHaveLength(1);
  });

  it('treats the same roster as people when told to, so the repeated principal becomes a duplicate', async () => {
    const roster = await generateManagersRoster({ enterprises: 8, format: 'csv-gbk' });
    const analysis = await analyzeRoster(roster, { today: TODAY, kind: 'people' });
    expect(analysis.kind).toBe('people');
    expect(
      analysis.rows.filter((row) => row.problems.some((p) => p.code === 'duplicate-in-file')),
    ).toHaveLength(2);
  });
});

describe('ID numbers stored as numbers', () => {
  // A valid ID ending in 000, as Excel's rounding leaves one in eleven rounded numbers.
  const validEndingIn000 = (): string => {
    for (let day = 1; ; day++) {
      const id = buildResidentId('320402', `1980-01-${String(day).padStart(2, '0')}`, 100);
      if (id.endsWith('000')) return id;
      const even = buildResidentId('320402', `1980-02-${String(day).padStart(2, '0')}`, 200);
      if (even.endsWith('000')) return even;
    }
  };

  it('reports a number of 18 digits as precision lost even when its checksum passes', async () => {
    const id = validEndingIn000();
    const blob = await writeXlsxFile([
      ['姓名', '身份证号码'],
      ['张三', { value: Number(id), type: Number }],
      ['李四', id],
    ]).toBlob();
    const analysis = await analyzeRoster(
      { name: 'ids.xlsx', bytes: new Uint8Array(await blob.arrayBuffer()) },
      { today: TODAY },
    );
    expect(analysis.rows.map((row) => row.problems.map((p) => p.code))).toEqual([['id-precision-lost'], []]);
    expect(analysis.rows[1]?.values.idNumber).toBe(id);
  });
});
