import { useEffect, useState } from 'react';
import { coverageReport, type CoverageReport } from '../../db/coverage-repo';
import { useServices } from '../shell/app-context';

/**
 * The coverage report, read when the screen opens (and again when the day changes). Not a live query: the report
 * first brings the statistics aggregate up to date, which is a write. Undefined while it is computed.
 */
export function useCoverageReport(today: string): { report?: CoverageReport; failed: boolean } {
  const { ctx } = useServices();
  const [state, setState] = useState<{ report?: CoverageReport; failed: boolean }>({ failed: false });
  useEffect(() => {
    let cancelled = false;
    setState({ failed: false });
    coverageReport(ctx, { today }).then(
      (report) => {
        if (!cancelled) setState({ report, failed: false });
      },
      () => {
        if (!cancelled) setState({ failed: true });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ctx, today]);
  return state;
}
