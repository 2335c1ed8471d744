import { useEffect, useState } from 'react';
import { Checkbox } from 'antd';
import { useParams } from 'react-router';
import { archivedLines, personArchive, type ArchiveLine, type PersonArchive } from '../../db/archive-repo';
import { getAppSettings } from '../../db/settings-repo';
import { maskIdNumber } from '../../domain/resident-id';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateRange, formatHours, localToday } from '../../ui/format';
import { useServices } from '../shell/app-context';
import { KIND_LABEL } from '../courses/labels';
import { ROLE_LABEL } from '../people/labels';
import { INDUSTRY_LABEL } from '../enterprises/labels';
import { ARCHIVE_DUE_WITHIN_DAYS, STATUS_LABEL } from './labels';
import { AssessmentText, outlineText } from './archive-text';
import { layoutPages, PAGE_CONTENT_MM, rowHeight, textLines } from './print-layout';
import { PrintFrame } from './PrintFrame';

// Column widths (mm) of the trainings table; they add up to the 186 mm between the page margins.
const COLS = { seq: 9, dates: 30, name: 32, content: 53, hours: 12, assessment: 20, certificate: 30 };
const PARTICULARS_MM = 40;
const SECTION_MM = 9;
const HEADER_ROW_MM = 8;

/**
 * The training archive card of one person (培训档案), A4 portrait: particulars, every training taken with dates,
 * content, hours, assessment and certificate number, then the yearly ledger against the statutory minimum and the
 * rule it follows. The ID number is masked unless the coordinator prints the archive copy in full.
 */
export function PersonArchivePrintPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { ctx } = useServices();
  const [data, setData] = useState<{ archive: PersonArchive; bureau: string } | null>(null);
  const [fullId, setFullId] = useState(false);
  const today = localToday();

  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      personArchive(ctx, id, { today, dueWithinDays: ARCHIVE_DUE_WITHIN_DAYS }),
      getAppSettings(ctx.db),
    ]).then(([archive, settings]) => {
      if (!cancelled && archive) setData({ archive, bureau: settings.issuingBody });
    });
    return () => {
      cancelled = true;
    };
  }, [ctx, id, today]);

  const title = t('archivePrint.personTitle');
  if (!data) return <PrintFrame pages={null} bureau="" documentTitle={title} fileName={title} />;
  const { archive, bureau } = data;
  const { person, ledger } = archive;
  const lines = archivedLines(archive.lines);
  const ledgerMm = SECTION_MM + HEADER_ROW_MM + ledger.years.length * 7.5 + 24;
  const { pages, tailOnOwnPage } = layoutPages(lines, lineHeight, {
    first: PAGE_CONTENT_MM - PARTICULARS_MM - SECTION_MM - HEADER_ROW_MM - 14,
    rest: PAGE_CONTENT_MM - HEADER_ROW_MM,
    tail: ledgerMm,
  });
  const industries = [archive.employer, ...archive.leads]
    .flatMap((e) => (e?.industry ? [t(INDUSTRY_LABEL[e.industry] ?? 'industry.other')] : []))
    .filter((v, i, all) => all.indexOf(v) === i);

  const particulars = (
    <>
      <h1 className="archive-title">{title}</h1>
      <table className="archive-table particulars">
        <tbody>
          <tr>
            <th>{t('people.name')}</th>
            <td>{person.name}</td>
            <th>{t('people.gender')}</th>
            <td>{person.gender ? t(person.gender === 'M' ? 'people.male' : 'people.female') : ''}</td>
            <th>{t('people.birthDate')}</th>
            <td>{person.birthDate ? formatDate(person.birthDate, locale) : ''}</td>
          </tr>
          <tr>
            <th>{t('people.idNumber')}</th>
            <td colSpan={3} className="num">
              {fullId ? person.idNumber : maskIdNumber(person.idNumber)}
            </td>
            <th>{t('people.role')}</th>
            <td>{t(ROLE_LABEL[archive.audience])}</td>
          </tr>
          <tr>
            <th>{t('people.enterprise')}</th>
            <td colSpan={3} className="left">
              {[archive.employer, ...archive.leads]
                .filter((e, i, all) => e && all.findIndex((x) => x?.id === e.id) === i)
                .map((e) => e!.name)
                .join('、')}
            </td>
            <th>{t('enterprises.industry')}</th>
            <td>
              {industries.join('、')}
              {archive.highRisk ? `（${t('enterprises.highRisk')}）` : ''}
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );

  const trainingsTable = (rows: ArchiveLine[], offset: number) => (
    <table className="archive-table" aria-label={t('archive.trainingsTable')}>
      <colgroup>
        {Object.values(COLS).map((w, i) => (
          <col key={i} style={{ width: `${w}mm` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{t('common.seq')}</th>
          <th>{t('sessions.dates')}</th>
          <th>{t('sessions.name')}</th>
          <th>{t('archive.content')}</th>
          <th>{t('common.classHours')}</th>
          <th>{t('assessment.result')}</th>
          <th>{t('certificates.number')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={7}>{t('history.empty')}</td>
          </tr>
        )}
        {rows.map((l, i) => (
          <tr key={l.session.id}>
            <td className="num">{offset + i + 1}</td>
            <td>{datesOf(l)}</td>
            <td className="left">{l.session.title || l.course?.name}</td>
            <td className="left">{outlineText(l.course?.outline)}</td>
            <td className="num">{formatHours(l.hoursCredited)}</td>
            <td>
              <AssessmentText assessment={l.assessment} />
            </td>
            <td className="num">
              {l.certificate
                ? `${l.certificate.number}${l.certificate.status === 'voided' ? `（${t('certificates.voided')}）` : ''}`
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const ledgerBlock = (
    <>
      <div className="archive-section">{t('archive.ledger.title')}</div>
      <table className="archive-table" aria-label={t('archive.ledger.title')}>
        <thead>
          <tr>
            <th>{t('archive.ledger.year')}</th>
            <th>{t('courses.kind')}</th>
            <th>{t('archive.ledger.hours')}</th>
            <th>{t('archive.ledger.required')}</th>
            <th>{t('archive.ledger.result')}</th>
          </tr>
        </thead>
        <tbody>
          {ledger.years.length === 0 && (
            <tr>
              <td colSpan={5}>{t('archive.ledger.empty')}</td>
            </tr>
          )}
          {ledger.years.map((y) => (
            <tr key={y.year}>
              <td className="num">{y.year}</td>
              <td>{t(KIND_LABEL[y.kind])}</td>
              <td className="num">{formatHours(y.hours)}</td>
              <td className="num">
                {y.required === null ? t('archive.ledger.noMinimum') : formatHours(y.required)}
              </td>
              <td>
                {y.met === null
                  ? '—'
                  : y.met
                    ? t('archive.ledger.met')
                    : t('archive.ledger.short', { hours: formatHours((y.required ?? 0) - y.hours) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="archive-note">
        {t('archivePrint.statusLine', {
          date: formatDate(today, locale),
          status: t(STATUS_LABEL[ledger.status]),
        })}
        {ledger.dueDate && ledger.status !== 'current'
          ? ` ${t(ledger.status === 'overdue' ? 'archive.overdueSince' : 'archive.dueBy', {
              date: formatDate(ledger.dueDate, locale),
            })}`
          : ''}
      </p>
      <p className="archive-note">{t('archive.ledger.rule')}</p>
    </>
  );

  let offset = 0;
  const pageContents = pages.map((rows, p) => {
    const first = p === 0;
    const last = p === pages.length - 1;
    const content = (
      <div key={p}>
        {first && particulars}
        {first && <div className="archive-section">{t('archive.trainingsTable')}</div>}
        {(rows.length > 0 || first) && trainingsTable(rows, offset)}
        {last && !tailOnOwnPage && ledgerBlock}
      </div>
    );
    offset += rows.length;
    return content;
  });
  if (tailOnOwnPage) pageContents.push(<div key="ledger">{ledgerBlock}</div>);

  return (
    <PrintFrame
      pages={pageContents}
      bureau={bureau}
      documentTitle={`${title} · ${person.name}`}
      fileName={`${title}-${person.name}`}
      toolbarExtra={
        <Checkbox checked={fullId} onChange={(e) => setFullId(e.target.checked)}>
          {t('archivePrint.fullId')}
        </Checkbox>
      }
    />
  );

  function datesOf(l: ArchiveLine): string {
    return formatDateRange(
      l.session.days.map((d) => d.date),
      locale,
    );
  }

  function lineHeight(l: ArchiveLine): number {
    return rowHeight(
      textLines(datesOf(l), COLS.dates),
      textLines(l.session.title || l.course?.name || '', COLS.name),
      textLines(outlineText(l.course?.outline), COLS.content),
      textLines(l.certificate?.number ?? '', COLS.certificate),
    );
  }
}
