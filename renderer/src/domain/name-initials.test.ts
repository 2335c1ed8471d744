import { describe, expect, it } from 'vitest';
import { nameInitials } from './name-initials';

describe('nameInitials', () => {
  it.each([
    ['张三丰', ['ZSF']],
    ['王芳', ['WF']],
    [' 王 芳 ', ['WF']],
    ['欧阳修', ['OYX']],
    ['曾国藩', ['ZGF', 'CGF']],
    ['单雄信', ['SXX', 'DXX']],
    ['买买提·艾力', ['MMTAL']],
    ['JOHN SMITH', ['JOHNSMITH']],
    ['', []],
  ])('%s -> %j', (name, expected) => {
    expect(nameInitials(name)).toEqual(expected);
  });
});
