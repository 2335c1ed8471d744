// Spreadsheets, ID-card readers and Chinese input methods deliver codes with full-width characters, stray
// separators and Excel's text-cell apostrophe; none of these can be part of a code, so removing them is safe.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\u2010-\u2015\u2212-]/g;
const LEADING_APOSTROPHE = /^['\u2018\u2019]/;

/** Maps full-width ASCII variants (U+FF01-U+FF5E, e.g. `５`, `Ｘ`, `－`) to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/**
 * Normalises typed, scanned or pasted code input: full-width to half-width, removes all whitespace, zero-width
 * characters and hyphens/dashes, one leading apostrophe (Excel text cells), and upper-cases the rest.
 */
export function normalizeCodeInput(input: string): string {
  return toHalfWidth(input).replace(SEPARATORS, '').replace(LEADING_APOSTROPHE, '').toUpperCase();
}
