import { Table, Tag, Typography } from 'antd';
import type { LedgerYear } from '../../domain/hour-ledger';
import { useI18n } from '../../i18n/i18n';
import { formatHours } from '../../ui/format';
import { KIND_LABEL } from '../courses/labels';

/** The yearly class-hour ledger: hours per calendar year against the minimum for that year. */
export function LedgerTable(props: { years: readonly LedgerYear[] }) {
  const { t } = useI18n();
  return (
    <Table<LedgerYear>
      aria-label={t('archive.ledger.title')}
      rowKey="year"
      size="small"
      pagination={false}
      dataSource={[...props.years].reverse()}
      locale={{ emptyText: t('archive.ledger.empty') }}
      columns={[
        { title: t('archive.ledger.year'), key: 'year', render: (_, y) => y.year },
        { title: t('courses.kind'), key: 'kind', render: (_, y) => t(KIND_LABEL[y.kind]) },
        {
          title: t('archive.ledger.hours'),
          key: 'hours',
          align: 'right',
          render: (_, y) => `${formatHours(y.hours)} ${t('common.classHours')}`,
        },
        {
          title: t('archive.ledger.required'),
          key: 'required',
          align: 'right',
          render: (_, y) =>
            y.required === null ? (
              <Typography.Text type="secondary">{t('archive.ledger.noMinimum')}</Typography.Text>
            ) : (
              `${formatHours(y.required)} ${t('common.classHours')}`
            ),
        },
        {
          title: t('archive.ledger.result'),
          key: 'met',
          render: (_, y) =>
            y.met === null ? (
              '—'
            ) : y.met ? (
              <Tag color="green">{t('archive.ledger.met')}</Tag>
            ) : (
              <Tag color="red">
                {t('archive.ledger.short', { hours: formatHours((y.required ?? 0) - y.hours) })}
              </Tag>
            ),
        },
      ]}
    />
  );
}
