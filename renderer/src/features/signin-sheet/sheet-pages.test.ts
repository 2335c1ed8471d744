import { describe, expect, it } from 'vitest';
import { paginate, sheetLine } from './sheet-pages';

describe('paginate', () => {
  it.each<[number, number, number[]]>([
    [0, 18, [0]],
    [1, 18, [1]],
    [18, 18, [18]],
    [19, 18, [18, 1]],
    [200, 18, [18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 2]],
  ])('%i rows, %i a page', (count, perPage, sizes) => {
    const rows = Array.from({ length: count }, (_, i) => i);
    const pages = paginate(rows, perPage);
    expect(pages.map((p) => p.length)).toEqual(sizes);
    expect(pages.flat()).toEqual(rows);
  });

  it('refuses a page size that is not positive', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('sheetLine', () => {
  it.each<[number, number, number]>([
    [0, 1, 1],
    [17, 18, 1],
    [18, 19, 2],
    [199, 200, 12],
  ])('row %i is line %i on page %i, as printed', (index, line, page) => {
    expect(sheetLine(index)).toEqual({ line, page });
    // The printed sheet numbers a row p * ROWS_PER_PAGE + i + 1 on its page p.
    const pages = paginate(Array.from({ length: index + 1 }, (_, i) => i));
    const p = pages.findIndex((rows) => rows.includes(index));
    expect(p + 1).toBe(page);
    expect(p * 18 + pages[p]!.indexOf(index) + 1).toBe(line);
  });
});
