import { describe, expect, it } from 'vitest';
import { industryFromText } from './industry-text';
import { INDUSTRIES, isHighRiskIndustry } from './hour-rules';

describe('industryFromText', () => {
  it.each([
    ['危险化学品', 'hazardous-chemicals'],
    ['化工', 'hazardous-chemicals'],
    ['冶金', 'metal-smelting'],
    ['金属冶炼', 'metal-smelting'],
    ['烟花爆竹经营', 'fireworks'],
    ['煤矿', 'coal-mine'],
    ['非煤矿山', 'non-coal-mine'],
    ['建筑施工', 'construction'],
    ['仓储物流', 'transport'],
    ['一般工贸', 'commerce-trade'],
    ['机械制造', 'manufacturing'],
    ['纺织', 'manufacturing'],
    [' 建 筑 ', 'construction'],
    ['农业', null],
    ['', null],
  ])('%j -> %s', (text, code) => {
    expect(industryFromText(text)).toBe(code);
  });

  it('gives only codes of the industry list', () => {
    const codes = new Set(INDUSTRIES.map((i) => i.code));
    for (const text of [
      '危化品',
      '冶炼厂',
      '烟花',
      '煤炭开采',
      '采石场',
      '装饰公司',
      '快递',
      '批发',
      '电子',
    ]) {
      expect(codes.has(industryFromText(text)!)).toBe(true);
    }
    expect(isHighRiskIndustry(industryFromText('烟花爆竹经营')!)).toBe(true);
  });
});
