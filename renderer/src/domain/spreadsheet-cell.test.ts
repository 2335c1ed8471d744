import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './spreadsheet-cell';

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613912345678', "'+8613912345678"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['=HYPERLINK("http://x","点我")', '\'=HYPERLINK("http://x","点我")'],
    ['张三', '张三'],
    ['320402********0663', '320402********0663'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});
