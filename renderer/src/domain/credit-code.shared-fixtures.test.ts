import { expect, it } from 'vitest';
import { parseCreditCode } from './credit-code';
import { describeSharedFixture } from './shared-fixtures.test-support';

interface CreditCodeFixtures {
  valid: string[];
  normalizes: { input: string; code: string }[];
  invalid: { input: string; reason: string }[];
}

describeSharedFixture<CreditCodeFixtures>('credit-codes.json', (fixtures) => {
  it.each(fixtures.valid)('valid %s', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, code });
  });

  it.each(fixtures.normalizes)('normalizes $input', ({ input, code }) => {
    expect(parseCreditCode(input)).toEqual({ ok: true, code });
  });

  it.each(fixtures.invalid)('invalid $input -> $reason', ({ input, reason }) => {
    expect(parseCreditCode(input)).toEqual({ ok: false, error: reason });
  });
});
