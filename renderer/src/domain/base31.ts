/** The 31 characters of GB 32100-2015: digits and capitals without I, O, S, V, Z (easily misread). */
export const BASE31_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Whether every character of `text` belongs to {@link BASE31_ALPHABET} (true for the empty string). */
export function isBase31(text: string): boolean {
  return [...text].every((ch) => BASE31_ALPHABET.includes(ch));
}

/**
 * The check character that makes `sum(weight[i] * value[i]) + check` divisible by 31, as GB 32100-2015 defines
 * it. 31 is prime, so any weight that is not a multiple of 31 turns a changed character into a changed sum.
 * @throws RangeError when `body` has characters outside the alphabet or `weights` does not match its length.
 */
export function mod31CheckChar(body: string, weights: readonly number[]): string {
  if (weights.length !== body.length || !isBase31(body)) {
    throw new RangeError('mod31CheckChar: body must be base-31 text with one weight per character');
  }
  const sum = weights.reduce((acc, weight, i) => acc + weight * BASE31_ALPHABET.indexOf(body.charAt(i)), 0);
  return BASE31_ALPHABET.charAt((31 - (sum % 31)) % 31);
}
