import { describe, expect, it } from 'vitest';
import { columnLetter, PROBLEM_MESSAGE } from './problem-messages';
import { PROBLEM_SEVERITY } from '../../import/analyze-roster';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [3, 'D'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%d -> %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('PROBLEM_MESSAGE', () => {
  it('has a message for every problem the analysis can report', () => {
    expect(Object.keys(PROBLEM_MESSAGE).sort()).toEqual(Object.keys(PROBLEM_SEVERITY).sort());
  });
});
