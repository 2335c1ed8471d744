/**
 * File names that every supported file system accepts. Names come from course titles and people's names typed by
 * staff, so they may hold anything; Windows is the strictest target, ext4 limits a name to 255 bytes of UTF-8
 * (85 Chinese characters).
 */

const WINDOWS_ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Room for ".pdf" and a " (2)" the OS may add, under ext4's 255 bytes. */
const MAX_NAME_BYTES = 200;
export const DEFAULT_FILE_NAME = '安训文档';

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let result = '';
  let bytes = 0;
  // Iterating code points keeps surrogate pairs (rare characters, emoji) whole.
  for (const char of text) {
    bytes += encoder.encode(char).byteLength;
    if (bytes > maxBytes) break;
    result += char;
  }
  return result;
}

/** A safe base name (no folder, no extension added) for `name`, or DEFAULT_FILE_NAME when nothing is left. */
export function sanitizeFileName(name: string): string {
  // Whitespace first, so a pasted tab or line break becomes a space rather than "_".
  const cleaned = name.normalize('NFC').replace(/\s+/g, ' ').replace(WINDOWS_ILLEGAL, '_').trim();
  // Windows drops trailing dots and spaces silently, which would save under another name than the one shown.
  const trimmed = truncateUtf8(cleaned, MAX_NAME_BYTES).replace(/[. ]+$/, '');
  if (trimmed === '' || /^_+$/.test(trimmed)) return DEFAULT_FILE_NAME;
  return WINDOWS_RESERVED.test(trimmed) ? `_${trimmed}` : trimmed;
}

/** `name` sanitised with exactly one ".pdf" at the end. */
export function pdfFileName(name: string): string {
  return `${sanitizeFileName(name.replace(/\.pdf$/i, ''))}.pdf`;
}

/** A path the user picked, with ".pdf" added when they typed a name without it. */
export function withPdfExtension(filePath: string): string {
  return /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
}
