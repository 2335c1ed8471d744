import type { ResidentIdError } from '../../domain/resident-id';
import type { IdDocumentType, OtherDocumentError, PersonIdError } from '../../domain/id-document';
import type { MessageKey } from '../../i18n/i18n';

/** What to tell the coordinator for each way an ID number can be wrong: what is wrong and what to do. */
export const ID_ERROR_MESSAGE: Record<ResidentIdError, MessageKey> = {
  empty: 'id.error.empty',
  characters: 'id.error.characters',
  length: 'id.error.length',
  checksum: 'id.error.checksum',
  'birth-date': 'id.error.birthDate',
  region: 'id.error.region',
  'precision-lost': 'id.error.precisionLost',
};

const OTHER_ID_ERROR_MESSAGE: Record<OtherDocumentError, MessageKey> = {
  empty: 'id.other.empty',
  characters: 'id.other.characters',
  length: 'id.other.length',
};

/** The message for a document number of any type that cannot be used. */
export function idErrorMessage(idType: IdDocumentType, error: PersonIdError): MessageKey {
  return idType === 'resident-id'
    ? ID_ERROR_MESSAGE[error]
    : OTHER_ID_ERROR_MESSAGE[error as OtherDocumentError];
}
