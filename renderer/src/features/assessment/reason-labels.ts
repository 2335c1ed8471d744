import type { IneligibleReason } from '../../domain/certificate-eligibility';
import type { MessageKey } from '../../i18n/i18n';

/** What each reason for not (yet) earning a certificate reads as. */
export const INELIGIBLE_REASON_LABEL: Record<IneligibleReason, MessageKey> = {
  'no-hours': 'certificates.ineligible.no-hours',
  'hours-short': 'certificates.ineligible.hours-short',
  'assessment-missing': 'certificates.ineligible.assessment-missing',
  'assessment-failed': 'certificates.ineligible.assessment-failed',
};
