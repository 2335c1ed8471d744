/**
 * Rosters name industries in words, not codes, and not always the same words (危险化学品 / 化工 / 危化品). The
 * first rule whose pattern matches gives the code of domain/hour-rules INDUSTRIES; order matters where one word
 * contains another (非煤矿山 before 煤矿). Unknown text gives null: the coordinator chooses from the list.
 */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/非煤|矿山|采石|采矿/, 'non-coal-mine'],
  [/煤/, 'coal-mine'],
  [/危险化学品|危化|化工|化学/, 'hazardous-chemicals'],
  [/烟花|爆竹/, 'fireworks'],
  [/冶金|冶炼|钢铁|铸造/, 'metal-smelting'],
  [/建筑|建设|施工|装修|装饰/, 'construction'],
  [/物流|仓储|运输|交通|快递/, 'transport'],
  [/商贸|工贸|批发|零售|商业|贸易/, 'commerce-trade'],
  [/制造|机械|纺织|加工|电子|五金|模具|服装|食品|家具|印刷/, 'manufacturing'],
];

export function industryFromText(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  for (const [pattern, code] of RULES) if (pattern.test(t)) return code;
  return null;
}
