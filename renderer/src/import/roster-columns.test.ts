import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import type { SheetData } from 'write-excel-file/universal';
import { analyzeRoster } from './analyze-roster';
import { detectColumns, fieldForHeader } from './roster-columns';

const TODAY = '2026-11-20';
const ID = '11010519491231002X';

const csv = (lines: string[]): { name: string; bytes: Uint8Array } => ({
  name: 'roster.csv',
  bytes: new TextEncoder().encode(lines.join('\r\n')),
});

async function xlsx(
  sheets: Array<{ sheet: string; data: SheetData }>,
): Promise<{ name: string; bytes: Uint8Array }> {
  const blob = await writeXlsxFile(sheets).toBlob();
  return { name: 'roster.xlsx', bytes: new Uint8Array(await blob.arrayBuffer()) };
}

describe('fieldForHeader', () => {
  it.each([
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['身份证', 'idNumber'],
    ['身份证号码（必填）', 'idNumber'],
    ['*身份证号', 'idNumber'],
    ['姓名', 'name'],
    ['姓  名', 'name'],
    ['名字', 'name'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['联系电话', 'phone'],
    ['电话', 'phone'],
    ['性别', 'gender'],
    ['工种', 'trade'],
    ['班组', 'team'],
    ['单位', 'enterpriseName'],
    ['企业名称', 'enterpriseName'],
    ['工作单位', 'enterpriseName'],
    ['施工单位名称', 'enterpriseName'],
    ['统一社会信用代码', 'creditCode'],
    ['信用代码', 'creditCode'],
    ['职务', 'position'],
    ['人员类别', 'role'],
    ['类别', 'role'],
    ['所属镇街', 'town'],
    ['镇（街道）', 'town'],
    ['行业类别', 'industry'],
    ['上次培训日期', 'lastTrainingDate'],
    ['序号', 'seq'],
    ['籍贯', 'nativePlace'],
    ['紧急联系人电话', null],
    ['常州市新北区某安置房项目农民工安全培训花名册', null],
    ['', null],
  ])('%s -> %s', (label, field) => {
    expect(fieldForHeader(label)).toBe(field);
  });

  it('keeps the leftmost column when two name the same field', () => {
    expect(detectColumns(['序号', '姓名', '手机', '电话'])).toEqual({ seq: 0, name: 1, phone: 2 });
  });
});

describe('header detection', () => {
  it('finds the header under a title and a company line', async () => {
    const analysis = await analyzeRoster(
      csv(['某项目花名册,,', '单位：某公司,,日期：2026-11-20', '姓名,身份证号,性别', `张三,${ID},女`]),
      { today: TODAY },
    );
    expect(analysis).toMatchObject({ headerRow: 3, headers: ['姓名', '身份证号', '性别'] });
    expect(analysis.columns).toEqual({ name: 0, idNumber: 1, gender: 2 });
    expect(analysis.rows).toEqual([
      { sourceRow: 4, values: { name: '张三', idNumber: ID, gender: 'F' }, problems: [] },
    ]);
  });

  it('reads a two-row header (a merged group label over its sub-labels) as one', async () => {
    const analysis = await analyzeRoster(
      csv(['序号,姓名,证件,,联系方式', ',,类型,号码,手机', `1,张三,身份证,${ID},13912345678`]),
      { today: TODAY },
    );
    expect(analysis.headerRow).toBe(2);
    expect(analysis.columns).toMatchObject({ seq: 0, name: 1, idNumber: 3, phone: 4 });
    expect(analysis.rows[0]?.values).toEqual({ name: '张三', idNumber: ID, phone: '13912345678' });
  });

  it('reads the first sheet that has a header, after an instructions sheet', async () => {
    const file = await xlsx([
      { sheet: '填表说明', data: [['请按模板填写，身份证号码设为文本格式']] },
      {
        sheet: '名单',
        data: [
          ['姓名', '身份证号码'],
          ['张三', ID],
        ],
      },
    ]);
    const analysis = await analyzeRoster(file, { today: TODAY });
    expect(analysis).toMatchObject({ sheetName: '名单', headerRow: 1, format: 'xlsx' });
    expect(analysis.rows).toHaveLength(1);
  });

  it('takes the header row, column map, sheet and kind the user chose', async () => {
    const file = csv(['A,B,C', `张三,${ID},某公司`, `李四,${ID},另一公司`]);
    const analysis = await analyzeRoster(file, {
      headerRow: 1,
      columnMap: { name: 0, idNumber: 1, enterpriseName: 2 },
      kind: 'enterprise-managers',
      today: TODAY,
    });
    expect(analysis).toMatchObject({
      headerRow: 1,
      kind: 'enterprise-managers',
      columns: { name: 0, idNumber: 1 },
    });
    expect(analysis.rows.map((r) => r.problems.map((p) => p.code))).toEqual([
      ['role-unknown'],
      ['role-unknown'],
    ]);
  });

  it('reads a headerless file with a column map, from its first line', async () => {
    const analysis = await analyzeRoster(csv([`张三,${ID}`, `李四,${ID}`]), {
      columnMap: { name: 0, idNumber: 1 },
      today: TODAY,
    });
    expect(analysis.headerRow).toBe(0);
    expect(analysis.rows.map((r) => [r.sourceRow, r.problems.map((p) => p.code)])).toEqual([
      [1, []],
      [2, ['duplicate-in-file']],
    ]);
  });
});

describe('kind detection', () => {
  it.each([
    [
      'a credit code column',
      ['企业名称,信用代码,姓名,身份证号', `某公司,91110000600037341L,张三,${ID}`],
      'enterprise-managers',
    ],
    [
      'enterprise and principals',
      ['单位,姓名,身份证号,职务', `某公司,张三,${ID},法定代表人`],
      'enterprise-managers',
    ],
    ['enterprise and workers', ['工作单位,姓名,身份证号,职务', `某公司,张三,${ID},电工`], 'people'],
    ['no enterprise column', ['姓名,身份证号,职务', `张三,${ID},主要负责人`], 'people'],
  ])('%s -> %s', async (_, lines, kind) => {
    expect((await analyzeRoster(csv(lines), { today: TODAY })).kind).toBe(kind);
  });
});

describe('rows passed over', () => {
  it.each([
    ['a blank line', ',,', 'blank'],
    ['a row numbered but empty', '7,,', 'blank'],
    ['a total', '合 计,3人,', 'total'],
    ['a total in the name column', ',总计：3,', 'total'],
    ['a signature line', '制表人：,,审核人：', 'signature'],
    ['a principal signing', ',负责人签字：,', 'signature'],
    ['a date line', '日期：2026年11月20日,,', 'signature'],
    ['a repeated header', '序号,姓名,身份证号', 'repeated-header'],
    ['a note', '注：身份证请填18位,,', 'note'],
  ])('%s', async (_, line, reason) => {
    const analysis = await analyzeRoster(csv(['序号,姓名,身份证号', `1,张三,${ID}`, line]), { today: TODAY });
    expect(analysis.skippedRows).toEqual([{ sourceRow: 3, reason }]);
    expect(analysis.rows).toHaveLength(1);
  });

  it('keeps a person whose row lacks the ID, with an error', async () => {
    const analysis = await analyzeRoster(csv(['序号,姓名,身份证号', '1,张三,']), { today: TODAY });
    expect(analysis.rows[0]?.problems).toEqual([
      { code: 'id-missing', severity: 'error', field: 'idNumber' },
    ]);
  });
});
