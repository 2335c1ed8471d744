/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeSharedFixture } from '../domain/shared-fixtures.test-support';
import { analyzeRoster, type RosterAnalysis, type RosterRow } from './analyze-roster';

interface ManifestProblem {
  kind: string;
  /** site-roster.xlsx: the sheet row. */
  sheetRow?: number;
  /** enterprise-managers.xlsx: the sheet row; walkins-gbk.csv: the line of the file (header = line 1). */
  row?: number;
  seq?: number;
  name?: string;
  duplicateOfSeq?: number;
}

interface Manifest {
  rosters: Array<{ file: string; dataRows: number; enterprises?: number; problems: ManifestProblem[] }>;
}

// What each manifest kind must come out as. Kinds mapped to null are normalised or tolerated: no problem.
const EXPECTED_CODE: Record<string, string | null> = {
  checksum: 'id-checksum',
  'gender-mismatch': 'gender-mismatch',
  duplicate: 'duplicate-in-file',
  'precision-lost': 'id-precision-lost',
  'uscc-checksum': 'credit-code-invalid',
  'normalized-space': null,
  'phone-formatted': null,
  'name-padded': null,
  'phone-missing': null,
};

// The value each tolerated kind must leave behind.
const VALUE_CHECKS: Record<string, (row: RosterRow, entry: ManifestProblem) => void> = {
  'normalized-space': (row) => expect(row.values.idNumber).toMatch(/^\d{17}[\dX]$/),
  'phone-formatted': (row) => expect(row.values.phone).toMatch(/^1\d{10}$/),
  'name-padded': (row, entry) => expect(row.values.name).toBe(entry.name),
  'phone-missing': (row) => expect(row.values.phone).toBeUndefined(),
};

const TODAY = '2026-12-31';

describeSharedFixture<Manifest>('manifest.json', (manifest) => {
  const folder = resolve(process.cwd(), '..', 'shared', 'fixtures');
  const analyses = new Map<string, Promise<RosterAnalysis>>();
  const analysisOf = (file: string): Promise<RosterAnalysis> => {
    if (!analyses.has(file)) {
      const bytes = new Uint8Array(readFileSync(resolve(folder, file)));
      analyses.set(file, analyzeRoster({ name: file, bytes }, { today: TODAY }));
    }
    return analyses.get(file)!;
  };

  it.each(manifest.rosters)('$file: one row per data row', async ({ file, dataRows }) => {
    expect((await analysisOf(file)).rows).toHaveLength(dataRows);
  });

  it.each(manifest.rosters)(
    '$file: exactly the manifest problems, nothing else',
    async ({ file, problems }) => {
      const analysis = await analysisOf(file);
      const expected = new Map<number, string[]>();
      for (const entry of problems) {
        const sourceRow = entry.sheetRow ?? entry.row!;
        const code = EXPECTED_CODE[entry.kind];
        expect(code, `manifest kind ${entry.kind}`).not.toBeUndefined();
        if (code) expected.set(sourceRow, [...(expected.get(sourceRow) ?? []), code]);
      }
      const found = new Map(
        analysis.rows
          .filter((r) => r.problems.length > 0)
          .map((r) => [r.sourceRow, r.problems.map((p) => p.code)]),
      );
      expect(sorted(found)).toEqual(sorted(expected));
    },
  );

  it.each(manifest.rosters)('$file: the listed rows are the listed people', async ({ file, problems }) => {
    const analysis = await analysisOf(file);
    for (const entry of problems) {
      const row = analysis.rows.find((r) => r.sourceRow === (entry.sheetRow ?? entry.row));
      expect(row, `row ${entry.sheetRow ?? entry.row}`).toBeDefined();
      if (entry.name) expect(row!.values.name).toBe(entry.name);
      VALUE_CHECKS[entry.kind]?.(row!, entry);
      if (entry.duplicateOfSeq !== undefined && entry.seq !== undefined) {
        const offset = entry.sheetRow! - entry.seq;
        expect(row!.problems[0]).toMatchObject({
          severity: 'error',
          duplicateOf: entry.duplicateOfSeq + offset,
        });
      }
    }
  });

  it.each(manifest.rosters.filter((r) => r.enterprises !== undefined))(
    '$file: $enterprises enterprises, managers kind',
    async ({ file, enterprises }) => {
      const analysis = await analysisOf(file);
      expect(analysis.kind).toBe('enterprise-managers');
      expect(new Set(analysis.rows.map((r) => r.values.enterpriseName)).size).toBe(enterprises);
      expect(
        analysis.rows.every((r) => r.values.role === 'principal' || r.values.role === 'safety-officer'),
      ).toBe(true);
    },
  );
});

function sorted(map: Map<number, string[]>): Array<[number, string[]]> {
  return [...map]
    .map(([row, codes]) => [row, [...codes].sort()] as [number, string[]])
    .sort((a, b) => a[0] - b[0]);
}
