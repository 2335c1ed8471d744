import { useEffect, useState } from 'react';
import { statisticsForPeriod, statisticsNames } from '../../db/statistics-repo';
import type { Period, StatisticsReport } from '../../domain/statistics';
import { useServices } from '../shell/app-context';
import type { StatisticsNames } from './statistics-view';

export interface LoadedStatistics {
  report: StatisticsReport;
  names: StatisticsNames;
}

/** The statistics of a period (null while they load); reloaded when the period changes. */
export function useStatistics(period: Period): { data: LoadedStatistics | null; error: boolean } {
  const { ctx } = useServices();
  const [state, setState] = useState<{ key: string; data: LoadedStatistics | null; error: boolean }>({
    key: '',
    data: null,
    error: false,
  });
  const key = `${period.from}|${period.to}`;
  useEffect(() => {
    let cancelled = false;
    statisticsForPeriod(ctx, { from: period.from, to: period.to })
      .then(async (report) => ({ report, names: await statisticsNames(ctx, report) }))
      .then(
        (data) => !cancelled && setState({ key, data, error: false }),
        () => !cancelled && setState({ key, data: null, error: true }),
      );
    return () => {
      cancelled = true;
    };
  }, [ctx, key, period.from, period.to]);
  return state.key === key ? { data: state.data, error: state.error } : { data: null, error: false };
}
