import { isIsoDate } from '../domain/calendar';
import { toHalfWidth } from '../domain/code-input';
import type { RosterCell } from './read-roster';

export type PersonRoleValue = 'principal' | 'safety-officer' | 'worker';

const SCIENTIFIC = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;
// Han ideographs and the middle dots of transliterated names (阿卜杜·热合曼), around which a space is padding.
const CJK_OR_DOT = '[\\u3400-\\u9fff\\uf900-\\ufaff\\u00b7\\u30fb\\uff65]';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=${CJK_OR_DOT})\\s+|\\s+(?=${CJK_OR_DOT})`, 'gu');
const PHONE_DECORATION = /[\s\-()（）.+]/g;
const MOBILE = /^1[3-9]\d{9}$/;
// Area code with its 0 and a 7-8 digit number, or a bare local number.
const LANDLINE = /^(0\d{9,11}|\d{7,8})$/;
const WRITTEN_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
// Excel day serials of 1954-10-03 to 2119-01-09: numbers in a date column that lost their date format.
const DAY_SERIAL = /^[2-7]\d{4}$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The number a spreadsheet stored, written out in full: `4.11627198205173E+17` -> `411627198205173000`.
 * Only the notation changes; no digit is added beyond what the file holds.
 */
export function plainNumber(text: string): string {
  const match = SCIENTIFIC.exec(text.trim());
  if (!match) return text.trim();
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point >= digits.length)
    return sign + (digits + '0'.repeat(point - digits.length)).replace(/^0+(?=\d)/, '');
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`.replace(/^([+-]?)0+(?=\d)/, '$1');
}

/** The text of a cell as a person reading the sheet would take it; numbers in full, not in E notation. */
export function cellText(cell: RosterCell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : plainNumber(cell.numeric);
}

/** Text without any whitespace, full-width forms folded: for matching labels such as 合 计 or 制表人：. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/**
 * Free text (names, enterprise names, trades) without padding: trimmed, and without the spaces people type
 * next to Chinese characters to line up two-character names with three-character ones (`魏 涛军`, `张　三`).
 * Spaces between Latin words are kept, one each.
 */
export function tidyText(text: string): string {
  if (!/\s/.test(text)) return text;
  return text.replace(SPACE_NEXT_TO_CJK, '').replace(/\s+/g, ' ').trim();
}

/**
 * A phone number as digits only: spaces, hyphens, parentheses and a +86 / 0086 prefix removed. `ok` is false
 * when what remains is neither a mobile number nor a landline; then `value` is the text as found, trimmed.
 */
export function normalizePhone(text: string): { ok: boolean; value: string } {
  const trimmed = toHalfWidth(text).trim();
  let digits = trimmed.replace(PHONE_DECORATION, '');
  if (/^0086\d{11}$/.test(digits)) digits = digits.slice(4);
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  const ok = MOBILE.test(digits) || LANDLINE.test(digits);
  return { ok, value: ok ? digits : trimmed };
}

const GENDERS = new Map<string, 'M' | 'F'>([
  ['男', 'M'],
  ['男性', 'M'],
  ['m', 'M'],
  ['male', 'M'],
  ['女', 'F'],
  ['女性', 'F'],
  ['f', 'F'],
  ['female', 'F'],
]);

/** `M` or `F` from 男/女, M/F, male/female (any case or width); null for anything else. */
export function parseGender(text: string): 'M' | 'F' | null {
  return GENDERS.get(compactText(text).toLowerCase()) ?? null;
}

const ROLE_LABELS = new Map<string, PersonRoleValue>([
  ...[
    '主要负责人',
    '负责人',
    '企业负责人',
    '单位负责人',
    '法定代表人',
    '法人',
    '法人代表',
    '董事长',
    '总经理',
    '厂长',
    '实际控制人',
  ].map((label) => [label, 'principal'] as const),
  ...[
    '安全管理人员',
    '安全生产管理人员',
    '安全员',
    '安管员',
    '专职安全员',
    '兼职安全员',
    '专职安全管理人员',
    '兼职安全管理人员',
    '安全主任',
    '安全主管',
    '安全总监',
    '安全科长',
  ].map((label) => [label, 'safety-officer'] as const),
  ...[
    '从业人员',
    '一般从业人员',
    '新上岗从业人员',
    '员工',
    '职工',
    '工人',
    '农民工',
    '作业人员',
    '普通员工',
  ].map((label) => [label, 'worker'] as const),
]);

/**
 * The training audience a role label names: 主要负责人/法定代表人 -> principal, 安全管理人员/安全员 ->
 * safety-officer, 从业人员/员工 -> worker. Unknown labels that mention 安全 are taken as safety staff and those
 * that mention 负责人 or 法定代表 as principals (安全负责人 is safety staff); anything else is null.
 */
export function parseRole(text: string): PersonRoleValue | null {
  const label = compactText(text);
  const known = ROLE_LABELS.get(label);
  if (known) return known;
  if (label.includes('安全')) return 'safety-officer';
  if (/负责人|法定代表|法人/.test(label)) return 'principal';
  return null;
}

/**
 * A date as `YYYY-MM-DD` when the cell holds one: a date cell (already read so), `2025/10/2`, `2025.10.02`,
 * `2025年10月2日`, or a bare Excel day serial. Anything else is returned as found (trimmed).
 */
export function normalizeDate(cell: RosterCell): string {
  const text = cellText(cell).trim();
  if (typeof cell !== 'string' && DAY_SERIAL.test(text)) {
    return new Date(EXCEL_EPOCH_MS + Number(text) * DAY_MS).toISOString().slice(0, 10);
  }
  const match = WRITTEN_DATE.exec(compactText(text));
  if (!match) return text;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : text;
}
