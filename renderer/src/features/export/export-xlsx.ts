import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/universal';
import { neutralizeFormula } from '../../domain/spreadsheet-cell';
import type { Platform } from '../../platform/platform';

export interface ExportColumn<T> {
  title: string;
  value: (row: T) => string | number | undefined;
  /** Column width in characters. */
  width?: number;
}

/** The workbook of a list: a bold header row, then one row per record; text that looks like a formula stays text. */
export async function buildXlsx<T>(
  rows: readonly T[],
  columns: readonly ExportColumn<T>[],
  sheet: string,
): Promise<Blob> {
  const header: Row = columns.map((c): Cell => ({ value: c.title, fontWeight: 'bold' }));
  const body: Row[] = rows.map((row) =>
    columns.map((c): Cell => {
      const value = c.value(row);
      if (value === undefined || value === '') return null;
      return typeof value === 'number' ? value : neutralizeFormula(value);
    }),
  );
  return writeXlsxFile([header, ...body], {
    sheet,
    columns: columns.map((c) => ({ width: c.width ?? 16 })),
    stickyRowsCount: 1,
  }).toBlob();
}

/** Exports a list as `<name>-YYYYMMDD.xlsx` through the platform (a download or the save dialog). */
export async function exportXlsx<T>(
  platform: Platform,
  name: string,
  rows: readonly T[],
  columns: readonly ExportColumn<T>[],
  today: string,
): Promise<void> {
  const blob = await buildXlsx(rows, columns, name.slice(0, 31));
  platform.saveFile(`${name}-${today.replaceAll('-', '')}.xlsx`, blob);
}
