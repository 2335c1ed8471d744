import { describe, expect, it } from 'vitest';
import { BASE31_ALPHABET } from './base31';
import {
  formatCertificateNumber,
  isValidCertificatePrefix,
  isValidDeviceCode,
  parseCertificateNumber,
  randomDeviceCode,
  type CertificateNumberParts,
} from './certificate-number';

const SAMPLE = 'AX-2026-A1-000123-T';

describe('formatCertificateNumber', () => {
  it.each<CertificateNumberParts & { number: string }>([
    { prefix: 'AX', year: 2026, deviceCode: 'A1', sequence: 123, number: SAMPLE },
    { prefix: 'AX', year: 2026, deviceCode: '00', sequence: 0, number: 'AX-2026-00-000000-J' },
    { prefix: 'Q', year: 2026, deviceCode: 'YY', sequence: 999_999, number: 'Q-2026-YY-999999-T' },
    { prefix: 'AQ1234', year: 2030, deviceCode: 'XY', sequence: 1, number: 'AQ1234-2030-XY-000001-J' },
    { prefix: '123456', year: 2026, deviceCode: 'XY', sequence: 999_999, number: '123456-2026-XY-999999-M' },
  ])('$number', ({ number, ...parts }) => {
    expect(formatCertificateNumber(parts)).toBe(number);
    expect(parseCertificateNumber(number)).toEqual({ ok: true, number, ...parts });
  });

  const valid: CertificateNumberParts = { prefix: 'AX', year: 2026, deviceCode: 'A1', sequence: 1 };
  it.each<[string, Partial<CertificateNumberParts>]>([
    ['empty prefix', { prefix: '' }],
    ['7-character prefix', { prefix: 'ABCDEFG' }],
    ['prefix with Z and S', { prefix: 'SZ' }],
    ['lower-case prefix', { prefix: 'ax' }],
    ['prefix with a hyphen', { prefix: 'A-B' }],
    ['3-digit year', { year: 999 }],
    ['5-digit year', { year: 10_000 }],
    ['fractional year', { year: 2026.5 }],
    ['1-character device code', { deviceCode: 'A' }],
    ['3-character device code', { deviceCode: 'A12' }],
    ['device code with I', { deviceCode: 'I1' }],
    ['negative sequence', { sequence: -1 }],
    ['7-digit sequence', { sequence: 1_000_000 }],
    ['fractional sequence', { sequence: 1.5 }],
  ])('rejects %s', (_, change) => {
    expect(() => formatCertificateNumber({ ...valid, ...change })).toThrow(RangeError);
  });
});

describe('parseCertificateNumber', () => {
  it.each([
    'ax-2026-a1-000123-t',
    ' AX 2026 A1 000123 T ',
    'AX2026A1000123T',
    'AX-2026A1-000123T',
    'ＡＸ－２０２６－Ａ１－０００１２３－Ｔ',
    'AX-2026-A1-OOO123-T',
    'AX-2O26-AI-000I23-T',
  ])('reads %j as the sample', (input) => {
    expect(parseCertificateNumber(input)).toEqual({
      ok: true,
      number: SAMPLE,
      prefix: 'AX',
      year: 2026,
      deviceCode: 'A1',
      sequence: 123,
    });
  });

  it.each([
    ['', 'format'],
    ['AX-2026-A1-000123', 'format'],
    ['AX-26-A1-000123-T', 'format'],
    ['AX-2026-A1-00123-T', 'format'],
    ['SZ-2026-A1-000123-T', 'format'],
    ['ABCDEFG-2026-A1-000123-T', 'format'],
    ['AX-2026-A1-000123-S', 'format'],
    ['AX-2026-A1-000123-TT', 'format'],
    ['AX-2026-A1-000123-U', 'check'],
    ['AX-2026-A1-000132-T', 'check'],
  ])('%j -> %s', (input, error) => {
    expect(parseCertificateNumber(input)).toEqual({ ok: false, error });
  });
});

describe('typing errors in a printed number', () => {
  const chars = [...SAMPLE];
  // Positions of the year and sequence digits in SAMPLE: a letter there breaks the format before the check.
  const digitPositions = new Set([3, 4, 5, 6, 11, 12, 13, 14, 15, 16]);
  const fits = (position: number, ch: string) => !digitPositions.has(position) || /\d/.test(ch);
  const positions = chars.flatMap((ch, i) => (ch === '-' ? [] : [i]));
  const withChars = (changes: [number, string][]) => {
    const copy = [...chars];
    for (const [i, ch] of changes) copy[i] = ch;
    return copy.join('');
  };

  const substitutions = positions.flatMap((i) =>
    [...BASE31_ALPHABET]
      .filter((ch) => ch !== chars[i])
      .map((ch) => ({ input: withChars([[i, ch]]), error: fits(i, ch) ? 'check' : 'format' })),
  );
  it.each(substitutions)('substitution $input -> $error', ({ input, error }) => {
    expect(parseCertificateNumber(input)).toEqual({ ok: false, error });
  });

  // Weights 3^k mod 31 are distinct for up to 30 positions, so transpositions at any distance are caught, not
  // only adjacent ones.
  const transpositions = positions.flatMap((i) =>
    positions
      .filter((j) => j > i && chars[i] !== chars[j])
      .map((j) => {
        const a = chars[i] ?? '';
        const b = chars[j] ?? '';
        const adjacent = positions.indexOf(j) === positions.indexOf(i) + 1;
        const input = withChars([
          [i, b],
          [j, a],
        ]);
        return { input, adjacent, error: fits(i, b) && fits(j, a) ? 'check' : 'format' };
      }),
  );
  it.each(transpositions)('transposition $input (adjacent: $adjacent) -> $error', ({ input, error }) => {
    expect(parseCertificateNumber(input)).toEqual({ ok: false, error });
  });

  it('includes every adjacent transposition of distinct characters', () => {
    const adjacentPairs = positions.slice(1).filter((j, k) => chars[j] !== chars[positions[k] ?? -1]);
    expect(transpositions.filter((t) => t.adjacent)).toHaveLength(adjacentPairs.length);
  });

  it('cannot catch every double substitution (one check character: about 1 in 31 slip through)', () => {
    const sequencePositions = [11, 12, 13, 14, 15, 16];
    const undetected = sequencePositions.flatMap((i) =>
      sequencePositions
        .filter((j) => j > i)
        .flatMap((j) =>
          [...'0123456789'].flatMap((a) =>
            [...'0123456789'].map((b) =>
              withChars([
                [i, a],
                [j, b],
              ]),
            ),
          ),
        )
        .filter((input) => input !== SAMPLE && parseCertificateNumber(input).ok),
    );
    expect(undetected.length).toBeGreaterThan(0);
  });
});

describe('prefixes and device codes', () => {
  it.each([
    ['AX', true],
    ['A', true],
    ['AQ1234', true],
    ['123456', true],
    ['', false],
    ['ABCDEFG', false],
    ['CZ', false],
    ['IO', false],
    ['ax', false],
    ['A X', false],
  ])('isValidCertificatePrefix(%j) -> %s', (prefix, valid) => {
    expect(isValidCertificatePrefix(prefix)).toBe(valid);
  });

  it.each([
    ['A1', true],
    ['00', true],
    ['YY', true],
    ['A', false],
    ['A12', false],
    ['a1', false],
    ['Z1', false],
    ['', false],
  ])('isValidDeviceCode(%j) -> %s', (code, valid) => {
    expect(isValidDeviceCode(code)).toBe(valid);
  });

  it.each([
    [[0, 0.999_999], '0Y'],
    [[0.5, 0.1], 'F3'],
    [[1, -0.2], 'Y0'],
    [[Number.NaN, 0.35], '0A'],
  ])('randomDeviceCode with draws %j -> %s', (draws, code) => {
    const queue = [...draws];
    expect(randomDeviceCode(() => queue.shift() ?? 0)).toBe(code);
  });

  it('always draws a valid device code from Math.random', () => {
    const codes = Array.from({ length: 500 }, () => randomDeviceCode(Math.random));
    expect(codes.filter((code) => !isValidDeviceCode(code))).toEqual([]);
  });
});
