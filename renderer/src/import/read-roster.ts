import readXlsxFile from 'read-excel-file/universal';
import { decodeText, parseDelimited } from './delimited-text';

/**
 * A numeric spreadsheet cell, kept as the text stored in the file (`411627198205173000`, `4.11627E+17`), so
 * that an ID number Excel rounded can be recognised as such instead of being read as a different number.
 */
export interface NumericCell {
  readonly numeric: string;
}

/** A cell as read: text (empty string when blank) or a number. Dates are read as `YYYY-MM-DD` text. */
export type RosterCell = string | NumericCell;

/** A row of the sheet (or a record of the csv) with its 1-based row (line) number. */
export interface SourceRow {
  sourceRow: number;
  cells: RosterCell[];
}

/** One sheet of a workbook, or the whole of a csv file. */
export interface RosterSheet {
  format: 'xlsx' | 'csv';
  /** The sheet's name in a workbook; absent for text files. */
  sheetName?: string;
  rows: SourceRow[];
}

export type RosterReadErrorCode = 'unsupported-format' | 'no-header' | 'empty' | 'corrupt';

/**
 * What made a file unreadable, for the UI to explain in Chinese:
 * - `unsupported-format`: not a roster file we read; `detail` says what it is where known: `xls` (the old binary
 *   Excel format: save as .xlsx), `encrypted` (a password-protected workbook), `html` (a web page saved as .xls);
 * - `corrupt`: a workbook that cannot be unpacked or parsed;
 * - `empty`: no cell holds anything;
 * - `no-header`: no row looks like a header (at least a name or ID column and one more known column).
 */
export class RosterReadError extends Error {
  override readonly name = 'RosterReadError';

  constructor(
    readonly code: RosterReadErrorCode,
    message: string,
    readonly detail?: 'xls' | 'encrypted' | 'html',
  ) {
    super(message);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// A password-protected .xlsx is a compound file holding a stream of this name (UTF-16LE).
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
const TEXT_EXTENSIONS = /\.(csv|txt|tsv)$/i;
const BINARY_SNIFF_BYTES = 4096;

/**
 * Reads every sheet of a roster file: .xlsx by content (whatever its name), text (.csv, .txt, .tsv, or text
 * that a web system saved as .xls) in UTF-8, UTF-16 or GBK/GB18030. Needs no DOM and no Node built-ins, so it
 * runs in the renderer, a Web Worker and Vitest alike.
 * @throws RosterReadError with code `unsupported-format`, `corrupt` or `empty`.
 */
export async function readRosterSheets(file: { name: string; bytes: Uint8Array }): Promise<RosterSheet[]> {
  const { name, bytes } = file;
  if (bytes.length === 0) throw new RosterReadError('empty', `${name} is empty`);
  if (startsWith(bytes, ZIP_MAGIC)) return readWorkbook(name, bytes);
  if (startsWith(bytes, CFB_MAGIC)) {
    const encrypted = indexOf(bytes, ENCRYPTED_PACKAGE) >= 0;
    throw new RosterReadError(
      'unsupported-format',
      encrypted ? `${name} is password-protected` : `${name} is an .xls (Excel 97-2003) workbook`,
      encrypted ? 'encrypted' : 'xls',
    );
  }
  if (!TEXT_EXTENSIONS.test(name) && !looksLikeText(bytes)) {
    throw new RosterReadError('unsupported-format', `${name} is neither a workbook nor text`);
  }
  const text = decodeText(bytes);
  if (/^\s*</.test(text)) throw new RosterReadError('unsupported-format', `${name} is a web page`, 'html');
  const rows = parseDelimited(text).map(({ line, fields }) => ({ sourceRow: line, cells: fields }));
  return [{ format: 'csv', rows }];
}

async function readWorkbook(name: string, bytes: Uint8Array): Promise<RosterSheet[]> {
  let sheets;
  try {
    sheets = await readXlsxFile<NumericCell>(bytes.slice().buffer, {
      // Padding is data here: the analysis reports and normalises it, so the reader must not hide it.
      trim: false,
      parseNumber: (numeric) => ({ numeric }),
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'XLS_FILE_NOT_SUPPORTED') {
      throw new RosterReadError('unsupported-format', `${name} is an .xls workbook`, 'xls');
    }
    if (code === 'FILE_NOT_SUPPORTED') {
      throw new RosterReadError('unsupported-format', `${name} is an archive but not a workbook`);
    }
    if (code === 'NO_DATA') throw new RosterReadError('empty', `${name} has no data`);
    throw new RosterReadError('corrupt', `${name} cannot be read: ${String(error)}`);
  }
  return sheets.map(({ sheet, data }) => ({
    format: 'xlsx',
    sheetName: sheet,
    rows: data.map((row, index) => ({ sourceRow: index + 1, cells: row.map(toRosterCell) })),
  }));
}

// The reader's cell type names the Date constructor where it means a Date, hence unknown here.
function toRosterCell(value: unknown): RosterCell {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isoDateText(value);
  if (typeof value === 'object' && value !== null && 'numeric' in value) return value as NumericCell;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

// The reader builds dates at UTC midnight from Excel's day serials; a time of day is kept when there is one.
function isoDateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function indexOf(bytes: Uint8Array, pattern: readonly number[]): number {
  const first = pattern[0]!;
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (pattern.every((byte, j) => bytes[i + j] === byte)) return i;
  }
  return -1;
}

// Text in any of the encodings we read has no NUL bytes, except UTF-16, which starts with its BOM.
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return !bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}
