import { describe, expect, it } from 'vitest';
import { certificateVerificationCode, randomSecret, verifyCertificateCode } from './verification-code';

const PAYLOAD = 'AX-2026-A1-000123-K|张三|320402********0663|4';

describe('certificateVerificationCode', () => {
  // Expected values computed independently (Python hmac); the RFC 4231 case 2 MAC starts 5bdcc146bf.
  it.each([
    { secret: 'Jefe', payload: 'what do ya want for nothing?', code: 'BFEC2HNZ' },
    { secret: 'secret', payload: PAYLOAD, code: 'JF1DFFQE' },
    { secret: 'secret', payload: PAYLOAD.replace('000123', '000124'), code: 'TB9E45S5' },
    { secret: 'another secret', payload: PAYLOAD, code: '5RK4AXYG' },
    { secret: 'k', payload: '', code: 'HEWS1H0A' },
  ])('$secret / $payload -> $code', async ({ secret, payload, code }) => {
    expect(await certificateVerificationCode(secret, payload)).toBe(code);
  });

  it('is stable across calls and uses only Crockford base32', async () => {
    const codes = await Promise.all(
      Array.from({ length: 5 }, () => certificateVerificationCode('s', PAYLOAD)),
    );
    expect(new Set(codes).size).toBe(1);
    expect(codes[0]).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
  });

  it.each([
    PAYLOAD.replace('张三', '张四'),
    PAYLOAD.replace('|4', '|3.5'),
    `${PAYLOAD} `,
    PAYLOAD.toLowerCase(),
  ])('changes when the payload changes: %s', async (changed) => {
    const original = await certificateVerificationCode('secret', PAYLOAD);
    expect(await certificateVerificationCode('secret', changed)).not.toBe(original);
  });

  it('refuses an empty secret', async () => {
    await expect(certificateVerificationCode('', PAYLOAD)).rejects.toThrow(RangeError);
  });
});

describe('verifyCertificateCode', () => {
  it.each([
    ['JF1DFFQE', true],
    ['jf1dffqe', true],
    [' JF1D-FFQE ', true],
    ['ＪＦ１ＤＦＦＱＥ', true],
    ['JFIDFFQE', true],
    ['JFLDFFQE', true],
    ['JF1DFFQ', false],
    ['JF1DFFQEE', false],
    ['JF1DFFQF', false],
    ['KF1DFFQE', false],
    ['JFUDFFQE', false],
    ['', false],
  ])('%j -> %s', async (code, valid) => {
    expect(await verifyCertificateCode('secret', PAYLOAD, code)).toBe(valid);
  });

  it('rejects a correct code under another secret or payload', async () => {
    expect(await verifyCertificateCode('another secret', PAYLOAD, 'JF1DFFQE')).toBe(false);
    expect(await verifyCertificateCode('secret', `${PAYLOAD}x`, 'JF1DFFQE')).toBe(false);
  });
});

describe('randomSecret', () => {
  it('gives 43 base64url characters (32 bytes) and a new value each time', () => {
    const secrets = Array.from({ length: 50 }, () => randomSecret());
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});
