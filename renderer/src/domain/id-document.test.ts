import { describe, expect, it } from 'vitest';
import { parseOtherDocumentNumber, parsePersonId, residentIdHolder } from './id-document';
import { buildResidentId } from './resident-id';

const HK = buildResidentId('810000', '1990-01-01', 11);
const TW = buildResidentId('830000', '1988-12-31', 24);

describe('parseOtherDocumentNumber', () => {
  it.each([
    ['E12345678', { ok: true, id: 'E12345678' }],
    [' e1234 5678 ', { ok: true, id: 'E12345678' }],
    ['Ｇ１２３４５６７８', { ok: true, id: 'G12345678' }],
    ['', { ok: false, error: 'empty' }],
    ['E123#4567', { ok: false, error: 'characters' }],
    ['张三12345', { ok: false, error: 'characters' }],
    ['E123', { ok: false, error: 'length' }],
    ['E'.repeat(21), { ok: false, error: 'length' }],
  ])('%j -> %j', (input, expected) => {
    expect(parseOtherDocumentNumber(input)).toEqual(expected);
  });
});

describe('parsePersonId', () => {
  it('reads birth date, gender and region from a resident ID', () => {
    expect(parsePersonId('resident-id', HK.toLowerCase())).toEqual({
      ok: true,
      idType: 'resident-id',
      id: HK,
      birthDate: '1990-01-01',
      gender: 'M',
      regionCode: '810000',
    });
  });

  it('upgrades a 15-digit number', () => {
    const result = parsePersonId('resident-id', '320402830320066');
    expect(result).toMatchObject({ ok: true, id: buildResidentId('320402', '1983-03-20', 66) });
    expect(result.ok && result.upgradedFrom15).toBe(true);
  });

  it.each([
    ['resident-id', HK.slice(0, 17) + (HK.endsWith('1') ? '2' : '1'), 'checksum'],
    ['resident-id', '4.11627E+17', 'precision-lost'],
    ['passport', 'E12', 'length'],
  ] as const)('%s %j -> %s', (idType, input, error) => {
    expect(parsePersonId(idType, input)).toEqual({ ok: false, idType, error });
  });

  it('takes a passport number with no checksum and no birth date', () => {
    expect(parsePersonId('passport', 'e12345678')).toEqual({ ok: true, idType: 'passport', id: 'E12345678' });
  });
});

describe('residentIdHolder', () => {
  it.each([
    [HK, 'hong-kong'],
    [buildResidentId('820000', '1990-01-01', 12), 'macao'],
    [TW, 'taiwan'],
    [buildResidentId('320402', '1990-01-01', 12), 'mainland'],
  ])('%s -> %s', (id, holder) => {
    expect(residentIdHolder(id)).toBe(holder);
  });
});
