import type { Audience, TrainingKind } from '../../domain/hour-rules';
import type { MessageKey } from '../../i18n/i18n';

export const AUDIENCE_LABEL: Record<Audience, MessageKey> = {
  worker: 'audience.worker',
  principal: 'audience.principal',
  'safety-officer': 'audience.safetyOfficer',
};

export const KIND_LABEL: Record<TrainingKind, MessageKey> = {
  initial: 'kind.initial',
  refresher: 'kind.refresher',
};
