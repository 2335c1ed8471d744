import { describe, expect, it } from 'vitest';
import {
  buildResidentId,
  maskIdNumber,
  parseResidentId,
  residentIdCheckChar,
  type ResidentIdError,
} from './resident-id';

const TODAY = '2026-03-10';

describe('parseResidentId: valid numbers', () => {
  it.each([
    { input: '320402198303200663', birthDate: '1983-03-20', gender: 'F', regionCode: '320402' },
    { input: '37028119850225721X', birthDate: '1985-02-25', gender: 'M', regionCode: '370281' },
    { input: '341225198506150000', birthDate: '1985-06-15', gender: 'F', regionCode: '341225' },
    { input: '810000199005011238', birthDate: '1990-05-01', gender: 'M', regionCode: '810000' },
    { input: '820000198802294565', birthDate: '1988-02-29', gender: 'F', regionCode: '820000' },
    { input: '830000200002290111', birthDate: '2000-02-29', gender: 'M', regionCode: '830000' },
    { input: '320402190001010016', birthDate: '1900-01-01', gender: 'M', regionCode: '320402' },
    { input: '320402202603100014', birthDate: TODAY, gender: 'M', regionCode: '320402' },
  ])('$input -> $birthDate $gender', ({ input, ...expected }) => {
    expect(parseResidentId(input, { today: TODAY })).toEqual({ ok: true, id: input, ...expected });
  });
});

describe('parseResidentId: normalisation', () => {
  it.each([
    { input: '37028119850225721x', id: '37028119850225721X' },
    { input: ' 341225 20010711 6075 ', id: '341225200107116075' },
    { input: '320402\t19830320\t0663', id: '320402198303200663' },
    { input: '320402-19830320-0663', id: '320402198303200663' },
    { input: '\u200B320402198303200663\u00A0', id: '320402198303200663' },
    { input: '\u3000３２０４０２１９８３０３２００６６３', id: '320402198303200663' },
    { input: '３７０２８１１９８５０２２５７２１ｘ', id: '37028119850225721X' },
    { input: "'320402198303200663", id: '320402198303200663' },
    { input: '＇320402198303200663', id: '320402198303200663' },
  ])('$input -> $id', ({ input, id }) => {
    expect(parseResidentId(input, { today: TODAY })).toMatchObject({ ok: true, id });
  });
});

describe('parseResidentId: errors', () => {
  it.each<{ input: string; error: ResidentIdError; why: string }>([
    { input: '', error: 'empty', why: 'nothing typed' },
    { input: ' \t ', error: 'empty', why: 'only whitespace' },
    { input: "'", error: 'empty', why: 'only the Excel apostrophe' },
    { input: '5113A1196811152312', error: 'characters', why: 'a letter inside' },
    { input: '320402X98303200663', error: 'characters', why: 'X before the last position' },
    { input: '身份证320402198303200663', error: 'characters', why: 'a label pasted with the number' },
    { input: '5113A', error: 'characters', why: 'characters before length' },
    { input: '3.41225E+17', error: 'precision-lost', why: 'Excel scientific notation' },
    { input: '4.11627e+17', error: 'precision-lost', why: 'lower-case exponent' },
    { input: '4.11627198205173E+17', error: 'precision-lost', why: 'formula-bar precision' },
    { input: '３.４１２２５Ｅ＋１７', error: 'precision-lost', why: 'full-width scientific notation' },
    { input: '411627198205173000', error: 'precision-lost', why: '15 significant digits, then zeros' },
    { input: '341225200107116000', error: 'precision-lost', why: 'rounded from ...116075' },
    { input: '34122219870721692', error: 'length', why: '17 digits' },
    { input: '5002351987012015061', error: 'length', why: '19 digits' },
    { input: '41162768102091X', error: 'length', why: '15 characters ending in X' },
    { input: '1234', error: 'length', why: 'far too short' },
    { input: '00000019900101123X', error: 'region', why: 'province 00' },
    { input: '990000199001011239', error: 'region', why: 'province 99' },
    { input: '720000199001011239', error: 'region', why: 'province 72' },
    { input: '160000199001011234', error: 'region', why: 'province 16' },
    { input: '000000199902301231', error: 'region', why: 'region before birth date and checksum' },
    { input: '32041119990230123X', error: 'birth-date', why: '30 February, bad checksum too' },
    { input: '320402199902301233', error: 'birth-date', why: '30 February, checksum right' },
    { input: '320402199013011236', error: 'birth-date', why: 'month 13' },
    { input: '320402190002290013', error: 'birth-date', why: '1900 was not a leap year' },
    { input: '320402189912310011', error: 'birth-date', why: 'before 1900' },
    { input: '320411209912011232', error: 'birth-date', why: 'in the future' },
    { input: '320402202603110028', error: 'birth-date', why: 'tomorrow' },
    { input: '342221196501185413', error: 'checksum', why: 'last digit wrong' },
    { input: '341225198808129935', error: 'checksum', why: 'last digit wrong' },
    { input: '37028119850225721Y', error: 'characters', why: 'Y is no check character' },
  ])('$input -> $error ($why)', ({ input, error }) => {
    expect(parseResidentId(input, { today: TODAY })).toEqual({ ok: false, error });
  });
});

describe('parseResidentId: the today option', () => {
  it.each([
    { today: '2026-03-10', ok: true },
    { today: '2026-03-09', ok: false },
    { today: '2030-01-01', ok: true },
  ])('born 2026-03-10, today $today -> ok $ok', ({ today, ok }) => {
    expect(parseResidentId('320402202603100014', { today }).ok).toBe(ok);
  });

  it('defaults to the machine date, so a 1983 birth date is accepted without options', () => {
    expect(parseResidentId('320402198303200663').ok).toBe(true);
  });
});

describe('parseResidentId: first-generation 15-digit numbers', () => {
  it.each([
    { input: '411627681020914', id: '411627196810209146', birthDate: '1968-10-20', gender: 'F' },
    { input: '320481740712604', id: '320481197407126040', birthDate: '1974-07-12', gender: 'F' },
    { input: '411627581128167', id: '411627195811281671', birthDate: '1958-11-28', gender: 'M' },
    { input: ' ３２０４０２ 681020 914', id: '320402196810209145', birthDate: '1968-10-20', gender: 'F' },
  ])('$input -> $id', ({ input, id, birthDate, gender }) => {
    expect(parseResidentId(input, { today: TODAY })).toEqual({
      ok: true,
      id,
      birthDate,
      gender,
      regionCode: id.slice(0, 6),
      upgradedFrom15: true,
    });
  });

  it.each<{ input: string; error: ResidentIdError }>([
    { input: '411627681320914', error: 'birth-date' },
    { input: '411627680230914', error: 'birth-date' },
    { input: '000000681020914', error: 'region' },
  ])('$input -> $error', ({ input, error }) => {
    expect(parseResidentId(input, { today: TODAY })).toEqual({ ok: false, error });
  });
});

describe('residentIdCheckChar', () => {
  it.each([
    ['32040219830320066', '3'],
    ['37028119850225721', 'X'],
    ['34122519850615000', '0'],
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('%s -> %s', (first17, check) => {
    expect(residentIdCheckChar(first17)).toBe(check);
  });

  it.each([
    '',
    '3204021983032006',
    '320402198303200663',
    '3204021983032006X',
    '３２０４０２１９８３０３２００６６',
  ])('rejects %j', (first17) => {
    expect(() => residentIdCheckChar(first17)).toThrow(RangeError);
  });
});

describe('buildResidentId', () => {
  it.each([
    { region: '320402', birthDate: '1983-03-20', sequence: 66, id: '320402198303200663' },
    { region: '370281', birthDate: '1985-02-25', sequence: 721, id: '37028119850225721X' },
    { region: '341225', birthDate: '1985-06-15', sequence: 0, id: '341225198506150000' },
    { region: '000000', birthDate: '1990-01-01', sequence: 123, id: '00000019900101123X' },
  ])('$region $birthDate $sequence -> $id', ({ region, birthDate, sequence, id }) => {
    expect(buildResidentId(region, birthDate, sequence)).toBe(id);
  });

  it.each([
    ['32040', '1983-03-20', 66],
    ['320402', '19830320', 66],
    ['320402', '1983-3-20', 66],
    ['320402', '1983-03-20', -1],
    ['320402', '1983-03-20', 1000],
    ['320402', '1983-03-20', 6.5],
  ])('rejects %s %s %s', (region, birthDate, sequence) => {
    expect(() => buildResidentId(region, birthDate, sequence)).toThrow(RangeError);
  });
});

/** Deterministic generator (mulberry32), so a failure names a reproducible ID. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('buildResidentId and parseResidentId agree', () => {
  const random = seeded(11643);
  const provinces = ['11', '32', '34', '41', '44', '50', '51', '52', '65', '71', '81', '82', '83'];
  const first = Date.UTC(1900, 0, 1);
  const last = Date.UTC(2026, 2, 10);
  const cases = Array.from({ length: 3000 }, () => {
    const province = provinces[Math.floor(random() * provinces.length)] ?? '32';
    const regionCode = province + String(Math.floor(random() * 10000)).padStart(4, '0');
    const birthDate = new Date(first + Math.floor(random() * ((last - first) / 86_400_000 + 1)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const sequence = Math.floor(random() * 1000);
    return { regionCode, birthDate, sequence, gender: sequence % 2 === 1 ? 'M' : 'F' };
  });

  it('parses every generated ID back to its birth date, gender and region', () => {
    for (const { regionCode, birthDate, sequence, gender } of cases) {
      const id = buildResidentId(regionCode, birthDate, sequence);
      expect(parseResidentId(id, { today: TODAY })).toEqual({ ok: true, id, birthDate, gender, regionCode });
    }
  });

  it('covers both genders, the Hong Kong/Macao/Taiwan permits and the whole date range', () => {
    expect(new Set(cases.map((c) => c.gender))).toEqual(new Set(['M', 'F']));
    expect(cases.some((c) => c.regionCode.startsWith('83'))).toBe(true);
    expect(cases.some((c) => c.birthDate < '1910')).toBe(true);
    expect(cases.some((c) => c.birthDate > '2020')).toBe(true);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['320402198303200663', '320402********0663'],
    ['37028119850225721X', '370281********721X'],
    ['3204021983032006631', '320402*********6631'],
    ['320402681020914', '32040*******914'],
    ['E12345678', 'E12****78'],
    ['ABCD', 'A**D'],
    ['AB', '**'],
    ['A', '*'],
    ['', ''],
    ['张三丰', '张**'],
  ])('%j -> %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each(Array.from({ length: 41 }, (_, length) => length))(
    'never reveals more than 6 + 4 (length %i)',
    (length) => {
      const masked = maskIdNumber('7'.repeat(length));
      const shown = masked.replaceAll('*', '').length;
      expect(masked).toHaveLength(length);
      expect(shown).toBeLessThanOrEqual(Math.min(10, Math.ceil(length * 0.6)));
    },
  );
});
