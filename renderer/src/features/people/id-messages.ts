import type { ResidentIdError } from '../../domain/resident-id';
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
