import type { PersonRole } from '../../db/records';
import type { IdDocumentType, ResidentIdHolder } from '../../domain/id-document';
import type { MessageKey } from '../../i18n/i18n';

export const ROLE_LABEL: Record<PersonRole, MessageKey> = {
  worker: 'role.worker',
  principal: 'role.principal',
  'safety-officer': 'role.safetyOfficer',
};

export const ROLE_COLOR: Record<PersonRole, string | undefined> = {
  worker: undefined,
  principal: 'gold',
  'safety-officer': 'blue',
};

export const ID_TYPE_LABEL: Record<IdDocumentType, MessageKey> = {
  'resident-id': 'idType.residentId',
  passport: 'idType.passport',
  other: 'idType.other',
};

/** What a resident ID number is, by its holder: the 81/82/83 numbers are residence permits. */
export const HOLDER_LABEL: Record<ResidentIdHolder, MessageKey> = {
  mainland: 'idType.residentId',
  'hong-kong': 'idType.hongKongPermit',
  macao: 'idType.macaoPermit',
  taiwan: 'idType.taiwanPermit',
};

/** Province-level names of the first two digits of a region code (the home region of a resident ID). */
export const PROVINCE_LABEL: Record<string, MessageKey> = {
  '11': 'province.11',
  '12': 'province.12',
  '13': 'province.13',
  '14': 'province.14',
  '15': 'province.15',
  '21': 'province.21',
  '22': 'province.22',
  '23': 'province.23',
  '31': 'province.31',
  '32': 'province.32',
  '33': 'province.33',
  '34': 'province.34',
  '35': 'province.35',
  '36': 'province.36',
  '37': 'province.37',
  '41': 'province.41',
  '42': 'province.42',
  '43': 'province.43',
  '44': 'province.44',
  '45': 'province.45',
  '46': 'province.46',
  '50': 'province.50',
  '51': 'province.51',
  '52': 'province.52',
  '53': 'province.53',
  '54': 'province.54',
  '61': 'province.61',
  '62': 'province.62',
  '63': 'province.63',
  '64': 'province.64',
  '65': 'province.65',
  '71': 'province.71',
  '81': 'province.81',
  '82': 'province.82',
  '83': 'province.71',
};
