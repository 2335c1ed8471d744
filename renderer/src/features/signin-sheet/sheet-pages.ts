/** Rows per A4 portrait page of the sign-in sheet (each row is tall enough to sign in and holds a small QR). */
export const ROWS_PER_PAGE = 18;

/** Splits rows into pages of `perPage`; always at least one page, so an empty session still prints a blank sheet. */
export function paginate<T>(rows: readonly T[], perPage = ROWS_PER_PAGE): T[][] {
  if (!(perPage > 0)) throw new RangeError('perPage must be positive');
  const pages: T[][] = [];
  for (let i = 0; i < rows.length; i += perPage) pages.push(rows.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}

/**
 * The printed line number of the i-th roster row (1-based, counted across pages) and the page it is on: the sheet
 * entry screen numbers its lines the same way, so a coordinator can type the number they read on the paper.
 */
export function sheetLine(index: number, perPage = ROWS_PER_PAGE): { line: number; page: number } {
  return { line: index + 1, page: Math.floor(index / perPage) + 1 };
}
