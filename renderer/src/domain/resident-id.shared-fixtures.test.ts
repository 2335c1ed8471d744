import { expect, it } from 'vitest';
import { parseResidentId } from './resident-id';
import { describeSharedFixture } from './shared-fixtures.test-support';

interface ResidentIdFixtures {
  valid: { id: string; birthDate: string; gender: 'M' | 'F'; region: string }[];
  normalizes: { input: string; id: string }[];
  invalid: { input: string; reason: string; note?: string }[];
  fifteenDigit: { input: string; upgradesTo: string }[];
}

describeSharedFixture<ResidentIdFixtures>('resident-ids.json', (fixtures) => {
  it.each(fixtures.valid)('valid $id', ({ id, birthDate, gender, region }) => {
    expect(parseResidentId(id)).toEqual({ ok: true, id, birthDate, gender, regionCode: region });
  });

  it.each(fixtures.normalizes)('normalizes $input', ({ input, id }) => {
    expect(parseResidentId(input)).toMatchObject({ ok: true, id });
  });

  it.each(fixtures.invalid)('invalid $input -> $reason', ({ input, reason, note }) => {
    const accepted = note?.includes('accept checksum') ? [reason, 'checksum'] : [reason];
    const result = parseResidentId(input);
    expect(result.ok).toBe(false);
    expect(accepted).toContain(result.ok ? 'ok' : result.error);
  });

  it.each(fixtures.fifteenDigit)('upgrades $input -> $upgradesTo', ({ input, upgradesTo }) => {
    expect(parseResidentId(input)).toMatchObject({ ok: true, id: upgradesTo, upgradedFrom15: true });
  });
});
