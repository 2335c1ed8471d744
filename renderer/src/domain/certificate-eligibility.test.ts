import { describe, expect, it } from 'vitest';
import { isEligibleForCertificate } from './certificate-eligibility';

describe('isEligibleForCertificate', () => {
  it.each([
    { hoursCredited: 4, sessionHours: 4, minShare: 0.8, eligible: true },
    { hoursCredited: 3.5, sessionHours: 4, minShare: 0.8, eligible: true },
    { hoursCredited: 3, sessionHours: 4, minShare: 0.8, eligible: false },
    { hoursCredited: 3.6, sessionHours: 4.5, minShare: 0.8, eligible: true },
    { hoursCredited: 0, sessionHours: 0, minShare: 0.8, eligible: false },
    { hoursCredited: 0, sessionHours: 4, minShare: 0, eligible: false },
    { hoursCredited: 31.5, sessionHours: 32, minShare: 1, eligible: false },
    { hoursCredited: 32, sessionHours: 32, minShare: 1, eligible: true },
  ])('$hoursCredited of $sessionHours at share $minShare -> $eligible', ({ eligible, ...input }) => {
    expect(isEligibleForCertificate(input)).toBe(eligible);
  });
});
