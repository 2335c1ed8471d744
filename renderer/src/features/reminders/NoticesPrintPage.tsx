import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { reminders, remindersByEnterprise, type PersonReminder } from '../../db/reminders-repo';
import { getAppSettings } from '../../db/settings-repo';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatHours, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { ROLE_LABEL } from '../people/labels';
import { STATUS_LABEL } from '../archive/labels';
import { layoutPages, PAGE_CONTENT_MM, rowHeight } from '../archive/print-layout';
import { PrintFrame } from '../archive/PrintFrame';
import { readReminderQuery } from './reminder-filter';

type Group = ReturnType<typeof remindersByEnterprise>[number];
type Line = { kind: 'person'; r: PersonReminder } | { kind: 'certificate'; c: Group['certificates'][number] };

const HEAD_MM = 52;
const TAIL_MM = 62;
const SECTION_MM = 9 + 8;

/**
 * 培训提醒通知: one notice per enterprise (more pages where its list is long) naming who must train by when, and
 * the certificates running out, with what to do; signed by the bureau. Filtered as the reminders list was.
 */
export function NoticesPrintPage() {
  const [params] = useSearchParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const query = readReminderQuery(params);
  const today = localToday();
  const [data, setData] = useState<{ groups: Group[]; bureau: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([reminders(ctx, { today, ...query }), getAppSettings(ctx.db)]).then(
      ([list, settings]) => {
        if (!cancelled) setData({ groups: remindersByEnterprise(list), bureau: settings.issuingBody });
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx, today, query.withinDays, query.town, query.industry]);

  const title = t('notice.title');
  if (!data) return <PrintFrame pages={null} bureau="" documentTitle={title} fileName={title} />;
  const { groups, bureau } = data;

  const personRows = (rows: PersonReminder[]) => (
    <table className="archive-table" aria-label={t('notice.peopleTable')}>
      <thead>
        <tr>
          <th style={{ width: '9mm' }}>{t('common.seq')}</th>
          <th style={{ width: '22mm' }}>{t('people.name')}</th>
          <th style={{ width: '36mm' }}>{t('people.idNumber')}</th>
          <th>{t('people.role')}</th>
          <th style={{ width: '26mm' }}>{t('notice.hours')}</th>
          <th style={{ width: '24mm' }}>{t('archive.status')}</th>
          <th style={{ width: '30mm' }}>{t('reminders.dueDate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.person.id}>
            <td className="num">{i + 1}</td>
            <td>{r.person.name}</td>
            <td className="num">{maskIdNumber(r.person.idNumber)}</td>
            <td>{t(ROLE_LABEL[r.audience])}</td>
            <td className="num">
              {r.requiredThisYear === null
                ? formatHours(r.hoursThisYear)
                : `${formatHours(r.hoursThisYear)} / ${formatHours(r.requiredThisYear)}`}
            </td>
            <td>{t(STATUS_LABEL[r.status])}</td>
            <td>
              {r.ledger.dueDate ? formatDate(r.ledger.dueDate, locale) : t('reminders.asSoonAsPossible')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const certificateRows = (rows: Group['certificates']) => (
    <table className="archive-table" aria-label={t('notice.certificatesTable')}>
      <thead>
        <tr>
          <th style={{ width: '9mm' }}>{t('common.seq')}</th>
          <th style={{ width: '22mm' }}>{t('people.name')}</th>
          <th style={{ width: '48mm' }}>{t('certificates.number')}</th>
          <th>{t('sessions.name')}</th>
          <th style={{ width: '30mm' }}>{t('reminders.validUntil')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => (
          <tr key={c.certificate.id}>
            <td className="num">{i + 1}</td>
            <td>{c.person?.name ?? c.certificate.snapshot.personName}</td>
            <td className="num">{c.certificate.number}</td>
            <td className="left">{c.course?.name ?? ''}</td>
            <td>
              {formatDate(c.certificate.validUntil!, locale)}
              {c.daysLeft < 0 ? `（${t('notice.expired')}）` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const pages = groups.flatMap((group) => {
    const lines: Line[] = [
      ...group.people.map((r): Line => ({ kind: 'person', r })),
      ...group.certificates.map((c): Line => ({ kind: 'certificate', c })),
    ];
    const sections = (group.people.length > 0 ? 1 : 0) + (group.certificates.length > 0 ? 1 : 0);
    const { pages: laid, tailOnOwnPage } = layoutPages(lines, () => rowHeight(1), {
      first: PAGE_CONTENT_MM - HEAD_MM - sections * SECTION_MM,
      rest: PAGE_CONTENT_MM - sections * SECTION_MM,
      tail: TAIL_MM,
    });
    const enterprise = group.enterprise;
    const content = laid.map((pageLines, p) => {
      const people = pageLines.flatMap((l) => (l.kind === 'person' ? [l.r] : []));
      const certs = pageLines.flatMap((l) => (l.kind === 'certificate' ? [l.c] : []));
      return (
        <div key={`${enterprise.id}-${p}`}>
          {p === 0 && (
            <>
              <h1 className="archive-title">{title}</h1>
              <p style={{ fontSize: '12pt', margin: '2mm 0' }}>{t('notice.to', { name: enterprise.name })}</p>
              <p className="archive-body-text">
                {t('notice.intro', { date: formatDate(today, locale), days: query.withinDays })}
              </p>
            </>
          )}
          {people.length > 0 && (
            <>
              <div className="archive-section">{t('notice.peopleSection')}</div>
              {personRows(people)}
            </>
          )}
          {certs.length > 0 && (
            <>
              <div className="archive-section">{t('notice.certificatesSection')}</div>
              {certificateRows(certs)}
            </>
          )}
          {p === laid.length - 1 && !tailOnOwnPage && closing()}
        </div>
      );
    });
    if (tailOnOwnPage) content.push(<div key={`${enterprise.id}-closing`}>{closing()}</div>);
    return content;
  });

  return (
    <PrintFrame
      pages={pages.length > 0 ? pages : [<p key="none">{t('reminders.noPeople')}</p>]}
      bureau={bureau}
      documentTitle={title}
      fileName={`${title}-${today}`}
      signLines={false}
    />
  );

  function closing() {
    return (
      <>
        <div className="archive-section">{t('notice.whatToDo')}</div>
        <p className="archive-body-text">{t('notice.steps')}</p>
        <div className="archive-signoff">
          <div>{bureau}</div>
          <div>{formatDate(today, locale)}</div>
          <div style={{ fontSize: '9pt', color: '#555' }}>{t('notice.seal')}</div>
        </div>
      </>
    );
  }
}
