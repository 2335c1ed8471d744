import type { CreditCodeError } from '../../domain/credit-code';
import type { MessageKey } from '../../i18n/i18n';

/** Industry codes of domain/hour-rules INDUSTRIES, as the coordinator reads them. */
export const INDUSTRY_LABEL: Record<string, MessageKey> = {
  'coal-mine': 'industry.coalMine',
  'non-coal-mine': 'industry.nonCoalMine',
  'hazardous-chemicals': 'industry.hazardousChemicals',
  fireworks: 'industry.fireworks',
  'metal-smelting': 'industry.metalSmelting',
  construction: 'industry.construction',
  manufacturing: 'industry.manufacturing',
  transport: 'industry.transport',
  'commerce-trade': 'industry.commerceTrade',
  other: 'industry.other',
};

/** What to tell the coordinator for each way a credit code can be wrong. */
export const CREDIT_CODE_ERROR_MESSAGE: Record<CreditCodeError, MessageKey> = {
  empty: 'creditCode.error.empty',
  characters: 'creditCode.error.characters',
  length: 'creditCode.error.length',
  checksum: 'creditCode.error.checksum',
};
