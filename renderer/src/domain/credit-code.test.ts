import { describe, expect, it } from 'vitest';
import { buildCreditCode, creditCodeCheckChar, parseCreditCode, type CreditCodeError } from './credit-code';

describe('parseCreditCode', () => {
  it.each([
    { input: '91110000600037341L', code: '91110000600037341L' },
    { input: '91320402756194116Y', code: '91320402756194116Y' },
    { input: '91350100M000100Y43', code: '91350100M000100Y43' },
    { input: '121000004000000036', code: '121000004000000036' },
    { input: '91 110000 600037341l', code: '91110000600037341L' },
    { input: ' 91320402756194116y\t', code: '91320402756194116Y' },
    { input: '９１３２０４０２７５６１９４１１６Ｙ', code: '91320402756194116Y' },
    { input: "'91320402756194116Y", code: '91320402756194116Y' },
    { input: '91350100-M000100Y4-3', code: '91350100M000100Y43' },
  ])('$input -> $code', ({ input, code }) => {
    expect(parseCreditCode(input)).toEqual({ ok: true, code });
  });

  it.each<{ input: string; error: CreditCodeError }>([
    { input: '', error: 'empty' },
    { input: '   ', error: 'empty' },
    { input: '91320481L8I2R2001A', error: 'characters' },
    { input: '913204120403O3797U', error: 'characters' },
    { input: '91320402756194116S', error: 'characters' },
    { input: '9132040275619411VY', error: 'characters' },
    { input: '913204027561941Z6Y', error: 'characters' },
    { input: '统一社会信用代码91320402756194116Y', error: 'characters' },
    { input: '9.13204E+17', error: 'characters' },
    { input: '91I', error: 'characters' },
    { input: '91320412628776381', error: 'length' },
    { input: '91320402756194116YY', error: 'length' },
    { input: '913204027561941160', error: 'checksum' },
    { input: '91320402756194161Y', error: 'checksum' },
  ])('$input -> $error', ({ input, error }) => {
    expect(parseCreditCode(input)).toEqual({ ok: false, error });
  });
});

describe('creditCodeCheckChar and buildCreditCode', () => {
  it.each([
    ['91110000600037341', 'L'],
    ['91320402756194116', 'Y'],
    ['91350100M000100Y4', '3'],
    ['12100000400000003', '6'],
    ['00000000000000000', '0'],
    ['YYYYYYYYYYYYYYYYY', 'T'],
  ])('%s -> %s', (first17, check) => {
    expect(creditCodeCheckChar(first17)).toBe(check);
    expect(buildCreditCode(first17)).toBe(first17 + check);
  });

  it.each(['', '9111000060003734', '911100006000373411', '9111000060003734l', '9111000060003734O'])(
    'rejects %j',
    (first17) => {
      expect(() => creditCodeCheckChar(first17)).toThrow(RangeError);
      expect(() => buildCreditCode(first17)).toThrow(RangeError);
    },
  );

  it('detects every single-character substitution of a valid code', () => {
    const code = '91320402756194116Y';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const substitutions = [...code].flatMap((original, i) =>
      [...alphabet].filter((ch) => ch !== original).map((ch) => code.slice(0, i) + ch + code.slice(i + 1)),
    );
    expect(substitutions).toHaveLength(18 * 30);
    expect(substitutions.filter((changed) => parseCreditCode(changed).ok)).toEqual([]);
  });
});
