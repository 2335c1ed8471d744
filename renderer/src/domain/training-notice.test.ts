import { describe, expect, it } from 'vitest';
import { bringItems, DEFAULT_NOTICE_BRING, noticeSettings, parseSessionIds } from './training-notice';

describe('parseSessionIds', () => {
  it.each<[string | null, string[]]>([
    [null, []],
    ['', []],
    ['a1,b2', ['a1', 'b2']],
    [' a1 , ,a1,b2 ', ['a1', 'b2']],
    ['a1,<script>,b2', ['a1', 'b2']],
  ])('%j -> %j', (value, expected) => {
    expect(parseSessionIds(value)).toEqual(expected);
  });

  it('keeps at most the limit', () => {
    expect(parseSessionIds('a,b,c,d', 2)).toEqual(['a', 'b']);
  });
});

describe('bringItems', () => {
  it.each<[string, string[]]>([
    ['身份证\n照片', ['身份证', '照片']],
    ['1. 身份证\n2、照片\n\n- 笔', ['身份证', '照片', '笔']],
    ['  \n', []],
  ])('%j', (text, expected) => {
    expect(bringItems(text)).toEqual(expected);
  });
});

describe('noticeSettings', () => {
  it.each<[string, Parameters<typeof noticeSettings>[0], ReturnType<typeof noticeSettings>]>([
    ['defaults', undefined, { contactName: '', contactPhone: '', bring: DEFAULT_NOTICE_BRING }],
    [
      'stored values, trimmed; a blank list takes the default',
      { contactName: ' 周志明 ', contactPhone: '0519-88001234', bring: '  ' },
      { contactName: '周志明', contactPhone: '0519-88001234', bring: DEFAULT_NOTICE_BRING },
    ],
  ])('%s', (_name, stored, expected) => {
    expect(noticeSettings(stored)).toEqual(expected);
  });
});
