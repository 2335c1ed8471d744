import { describe, expect, it } from 'vitest';
import {
  decideVerification,
  parseScannedPayload,
  type VerificationAnswer,
  type VerificationFacts,
} from './certificate-verification';

const GOOD: VerificationFacts = {
  number: 'ok',
  found: true,
  codeMatches: true,
  signatureMatches: true,
  hashMatches: true,
  status: 'valid',
};

describe('decideVerification', () => {
  it.each<[string, Partial<VerificationFacts>, VerificationAnswer]>([
    ['everything right', {}, { answer: 'valid' }],
    ['voided, code right', { status: 'voided' }, { answer: 'voided' }],
    [
      'number not shaped like one',
      { number: 'malformed', found: false },
      { answer: 'unknown', why: 'malformed' },
    ],
    ['check character wrong', { number: 'check', found: false }, { answer: 'unknown', why: 'check' }],
    ['well-formed number not on record', { found: false }, { answer: 'unknown', why: 'not-found' }],
    [
      'not on record, other facts irrelevant',
      { found: false, codeMatches: false },
      { answer: 'unknown', why: 'not-found' },
    ],
    ['code typed differs', { codeMatches: false }, { answer: 'forged', why: 'code' }],
    [
      'voided and code typed differs',
      { status: 'voided', codeMatches: false },
      { answer: 'forged', why: 'code' },
    ],
    ['snapshot altered after issue', { hashMatches: false }, { answer: 'forged', why: 'hash' }],
    [
      'record not signed with this secret',
      { signatureMatches: false },
      { answer: 'forged', why: 'signature' },
    ],
    [
      'altered and re-hashed but not re-signed',
      { signatureMatches: false, status: 'voided' },
      { answer: 'forged', why: 'signature' },
    ],
    [
      'code wrong and snapshot altered',
      { codeMatches: false, hashMatches: false },
      { answer: 'forged', why: 'code' },
    ],
  ])('%s', (_, facts, expected) => {
    expect(decideVerification({ ...GOOD, ...facts })).toEqual(expected);
  });
});

describe('parseScannedPayload', () => {
  it.each<[string, { number: string; code: string } | null]>([
    ['ST1|AX-2026-G2-000014-F|JF1DFFQE', { number: 'AX-2026-G2-000014-F', code: 'JF1DFFQE' }],
    ['  ST1|AX-2026-G2-000014-F|JF1DFFQE\n', { number: 'AX-2026-G2-000014-F', code: 'JF1DFFQE' }],
    ['st1|AX-2026-G2-000014-F|JF1DFFQE', { number: 'AX-2026-G2-000014-F', code: 'JF1DFFQE' }],
    ['ST1｜AX-2026-G2-000014-F｜JF1DFFQE', { number: 'AX-2026-G2-000014-F', code: 'JF1DFFQE' }],
    ['AX-2026-G2-000014-F', null],
    ['ST1|AX-2026-G2-000014-F', null],
    ['ST1||JF1DFFQE', null],
    ['ST2|AX-2026-G2-000014-F|JF1DFFQE', null],
    ['ST1|a|b|c', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(parseScannedPayload(text)).toEqual(expected);
  });
});
