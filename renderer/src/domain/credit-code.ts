import { isBase31, mod31CheckChar } from './base31';
import { normalizeCodeInput } from './code-input';

/** Why an input is not a valid unified social credit code (GB 32100-2015). */
export type CreditCodeError = 'empty' | 'characters' | 'length' | 'checksum';

export type CreditCodeResult = { ok: true; code: string } | { ok: false; error: CreditCodeError };

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * The GB 32100-2015 check character for the first 17 characters of a credit code.
 * @throws RangeError when `first17` is not 17 characters of `0-9A-Y` without I, O, S, V, Z.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || !isBase31(first17)) {
    throw new RangeError('creditCodeCheckChar needs 17 characters of the GB 32100 alphabet');
  }
  return mod31CheckChar(first17, WEIGHTS);
}

/**
 * Appends the check character to the first 17 characters of a credit code (demo data, fixture generators).
 * @throws RangeError as {@link creditCodeCheckChar}.
 */
export function buildCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/**
 * Parses and validates a unified social credit code, normalising case, spaces, full-width characters and a
 * leading apostrophe (`91 110000 600037341l` -> `91110000600037341L`). Only the format and the check character
 * are verified, not that the enterprise exists.
 */
export function parseCreditCode(input: string): CreditCodeResult {
  const code = normalizeCodeInput(input);
  if (code === '') return { ok: false, error: 'empty' };
  if (!isBase31(code)) return { ok: false, error: 'characters' };
  if (code.length !== 18) return { ok: false, error: 'length' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, error: 'checksum' };
  return { ok: true, code };
}
