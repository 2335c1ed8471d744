import { describe, expect, it } from 'vitest';
import { buildXlsx, type ExportColumn } from './export-xlsx';
import { readRosterSheets } from '../../import/analyze-roster';

interface Row {
  name: string;
  remark?: string;
  hours: number;
}

const COLUMNS: ExportColumn<Row>[] = [
  { title: '姓名', value: (r) => r.name },
  { title: '备注', value: (r) => r.remark },
  { title: '学时', value: (r) => r.hours },
];

describe('buildXlsx', () => {
  it('writes a real workbook: header, rows, numbers as numbers, formula-like text neutralised', async () => {
    const blob = await buildXlsx<Row>(
      [
        { name: '张三', remark: '=HYPERLINK("http://x","点我")', hours: 4 },
        { name: '@李四', hours: 3.5 },
        { name: '+王五', remark: '-1', hours: 0 },
      ],
      COLUMNS,
      '学员',
    );
    const [sheet] = await readRosterSheets({
      name: 'export.xlsx',
      bytes: new Uint8Array(await blob.arrayBuffer()),
    });
    const text = sheet!.rows.map((r) => r.cells.map((c) => (typeof c === 'string' ? c : c.numeric)));
    expect(text).toEqual([
      ['姓名', '备注', '学时'],
      ['张三', '\'=HYPERLINK("http://x","点我")', '4'],
      ["'@李四", '', '3.5'],
      ["'+王五", "'-1", '0'],
    ]);
  });
});
