import { Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TrainingRecord } from '../../db/history-repo';
import type { Person } from '../../db/records';
import { useI18n } from '../../i18n/i18n';
import { formatDateRange, formatHours, localToday } from '../../ui/format';

/**
 * A training archive as a table: one line per person and session with the dates, attendance, class hours credited
 * and the certificate number. With `people`, a first column names the person (an enterprise's archive).
 */
export function TrainingHistoryTable(props: {
  rows: TrainingRecord[];
  people?: Map<string, Person>;
  loading?: boolean;
}) {
  const { t, locale } = useI18n();
  const today = localToday();
  const { people } = props;
  return (
    <Table<TrainingRecord>
      rowKey={(r) => `${r.personId}|${r.session.id}`}
      size="middle"
      loading={props.loading}
      dataSource={props.rows}
      pagination={{
        pageSize: 50,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      locale={{ emptyText: <Empty description={t('history.empty')} /> }}
      columns={[
        ...(people
          ? [
              {
                title: t('people.name'),
                key: 'person',
                render: (_: unknown, r: TrainingRecord) => (
                  <Link to={`/people/${r.personId}`}>{people.get(r.personId)?.name ?? ''}</Link>
                ),
              },
            ]
          : []),
        {
          title: t('sessions.name'),
          key: 'session',
          render: (_, r) => <Link to={`/sessions/${r.session.id}`}>{r.session.title || r.course?.name}</Link>,
        },
        {
          title: t('sessions.dates'),
          key: 'dates',
          sorter: (a, b) => a.session.startDate.localeCompare(b.session.startDate),
          defaultSortOrder: 'descend',
          render: (_, r) =>
            formatDateRange(
              r.session.days.map((d) => d.date),
              locale,
            ),
        },
        {
          title: t('sessions.attendance'),
          key: 'attendance',
          render: (_, r) =>
            r.daysRecorded > 0 ? (
              t('history.daysAttended', { attended: r.daysAttended, days: r.session.days.length })
            ) : r.session.startDate > today ? (
              <Tag>{t('history.upcoming')}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('history.noAttendance')}</Typography.Text>
            ),
        },
        {
          title: t('sessions.hoursCredited'),
          key: 'hours',
          sorter: (a, b) => a.hoursCredited - b.hoursCredited,
          render: (_, r) => `${formatHours(r.hoursCredited)} ${t('common.classHours')}`,
        },
        {
          title: t('certificates.number'),
          key: 'certificate',
          render: (_, r) =>
            r.certificate ? (
              <span>
                <Typography.Text code>{r.certificate.number}</Typography.Text>
                {r.certificate.status === 'voided' && <Tag color="default">{t('certificates.voided')}</Tag>}
              </span>
            ) : (
              ''
            ),
        },
      ]}
    />
  );
}
