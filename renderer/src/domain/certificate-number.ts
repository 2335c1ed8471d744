import { BASE31_ALPHABET, isBase31, mod31CheckChar } from './base31';
import { normalizeCodeInput } from './code-input';

/*
 * Certificate numbers look like `AX-2026-A1-000123-T`: prefix, year, device code, sequence, check character.
 *
 * Check character: weighted sum mod 31 with weights 3^k, k counted from the right (the check character itself
 * has weight 3^0 = 1); the same arithmetic as GB 32100 credit codes. Luhn mod N was considered and rejected: it
 * is only sound for an even N. With N = 31 its doubling step maps 1 and G (values 1 and 16) both to 2, so at
 * every second position 15 pairs of characters can be swapped for each other undetected. Because 31 is prime and
 * 3 has order 30 modulo 31, the 3^k weights of a number (at most 19 characters) are distinct and non-zero, so
 * every single substitution and every transposition, adjacent or not, changes the sum. What it cannot catch is two
 * or more errors whose changes happen to cancel (about 1 in 31 of such cases).
 *
 * Prefixes are restricted to the same 31 characters, not A-Z/0-9: mapping I, O, S, V, Z onto other values would
 * make pairs like O/0 indistinguishable to the check, and these letters are the ones misread on paper anyway.
 */

export interface CertificateNumberParts {
  /** 1-6 characters of `0-9A-Y` without I, O, S, V, Z. */
  prefix: string;
  /** Four-digit year of issue. */
  year: number;
  /** Two characters of the same alphabet, one per installation, so offline machines never collide. */
  deviceCode: string;
  /** 0-999999, per prefix, year and device. */
  sequence: number;
}

export type CertificateNumberResult =
  ({ ok: true; number: string } & CertificateNumberParts) | { ok: false; error: 'format' | 'check' };

const MAX_PREFIX_LENGTH = 6;
const SEQUENCE_DIGITS = 6;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;
const DEVICE_CODE_LENGTH = 2;
// Everything after the prefix: year (4), device (2), sequence (6), check (1).
const FIXED_TAIL_LENGTH = 4 + DEVICE_CODE_LENGTH + SEQUENCE_DIGITS + 1;
const COMPACT_TAIL = /^(\d{4})([0-9A-Z]{2})(\d{6})([0-9A-Z])$/;

/** Whether `prefix` is usable in certificate numbers: 1-6 characters of the base-31 alphabet (no I O S V Z). */
export function isValidCertificatePrefix(prefix: string): boolean {
  return prefix.length >= 1 && prefix.length <= MAX_PREFIX_LENGTH && isBase31(prefix);
}

/** Whether `code` is a device code: exactly two characters of the base-31 alphabet, upper case. */
export function isValidDeviceCode(code: string): boolean {
  return code.length === DEVICE_CODE_LENGTH && isBase31(code);
}

/**
 * Draws a device code (961 possibilities) with the given generator, e.g. `Math.random`.
 * @param random returns numbers in [0, 1); values outside are clamped.
 */
export function randomDeviceCode(random: () => number): string {
  const pick = () => {
    const index = Math.floor(random() * BASE31_ALPHABET.length);
    return BASE31_ALPHABET.charAt(Math.min(BASE31_ALPHABET.length - 1, Math.max(0, index || 0)));
  };
  return pick() + pick();
}

/**
 * Formats a certificate number with its check character, e.g. `AX-2026-A1-000123-T`.
 * @throws RangeError when a part is out of range (see {@link CertificateNumberParts}).
 */
export function formatCertificateNumber(parts: CertificateNumberParts): string {
  const { prefix, year, deviceCode, sequence } = parts;
  if (!isValidCertificatePrefix(prefix)) throw new RangeError(`invalid certificate prefix: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!isValidDeviceCode(deviceCode)) throw new RangeError(`invalid device code: ${deviceCode}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`sequence out of range: ${sequence}`);
  }
  const fields = [prefix, String(year), deviceCode, String(sequence).padStart(SEQUENCE_DIGITS, '0')];
  return [...fields, checkChar(fields.join(''))].join('-');
}

/**
 * Parses a typed or scanned certificate number. Accepts lower case, full-width characters, spaces and missing or
 * misplaced hyphens, and reads the letters I and O as 1 and 0 (they never occur in a number). Returns the
 * canonical hyphenated form. `'format'`: not shaped like a number; `'check'`: shaped right, check fails (a typo).
 */
export function parseCertificateNumber(input: string): CertificateNumberResult {
  const compact = normalizeCodeInput(input).replaceAll('I', '1').replaceAll('O', '0');
  const prefix = compact.slice(0, compact.length - FIXED_TAIL_LENGTH);
  const tail = COMPACT_TAIL.exec(compact.slice(prefix.length));
  if (!tail || !isValidCertificatePrefix(prefix)) return { ok: false, error: 'format' };
  const [, year = '', deviceCode = '', sequence = '', check = ''] = tail;
  if (!isValidDeviceCode(deviceCode) || !isBase31(check)) return { ok: false, error: 'format' };
  if (checkChar(prefix + year + deviceCode + sequence) !== check) return { ok: false, error: 'check' };
  const number = [prefix, year, deviceCode, sequence, check].join('-');
  return { ok: true, number, prefix, year: Number(year), deviceCode, sequence: Number(sequence) };
}

function checkChar(body: string): string {
  const weights: number[] = [];
  let weight = 1;
  for (let i = 0; i < body.length; i += 1) {
    weight = (weight * 3) % 31;
    weights.unshift(weight);
  }
  return mod31CheckChar(body, weights);
}
