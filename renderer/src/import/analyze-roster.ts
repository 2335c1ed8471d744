import { toLocalIsoDate } from '../domain/calendar';
import { normalizeCodeInput } from '../domain/code-input';
import { parseCreditCode } from '../domain/credit-code';
import { parseResidentId, type ResidentIdError } from '../domain/resident-id';
import {
  readRosterSheets,
  RosterReadError,
  type RosterCell,
  type RosterSheet,
  type SourceRow,
} from './read-roster';
import {
  detectColumns,
  headerScore,
  normalizeHeader,
  type ColumnMap,
  type RosterField,
} from './roster-columns';
import {
  cellText,
  compactText,
  normalizeDate,
  normalizePhone,
  parseGender,
  parseRole,
  tidyText,
  type PersonRoleValue,
} from './roster-values';

export { RosterReadError, readRosterSheets } from './read-roster';
export type { NumericCell, RosterCell, RosterReadErrorCode, RosterSheet, SourceRow } from './read-roster';
export { detectColumns, fieldForHeader, ROSTER_FIELDS } from './roster-columns';
export type { ColumnMap, RosterField } from './roster-columns';

/**
 * `people`: workers or walk-ins, one row per person; the same ID twice is a duplicate.
 * `enterprise-managers`: enterprises with their principals and safety officers; one person may be listed under
 * several enterprises (a group and its branches), only twice under the same enterprise is a duplicate.
 */
export type RosterKind = 'people' | 'enterprise-managers';

export type ProblemSeverity = 'error' | 'warning';

/** Why a row cannot be taken as it is. Errors hold a row back; warnings are shown and the row is still saved. */
export const PROBLEM_SEVERITY = {
  'id-missing': 'error',
  'id-characters': 'error',
  'id-length': 'error',
  'id-checksum': 'error',
  'id-birth-date': 'error',
  'id-region': 'error',
  // Excel rounded the number to 15 significant digits; the fix is to re-export the column as text.
  'id-precision-lost': 'error',
  'name-missing': 'error',
  // Later occurrence only; `duplicateOf` names the first.
  'duplicate-in-file': 'error',
  'credit-code-invalid': 'error',
  // Enterprise-managers rosters only: a row with neither enterprise name nor credit code belongs to no one.
  'enterprise-missing': 'error',
  // The ID decides; the column is shown so the coordinator can see which one is wrong.
  'gender-mismatch': 'warning',
  // Something other than 男/女/M/F in the gender column; the value is left out.
  'gender-invalid': 'warning',
  // Not a mobile or landline number; `values.phone` keeps the text as found.
  'phone-invalid': 'warning',
  // Enterprise-managers rosters only: the role label is missing or not one we know.
  'role-unknown': 'warning',
} as const satisfies Record<string, ProblemSeverity>;

export type RosterProblemCode = keyof typeof PROBLEM_SEVERITY;

export interface RosterProblem {
  code: RosterProblemCode;
  severity: ProblemSeverity;
  /** The value key the problem is about. */
  field?: RosterField;
  /** For `duplicate-in-file`: the sourceRow of the first occurrence. */
  duplicateOf?: number;
}

/**
 * Value keys (all strings, present only when the cell has something):
 * - `name`: trimmed, spaces next to Chinese characters removed;
 * - `idNumber`: the normalised 18-character resident ID when valid (15-digit numbers upgraded), else the text
 *   as found, trimmed (the row then has an `id-*` error);
 * - `gender`: `M` or `F` as the gender column gives it (absent when the column is missing or unreadable);
 * - `phone`: digits only when it is a mobile or landline number, else the text as found;
 * - `enterpriseName`: tidied like names; `creditCode`: normalised when valid, else as found;
 * - `role`: `principal` | `safety-officer` | `worker`, from the role (人员类别) or position (职务) column;
 * - `position`: the position label as written (职务, or the role column when there is no position column);
 * - `lastTrainingDate`: `YYYY-MM-DD` when it is a date;
 * - `trade` (工种), `team` (班组), `town` (镇街), `industry` (行业类别), `nativePlace` (籍贯), `education`,
 *   `remark`: tidied text.
 */
export type RosterValues = Record<string, string>;

export interface RosterRow {
  /** 1-based row in the sheet, or the 1-based line of the csv where the record starts. */
  sourceRow: number;
  values: RosterValues;
  problems: RosterProblem[];
}

export type SkipReason = 'blank' | 'total' | 'signature' | 'repeated-header' | 'note';

export interface RosterAnalysis {
  kind: RosterKind;
  /** 1-based row of the header (its lower row when the header spans two); 0 when a columnMap was given for
   * a sheet without a recognisable header. */
  headerRow: number;
  rows: RosterRow[];
  /** Which column each field was read from, for the UI to show and let the user change. */
  columns: ColumnMap;
  /** The header cells' text, by column. */
  headers: string[];
  /** Rows below the header passed over: blank, 合计 totals, signature lines, repeated headers, notes. */
  skippedRows: Array<{ sourceRow: number; reason: SkipReason }>;
  format: RosterSheet['format'];
  sheetName?: string;
}

export interface AnalyzeRosterOptions {
  /** The complete column mapping to use instead of the detected one. */
  columnMap?: ColumnMap;
  /** The 1-based header row to use instead of the detected one. */
  headerRow?: number;
  /** The sheet to read instead of the first one with a header. */
  sheetName?: string;
  kind?: RosterKind;
  /** `YYYY-MM-DD`, for rejecting birth dates in the future; defaults to this machine's date. */
  today?: string;
}

interface Header {
  sourceRow: number;
  headers: string[];
  columns: ColumnMap;
}

const HEADER_SCAN_ROWS = 30;
const ID_PROBLEMS: Record<ResidentIdError, RosterProblemCode> = {
  empty: 'id-missing',
  characters: 'id-characters',
  length: 'id-length',
  checksum: 'id-checksum',
  'birth-date': 'id-birth-date',
  region: 'id-region',
  'precision-lost': 'id-precision-lost',
};
// A spreadsheet number has at most 15 significant digits; any more were invented by rounding.
const MAX_EXACT_DIGITS = 15;
// The shortest ID number (first generation); a cell this long in the ID column is a person's, not a footer's.
const MIN_ID_LENGTH = 15;
const TOTAL = /^(合计|总计|小计|共计|总人数|共\d+人)/;
const SIGNATURE_LABEL =
  /^(制表人?|填表人?|填报人?|审核人?|审批人?|复核人?|经办人|统计人|(单位)?负责人|(制表|填表|填报|审核|统计)?日期|(单位)?(盖章|公章)):/;
const SIGNATURE_WORDS = /签字|签名|盖章|公章/;
const NOTE = /^(注|说明|备注|附注|填表说明)\d*[:.、]/;
const MAX_NAME_LENGTH = 20;
const SIMPLE_FIELDS = ['trade', 'team', 'town', 'industry', 'nativePlace', 'education', 'remark'] as const;
const MANAGER_ROLES: ReadonlySet<PersonRoleValue | null> = new Set(['principal', 'safety-officer']);

/**
 * Reads a roster file and reports, row by row, what it holds and what is wrong with it, before anything is
 * saved. Pure: no DOM, no database, so it can run in a Web Worker.
 * @throws RosterReadError (`unsupported-format`, `corrupt`, `empty`, `no-header`).
 */
export async function analyzeRoster(
  file: { name: string; bytes: Uint8Array },
  options: AnalyzeRosterOptions = {},
): Promise<RosterAnalysis> {
  const sheets = (await readRosterSheets(file)).filter((sheet) => sheet.rows.some(hasContent));
  if (sheets.length === 0) throw new RosterReadError('empty', `${file.name} has no data`);
  const { sheet, header } = chooseSheet(sheets, options, file.name);
  const dataRows = sheet.rows.filter((row) => row.sourceRow > header.sourceRow);
  const kind = options.kind ?? detectKind(header.columns, dataRows);
  const today = options.today ?? toLocalIsoDate(new Date());

  const rows: RosterRow[] = [];
  const skippedRows: RosterAnalysis['skippedRows'] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of dataRows) {
    const reason = skipReason(row.cells, header);
    if (reason) {
      skippedRows.push({ sourceRow: row.sourceRow, reason });
      continue;
    }
    const analysed = analyzeRow(row, header.columns, kind, today);
    flagDuplicate(analysed, kind, firstRowOf);
    rows.push(analysed);
  }
  return {
    kind,
    headerRow: header.sourceRow,
    rows,
    columns: header.columns,
    headers: header.headers,
    skippedRows,
    format: sheet.format,
    ...(sheet.sheetName === undefined ? {} : { sheetName: sheet.sheetName }),
  };
}

/**
 * The header of a sheet: the row under any title rows that names the most known columns (at least a name or
 * ID column and one more). Two-row headers (a merged group label above its sub-labels) are read as one (see
 * combineHeaderRows). Null when no row qualifies.
 */
export function findHeader(rows: readonly SourceRow[]): Header | null {
  const scan = rows.slice(0, HEADER_SCAN_ROWS + 1).map((row) => {
    const headers = row.cells.map(cellText);
    const columns = detectColumns(headers);
    return { sourceRow: row.sourceRow, headers, columns, score: headerScore(columns) };
  });
  let best: (Header & { score: number }) | null = null;
  for (const [i, upper] of scan.entries()) {
    const candidates = [upper];
    const lower = scan[i + 1];
    if (lower && lower.sourceRow === upper.sourceRow + 1) {
      const headers = combineHeaderRows(upper.headers, lower.headers);
      const columns = detectColumns(headers);
      const score = headerScore(columns);
      // Only when the two rows name more together than either alone, i.e. a real two-row header.
      if (score > Math.max(upper.score, lower.score))
        candidates.push({ sourceRow: lower.sourceRow, headers, columns, score });
    }
    for (const candidate of candidates) if (candidate.score > (best?.score ?? 0)) best = candidate;
  }
  if (!best) return null;
  const { sourceRow, headers, columns } = best;
  return { sourceRow, headers, columns };
}

/**
 * Reads two header rows as one: a sub-label is prefixed with the group label above it (carried right across
 * the group's merged cells, which the reader leaves empty), so 证件 over 号码 reads 证件号码 and 联系方式 over
 * 手机 reads 联系方式手机; a label with nothing below it (merged down) stays as it is.
 */
function combineHeaderRows(upper: readonly string[], lower: readonly string[]): string[] {
  let group = '';
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, c) => {
    const top = upper[c]?.trim() ?? '';
    if (top) group = top;
    const bottom = lower[c]?.trim() ?? '';
    return bottom ? group + bottom : top;
  });
}

function chooseSheet(
  sheets: RosterSheet[],
  options: AnalyzeRosterOptions,
  fileName: string,
): { sheet: RosterSheet; header: Header } {
  const named =
    options.sheetName === undefined ? undefined : sheets.find((s) => s.sheetName === options.sheetName);
  const detected = named
    ? { sheet: named, header: findHeader(named.rows) }
    : (sheets.map((sheet) => ({ sheet, header: findHeader(sheet.rows) })).find((s) => s.header) ?? {
        sheet: sheets[0]!,
        header: null,
      });
  const { sheet } = detected;
  if (options.headerRow !== undefined) {
    const row = sheet.rows.find((r) => r.sourceRow === options.headerRow);
    if (!row) throw new RosterReadError('no-header', `${fileName} has no row ${options.headerRow}`);
    const headers = row.cells.map(cellText);
    return {
      sheet,
      header: { sourceRow: row.sourceRow, headers, columns: options.columnMap ?? detectColumns(headers) },
    };
  }
  if (detected.header) {
    const header = options.columnMap ? { ...detected.header, columns: options.columnMap } : detected.header;
    return { sheet, header };
  }
  if (options.columnMap) return { sheet, header: { sourceRow: 0, headers: [], columns: options.columnMap } };
  throw new RosterReadError('no-header', `${fileName} has no recognisable header row`);
}

// A managers roster names enterprises and has principals and safety officers in its role column.
function detectKind(columns: ColumnMap, rows: readonly SourceRow[]): RosterKind {
  if (columns.creditCode !== undefined) return 'enterprise-managers';
  const roleColumn = columns.role ?? columns.position;
  if (columns.enterpriseName === undefined || roleColumn === undefined) return 'people';
  const labels = rows.map((row) => cellText(row.cells[roleColumn])).filter((text) => text.trim() !== '');
  const managers = labels.filter((label) => MANAGER_ROLES.has(parseRole(label))).length;
  return labels.length > 0 && managers * 2 >= labels.length ? 'enterprise-managers' : 'people';
}

function hasContent(row: SourceRow): boolean {
  return row.cells.some((cell) => cellText(cell).trim() !== '');
}

function skipReason(cells: readonly RosterCell[], header: Header): SkipReason | null {
  const { columns } = header;
  const name = compactText(cellText(at(cells, columns.name)));
  const idLike = normalizeCodeInput(cellText(at(cells, columns.idNumber))).length >= MIN_ID_LENGTH;
  // The common case, a person with a name and an ID, needs no further look.
  if (name !== '' && idLike) return null;

  const texts = cells.map((cell) => compactText(cellText(cell)));
  const first = texts.find((text) => text !== '');
  if (first === undefined) return 'blank';
  // The sequence column often carries the labels of total and signature lines, so it counts for those only.
  const filled = texts.flatMap((text, column) => (text !== '' && column !== columns.seq ? [column] : []));
  const sameAsHeader = filled.filter(
    (column) => normalizeHeader(texts[column]!) === normalizeHeader(header.headers[column] ?? ''),
  );
  if (sameAsHeader.length >= 2) return 'repeated-header';
  if (TOTAL.test(first) || TOTAL.test(name)) return 'total';
  if (!idLike && texts.some((text) => SIGNATURE_LABEL.test(text) || SIGNATURE_WORDS.test(text))) {
    return 'signature';
  }
  // Only the sequence column: a row numbered in advance but never filled in, or a note written across it.
  if (filled.length === 0) return /^\d+$/.test(first) ? 'blank' : 'note';
  // A remark written across the row: one cell, no ID, and either labelled as a note or too long for a name.
  const id = at(texts, columns.idNumber);
  if (
    id === '' &&
    filled.length === 1 &&
    (name === '' || NOTE.test(first) || first.length > MAX_NAME_LENGTH)
  ) {
    return 'note';
  }
  return null;
}

function analyzeRow(row: SourceRow, columns: ColumnMap, kind: RosterKind, today: string): RosterRow {
  const values: RosterValues = {};
  const problems: RosterProblem[] = [];
  const problem = (code: RosterProblemCode, field: RosterField): void => {
    problems.push({ code, severity: PROBLEM_SEVERITY[code], field });
  };
  const cell = (field: RosterField): RosterCell | undefined =>
    columns[field] === undefined ? undefined : row.cells[columns[field]];
  const text = (field: RosterField): string => tidyText(cellText(cell(field)));

  const idGender = readIdNumber(cell('idNumber'), today, values, problem);
  const name = text('name');
  if (name) values.name = name;
  else problem('name-missing', 'name');

  const genderText = text('gender');
  if (genderText) {
    const gender = parseGender(genderText);
    if (!gender) problem('gender-invalid', 'gender');
    else {
      values.gender = gender;
      if (idGender && idGender !== gender) problem('gender-mismatch', 'gender');
    }
  }

  const phoneText = text('phone');
  if (phoneText) {
    const phone = normalizePhone(phoneText);
    values.phone = phone.value;
    if (!phone.ok) problem('phone-invalid', 'phone');
  }

  const enterpriseName = text('enterpriseName');
  if (enterpriseName) values.enterpriseName = enterpriseName;
  const creditText = text('creditCode');
  if (creditText) {
    const credit = parseCreditCode(creditText);
    values.creditCode = credit.ok ? credit.code : creditText;
    if (!credit.ok) problem('credit-code-invalid', 'creditCode');
  }

  const position = text('position') || text('role');
  if (position) values.position = position;
  const role = parseRole(text('role') || position);
  if (role) values.role = role;

  const lastTraining = cell('lastTrainingDate');
  if (lastTraining !== undefined && cellText(lastTraining).trim())
    values.lastTrainingDate = normalizeDate(lastTraining);
  for (const field of SIMPLE_FIELDS) {
    const value = text(field);
    if (value) values[field] = value;
  }

  if (kind === 'enterprise-managers') {
    if (!enterpriseName && !creditText) problem('enterprise-missing', 'enterpriseName');
    if (!MANAGER_ROLES.has(role)) problem('role-unknown', 'role');
  }
  return { sourceRow: row.sourceRow, values, problems };
}

/**
 * Puts the ID number into `values` and reports what is wrong with it; returns the gender the ID encodes when
 * it is valid. A numeric cell of more than 15 digits went through Excel's rounding to 15 significant digits:
 * its end is not the person's whatever the checksum says (one in eleven rounded numbers passes it).
 */
function readIdNumber(
  cell: RosterCell | undefined,
  today: string,
  values: RosterValues,
  problem: (code: RosterProblemCode, field: RosterField) => void,
): 'M' | 'F' | null {
  const text = cellText(cell).trim();
  if (normalizeCodeInput(text) === '') {
    problem('id-missing', 'idNumber');
    return null;
  }
  const rounded = typeof cell === 'object' && text.replace(/^0+|\.\d*$/g, '').length > MAX_EXACT_DIGITS;
  const parsed = parseResidentId(text, { today });
  if (parsed.ok && !rounded) {
    values.idNumber = parsed.id;
    return parsed.gender;
  }
  values.idNumber = text;
  problem(rounded || parsed.ok ? 'id-precision-lost' : ID_PROBLEMS[parsed.error], 'idNumber');
  return null;
}

// People are keyed by ID; managers by ID within their enterprise (by name, else credit code).
function flagDuplicate(row: RosterRow, kind: RosterKind, firstRowOf: Map<string, number>): void {
  const id = row.values.idNumber;
  if (!id || row.problems.some((p) => p.field === 'idNumber')) return;
  const enterprise = compactText(row.values.enterpriseName ?? '') || (row.values.creditCode ?? '');
  const key = kind === 'enterprise-managers' ? `${enterprise}\u0000${id}` : id;
  const first = firstRowOf.get(key);
  if (first === undefined) {
    firstRowOf.set(key, row.sourceRow);
    return;
  }
  row.problems.push({
    code: 'duplicate-in-file',
    severity: PROBLEM_SEVERITY['duplicate-in-file'],
    field: 'idNumber',
    duplicateOf: first,
  });
}

function at<T extends RosterCell>(cells: readonly T[], column: number | undefined): T | '' {
  return column === undefined ? '' : (cells[column] ?? '');
}
