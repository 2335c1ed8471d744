import { isIsoDate, toLocalIsoDate } from './calendar';
import { normalizeCodeInput } from './code-input';

/** Why an input is not a usable resident ID number (GB 11643-1999). */
export type ResidentIdError =
  'empty' | 'characters' | 'length' | 'checksum' | 'birth-date' | 'region' | 'precision-lost';

export type ResidentIdResult =
  | {
      ok: true;
      /** Normalised 18-character number. */
      id: string;
      /** YYYY-MM-DD. */
      birthDate: string;
      gender: 'M' | 'F';
      /** The 6-digit administrative region code (home region at first registration). */
      regionCode: string;
      /** Set when the input was a first-generation 15-digit number. */
      upgradedFrom15?: true;
    }
  | { ok: false; error: ResidentIdError };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// Province-level codes; 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan residents.
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
    61, 62, 63, 64, 65, 71, 81, 82, 83,
  ].map(String),
);
const EARLIEST_BIRTH_DATE = '1900-01-01';
// What Excel shows for a long number in a General cell (3.41225E+17): the digits are gone for good.
const SCIENTIFIC_NOTATION = /^[+-]?\d+(\.\d*)?E[+-]?\d+$/;
const DIGITS_WITH_OPTIONAL_X = /^\d*X?$/;
const ALL_DIGITS = /^\d+$/;

/**
 * The GB 11643-1999 check character (`0`-`9` or `X`) for the first 17 digits of a resident ID number.
 * @throws RangeError when `first17` is not exactly 17 ASCII digits.
 */
export function residentIdCheckChar(first17: string): string {
  if (first17.length !== 17 || !ALL_DIGITS.test(first17)) {
    throw new RangeError('residentIdCheckChar needs exactly 17 digits');
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (first17.charCodeAt(i) - 48), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Builds a valid 18-character ID number from its parts, adding the check character. Only the shape of the
 * parts is checked, not the calendar or the region, so fixture generators can build deliberately wrong numbers.
 * @param regionCode six digits
 * @param birthDate `YYYY-MM-DD`
 * @param sequence 0-999; odd for men, even for women
 * @throws RangeError when a part has the wrong shape.
 */
export function buildResidentId(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('regionCode must be six digits');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new RangeError('birthDate must be YYYY-MM-DD');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('sequence must be an integer from 0 to 999');
  }
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}

/**
 * Parses and validates a resident ID number as it arrives from rosters, card readers and keyboards.
 * Normalises full-width characters, spaces, hyphens, a lowercase `x` and a leading apostrophe; upgrades
 * first-generation 15-digit numbers. Numbers that Excel rounded to 15 significant digits are reported as
 * `'precision-lost'`, not as a bad checksum, because the fix is to re-export the column as text.
 * Errors are reported in the order a person fixing the input needs them: empty, characters, precision-lost,
 * length, region, birth-date, checksum.
 * @param options.today `YYYY-MM-DD` used to reject birth dates in the future; defaults to this machine's date.
 */
export function parseResidentId(input: string, options: { today?: string } = {}): ResidentIdResult {
  const id = normalizeCodeInput(input);
  if (id === '') return { ok: false, error: 'empty' };
  if (SCIENTIFIC_NOTATION.test(id)) return { ok: false, error: 'precision-lost' };
  if (!DIGITS_WITH_OPTIONAL_X.test(id)) return { ok: false, error: 'characters' };
  const today = options.today ?? toLocalIsoDate(new Date());

  if (id.length === 15 && ALL_DIGITS.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    const error = bodyError(first17, today);
    if (error) return { ok: false, error };
    return { ...validResult(first17 + residentIdCheckChar(first17)), upgradedFrom15: true };
  }
  if (id.length !== 18) return { ok: false, error: 'length' };

  const first17 = id.slice(0, 17);
  const checksumOk = residentIdCheckChar(first17) === id.charAt(17);
  // Excel keeps 15 significant digits of a number, so an 18-digit ID typed into a General cell ends in 000.
  // A real ID ending in 000 has a valid checksum; one that fails it has lost its last digits.
  if (!checksumOk && id.endsWith('000')) return { ok: false, error: 'precision-lost' };
  const error = bodyError(first17, today) ?? (checksumOk ? null : 'checksum');
  return error ? { ok: false, error } : validResult(id);
}

function bodyError(first17: string, today: string): 'region' | 'birth-date' | null {
  if (!PROVINCE_CODES.has(first17.slice(0, 2))) return 'region';
  const birthDate = isoBirthDate(first17);
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) return 'birth-date';
  return null;
}

function isoBirthDate(first17: string): string {
  return `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
}

function validResult(id: string): Extract<ResidentIdResult, { ok: true }> {
  const gender = (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
  return { ok: true, id, birthDate: isoBirthDate(id), gender, regionCode: id.slice(0, 6) };
}

/**
 * Masks an ID number for screens, printouts and logs: first 6 and last 4 characters of an 18-character number
 * (`320402********0663`). Shorter strings (other documents, typos) reveal proportionally less, at most a third at
 * the front and a quarter at the end, so a short number is never shown almost whole. Keeps the length.
 */
export function maskIdNumber(id: string): string {
  const chars = [...id];
  const head = Math.min(6, Math.floor(chars.length / 3));
  const tail = Math.min(4, Math.floor(chars.length / 4));
  const hidden = chars.length - head - tail;
  return chars.slice(0, head).join('') + '*'.repeat(hidden) + chars.slice(chars.length - tail).join('');
}
