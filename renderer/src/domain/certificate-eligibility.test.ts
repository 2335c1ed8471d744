import { describe, expect, it } from 'vitest';
import {
  certificateEligibility,
  isEligibleForCertificate,
  type EligibilityInput,
  type IneligibleReason,
} from './certificate-eligibility';

const hoursOnly = { assessmentRequired: false } as const;

describe('certificateEligibility', () => {
  it.each<{ name: string; input: EligibilityInput; reasons: IneligibleReason[] }>([
    {
      name: 'all hours',
      input: { hoursCredited: 4, sessionHours: 4, minShare: 0.8, ...hoursOnly },
      reasons: [],
    },
    {
      name: 'share reached with half hours',
      input: { hoursCredited: 3.5, sessionHours: 4, minShare: 0.8, ...hoursOnly },
      reasons: [],
    },
    {
      name: 'share not reached',
      input: { hoursCredited: 3, sessionHours: 4, minShare: 0.8, ...hoursOnly },
      reasons: ['hours-short'],
    },
    {
      name: 'share exactly reached with rounding noise',
      input: { hoursCredited: 3.6, sessionHours: 4.5, minShare: 0.8, ...hoursOnly },
      reasons: [],
    },
    {
      name: 'empty session certifies nobody',
      input: { hoursCredited: 0, sessionHours: 0, minShare: 0.8, ...hoursOnly },
      reasons: ['no-hours'],
    },
    {
      name: 'share 0 still needs some hours',
      input: { hoursCredited: 0, sessionHours: 4, minShare: 0, ...hoursOnly },
      reasons: ['no-hours'],
    },
    {
      name: 'full share required, half an hour short',
      input: { hoursCredited: 31.5, sessionHours: 32, minShare: 1, ...hoursOnly },
      reasons: ['hours-short'],
    },
    {
      name: 'assessment required and passed',
      input: {
        hoursCredited: 32,
        sessionHours: 32,
        minShare: 1,
        assessmentRequired: true,
        assessment: { passed: true, score: 85 },
      },
      reasons: [],
    },
    {
      name: 'assessment required, passed without a score',
      input: {
        hoursCredited: 32,
        sessionHours: 32,
        minShare: 0.8,
        assessmentRequired: true,
        assessment: { passed: true },
      },
      reasons: [],
    },
    {
      name: 'assessment required, not recorded',
      input: { hoursCredited: 32, sessionHours: 32, minShare: 0.8, assessmentRequired: true },
      reasons: ['assessment-missing'],
    },
    {
      name: 'assessment required, failed',
      input: {
        hoursCredited: 32,
        sessionHours: 32,
        minShare: 0.8,
        assessmentRequired: true,
        assessment: { passed: false, score: 52 },
      },
      reasons: ['assessment-failed'],
    },
    {
      name: 'absent and not assessed: both reasons',
      input: { hoursCredited: 0, sessionHours: 32, minShare: 0.8, assessmentRequired: true },
      reasons: ['no-hours', 'assessment-missing'],
    },
    {
      name: 'short and failed: both reasons',
      input: {
        hoursCredited: 20,
        sessionHours: 32,
        minShare: 0.8,
        assessmentRequired: true,
        assessment: { passed: false },
      },
      reasons: ['hours-short', 'assessment-failed'],
    },
    {
      name: 'a failed assessment the course does not require does not block',
      input: {
        hoursCredited: 4,
        sessionHours: 4,
        minShare: 0.8,
        assessmentRequired: false,
        assessment: { passed: false, score: 40 },
      },
      reasons: [],
    },
  ])('$name', ({ input, reasons }) => {
    expect(certificateEligibility(input)).toEqual({ eligible: reasons.length === 0, reasons });
  });
});

describe('isEligibleForCertificate (hours only)', () => {
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
