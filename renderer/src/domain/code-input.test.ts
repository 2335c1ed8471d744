import { describe, expect, it } from 'vitest';
import { normalizeCodeInput, toHalfWidth } from './code-input';

describe('toHalfWidth', () => {
  it.each([
    ['０１２３４５６７８９', '0123456789'],
    ['ＡＢＸｘ', 'ABXx'],
    ['－＇＋．', "-'+."],
    ['张三 ab', '张三 ab'],
  ])('%j -> %j', (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });
});

describe('normalizeCodeInput', () => {
  it.each([
    [' 91 110000 600037341l ', '91110000600037341L'],
    ['320402\t1983-0320\r\n0663', '320402198303200663'],
    ['\u3000３２０４\u00A0０２\u200B', '320402'],
    ["'abc", 'ABC'],
    ['\u2018abc', 'ABC'],
    ["ab'c", "AB'C"],
    ["''abc", "'ABC"],
    ['a\u2014b\u2013c\u2212d', 'ABCD'],
    ['', ''],
  ])('%j -> %j', (input, output) => {
    expect(normalizeCodeInput(input)).toBe(output);
  });
});
