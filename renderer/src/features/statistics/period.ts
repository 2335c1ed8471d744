import type { Period } from '../../domain/statistics';

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'lastYear' | 'custom';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a preset means on `today` (YYYY-MM-DD); custom keeps `current`. */
export function presetPeriod(preset: PeriodPreset, today: string, current?: Period): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      const last = first + 2;
      return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'custom':
      return current ?? presetPeriod('month', today);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The period in a URL (?from=&to=), when both ends are dates in order. */
export function periodFromQuery(params: URLSearchParams): Period | undefined {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return ISO.test(from) && ISO.test(to) && from <= to ? { from, to } : undefined;
}
