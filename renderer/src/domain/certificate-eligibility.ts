/**
 * Whether a trainee has earned a certificate for a session: the hours credited reach the required share of
 * the session's hours (the share is a setting, 0.8 by default), and at least some hours were credited, so that a
 * session with no hours never certifies people who never came.
 */
export function isEligibleForCertificate(input: {
  hoursCredited: number;
  sessionHours: number;
  minShare: number;
}): boolean {
  const { hoursCredited, sessionHours, minShare } = input;
  if (hoursCredited <= 0) return false;
  // A tiny tolerance: hours are sums of halves, and 0.8 * 4.5 is not exactly representable.
  return hoursCredited + 1e-9 >= sessionHours * minShare;
}
