/**
 * Page breaking for the printed archives and notices (A4 portrait): rows of varying height are laid onto pages
 * by an estimate of their height in millimetres, so that every page can carry its own table header, footer and
 * "page x of y" (the browser's own page breaks would leave those out).
 */

/** Usable height of the content area of a page, in mm, after padding, running head and footer. */
export const PAGE_CONTENT_MM = 232;

/** Height in mm of one line of 9 pt text in a table cell (line height 1.45), and a cell's vertical padding. */
const LINE_MM = 4.6;
const CELL_PADDING_MM = 2.4;

/**
 * Estimated lines a text takes in a column `widthMm` wide at 9 pt: CJK characters are about 3.2 mm wide, Latin
 * letters and digits about half that.
 */
export function textLines(text: string, widthMm: number): number {
  if (!text) return 1;
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 1.75 : 3.2;
  return Math.max(1, Math.ceil(width / Math.max(1, widthMm - 2)));
}

/** Height in mm of a table row whose cells need the given numbers of lines. */
export function rowHeight(...lines: number[]): number {
  return Math.max(1, ...lines) * LINE_MM + CELL_PADDING_MM;
}

/**
 * Lays rows onto pages: `first` and `rest` are the heights available for rows on the first and later pages;
 * `tail` is a block that must follow the last row on the same page (the ledger, the notice's closing words), given
 * a page of its own when it does not fit. Always at least one page.
 */
export function layoutPages<T>(
  rows: readonly T[],
  heightOf: (row: T) => number,
  budget: { first: number; rest: number; tail: number },
): { pages: T[][]; tailOnOwnPage: boolean } {
  const pages: T[][] = [[]];
  let room = budget.first;
  for (const row of rows) {
    const h = heightOf(row);
    const current = pages[pages.length - 1]!;
    if (h > room && current.length > 0) {
      pages.push([row]);
      room = budget.rest - h;
    } else {
      current.push(row);
      room -= h;
    }
  }
  return { pages, tailOnOwnPage: budget.tail > room };
}
