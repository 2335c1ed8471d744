import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ImportPage } from './pages/import-page';

/**
 * An extra check against the rosters in ../shared/fixtures (the description of reality this project was given):
 * every problem its manifest lists is shown on its row, nothing else is flagged, the good rows land once and a
 * second import adds nothing. The project's own import tests (import.spec.ts) do not need these files; where
 * they are absent this file checks only that and says so.
 */
const FIXTURES = path.resolve('..', 'shared', 'fixtures');
const MANIFEST = path.join(FIXTURES, 'manifest.json');

interface ManifestProblem {
  kind: string;
  sheetRow?: number;
  row?: number;
}
interface ManifestRoster {
  file: string;
  dataRows: number;
  problems: ManifestProblem[];
}

/** What the coordinator reads for each kind of problem; null: normalised silently, not a problem. */
const SHOWN: Record<string, { text: string; error: boolean } | null> = {
  checksum: { text: '身份证号校验位不正确', error: true },
  'precision-lost': { text: '身份证号末几位已丢失', error: true },
  duplicate: { text: '名单内重复', error: true },
  'uscc-checksum': { text: '统一社会信用代码不正确', error: true },
  'gender-mismatch': { text: '性别与身份证号不符', error: false },
  'normalized-space': null,
  'phone-formatted': null,
  'name-padded': null,
  'phone-missing': null,
};

if (!existsSync(MANIFEST)) {
  test('shared fixtures are not beside the repository: nothing to check against', () => {
    console.info(`[e2e] ${MANIFEST} not found: the shared roster fixtures were not checked.`);
    expect(existsSync(MANIFEST)).toBe(false);
  });
} else {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { rosters: ManifestRoster[] };
  for (const roster of manifest.rosters) {
    test(`${roster.file}: exactly the manifest's problems on their rows; imported once`, async ({ page }) => {
      const importer = new ImportPage(page);
      await importer.open('/import');
      await importer.chooseFile(path.join(FIXTURES, roster.file));
      await expect(importer.summary('数据行数')).toHaveText(String(roster.dataRows));

      const flagged = roster.problems.filter((p) => SHOWN[p.kind] !== null);
      for (const problem of roster.problems)
        expect(SHOWN, `a known kind: ${problem.kind}`).toHaveProperty(problem.kind);
      const errors = new Set(flagged.filter((p) => SHOWN[p.kind]!.error).map((p) => p.sheetRow ?? p.row));
      await expect(importer.summary('有错误')).toHaveText(String(errors.size));

      await importer.showOnly('有问题的');
      await expect(page.getByText(`共 ${flagged.length} 条`)).toBeVisible();
      for (const problem of flagged) {
        await expect(importer.row((problem.sheetRow ?? problem.row)!)).toContainText(
          SHOWN[problem.kind]!.text,
        );
      }

      const first = await importer.importAccepted();
      expect(first).toContain(`${errors.size}行因错误未导入`);
      await page.getByRole('button', { name: '继续导入' }).click();
      await importer.chooseFile(path.join(FIXTURES, roster.file));
      const second = await importer.importAccepted();
      expect(second).toContain('新增0人，更新0人');
    });
  }
}
