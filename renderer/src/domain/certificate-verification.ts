/*
 * The verify screen's answer. Someone holds a paper certificate and types (or scans) its number and verification
 * code; the app looks the number up in its own records and checks three things: that the code typed is the one
 * printed on the record, that the record's code is the HMAC of its contents under the bureau's secret (a record
 * edited in the database, or made without the secret, fails), and that the frozen snapshot still hashes to the
 * hash stored at issue.
 */

export type VerificationAnswer =
  /** The number is not shaped like a certificate number, or its check character is wrong (a typo). */
  | { answer: 'unknown'; why: 'malformed' | 'check' | 'not-found' }
  | { answer: 'forged'; why: 'code' | 'signature' | 'hash' }
  | { answer: 'voided' }
  | { answer: 'valid' };

export interface VerificationFacts {
  /** Result of parsing the typed number. */
  number: 'ok' | 'malformed' | 'check';
  /** A certificate with this number is on record (tombstoned ones do not count). */
  found: boolean;
  /** The typed code equals the code on the record. */
  codeMatches: boolean;
  /** The record's code is the HMAC of its contents under the secret in settings. */
  signatureMatches: boolean;
  /** The snapshot still hashes to the stored snapshot hash. */
  hashMatches: boolean;
  status?: 'valid' | 'voided';
}

/**
 * Decides the answer from the facts. Forgery is checked before status: a voided certificate shown with a wrong
 * code is a forgery of a voided one, and saying "voided" would confirm the number to whoever guessed it.
 */
export function decideVerification(facts: VerificationFacts): VerificationAnswer {
  if (facts.number !== 'ok') return { answer: 'unknown', why: facts.number };
  if (!facts.found) return { answer: 'unknown', why: 'not-found' };
  if (!facts.codeMatches) return { answer: 'forged', why: 'code' };
  if (!facts.hashMatches) return { answer: 'forged', why: 'hash' };
  if (!facts.signatureMatches) return { answer: 'forged', why: 'signature' };
  return facts.status === 'voided' ? { answer: 'voided' } : { answer: 'valid' };
}

/**
 * Reads what a QR scanner types (`ST1|number|code`) or what a person pastes: number and code. Returns null when
 * the text is not a scan, so the caller treats it as a typed number. Scanners on a Chinese keyboard layout may
 * type the bar as a full-width ｜, and some add spaces.
 */
export function parseScannedPayload(text: string): { number: string; code: string } | null {
  const parts = text
    .trim()
    .replaceAll('｜', '|')
    .split('|')
    .map((p) => p.trim());
  if (parts.length !== 3 || parts[0]?.toUpperCase() !== 'ST1') return null;
  const [, number = '', code = ''] = parts;
  return number && code ? { number, code } : null;
}
