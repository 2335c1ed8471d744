/**
 * Whether an error means the disk (or the browser's storage quota for the app) is full: IndexedDB's
 * QuotaExceededError, as the browser raises it or as Dexie wraps it (an AbortError with `inner`, a BulkError with
 * `failures`), or a file write's ENOSPC from the desktop app's main process.
 */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    message?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (e.name === 'QuotaExceededError') return true;
  if (typeof e.message === 'string' && /QuotaExceeded|quota exceeded|ENOSPC|no space left/i.test(e.message)) {
    return true;
  }
  const inner = [e.inner, e.cause, ...(Array.isArray(e.failures) ? (e.failures as unknown[]) : [])];
  return inner.some((x) => isStorageFull(x, depth + 1));
}
