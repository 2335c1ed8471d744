import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { enterpriseArchive, type EnterpriseArchive, type WorkerTraining } from '../../db/archive-repo';
import { getAppSettings } from '../../db/settings-repo';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { INDUSTRY_LABEL } from '../enterprises/labels';
import { ROLE_LABEL } from '../people/labels';
import { ARCHIVE_DUE_WITHIN_DAYS, STATUS_LABEL } from './labels';
import { layoutPages, PAGE_CONTENT_MM, rowHeight } from './print-layout';
import { PrintFrame } from './PrintFrame';

const HEAD_MM = 42;
const SECTION_MM = 9;
const HEADER_ROW_MM = 8;
const MANAGER_ROW_MM = 9;

/**
 * An enterprise's training archive, A4 portrait: its particulars, the principal and safety officers with their
 * status against the statutory hours, and the list of its workers trained (ID numbers masked).
 */
export function EnterpriseArchivePrintPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const [data, setData] = useState<{ archive: EnterpriseArchive; bureau: string } | null>(null);
  const today = localToday();

  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      enterpriseArchive(ctx, id, { today, dueWithinDays: ARCHIVE_DUE_WITHIN_DAYS }),
      getAppSettings(ctx.db),
    ]).then(([archive, settings]) => {
      if (!cancelled && archive) setData({ archive, bureau: settings.issuingBody });
    });
    return () => {
      cancelled = true;
    };
  }, [ctx, id, today]);

  const title = t('archivePrint.enterpriseTitle');
  if (!data) return <PrintFrame pages={null} bureau="" documentTitle={title} fileName={title} />;
  const { archive, bureau } = data;
  const { enterprise } = archive;
  const year = today.slice(0, 4);
  const managersMm = SECTION_MM + HEADER_ROW_MM + Math.max(1, archive.managers.length) * MANAGER_ROW_MM;
  const { pages } = layoutPages(archive.workersTrained, () => rowHeight(1), {
    first: PAGE_CONTENT_MM - HEAD_MM - managersMm - SECTION_MM - HEADER_ROW_MM,
    rest: PAGE_CONTENT_MM - HEADER_ROW_MM,
    tail: 0,
  });

  const head = (
    <>
      <h1 className="archive-title">{title}</h1>
      <table className="archive-table particulars">
        <tbody>
          <tr>
            <th>{t('enterprises.name')}</th>
            <td colSpan={3} className="left">
              {enterprise.name}
            </td>
          </tr>
          <tr>
            <th>{t('enterprises.creditCode')}</th>
            <td className="num">{enterprise.creditCode ?? ''}</td>
            <th>{t('enterprises.town')}</th>
            <td>{enterprise.town ?? ''}</td>
          </tr>
          <tr>
            <th>{t('enterprises.industry')}</th>
            <td>
              {enterprise.industry ? t(INDUSTRY_LABEL[enterprise.industry] ?? 'industry.other') : ''}
              {archive.highRisk ? `（${t('enterprises.highRisk')}）` : ''}
            </td>
            <th>{t('archivePrint.asOf')}</th>
            <td>{formatDate(today, locale)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );

  const managers = (
    <>
      <div className="archive-section">{t('archive.enterprise.managers')}</div>
      <table className="archive-table" aria-label={t('archive.enterprise.managers')}>
        <thead>
          <tr>
            <th style={{ width: '9mm' }}>{t('common.seq')}</th>
            <th style={{ width: '20mm' }}>{t('people.name')}</th>
            <th style={{ width: '26mm' }}>{t('people.role')}</th>
            <th style={{ width: '36mm' }}>{t('people.idNumber')}</th>
            <th>{t('archive.thisYear', { year })}</th>
            <th>{t('archive.status')}</th>
            <th style={{ width: '28mm' }}>{t('history.last')}</th>
          </tr>
        </thead>
        <tbody>
          {archive.managers.length === 0 && (
            <tr>
              <td colSpan={7}>{t('archive.enterprise.noManagers')}</td>
            </tr>
          )}
          {archive.managers.map((m, i) => (
            <tr key={m.person.id}>
              <td className="num">{i + 1}</td>
              <td>{m.person.name}</td>
              <td>{t(ROLE_LABEL[m.roleHere])}</td>
              <td className="num">{maskIdNumber(m.person.idNumber)}</td>
              <td className="num">
                {m.requiredThisYear === null
                  ? formatHours(m.hoursThisYear)
                  : `${formatHours(m.hoursThisYear)} / ${formatHours(m.requiredThisYear)}`}
              </td>
              <td>
                {t(STATUS_LABEL[m.ledger.status])}
                {m.ledger.dueDate && m.ledger.status !== 'current' ? `（${m.ledger.dueDate}）` : ''}
              </td>
              <td>{m.lastTrainedOn ? formatDate(m.lastTrainedOn, locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );

  const workersTable = (rows: WorkerTraining[], offset: number) => (
    <table className="archive-table" aria-label={t('archive.enterprise.workersTable')}>
      <thead>
        <tr>
          <th style={{ width: '9mm' }}>{t('common.seq')}</th>
          <th style={{ width: '24mm' }}>{t('people.name')}</th>
          <th style={{ width: '40mm' }}>{t('people.idNumber')}</th>
          <th>{t('people.trade')}</th>
          <th style={{ width: '20mm' }}>{t('history.trainings')}</th>
          <th style={{ width: '20mm' }}>{t('history.hours')}</th>
          <th style={{ width: '30mm' }}>{t('history.last')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={7}>{t('archive.enterprise.noWorkers')}</td>
          </tr>
        )}
        {rows.map((w, i) => (
          <tr key={w.person.id}>
            <td className="num">{offset + i + 1}</td>
            <td>{w.person.name}</td>
            <td className="num">{maskIdNumber(w.person.idNumber)}</td>
            <td>{w.person.trade ?? ''}</td>
            <td className="num">{w.trainings}</td>
            <td className="num">{formatHours(w.hours)}</td>
            <td>{formatDate(w.lastTrainedOn, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  let offset = 0;
  const pageContents = pages.map((rows, p) => {
    const content = (
      <div key={p}>
        {p === 0 && head}
        {p === 0 && managers}
        {p === 0 && (
          <div className="archive-section">
            {t('archive.enterprise.workers', {
              trained: archive.workersTrained.length,
              total: archive.workersTotal,
            })}
          </div>
        )}
        {workersTable(rows, offset)}
      </div>
    );
    offset += rows.length;
    return content;
  });

  return (
    <PrintFrame
      pages={pageContents}
      bureau={bureau}
      documentTitle={`${title} · ${enterprise.name}`}
      fileName={`${title}-${enterprise.name}`}
    />
  );
}
