import type { SafeTrainDb } from './database';
import { pendingStatistics } from './statistics-repo';

/** How far the statistics aggregate has come: sessions recomputed of those that were waiting. */
export interface StatisticsProgress {
  done: number;
  total: number;
}

/**
 * Follows the statistics refresh from a screen that waits for it. refreshStatistics shares one run between callers
 * and reports progress only to the caller that started it (usually the idle watcher, long before the screen
 * opened), so a waiting screen counts the sessions still waiting instead, every `intervalMs`. The first count is
 * taken after one interval, so that a short wait (a few sessions written since the last report) shows nothing.
 * `total` is the most sessions seen waiting: sessions marked while the rebuild runs raise it. Reports only while
 * something is or was waiting; returns the function that stops following.
 */
export function followStatisticsProgress(
  db: SafeTrainDb,
  onProgress: (progress: StatisticsProgress) => void,
  intervalMs = 1000,
): () => void {
  let stopped = false;
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    timer = undefined;
    // A count that fails (the database closing) only skips this report: the screen's own read reports the failure.
    const pending = await pendingStatistics(db).catch(() => null);
    if (stopped) return;
    if (pending !== null) {
      total = Math.max(total, pending);
      if (total > 0) onProgress({ done: total - pending, total });
    }
    timer = setTimeout(() => void poll(), intervalMs);
  };
  timer = setTimeout(() => void poll(), intervalMs);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
