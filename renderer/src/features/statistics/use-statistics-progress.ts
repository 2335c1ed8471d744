import { useEffect, useState } from 'react';
import { followStatisticsProgress, type StatisticsProgress } from '../../db/statistics-progress';
import { useServices } from '../shell/app-context';

/**
 * While a screen waits for statistics (`waiting`), how far their rebuild has come; null while there is nothing to
 * tell (a short wait, or none). After a schema upgrade or a restore the rebuild takes minutes at district size.
 */
export function useStatisticsProgress(waiting: boolean): StatisticsProgress | null {
  const { ctx } = useServices();
  const [progress, setProgress] = useState<StatisticsProgress | null>(null);
  useEffect(() => {
    if (!waiting) return;
    const stop = followStatisticsProgress(ctx.db, setProgress);
    return () => {
      stop();
      setProgress(null);
    };
  }, [ctx, waiting]);
  return waiting ? progress : null;
}
