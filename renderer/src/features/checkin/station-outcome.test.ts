import { describe, expect, it } from 'vitest';
import { viewOf } from './station-outcome';

describe('viewOf: a scan that was not saved', () => {
  it.each([
    [true, 'station.notSavedDiskFull'],
    [false, 'station.notSaved'],
  ] as const)(
    'disk full %s: a red answer with the error sound (%s), never a person',
    (diskFull, headline) => {
      const view = viewOf({ mode: 'not-saved', diskFull });
      expect(view).toEqual({
        tone: 'error',
        sound: 'error',
        headline,
        detail: { key: 'station.notSavedDetail' },
      });
    },
  );
});
