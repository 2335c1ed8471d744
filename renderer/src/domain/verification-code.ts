import { normalizeCodeInput } from './code-input';

// Crockford base32: no I, L, O, U, so a code read aloud or copied by hand has no look-alikes.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;
const SECRET_BYTES = 32;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const utf8 = new TextEncoder();

/**
 * The 8-character verification code printed on a certificate: HMAC-SHA-256 of the UTF-8 `payload` keyed with
 * the UTF-8 bytes of `secret`, first 40 bits in Crockford base32. 40 bits make a forged code a one-in-a-trillion
 * guess while staying short enough to type.
 * @throws RangeError when `secret` is empty (every code would be forgeable).
 */
export async function certificateVerificationCode(secret: string, payload: string): Promise<string> {
  if (secret === '') throw new RangeError('verification secret must not be empty');
  const key = await crypto.subtle.importKey(
    'raw',
    utf8.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(payload)));
  // 40 bits = 5 bytes = 8 base32 digits; a double holds 40 bits exactly, so plain arithmetic suffices.
  let value = mac.subarray(0, 5).reduce((acc, byte) => acc * 256 + byte, 0);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    code = CROCKFORD.charAt(value % 32) + code;
    value = Math.floor(value / 32);
  }
  return code;
}

/**
 * Whether `code` is the verification code of `payload` under `secret`. Accepts what people type: any case,
 * spaces, hyphens, full-width characters, and I/L for 1 and O for 0 as Crockford base32 allows. The comparison
 * touches every character, so its time does not reveal how many leading characters were right.
 */
export async function verifyCertificateCode(secret: string, payload: string, code: string): Promise<boolean> {
  const typed = normalizeCodeInput(code).replace(/[IL]/g, '1').replaceAll('O', '0');
  const expected = await certificateVerificationCode(secret, payload);
  if (typed.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i += 1) difference |= typed.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** A new verification secret: 32 random bytes from the system's CSPRNG, base64url without padding (43 chars). */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const available = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < available; j += 1) text += BASE64URL.charAt((chunk >> (18 - 6 * j)) & 63);
  }
  return text;
}
