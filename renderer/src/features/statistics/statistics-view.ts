import type { Locale, MessageKey, Translate } from '../../i18n/i18n';
import type {
  BreakdownDimension,
  BreakdownRow,
  StatisticsReport,
  TrainingSummary,
} from '../../domain/statistics';
import { DIMENSIONS } from '../../domain/statistics';
import { provinceName } from '../../domain/provinces';
import type { Audience } from '../../domain/hour-rules';
import { AUDIENCE_LABEL } from '../courses/labels';
import { INDUSTRY_LABEL } from '../enterprises/labels';
import type { ExportColumn } from '../export/export-xlsx';

export interface StatisticsNames {
  courses: Map<string, string>;
  enterprises: Map<string, string>;
}

export { DIMENSIONS };

export const DIMENSION_TITLE: Record<BreakdownDimension, MessageKey> = {
  audience: 'stats.dim.audience',
  course: 'stats.dim.course',
  town: 'stats.dim.town',
  industry: 'stats.dim.industry',
  enterprise: 'stats.dim.enterprise',
  province: 'stats.dim.province',
  site: 'stats.dim.site',
};

export const DIMENSION_COLUMN: Record<BreakdownDimension, MessageKey> = {
  audience: 'stats.col.audience',
  course: 'stats.col.course',
  town: 'stats.col.town',
  industry: 'stats.col.industry',
  enterprise: 'stats.col.enterprise',
  province: 'stats.col.province',
  site: 'stats.col.site',
};

/** The summary figures with their labels and definitions (shown as help text). */
export const FIGURES: ReadonlyArray<{ key: keyof TrainingSummary; label: MessageKey; help: MessageKey }> = [
  { key: 'sessions', label: 'stats.sessions', help: 'stats.help.sessions' },
  { key: 'people', label: 'stats.people', help: 'stats.help.people' },
  { key: 'personTimes', label: 'stats.personTimes', help: 'stats.help.personTimes' },
  { key: 'personHours', label: 'stats.personHours', help: 'stats.help.personHours' },
  { key: 'attendanceRate', label: 'stats.attendanceRate', help: 'stats.help.attendanceRate' },
];

/** What a row's key names, in words. */
export function rowLabel(
  t: Translate,
  locale: Locale,
  names: StatisticsNames,
  dimension: BreakdownDimension,
  key: string,
): string {
  const unknown = t('stats.unknown');
  if (key === '') return dimension === 'enterprise' ? t('stats.noEmployer') : unknown;
  switch (dimension) {
    case 'audience':
      return key in AUDIENCE_LABEL ? t(AUDIENCE_LABEL[key as Audience]) : unknown;
    case 'course':
      return names.courses.get(key) ?? unknown;
    case 'town':
      return key;
    case 'industry':
      return t(INDUSTRY_LABEL[key] ?? 'industry.other');
    case 'enterprise':
      return names.enterprises.get(key) ?? unknown;
    case 'province':
      return provinceName(key, locale === 'en' ? 'en' : 'zh') ?? unknown;
    case 'site':
      if (key.startsWith('enterprise:')) return names.enterprises.get(key.slice(11)) ?? unknown;
      return key.slice(6) || unknown;
  }
}

export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function hoursText(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

/** One line of the exported workbook: a breakdown row (or the total) with its dimension and label. */
export interface ExportLine extends TrainingSummary {
  dimension: string;
  item: string;
}

export function exportLines(
  t: Translate,
  locale: Locale,
  names: StatisticsNames,
  report: StatisticsReport,
): ExportLine[] {
  const lines: ExportLine[] = [
    { dimension: t('stats.total'), item: `${report.period.from} ~ ${report.period.to}`, ...report.summary },
  ];
  for (const dimension of DIMENSIONS) {
    for (const row of report.breakdowns[dimension]) {
      lines.push({
        dimension: t(DIMENSION_TITLE[dimension]),
        item: rowLabel(t, locale, names, dimension, row.key),
        ...row,
      });
    }
  }
  return lines;
}

export function exportColumns(t: Translate): ExportColumn<ExportLine>[] {
  return [
    { title: t('stats.xlsxDimension'), value: (l) => l.dimension, width: 22 },
    { title: t('stats.col.item'), value: (l) => l.item, width: 30 },
    { title: t('stats.sessions'), value: (l) => l.sessions, width: 12 },
    { title: t('stats.people'), value: (l) => l.people, width: 12 },
    { title: t('stats.personTimes'), value: (l) => l.personTimes, width: 12 },
    { title: t('stats.personHours'), value: (l) => l.personHours, width: 14 },
    { title: t('stats.attendanceRate'), value: (l) => rateText(l.attendanceRate), width: 12 },
  ];
}

/** The rows a chart shows: the largest by person-times, at most `limit`. */
export function chartRows(rows: readonly BreakdownRow[], limit = 12): BreakdownRow[] {
  return rows.filter((r) => r.personTimes > 0 || r.sessions > 0).slice(0, limit);
}
