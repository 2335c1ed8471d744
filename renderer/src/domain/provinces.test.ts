import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceName } from './provinces';

describe('provinces', () => {
  it('has the 34 provincial-level divisions (83, the Taiwan residence permit prefix, maps to 台湾省)', () => {
    expect(new Set(Object.values(PROVINCES).map((p) => p.zh)).size).toBe(34);
  });

  it.each([
    ['32', 'zh', '江苏省'],
    ['320402', 'zh', '江苏省'],
    ['51', 'en', 'Sichuan'],
    ['50', 'zh', '重庆市'],
    ['81', 'zh', '香港特别行政区'],
    ['83', 'en', 'Taiwan'],
    ['99', 'zh', undefined],
    ['', 'zh', undefined],
  ] as const)('%s (%s) -> %s', (code, locale, name) => {
    expect(provinceName(code, locale)).toBe(name);
  });

  it('English names hold no Chinese characters', () => {
    expect(Object.values(PROVINCES).every((p) => !/[\u4e00-\u9fff]/.test(p.en))).toBe(true);
  });
});
