import { describe, expect, it } from 'vitest';
import { assessmentPassed, isValidScore, scoreDecides } from './assessment';

describe('assessmentPassed', () => {
  it.each([
    { name: 'score above the pass score', entry: { score: 75 }, passScore: 60, passed: true },
    { name: 'score equal to the pass score', entry: { score: 60 }, passScore: 60, passed: true },
    { name: 'score below the pass score', entry: { score: 59.5 }, passScore: 60, passed: false },
    {
      name: 'score decides over a direct pass',
      entry: { score: 40, passed: true },
      passScore: 60,
      passed: false,
    },
    {
      name: 'score decides over a direct fail',
      entry: { score: 90, passed: false },
      passScore: 60,
      passed: true,
    },
    {
      name: 'no pass score: the direct pass stands',
      entry: { score: 40, passed: true },
      passScore: undefined,
      passed: true,
    },
    { name: 'no pass score, no decision', entry: { score: 40 }, passScore: undefined, passed: undefined },
    { name: 'no score: direct pass', entry: { passed: true }, passScore: 60, passed: true },
    { name: 'no score: direct fail', entry: { passed: false }, passScore: 60, passed: false },
    { name: 'nothing entered', entry: {}, passScore: 60, passed: undefined },
  ])('$name', ({ entry, passScore, passed }) => {
    expect(assessmentPassed(entry, passScore)).toBe(passed);
  });
});

describe('scoreDecides', () => {
  it.each([
    [80, 60, true],
    [undefined, 60, false],
    [80, undefined, false],
    [undefined, undefined, false],
  ])('score %s, pass score %s -> %s', (score, passScore, decides) => {
    expect(scoreDecides(score, passScore)).toBe(decides);
  });
});

describe('isValidScore', () => {
  it.each([
    [0, true],
    [100, true],
    [87.5, true],
    [150, true],
    [-1, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [1001, false],
  ])('%s -> %s', (score, valid) => {
    expect(isValidScore(score)).toBe(valid);
  });
});
