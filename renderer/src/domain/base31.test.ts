import { describe, expect, it } from 'vitest';
import { BASE31_ALPHABET, isBase31, mod31CheckChar } from './base31';

describe('base31', () => {
  it('has 31 distinct characters without I, O, S, V, Z', () => {
    expect(new Set(BASE31_ALPHABET).size).toBe(31);
    expect(BASE31_ALPHABET).not.toMatch(/[IOSVZ]/);
  });

  it.each([
    ['', true],
    ['0123456789', true],
    ['ABCDEFGHJKLMNPQRTUWXY', true],
    ['I', false],
    ['O', false],
    ['S', false],
    ['V', false],
    ['Z', false],
    ['a', false],
    ['A B', false],
  ])('isBase31(%j) -> %s', (text, valid) => {
    expect(isBase31(text)).toBe(valid);
  });

  it.each([
    ['0', [1], '0'],
    ['1', [1], 'Y'],
    ['Y', [1], '1'],
    ['11', [1, 3], 'U'],
  ])('mod31CheckChar(%j, %j) -> %s', (body, weights, check) => {
    expect(mod31CheckChar(body, weights)).toBe(check);
  });

  it.each([
    ['11', [1]],
    ['1I', [1, 3]],
  ])('mod31CheckChar rejects %j with weights %j', (body, weights) => {
    expect(() => mod31CheckChar(body, weights)).toThrow(RangeError);
  });
});
