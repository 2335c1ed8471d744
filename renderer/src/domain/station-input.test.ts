import { describe, expect, it } from 'vitest';
import { badgePayload, classifyStationInput, isReaderBurst, type StationInput } from './station-input';

/** Keystroke times with the given gaps, starting at 1000. */
function keys(...gaps: number[]): number[] {
  const times = [1000];
  for (const g of gaps) times.push(times[times.length - 1]! + g);
  return times;
}

const even = (count: number, gap: number) => keys(...Array<number>(count - 1).fill(gap));

describe('isReaderBurst', () => {
  it.each<[string, number[], boolean]>([
    ['an 18-key ID read at 5 ms a key', even(18, 5), true],
    ['an 18-key ID read at 30 ms a key', even(18, 30), true],
    ['a reader with one 400 ms stall', keys(5, 5, 5, 400, 5, 5, 5, 5, 5, 5, 5), true],
    ['a person typing at 120 ms a key', even(18, 120), false],
    ['a fast typist at 60 ms a key', even(18, 60), false],
    ['a person typing with a few quick pairs', keys(150, 20, 180, 20, 160, 200, 20, 140, 170), false],
    ['too few keys to tell (a short burst)', even(5, 5), false],
    ['no keys', [], false],
    ['one key', [1000], false],
    ['times out of order', keys(5, -20, 5, 5, 5, 5, 5, 5), false],
  ])('%s: %s', (_, times, expected) => {
    expect(isReaderBurst(times)).toBe(expected);
  });

  it('takes its thresholds as options', () => {
    expect(isReaderBurst(even(4, 10), { minKeys: 4 })).toBe(true);
    expect(isReaderBurst(even(18, 50), { maxMedianGapMs: 60 })).toBe(true);
  });
});

describe('classifyStationInput', () => {
  it.each<[string, string, StationInput]>([
    ['empty', '   ', { kind: 'empty' }],
    ['an ID number', '320402198506150013', { kind: 'id', raw: '320402198506150013' }],
    ['an ID with spaces', ' 320402 19850615 0013 ', { kind: 'id', raw: '320402 19850615 0013' }],
    ['an ID ending in x', '37028119850225721x', { kind: 'id', raw: '37028119850225721x' }],
    [
      'a full-width ID',
      '３２０４０２１９８５０６１５００１３',
      { kind: 'id', raw: '３２０４０２１９８５０６１５００１３' },
    ],
    ['a 15-digit ID', '320402850615001', { kind: 'id', raw: '320402850615001' }],
    ['a badge', 'ST1P|320402198506150013', { kind: 'id', raw: '320402198506150013' }],
    [
      'a sign-in sheet QR (person id)',
      'ST1P|0F8FAD5B-D9CB-469F-A165-70867728950E',
      { kind: 'person', personId: '0f8fad5b-d9cb-469f-a165-70867728950e' },
    ],
    ['a badge in lowercase', 'st1p|320402198506150013', { kind: 'id', raw: '320402198506150013' }],
    ['a certificate QR', 'ST1|Z2026-000123|ABCD2345', { kind: 'certificate', number: 'Z2026-000123' }],
    ['a badge without a number', 'ST1P|', { kind: 'unknown-code', raw: 'ST1P|' }],
    ['a foreign QR', 'WIFI:S|x|y', { kind: 'unknown-code', raw: 'WIFI:S|x|y' }],
    ['a name', '张伟', { kind: 'search', text: '张伟' }],
    ['pinyin initials', 'zw', { kind: 'search', text: 'zw' }],
    ['the last digits of a phone', '5678', { kind: 'search', text: '5678' }],
    ['a 14-digit fragment', '32040219850615', { kind: 'search', text: '32040219850615' }],
  ])('%s', (_, line, expected) => {
    expect(classifyStationInput(line)).toEqual(expected);
  });

  it('reads back what badgePayload writes', () => {
    expect(classifyStationInput(badgePayload('0f8fad5b-d9cb-469f-a165-70867728950e'))).toEqual({
      kind: 'person',
      personId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(classifyStationInput(badgePayload('37028119850225721X'))).toEqual({
      kind: 'id',
      raw: '37028119850225721X',
    });
  });
});
