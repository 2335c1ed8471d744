/**
 * Text that a spreadsheet program would take as a formula when it starts with one of these characters
 * (= + - @, and the tab or carriage return that some programs strip first). An exported register is opened in
 * Excel or WPS and often re-saved as CSV: a name or remark like `=HYPERLINK(...)` must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises formula-like text by prefixing an apostrophe, the mark spreadsheets use for "this is text". */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
