import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { noticeSessions, type NoticeSession } from '../../db/notices-repo';
import { getAppSettings } from '../../db/settings-repo';
import { bringItems, noticeSettings, parseSessionIds } from '../../domain/training-notice';
import { useI18n } from '../../i18n/i18n';
import { formatDate, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { layoutPages, PAGE_CONTENT_MM, rowHeight, textLines } from '../archive/print-layout';
import { PrintFrame } from '../archive/PrintFrame';
import { noticeLine } from './notice-view';
import './notice-print.css';

// The letterhead, title, salutation and opening paragraph (mm, estimated generously).
const HEAD_MM = 78;
const SECTION_MM = 9;
// Cell widths exclude padding and borders (about 2.3 mm a column); the hours column takes the rest.
const COLUMNS_MM = { name: 42, audience: 24, dates: 28, times: 21, venue: 32 };

/**
 * 培训通知 (A4 portrait): the bureau's letterhead, the sessions chosen (dates, times, venue, audience, course,
 * hours), what to bring, the contact, the bureau's sign-off and room for the seal. The sessions and the editable
 * parts come in the address (`?sessions=a,b&bring=…&contact=…&phone=…`); missing parts take the settings.
 */
export function NoticePrintPage() {
  const [params] = useSearchParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const today = localToday();
  const ids = parseSessionIds(params.get('sessions'));
  const [data, setData] = useState<{
    rows: NoticeSession[];
    bureau: string;
    defaults: ReturnType<typeof noticeSettings>;
  } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([noticeSessions(ctx, ids), getAppSettings(ctx.db)]).then(([rows, settings]) => {
      if (!cancelled)
        setData({
          rows,
          bureau: settings.issuingBody,
          defaults: noticeSettings(settings.trainingNotice, t('trainingNotice.defaultBring')),
        });
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx, params.get('sessions'), t]);

  const title = t('trainingNotice.documentTitle');
  if (!data) return <PrintFrame pages={null} bureau="" documentTitle={title} fileName={title} />;
  const { rows, bureau, defaults } = data;
  const bring = bringItems(params.get('bring') ?? defaults.bring);
  const contactName = params.get('contact') ?? defaults.contactName;
  const contactPhone = params.get('phone') ?? defaults.contactPhone;
  const lines = rows.map((r) => ({ id: r.session.id, line: noticeLine(t, locale, r) }));
  const tailMm = SECTION_MM * 3 + bring.length * 8 + 10 + 40;
  const { pages: laid, tailOnOwnPage } = layoutPages(
    lines,
    ({ line }) =>
      rowHeight(
        textLines(line.name, COLUMNS_MM.name),
        textLines(line.audience, COLUMNS_MM.audience),
        textLines(line.dates, COLUMNS_MM.dates),
        textLines(line.times, COLUMNS_MM.times),
        textLines(line.venue, COLUMNS_MM.venue),
      ),
    { first: PAGE_CONTENT_MM - HEAD_MM - SECTION_MM, rest: PAGE_CONTENT_MM, tail: tailMm },
  );
  let seq = 0;

  const closing = (
    <>
      <div className="archive-section">{t('trainingNotice.bringSection')}</div>
      <ol className="notice-list">
        {bring.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
      <div className="archive-section">{t('trainingNotice.contactSection')}</div>
      <p className="archive-body-text">
        {t('trainingNotice.contactLine', { name: contactName || '—', phone: contactPhone || '—' })}
      </p>
      <div className="archive-signoff">
        <div>{bureau}</div>
        <div>{formatDate(today, locale)}</div>
        <div style={{ fontSize: '9pt', color: '#555' }}>{t('notice.seal')}</div>
      </div>
    </>
  );

  const pages = laid.map((pageLines, p) => (
    <div key={p}>
      {p === 0 && (
        <>
          <div className="notice-letterhead">{bureau}</div>
          <h1 className="archive-title">{title}</h1>
          <p className="notice-salutation">{t('trainingNotice.salutation')}</p>
          <p className="archive-body-text">{t('trainingNotice.opening', { count: rows.length })}</p>
          <div className="archive-section">{t('trainingNotice.scheduleSection')}</div>
        </>
      )}
      {pageLines.length > 0 && (
        <table className="archive-table" aria-label={t('trainingNotice.sessionsTable')}>
          <thead>
            <tr>
              <th style={{ width: '9mm' }}>{t('common.seq')}</th>
              <th style={{ width: `${COLUMNS_MM.name}mm` }}>{t('trainingNotice.course')}</th>
              <th style={{ width: `${COLUMNS_MM.audience}mm` }}>{t('trainingNotice.audience')}</th>
              <th style={{ width: `${COLUMNS_MM.dates}mm` }}>{t('sessions.dates')}</th>
              <th style={{ width: `${COLUMNS_MM.times}mm` }}>{t('trainingNotice.times')}</th>
              <th style={{ width: `${COLUMNS_MM.venue}mm` }}>{t('sessions.venue')}</th>
              <th>{t('trainingNotice.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {pageLines.map(({ id, line }) => {
              seq += 1;
              return (
                <tr key={id}>
                  <td className="num">{seq}</td>
                  <td className="left">
                    {line.name}
                    {line.kind ? <div className="notice-kind">{line.kind}</div> : null}
                  </td>
                  <td>{line.audience}</td>
                  <td>{line.dates}</td>
                  <td className="num">{line.times}</td>
                  <td className="left">{line.venue}</td>
                  <td className="num">{line.hours}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length === 0 && p === 0 && <p className="archive-body-text">{t('trainingNotice.noSessions')}</p>}
      {p === laid.length - 1 && !tailOnOwnPage && closing}
    </div>
  ));
  if (tailOnOwnPage) pages.push(<div key="closing">{closing}</div>);

  return (
    <PrintFrame
      pages={pages}
      bureau={bureau}
      documentTitle={title}
      fileName={`${title}-${today}`}
      signLines={false}
    />
  );
}
