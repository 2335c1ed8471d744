import { describe, expect, it } from 'vitest';
import {
  normalizeDate,
  normalizePhone,
  parseGender,
  parseRole,
  plainNumber,
  tidyText,
} from './roster-values';

describe('tidyText', () => {
  it.each([
    [' 魏 涛军 ', '魏涛军'],
    ['张\u3000三', '张三'],
    ['欧阳 娜娜', '欧阳娜娜'],
    ['阿卜杜 · 热合曼', '阿卜杜·热合曼'],
    ['  John   Smith ', 'John Smith'],
    ['常州 XX 有限公司', '常州XX有限公司'],
  ])('%j -> %j', (input, expected) => {
    expect(tidyText(input)).toBe(expected);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['130-4668-3065', true, '13046683065'],
    ['+86 138 1234 5678', true, '13812345678'],
    ['0086-13812345678', true, '13812345678'],
    ['(0519)8888-1234', true, '051988881234'],
    ['８６６５５４３', true, '8665543'],
    ['1381234567', false, '1381234567'],
    ['13812345678/13912345678', false, '13812345678/13912345678'],
    ['无', false, '无'],
  ])('%j -> ok %s, %j', (input, ok, value) => {
    expect(normalizePhone(input)).toEqual({ ok, value });
  });
});

describe('parseGender', () => {
  it.each([
    ['男', 'M'],
    ['女 ', 'F'],
    ['男性', 'M'],
    ['f', 'F'],
    ['Male', 'M'],
    ['Ｆ', 'F'],
    ['未知', null],
  ])('%j -> %s', (input, expected) => {
    expect(parseGender(input)).toBe(expected);
  });
});

describe('parseRole', () => {
  it.each([
    ['主要负责人', 'principal'],
    ['法定代表人', 'principal'],
    ['董事长', 'principal'],
    ['安全管理人员', 'safety-officer'],
    ['安全员', 'safety-officer'],
    ['专职安全员', 'safety-officer'],
    ['安全负责人', 'safety-officer'],
    ['车间安全主任', 'safety-officer'],
    ['从业人员', 'worker'],
    ['电工', null],
  ])('%s -> %s', (input, expected) => {
    expect(parseRole(input)).toBe(expected);
  });
});

describe('plainNumber', () => {
  it.each([
    ['411627198205173000', '411627198205173000'],
    ['4.11627198205173E+17', '411627198205173000'],
    ['4.11627E+17', '411627000000000000'],
    ['1.5', '1.5'],
    ['1.25E1', '12.5'],
    ['5E-3', '0.005'],
  ])('%s -> %s', (input, expected) => {
    expect(plainNumber(input)).toBe(expected);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2025-10-02', '2025-10-02'],
    ['2025/10/2', '2025-10-02'],
    ['2025.10.02', '2025-10-02'],
    ['2025年10月2日', '2025-10-02'],
    ['2025/02/30', '2025/02/30'],
    ['去年', '去年'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it('reads a bare Excel day serial in a date column', () => {
    expect(normalizeDate({ numeric: '45932' })).toBe('2025-10-02');
  });
});
