import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { en } from './en';
import { format } from './i18n';

const HAN = /[\u3400-\u9fff\uff00-\uffef]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('English has exactly the Chinese keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.keys(zhCN) as Array<keyof typeof zhCN>)(
    '%s: same placeholders, no Chinese in English',
    (key) => {
      expect(placeholders(en[key])).toEqual(placeholders(zhCN[key]));
      expect(en[key]).not.toMatch(HAN);
      expect(en[key].trim()).not.toBe('');
    },
  );
});

describe('format', () => {
  it.each([
    ['{name} 签到成功', { name: '张三' }, '张三 签到成功'],
    ['共 {total} 条', { total: 3 }, '共 3 条'],
    ['{missing} stays', {}, '{missing} stays'],
    ['no vars', undefined, 'no vars'],
  ])('%s', (template, vars, expected) => {
    expect(format(template, vars)).toBe(expected);
  });
});
