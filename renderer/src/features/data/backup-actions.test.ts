import { describe, expect, it } from 'vitest';
import type { BackupProblem } from '../../domain/backup-format';
import { translator } from '../../i18n/i18n';
import { problemMessage, refusalMessage } from './backup-actions';

const FILE = '安训备份-20261128-1700 (1).stbak';

const CASES: Array<{ problem: BackupProblem; zh: string; en: string }> = [
  { problem: { code: 'empty' }, zh: `“${FILE}”是空文件`, en: `"${FILE}" is empty` },
  {
    problem: { code: 'not-ours' },
    zh: `“${FILE}”不是安训的备份或数据包文件。`,
    en: `"${FILE}" is not a SafeTrain backup`,
  },
  { problem: { code: 'truncated' }, zh: `“${FILE}”不完整`, en: `"${FILE}" is incomplete` },
  { problem: { code: 'corrupted' }, zh: `“${FILE}”已损坏`, en: `"${FILE}" is damaged` },
  {
    problem: { code: 'newer-format', formatVersion: 9 },
    zh: `“${FILE}”由较新版本的安训制作`,
    en: `"${FILE}" was made by a newer SafeTrain`,
  },
  {
    problem: { code: 'newer-schema', schemaVersion: 9, supported: 5 },
    zh: `“${FILE}”由较新版本的安训制作（数据版本 9，本机只支持到 5）`,
    en: `"${FILE}" was made by a newer SafeTrain (data version 9; this computer supports up to 5)`,
  },
  {
    problem: { code: 'wrong-kind', kind: 'sync' },
    zh: `“${FILE}”是数据包，不是备份`,
    en: `"${FILE}" is a package`,
  },
  {
    problem: { code: 'wrong-kind', kind: 'backup' },
    zh: `“${FILE}”是备份文件，不是数据包`,
    en: `"${FILE}" is a backup, not a package`,
  },
];

describe('a refused file is named in the refusal', () => {
  it.each(CASES)('$problem.code', ({ problem, zh, en }) => {
    expect(problemMessage(translator('zh-CN'), problem, FILE)).toContain(zh);
    const english = problemMessage(translator('en'), problem, FILE);
    expect(english).toContain(en);
    // Only the file's own name may bring Chinese into the English message.
    expect(english.replace(FILE, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('a refusal says that nothing changed', () => {
  it.each([
    ['zh-CN', `“${FILE}”不是安训的备份或数据包文件。当前数据未作任何改动。`],
    ['en', `"${FILE}" is not a SafeTrain backup or package file. Nothing was changed.`],
  ] as const)('%s', (locale, text) => {
    expect(refusalMessage(translator(locale), { code: 'not-ours' }, FILE)).toBe(text);
  });
});
