import { normalizeCodeInput } from './code-input';
import { parseResidentId, type ResidentIdError } from './resident-id';

/**
 * The kinds of identity document a trainee can be registered with. Resident ID numbers (including the residence
 * permits of Hong Kong, Macao and Taiwan residents, which share their format) carry a check character and the
 * birth date; passports and other documents are taken as they are written, with no checksum to verify.
 */
export type IdDocumentType = 'resident-id' | 'passport' | 'other';

export const ID_DOCUMENT_TYPES: readonly IdDocumentType[] = ['resident-id', 'passport', 'other'];

export type OtherDocumentError = 'empty' | 'characters' | 'length';
export type PersonIdError = ResidentIdError | OtherDocumentError;

export type PersonIdResult =
  | {
      ok: true;
      idType: IdDocumentType;
      /** Normalised number: upper case, no spaces; for resident IDs the 18-character form. */
      id: string;
      /** Read from a resident ID; other documents do not say. */
      birthDate?: string;
      gender?: 'M' | 'F';
      regionCode?: string;
      upgradedFrom15?: true;
    }
  | { ok: false; idType: IdDocumentType; error: PersonIdError };

// Passport and permit numbers are letters and digits; 5 to 20 covers every country's format without a checksum.
const OTHER_DOCUMENT = /^[A-Z0-9]+$/;
const OTHER_MIN = 5;
const OTHER_MAX = 20;

/** Normalises and checks the number of a passport or another document that has no check character. */
export function parseOtherDocumentNumber(
  input: string,
): { ok: true; id: string } | { ok: false; error: OtherDocumentError } {
  const id = normalizeCodeInput(input);
  if (id === '') return { ok: false, error: 'empty' };
  if (!OTHER_DOCUMENT.test(id)) return { ok: false, error: 'characters' };
  if (id.length < OTHER_MIN || id.length > OTHER_MAX) return { ok: false, error: 'length' };
  return { ok: true, id };
}

/** Parses a document number by its type: resident IDs by GB 11643 (see parseResidentId), others by shape only. */
export function parsePersonId(
  idType: IdDocumentType,
  input: string,
  options: { today?: string } = {},
): PersonIdResult {
  if (idType !== 'resident-id') {
    const other = parseOtherDocumentNumber(input);
    return other.ok ? { ok: true, idType, id: other.id } : { ok: false, idType, error: other.error };
  }
  const parsed = parseResidentId(input, options);
  if (!parsed.ok) return { ok: false, idType, error: parsed.error };
  const { ok: _ok, ...rest } = parsed;
  return { ok: true, idType, ...rest };
}

export type ResidentIdHolder = 'mainland' | 'hong-kong' | 'macao' | 'taiwan';

/** Whose document an 18-character resident ID number is: the 81/82/83 prefixes are residence permits. */
export function residentIdHolder(id: string): ResidentIdHolder {
  switch (id.slice(0, 2)) {
    case '81':
      return 'hong-kong';
    case '82':
      return 'macao';
    case '83':
      return 'taiwan';
    default:
      return 'mainland';
  }
}
