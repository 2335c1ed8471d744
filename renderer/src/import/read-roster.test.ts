import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { analyzeRoster, readRosterSheets, RosterReadError } from './analyze-roster';
import { decodeText, parseDelimited, sniffDelimiter } from './delimited-text';
import { generatePeopleRoster } from './testing/roster-generator';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  const text = '姓名,身份证号码\r\n张三,11010519491231002X\r\n';
  it.each([
    ['UTF-8', utf8(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])],
    ['GBK', new Uint8Array(iconv.encode(text, 'gbk'))],
    ['GB18030 (a character outside GBK)', new Uint8Array(iconv.encode(`${text}𠀀`, 'gb18030'))],
    ['UTF-16LE with BOM', new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }))],
  ])('%s', (_, bytes) => {
    expect(decodeText(bytes).startsWith(text)).toBe(true);
  });
});

describe('parseDelimited', () => {
  it.each([
    [
      'CRLF and a final line break',
      'a,b\r\nc,d\r\n',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    ],
    [
      'LF and CR line ends',
      'a\nb\rc',
      [
        [1, ['a']],
        [2, ['b']],
        [3, ['c']],
      ],
    ],
    ['quoted fields with commas and doubled quotes', '"x,y","say ""hi"""', [[1, ['x,y', 'say "hi"']]]],
    [
      'a line break inside quotes keeps the next line number',
      '"a\r\nb",c\r\nd',
      [
        [1, ['a\r\nb', 'c']],
        [3, ['d']],
      ],
    ],
    [
      'blank lines stay addressable',
      'a\r\n\r\nb',
      [
        [1, ['a']],
        [2, ['']],
        [3, ['b']],
      ],
    ],
    ['Excel\'s ="..." text trick', '="0123",x', [[1, ['0123', 'x']]]],
    ['an unterminated quote runs to the end', '"abc', [[1, ['abc']]]],
  ] as const)('%s', (_, text, expected) => {
    expect(parseDelimited(text).map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['a;b;c\n"1,5";2;3', ';'],
  ])('sniffs the delimiter of %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});

describe('readRosterSheets errors', () => {
  const fail = async (name: string, bytes: Uint8Array): Promise<RosterReadError> => {
    const error: unknown = await analyzeRoster({ name, bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterReadError);
    return error as RosterReadError;
  };
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it.each([
    ['an empty file', 'a.xlsx', new Uint8Array(), 'empty', undefined],
    ['an .xls workbook', 'a.xls', new Uint8Array([...cfb, 0, 0, 0]), 'unsupported-format', 'xls'],
    [
      'a password-protected workbook',
      'a.xlsx',
      new Uint8Array([...cfb, ...[...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0])]),
      'unsupported-format',
      'encrypted',
    ],
    ['a web page saved as .xls', 'a.xls', utf8('<html><table></table></html>'), 'unsupported-format', 'html'],
    [
      'binary that is not a workbook',
      'a.pdf',
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]),
      'unsupported-format',
      undefined,
    ],
    ['a broken zip', 'a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'corrupt', undefined],
    ['a csv with no header', 'a.csv', utf8('1,2,3\r\n4,5,6\r\n'), 'no-header', undefined],
    ['a csv with only blank lines', 'a.csv', utf8('\r\n,,\r\n'), 'empty', undefined],
  ] as const)('%s', async (_, name, bytes, code, detail) => {
    const error = await fail(name, bytes);
    expect(error.code).toBe(code);
    expect(error.detail).toBe(detail);
  });

  it('rejects a header row override that is not in the file', async () => {
    const roster = await generatePeopleRoster({ people: 3, format: 'csv-utf8', decorations: false });
    const error: unknown = await analyzeRoster(roster, { headerRow: 99 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RosterReadError', code: 'no-header' });
  });
});

describe('readRosterSheets', () => {
  it('keeps numeric cells as the text in the file and rows at their sheet positions', async () => {
    const roster = await generatePeopleRoster({ people: 6, format: 'xlsx', defects: ['precision-lost'] });
    const [sheet] = await readRosterSheets(roster);
    expect(sheet?.format).toBe('xlsx');
    expect(sheet?.sheetName).toBe('花名册');
    const row = sheet!.rows.find((r) => r.sourceRow === roster.rows[2]!.sourceRow)!;
    expect(row.cells).toContainEqual({ numeric: roster.rows[2]!.values.idNumber });
    expect(sheet!.rows.map((r) => r.sourceRow)).toEqual(sheet!.rows.map((_, i) => i + 1));
  });

  it('reads tab-separated text saved as .xls by a web system', async () => {
    const bytes = utf8('姓名\t身份证号码\t性别\r\n张三\t11010519491231002X\t男\r\n');
    const analysis = await analyzeRoster({ name: 'export.xls', bytes }, { today: '2026-01-01' });
    expect(analysis.rows).toEqual([
      {
        sourceRow: 2,
        values: { name: '张三', idNumber: '11010519491231002X', gender: 'M' },
        problems: [{ code: 'gender-mismatch', severity: 'warning', field: 'gender' }],
      },
    ]);
  });
});
