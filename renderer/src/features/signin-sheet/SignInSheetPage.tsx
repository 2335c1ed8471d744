import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import QRCode from 'qrcode';
import { getSession } from '../../db/sessions-repo';
import { getCourse } from '../../db/courses-repo';
import { sessionRoster, type RosterRow } from '../../db/enrollments-repo';
import { getAppSettings } from '../../db/settings-repo';
import type { Session } from '../../db/records';
import { badgePayload } from '../../domain/station-input';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { A4Pages } from '../print/A4Pages';
import { paginate, ROWS_PER_PAGE, sheetLine } from './sheet-pages';
import './signin-sheet.css';

interface Prepared {
  session: Session;
  title: string;
  rows: Array<{ row: RosterRow; qr: string }>;
  issuingBody: string;
}

/**
 * The paper fallback: the sign-in sheet (签到表) of one session day, A4 portrait, paginated here so that every page
 * carries the header row, the totals and "page x of y". A QR code per line names the person (ST1P|<person id>),
 * so a signed sheet can be scanned back at the station. Ready for PDF only once the bundled font has loaded.
 */
export function SignInSheetPage() {
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const date = params.get('date') ?? '';
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const [data, setData] = useState<Prepared | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const session = await getSession(ctx, sessionId);
      if (!session) return;
      const [course, roster, settings] = await Promise.all([
        getCourse(ctx, session.courseId),
        sessionRoster(ctx, sessionId),
        getAppSettings(ctx.db),
      ]);
      const rows = await Promise.all(
        roster.map(async (row) => ({
          row,
          qr: await QRCode.toDataURL(badgePayload(row.person.id), {
            errorCorrectionLevel: 'M',
            margin: 0,
            width: 96,
          }),
        })),
      );
      if (!cancelled)
        setData({
          session,
          title: session.title || course?.name || '',
          rows,
          issuingBody: settings.issuingBody,
        });
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [ctx, sessionId]);

  if (!data)
    return <A4Pages pages={null} pageClassName="signin-page" fileName="" countText="" loadingText="" />;
  const { session, title, rows, issuingBody } = data;
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const day = session.days.find((d) => d.date === date) ?? session.days[0]!;
  const pages = paginate(rows);

  return (
    <A4Pages
      pageClassName="signin-page"
      fileName={`${t('sheet.title')}-${title}-${day.date}`}
      countText={t('sheet.pages', { count: pages.length })}
      loadingText={t('print.loadingFont')}
      pages={pages.map((page, p) => (
        <>
          <h1 className="signin-title">
            {title} {t('sheet.title')}
          </h1>
          <div className="signin-info">
            <span>
              {t('sheet.course')}
              {colon}
              {title}
            </span>
            <span>
              {t('sheet.date')}
              {colon}
              {formatDate(day.date, locale)} {day.start}-{day.end}
            </span>
            <span>
              {t('sheet.venue')}
              {colon}
              {session.venue}
            </span>
            <span>
              {t('sheet.instructor')}
              {colon}
              {session.instructor}
            </span>
          </div>
          <table className="signin-table">
            <colgroup>
              <col style={{ width: '9mm' }} />
              <col style={{ width: '17mm' }} />
              <col style={{ width: '36mm' }} />
              <col style={{ width: '25mm' }} />
              <col style={{ width: '14mm' }} />
              <col style={{ width: '15mm' }} />
              <col style={{ width: '21mm' }} />
              <col style={{ width: '15mm' }} />
              <col style={{ width: '21mm' }} />
              <col style={{ width: '13mm' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t('sheet.seq')}</th>
                <th>{t('sheet.name')}</th>
                <th>{t('sheet.idNumber')}</th>
                <th>{t('sheet.enterprise')}</th>
                <th>{t('sheet.trade')}</th>
                <th>{t('sheet.inTime')}</th>
                <th>{t('sheet.signature')}</th>
                <th>{t('sheet.outTime')}</th>
                <th>{t('sheet.signature')}</th>
                <th>{t('sheet.code')}</th>
              </tr>
            </thead>
            <tbody>
              {page.map(({ row, qr }, i) => (
                <tr key={row.person.id}>
                  <td className="num">{sheetLine(p * ROWS_PER_PAGE + i).line}</td>
                  <td>{row.person.name}</td>
                  <td className="num">{maskIdNumber(row.person.idNumber)}</td>
                  <td className="small">{row.enterpriseName ?? ''}</td>
                  <td className="small">{row.person.trade ?? ''}</td>
                  <td />
                  <td />
                  <td />
                  <td />
                  <td className="qr">
                    <img src={qr} alt="" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <footer className="signin-foot">
            <div className="signin-foot-count">
              {t('sheet.expected', { count: rows.length })} / {t('sheet.actual')}
            </div>
            <div>{t('sheet.preparer')}</div>
            <div>{t('sheet.reviewer')}</div>
            <div>{t('sheet.footDate')}</div>
            <div className="signin-seal">
              <div>{t('sheet.seal')}</div>
              {issuingBody && <div className="signin-seal-body">{issuingBody}</div>}
            </div>
            <div className="signin-page-no">{t('sheet.pageOf', { page: p + 1, pages: pages.length })}</div>
          </footer>
        </>
      ))}
    />
  );
}
