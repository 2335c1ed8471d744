import { describe, expect, it } from 'vitest';
import { layoutPages, rowHeight, textLines } from './print-layout';

describe('textLines', () => {
  it.each([
    ['', 30, 1],
    ['安全生产法律法规', 30, 1],
    ['安全生产法律法规；危险化学品安全管理；事故应急救援', 30, 3],
    ['AX-2026-7K-000123-7', 30, 2],
    ['AX-2026-7K-000123-7', 40, 1],
  ])('%s in %s mm -> %s lines', (text, width, lines) => {
    expect(textLines(text, width)).toBe(lines);
  });
});

describe('layoutPages', () => {
  const unit = () => 10;
  it.each([
    {
      name: 'no rows: one empty page, tail on it',
      rows: 0,
      first: 50,
      rest: 100,
      tail: 20,
      pages: [0],
      own: false,
    },
    { name: 'all fit with the tail', rows: 3, first: 50, rest: 100, tail: 20, pages: [3], own: false },
    { name: 'rows fit, the tail does not', rows: 4, first: 50, rest: 100, tail: 20, pages: [4], own: true },
    {
      name: 'rows spill onto a later page',
      rows: 12,
      first: 50,
      rest: 100,
      tail: 20,
      pages: [5, 7],
      own: false,
    },
    {
      name: 'later pages take more rows',
      rows: 25,
      first: 50,
      rest: 100,
      tail: 5,
      pages: [5, 10, 10],
      own: true,
    },
  ])('$name', ({ rows, first, rest, tail, pages, own }) => {
    const result = layoutPages(
      Array.from({ length: rows }, (_, i) => i),
      unit,
      { first, rest, tail },
    );
    expect(result.pages.map((p) => p.length)).toEqual(pages);
    expect(result.tailOnOwnPage).toBe(own);
  });

  it('puts a row taller than a page on a page of its own rather than losing it', () => {
    const result = layoutPages([5, 500, 5], (h) => h, { first: 100, rest: 100, tail: 0 });
    expect(result.pages).toEqual([[5], [500], [5]]);
  });

  it('grows rows with their lines', () => {
    expect(rowHeight(3, 1)).toBeGreaterThan(rowHeight(1));
  });
});
