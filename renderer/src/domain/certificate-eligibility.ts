/** Why an enrolled person has not (yet) earned a certificate; the UI translates each (certificates.ineligible.*). */
export type IneligibleReason = 'no-hours' | 'hours-short' | 'assessment-missing' | 'assessment-failed';

export interface EligibilityInput {
  hoursCredited: number;
  /** The session's planned class hours. */
  sessionHours: number;
  /** Share of the session's hours needed (a setting, 0.8 by default). */
  minShare: number;
  assessmentRequired: boolean;
  assessment?: { passed: boolean; score?: number };
}

export interface Eligibility {
  eligible: boolean;
  /** Every reason that applies, in a fixed order (hours first), so that the screen can list them all at once. */
  reasons: IneligibleReason[];
}

// A tiny tolerance: hours are sums of halves, and 0.8 * 4.5 is not exactly representable.
const EPSILON = 1e-9;

/**
 * Whether a trainee has earned a certificate for a session: the hours credited reach the required share of the
 * session's hours, at least some hours were credited (a session with no hours never certifies people who never
 * came), and where the course requires an assessment, it was recorded and passed. An assessment held for a course
 * that does not require one never blocks a certificate: the course decides what the certificate depends on.
 */
export function certificateEligibility(input: EligibilityInput): Eligibility {
  const { hoursCredited, sessionHours, minShare, assessmentRequired, assessment } = input;
  const reasons: IneligibleReason[] = [];
  if (hoursCredited <= 0) reasons.push('no-hours');
  else if (hoursCredited + EPSILON < sessionHours * minShare) reasons.push('hours-short');
  if (assessmentRequired) {
    if (!assessment) reasons.push('assessment-missing');
    else if (!assessment.passed) reasons.push('assessment-failed');
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * The hours-only rule, kept for callers that do not know about assessments yet; new callers use
 * {@link certificateEligibility}, which also checks a required assessment.
 */
export function isEligibleForCertificate(input: {
  hoursCredited: number;
  sessionHours: number;
  minShare: number;
}): boolean {
  return certificateEligibility({ ...input, assessmentRequired: false }).eligible;
}
