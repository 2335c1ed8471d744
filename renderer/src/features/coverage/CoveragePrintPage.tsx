import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { coverageReport, type CoverageReport, type EnterpriseCoverageRow } from '../../db/coverage-repo';
import { getAppSettings } from '../../db/settings-repo';
import { useI18n } from '../../i18n/i18n';
import { formatDate, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { STATUS_LABEL } from '../archive/labels';
import { layoutPages, PAGE_CONTENT_MM, rowHeight, textLines } from '../archive/print-layout';
import { PrintFrame } from '../archive/PrintFrame';
import { categoryLabel, percentText, readCoverageQuery, reasonsText, uncoveredRows } from './coverage-view';

// Title, date line, definition and the category table before the list (mm, estimated generously).
const HEAD_MM = 40;
const CATEGORY_ROW_MM = rowHeight(1);
const SECTION_MM = 9;
// Cell widths exclude padding and borders (about 2.3 mm a column); the officers column takes the rest (about 30 mm).
const COLUMNS_MM = { name: 44, town: 16, reasons: 42, principals: 30, officers: 30 };

/**
 * 培训覆盖率报告 (A4 portrait): the shares per category against the targets, then the enterprises not yet covered
 * (as filtered on the page) with the reasons and who is not current.
 */
export function CoveragePrintPage() {
  const [params] = useSearchParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const query = readCoverageQuery(params);
  const today = localToday();
  const [data, setData] = useState<{ report: CoverageReport; bureau: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([coverageReport(ctx, { today }), getAppSettings(ctx.db)]).then(([report, settings]) => {
      if (!cancelled) setData({ report, bureau: settings.issuingBody });
    });
    return () => {
      cancelled = true;
    };
  }, [ctx, today]);

  const title = t('coverage.printTitle');
  if (!data) return <PrintFrame pages={null} bureau="" documentTitle={title} fileName={title} />;
  const { report, bureau } = data;
  const rows = uncoveredRows(report.rows, query);
  const people = (list: EnterpriseCoverageRow['principals']) =>
    list.length === 0
      ? t('coverage.noneOnRecord')
      : list.map((m) => `${m.person.name}（${t(STATUS_LABEL[m.status])}）`).join('、');
  const heightOf = (r: EnterpriseCoverageRow) =>
    rowHeight(
      textLines(r.enterprise.name, COLUMNS_MM.name),
      textLines(reasonsText(t, r), COLUMNS_MM.reasons),
      textLines(people(r.principals), COLUMNS_MM.principals),
      textLines(people(r.officers), COLUMNS_MM.officers),
    );
  const categoryBlock = SECTION_MM + (report.categories.length + 1) * CATEGORY_ROW_MM;
  const { pages: laid } = layoutPages(rows, heightOf, {
    first: PAGE_CONTENT_MM - HEAD_MM - categoryBlock - SECTION_MM,
    rest: PAGE_CONTENT_MM - SECTION_MM,
    tail: 0,
  });
  const filterText = [
    query.category ? t(`coverage.cat.${query.category}`) : '',
    query.town ? `${t('coverage.townPrefix')}${query.town}` : '',
  ]
    .filter(Boolean)
    .join('，');

  const firstOf = laid.map((_, p) => laid.slice(0, p).reduce((n, page) => n + page.length, 0));
  const pages = laid.map((pageRows, p) => (
    <div key={p}>
      {p === 0 && (
        <>
          <h1 className="archive-title">{title}</h1>
          <p className="archive-note" style={{ textAlign: 'center', fontSize: '10pt' }}>
            {t('coverage.printAsOf', { date: formatDate(today, locale) })}
          </p>
          <p className="archive-note">{t('coverage.definition')}</p>
          <div className="archive-section">{t('coverage.byCategory')}</div>
          <table className="archive-table" aria-label={t('coverage.categoryTable')}>
            <thead>
              <tr>
                <th>{t('coverage.category')}</th>
                <th style={{ width: '22mm' }}>{t('coverage.enterprises')}</th>
                <th style={{ width: '22mm' }}>{t('coverage.covered')}</th>
                <th style={{ width: '24mm' }}>{t('coverage.share')}</th>
                <th style={{ width: '22mm' }}>{t('coverage.target')}</th>
                <th style={{ width: '22mm' }}>{t('coverage.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {report.categories.map((c) => (
                <tr key={c.category.kind === 'town' ? `town:${c.category.town}` : c.category.kind}>
                  <td className="left">
                    {c.category.kind === 'town'
                      ? `${t('coverage.townPrefix')}${c.category.town}`
                      : categoryLabel(t, c.category)}
                  </td>
                  <td className="num">{c.enterprises}</td>
                  <td className="num">{c.covered}</td>
                  <td className="num">{percentText(c.share)}</td>
                  <td className="num">{c.target === null ? '—' : `${c.target}%`}</td>
                  <td>{c.met === null ? '—' : c.met ? t('coverage.met') : t('coverage.notMet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="archive-section">
        {t('coverage.uncovered', { count: rows.length })}
        {filterText ? `（${filterText}）` : ''}
      </div>
      {pageRows.length > 0 ? (
        <table className="archive-table" aria-label={t('coverage.uncoveredTable')}>
          <thead>
            <tr>
              <th style={{ width: '9mm' }}>{t('common.seq')}</th>
              <th style={{ width: `${COLUMNS_MM.name}mm` }}>{t('enterprises.name')}</th>
              <th style={{ width: `${COLUMNS_MM.town}mm` }}>{t('enterprises.town')}</th>
              <th style={{ width: `${COLUMNS_MM.reasons}mm` }}>{t('coverage.reasons')}</th>
              <th style={{ width: `${COLUMNS_MM.principals}mm` }}>{t('coverage.principals')}</th>
              <th>{t('coverage.officers')}</th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((r, i) => (
              <tr key={r.enterprise.id}>
                <td className="num">{firstOf[p]! + i + 1}</td>
                <td className="left">{r.enterprise.name}</td>
                <td>{r.enterprise.town ?? ''}</td>
                <td className="left">{reasonsText(t, r)}</td>
                <td className="left">{people(r.principals)}</td>
                <td className="left">{people(r.officers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="archive-body-text">{t('coverage.allCovered')}</p>
      )}
    </div>
  ));

  return <PrintFrame pages={pages} bureau={bureau} documentTitle={title} fileName={`${title}-${today}`} />;
}
