import { describe, expect, it } from 'vitest';
import { paginate } from './sheet-pages';

describe('paginate', () => {
  it.each<[number, number, number[]]>([
    [0, 18, [0]],
    [1, 18, [1]],
    [18, 18, [18]],
    [19, 18, [18, 1]],
    [200, 18, [18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 2]],
  ])('%i rows, %i a page', (count, perPage, sizes) => {
    const rows = Array.from({ length: count }, (_, i) => i);
    const pages = paginate(rows, perPage);
    expect(pages.map((p) => p.length)).toEqual(sizes);
    expect(pages.flat()).toEqual(rows);
  });

  it('refuses a page size that is not positive', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});
