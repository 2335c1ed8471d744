import type { RosterProblemCode, RosterReadErrorCode } from '../../import/analyze-roster';
import type { MessageKey } from '../../i18n/i18n';

export const PROBLEM_MESSAGE: Record<RosterProblemCode, MessageKey> = {
  'id-missing': 'import.problem.idMissing',
  'id-characters': 'import.problem.idCharacters',
  'id-length': 'import.problem.idLength',
  'id-checksum': 'import.problem.idChecksum',
  'id-birth-date': 'import.problem.idBirthDate',
  'id-region': 'import.problem.idRegion',
  'id-precision-lost': 'import.problem.idPrecisionLost',
  'name-missing': 'import.problem.nameMissing',
  'duplicate-in-file': 'import.problem.duplicateInFile',
  'credit-code-invalid': 'import.problem.creditCodeInvalid',
  'enterprise-missing': 'import.problem.enterpriseMissing',
  'gender-mismatch': 'import.problem.genderMismatch',
  'gender-invalid': 'import.problem.genderInvalid',
  'phone-invalid': 'import.problem.phoneInvalid',
  'role-unknown': 'import.problem.roleUnknown',
};

export const READ_ERROR_MESSAGE: Record<RosterReadErrorCode, MessageKey> = {
  'unsupported-format': 'import.readError.unsupported',
  'no-header': 'import.readError.noHeader',
  empty: 'import.readError.empty',
  corrupt: 'import.readError.corrupt',
};

/** The message for a file that cannot be read, as specific as what the reader found out. */
export function readErrorMessage(
  code: RosterReadErrorCode,
  detail?: 'xls' | 'encrypted' | 'html',
): MessageKey {
  if (detail === 'xls') return 'import.readError.xls';
  if (detail === 'encrypted') return 'import.readError.encrypted';
  if (detail === 'html') return 'import.readError.html';
  return READ_ERROR_MESSAGE[code];
}

/** Spreadsheet column letters, as the coordinator sees them in Excel or WPS: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
