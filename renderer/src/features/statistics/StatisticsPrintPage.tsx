import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { getAppSettings } from '../../db/settings-repo';
import type { BreakdownDimension, BreakdownRow, TrainingSummary } from '../../domain/statistics';
import { useI18n } from '../../i18n/i18n';
import { formatDate, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { layoutPages, PAGE_CONTENT_MM, rowHeight, textLines } from '../archive/print-layout';
import { PrintFrame } from '../archive/PrintFrame';
import { periodFromQuery, presetPeriod } from './period';
import {
  DIMENSION_COLUMN,
  DIMENSION_TITLE,
  DIMENSIONS,
  FIGURES,
  hoursText,
  rateText,
  rowLabel,
} from './statistics-view';
import { useStatistics } from './use-statistics';

// Title, period line and the overview table (mm, estimated generously); a section title with its table header.
const HEAD_MM = 50;
const SECTION_MM = 18;
const LABEL_MM = 62;
// English headers break between words; the shared archive table breaks anywhere (right for Chinese, not for words).
const HEADER_STYLE = { wordBreak: 'normal', overflowWrap: 'anywhere' } as const;

type Line =
  | { kind: 'section'; dimension: BreakdownDimension }
  | { kind: 'row'; dimension: BreakdownDimension; row: BreakdownRow };

/**
 * 安全生产培训统计报表 (A4 portrait): the bureau's title block, the period, the overview, then every breakdown as a
 * table, laid onto pages with the running head, sign-off lines and page numbers of the shared print frame.
 */
export function StatisticsPrintPage() {
  const [params] = useSearchParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const period = periodFromQuery(params) ?? presetPeriod('year', localToday());
  const { data } = useStatistics(period);
  const [bureau, setBureau] = useState<string | null>(null);
  useEffect(() => {
    void getAppSettings(ctx.db).then((s) => setBureau(s.issuingBody));
  }, [ctx]);

  const title = t('stats.printTitle');
  if (!data || bureau === null)
    return <PrintFrame pages={null} bureau="" documentTitle={title} fileName={title} />;
  const { report, names } = data;
  const label = (dimension: BreakdownDimension, key: string) => rowLabel(t, locale, names, dimension, key);

  const lines: Line[] = DIMENSIONS.flatMap((dimension): Line[] => [
    { kind: 'section', dimension },
    ...report.breakdowns[dimension].map((row): Line => ({ kind: 'row', dimension, row })),
  ]);
  const heightOf = (line: Line) =>
    line.kind === 'section'
      ? SECTION_MM
      : rowHeight(textLines(label(line.dimension, line.row.key), LABEL_MM));
  const { pages: laid } = layoutPages(lines, heightOf, {
    first: PAGE_CONTENT_MM - HEAD_MM,
    rest: PAGE_CONTENT_MM,
    tail: 0,
  });

  const tables = (pageLines: Line[]) => {
    // Consecutive rows of one dimension form one table; a table continued from the page before repeats its header.
    const groups: Array<{ dimension: BreakdownDimension; title: boolean; rows: BreakdownRow[] }> = [];
    for (const line of pageLines) {
      const last = groups[groups.length - 1];
      if (line.kind === 'section') groups.push({ dimension: line.dimension, title: true, rows: [] });
      else if (last && last.dimension === line.dimension) last.rows.push(line.row);
      else groups.push({ dimension: line.dimension, title: false, rows: [line.row] });
    }
    return groups.map((g, i) => (
      <div key={i}>
        {g.title && <div className="archive-section">{t(DIMENSION_TITLE[g.dimension])}</div>}
        <table className="archive-table" aria-label={t(DIMENSION_TITLE[g.dimension])}>
          <thead>
            <tr>
              <th style={{ width: `${LABEL_MM}mm` }}>{t(DIMENSION_COLUMN[g.dimension])}</th>
              {FIGURES.map((f) => (
                <th key={f.key} style={HEADER_STYLE}>
                  {t(f.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {g.rows.length === 0 && (
              <tr>
                <td colSpan={6}>{t('stats.noData')}</td>
              </tr>
            )}
            {g.rows.map((r) => (
              <tr key={r.key}>
                <td className="left">{label(g.dimension, r.key)}</td>
                <FigureCells figures={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ));
  };

  const pages = laid.map((pageLines, p) => (
    <div key={p}>
      {p === 0 && (
        <>
          <p className="archive-note" style={{ textAlign: 'center', fontSize: '12pt', margin: 0 }}>
            {bureau}
          </p>
          <h1 className="archive-title">{title}</h1>
          <p className="archive-note" style={{ textAlign: 'center', fontSize: '10pt' }}>
            {t('stats.printPeriod', {
              from: formatDate(period.from, locale),
              to: formatDate(period.to, locale),
            })}
          </p>
          <div className="archive-section">{t('stats.summaryTable')}</div>
          <table className="archive-table" aria-label={t('stats.summaryTable')}>
            <thead>
              <tr>
                {FIGURES.map((f) => (
                  <th key={f.key} style={HEADER_STYLE}>
                    {t(f.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <FigureCells figures={report.summary} />
              </tr>
            </tbody>
          </table>
        </>
      )}
      {tables(pageLines)}
    </div>
  ));

  return (
    <PrintFrame
      pages={pages}
      bureau={bureau}
      documentTitle={title}
      fileName={`${title}-${period.from}-${period.to}`}
    />
  );
}

/** The five figures of a row (or of the summary), in the order of FIGURES' columns. */
function FigureCells({ figures }: { figures: TrainingSummary }) {
  return (
    <>
      <td className="num">{figures.sessions}</td>
      <td className="num">{figures.people}</td>
      <td className="num">{figures.personTimes}</td>
      <td className="num">{hoursText(figures.personHours)}</td>
      <td className="num">{rateText(figures.attendanceRate)}</td>
    </>
  );
}
