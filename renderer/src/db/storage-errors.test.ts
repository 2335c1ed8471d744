import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isStorageFull } from './storage-errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isStorageFull', () => {
  it.each<[string, unknown, boolean]>([
    ['the browser’s QuotaExceededError', quota(), true],
    ['Dexie’s abort wrapping it', new Dexie.AbortError('Transaction aborted', quota()), true],
    ['Dexie’s own quota error', new Dexie.QuotaExceededError('full'), true],
    ['a bulk write that failed on it', new Dexie.BulkError('1 of 2 failed', [quota()]), true],
    ['a cause chain', new Error('save failed', { cause: quota() }), true],
    ['the desktop app’s disk-full write', new Error('ENOSPC: no space left on device, write'), true],
    ['a constraint error', new Dexie.ConstraintError('Key already exists'), false],
    ['a plain abort', new Dexie.AbortError('Transaction aborted'), false],
    ['not an error', 'quota', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isStorageFull(error)).toBe(expected);
  });
});
